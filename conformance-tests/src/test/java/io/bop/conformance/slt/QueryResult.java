package io.bop.conformance.slt;

import io.bop.conformance.slt.SltRecord.SortMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query's values as the corpus writes them, row after row, each rendered per its column's type letter the way
 * the reference harness renders it ({@code slt_odbc3.c}, which produced the PostgreSQL and MySQL runs): it asks
 * the driver for a C {@code long} for {@code I}, a C {@code double} printed with {@code %.3f} for {@code R}, and
 * text for {@code T}.
 */
record QueryResult(List<String> values, int columns) {
  private static final Pattern HASH_LINE = Pattern.compile("\\d+ values hashing to [0-9a-f]{32}");
  private static final Pattern NUMERIC_PREFIX = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  static QueryResult read(ResultSet rows, String types) throws SQLException {
    List<String> values = new ArrayList<>();
    while (rows.next()) {
      for (int column = 1; column <= types.length(); column++) {
        char type = types.charAt(column - 1);
        values.add(render(type, type == 'T' ? rows.getString(column) : rows.getObject(column)));
      }
    }
    return new QueryResult(values, types.length());
  }

  /** A value as the corpus writes it for type letter {@code type}; for {@code T}, the driver's text of it. */
  static String render(char type, Object value) {
    if (value == null) {
      return "NULL";
    }
    return switch (type) {
      case 'I' -> integer(value);
      case 'R' -> real(value);
      default -> text(value.toString());
    };
  }

  /** A number cut to its integer part, as C's conversion to {@code long} cuts it. */
  private static String integer(Object value) {
    return number(value).toBigInteger().toString();
  }

  private static String real(Object value) {
    return printf3f(value instanceof Double || value instanceof Float ? ((Number) value).doubleValue()
        : number(value).doubleValue());
  }

  /** {@code printf("%.3f", x)} as C does it: the exact binary value rounded half-even, the sign of -0 kept. */
  static String printf3f(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    String digits = new BigDecimal(Math.abs(x)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    return (Math.copySign(1.0, x) < 0 ? "-" : "") + digits;
  }

  /**
   * The value as the reference harnesses read a number from it: a boolean is 1 or 0 (as the ODBC drivers give
   * it), text counts as far as it looks like a number, and text that does not is 0 (as in SQLite and C's
   * {@code atol}).
   */
  private static BigDecimal number(Object value) {
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
      return new BigDecimal(((Number) value).doubleValue());
    }
    Matcher prefix = NUMERIC_PREFIX.matcher(value.toString());
    return prefix.lookingAt() ? new BigDecimal(prefix.group().strip()) : BigDecimal.ZERO;
  }

  /** The empty string as {@code (empty)}, control and non-ASCII characters as {@code @}. */
  private static String text(String value) {
    if (value.isEmpty()) {
      return "(empty)";
    }
    StringBuilder printable = new StringBuilder(value.length());
    value.chars().forEach(c -> printable.append(c < ' ' || c > '~' ? '@' : (char) c));
    return printable.toString();
  }

  /** Rows (rowsort) or values (valuesort) in {@code strcmp} order of their rendered text; nosort keeps them. */
  QueryResult sorted(SortMode mode) {
    return switch (mode) {
      case NOSORT -> this;
      case VALUESORT -> new QueryResult(values.stream().sorted().toList(), columns);
      case ROWSORT -> new QueryResult(rows().stream().sorted(QueryResult::compareRows).flatMap(List::stream).toList(),
          columns);
    };
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order = a.get(i).compareTo(b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i += columns) {
      rows.add(values.subList(i, i + columns));
    }
    return rows;
  }

  /**
   * The result written as {@code expected} is: one line {@code <count> values hashing to <md5>} if that is how
   * the corpus wrote it (the MD5 of every value followed by a newline), otherwise one value per line.
   */
  List<String> writtenLike(List<String> expected) {
    if (expected.size() == 1 && HASH_LINE.matcher(expected.get(0)).matches()) {
      return List.of(hashLine());
    }
    return values;
  }

  String hashLine() {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String value : values) {
        md5.update((value + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      return values.size() + " values hashing to " + HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  @Override public String toString() {
    return String.join("\n", rows().stream().map(row -> String.join(" ", row)).toList());
  }
}
