package io.bop.engine.types;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Conversions between the three forms of a value: the Java value the engine hands to and takes from the wire
 * modules, the SQLite storage value, and text as users and clients write it.
 *
 * <p>Java values by kind: BOOLEAN {@link Boolean}; integer kinds {@link Long}; REAL and DOUBLE {@link Double};
 * NUMERIC {@link BigDecimal}; text kinds, JSON and INTERVAL {@link String}; BYTEA {@code byte[]}; ARRAY a
 * {@link List} of its elements' values; DATE
 * {@link LocalDate}; TIME {@link LocalTime}; TIMESTAMP {@link LocalDateTime}; TIMESTAMPTZ {@link OffsetDateTime}
 * in the session's zone; UUID {@link UUID}. A stored value that does not fit its declared kind (SQLite types
 * values, not columns) comes back as its text.
 *
 * <p>Storage: booleans as 0/1, dates and times as ISO text that sorts chronologically ({@code 2024-05-01
 * 13:45:00.123456}), TIMESTAMPTZ in UTC, UUIDs as lower-case text, numerics through SQLite's NUMERIC affinity
 * (exact up to 15 significant digits).
 */
public final class Values {
  private Values() {}

  private static final DateTimeFormatter STORED_TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
      .optionalEnd().toFormatter(Locale.ROOT);
  private static final DateTimeFormatter STORED_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(STORED_TIME).toFormatter(Locale.ROOT);

  // ---------------------------------------------------------------- Java value -> SQLite storage value

  /** The value to bind into SQLite for a column or parameter of {@code type}. */
  public static Object toStorage(SqlType type, Object value, ZoneId zone) throws SqlError {
    if (value == null) {
      return null;
    }
    if (type.kind() == TypeKind.ARRAY) {
      return Json.array(storedElements(type, value, zone));
    }
    if (value instanceof String text && type.kind() != TypeKind.UNKNOWN && !type.kind().isText()) {
      value = parse(type, text, zone);
    }
    switch (type.kind()) {
      case BOOLEAN:
        return toBoolean(value) ? 1L : 0L;
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case OID:
        return checkRange(type, toLong(type, value));
      case REAL:
      case DOUBLE:
        return value instanceof Number n ? n.doubleValue() : parseDouble(type, value.toString());
      case NUMERIC: {
        BigDecimal decimal = roundToScale(type, toDecimal(type, value));
        if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18) {
          return decimal.longValueExact();
        }
        return decimal.doubleValue();
      }
      case TEXT:
      case VARCHAR:
      case CHAR:
      case NAME:
        return checkLength(type, text(value));
      case BYTEA:
        return value instanceof byte[] bytes ? bytes : text(value).getBytes(StandardCharsets.UTF_8);
      case DATE:
        return ((LocalDate) value).toString();
      case TIME:
        return STORED_TIME.format((LocalTime) value);
      case TIMESTAMP:
        return STORED_TIMESTAMP.format(value instanceof OffsetDateTime odt ? odt.toLocalDateTime() : (LocalDateTime) value);
      case TIMESTAMPTZ:
        return STORED_TIMESTAMP.format(toInstant(value, zone).atOffset(ZoneOffset.UTC).toLocalDateTime());
      case UUID:
        return value.toString().toLowerCase(Locale.ROOT);
      default:
        return value instanceof byte[] || value instanceof Long || value instanceof Double ? value : text(value);
    }
  }

  // ---------------------------------------------------------------- SQLite storage value -> Java value

  /** The Java value of a stored value read from a column or expression of {@code type}. */
  public static Object fromStorage(SqlType type, Object stored, ZoneId zone) {
    if (stored == null) {
      return null;
    }
    if (stored instanceof Boolean b) {
      stored = b ? 1L : 0L;
    }
    try {
      switch (type.kind()) {
        case ARRAY: {
          List<Object> elements = new ArrayList<>();
          for (Object e : Json.parseArray(stored.toString())) {
            elements.add(e instanceof List<?> nested ? fromStorage(type, Json.array(nested), zone)
                : fromStorage(type.element(), e, zone));
          }
          return elements;
        }
        case BOOLEAN:
          return stored instanceof Number n ? n.longValue() != 0 : parseBoolean(stored.toString());
        case SMALLINT:
        case INTEGER:
        case BIGINT:
        case OID:
          if (stored instanceof Number n) {
            return n instanceof Double d && d != Math.rint(d) ? stored.toString() : n.longValue();
          }
          return Long.parseLong(stored.toString().strip());
        case REAL:
        case DOUBLE:
          return stored instanceof Number n ? n.doubleValue() : Double.parseDouble(stored.toString().strip());
        case NUMERIC: {
          BigDecimal decimal = stored instanceof Long l ? BigDecimal.valueOf(l)
              : stored instanceof Integer i ? BigDecimal.valueOf(i)
              : stored instanceof Double d ? new BigDecimal(Double.toString(d))
              : new BigDecimal(stored.toString().strip());
          return type.scale() >= 0 ? decimal.setScale(type.scale(), RoundingMode.HALF_UP) : decimal;
        }
        case BYTEA:
          return stored instanceof byte[] bytes ? bytes : stored.toString().getBytes(StandardCharsets.UTF_8);
        case DATE:
          return LocalDate.parse(stored.toString().substring(0, Math.min(10, stored.toString().length())));
        case TIME:
          return LocalTime.parse(stored.toString());
        case TIMESTAMP:
          return LocalDateTime.parse(stored.toString(), STORED_TIMESTAMP);
        case TIMESTAMPTZ:
          return LocalDateTime.parse(stored.toString(), STORED_TIMESTAMP).atOffset(ZoneOffset.UTC)
              .atZoneSameInstant(zone).toOffsetDateTime();
        case UUID:
          return UUID.fromString(stored.toString());
        case CHAR:
          return padded(text(stored), type.length());
        default:
          return stored instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : text(stored);
      }
    } catch (RuntimeException notOfThisKind) {
      return stored instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : stored.toString();
    }
  }

  // ---------------------------------------------------------------- text -> Java value

  /** Reads {@code text} as a value of {@code type}, accepting the input forms PostgreSQL and MySQL accept. */
  public static Object parse(SqlType type, String text, ZoneId zone) throws SqlError {
    String t = text.strip();
    switch (type.kind()) {
      case ARRAY:
        return fromStorage(type, toStorage(type, text, zone), zone);
      case BOOLEAN:
        Boolean b = parseBoolean(t);
        if (b == null) {
          throw invalid(type, text);
        }
        return b;
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case OID:
        try {
          return Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw invalid(type, text);
        }
      case REAL:
      case DOUBLE:
        return parseDouble(type, t);
      case NUMERIC:
        return toDecimal(type, t);
      case BYTEA:
        return parseBytea(text);
      case DATE:
        return parseTimestamp(type, t, zone).toLocalDate();
      case TIME:
        return parseTime(type, t);
      case TIMESTAMP:
        return parseTimestamp(type, t, zone);
      case INTERVAL:
        return Interval.parse(t).toString();
      case TIMESTAMPTZ:
        return toInstant(t, zone).atZone(zone).toOffsetDateTime();
      case UUID:
        try {
          String hex = t.replace("{", "").replace("}", "").replace("-", "");
          if (hex.length() != 32) {
            throw new IllegalArgumentException();
          }
          return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        } catch (IllegalArgumentException e) {
          throw invalid(type, text);
        }
      default:
        return text;
    }
  }

  // ---------------------------------------------------------------- helpers

  /** An array value's elements in storage form: from a Java list, a PostgreSQL literal or stored JSON. */
  private static List<Object> storedElements(SqlType type, Object value, ZoneId zone) throws SqlError {
    List<?> elements;
    if (value instanceof List<?> list) {
      elements = list;
    } else if (value instanceof Object[] array) {
      elements = List.of(array);
    } else {
      String text = value.toString().strip();
      try {
        elements = text.startsWith("[") ? Json.parseArray(text) : PgArrays.parse(text, type.isVector());
      } catch (RuntimeException e) {
        throw new SqlError(Condition.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"");
      }
    }
    List<Object> stored = new ArrayList<>(elements.size());
    for (Object element : elements) {
      stored.add(element instanceof List<?> nested ? storedElements(type, nested, zone)
          : storage(toStorage(type.element(), element, zone)));
    }
    return stored;
  }

  /** A storage value as a JSON element: blobs become PostgreSQL's hex text. */
  private static Object storage(Object stored) {
    return stored instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : stored;
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  private static String padded(String text, int length) {
    return length > text.length() ? text + " ".repeat(length - text.length()) : text;
  }

  private static boolean toBoolean(Object value) throws SqlError {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    Boolean b = parseBoolean(value.toString().strip());
    if (b == null) {
      throw invalid(SqlType.BOOLEAN, value.toString());
    }
    return b;
  }

  /** PostgreSQL's boolean input: any unique prefix of true/false/yes/no, on/off, 1/0; null if none. */
  static Boolean parseBoolean(String t) {
    String s = t.toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
      return Boolean.TRUE;
    }
    if ("false".startsWith(s) || "no".startsWith(s) || s.equals("off") || s.equals("0")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static long toLong(SqlType type, Object value) throws SqlError {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(type);
      }
    }
    if (value instanceof Double d) {
      if (d >= 0x1p63 || d < -0x1p63) {
        throw outOfRange(type);
      }
      return Math.round(d);
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    try {
      return Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(type, value.toString());
    }
  }

  private static SqlError outOfRange(SqlType type) {
    return new SqlError(Condition.NUMERIC_VALUE_OUT_OF_RANGE, switch (type.kind()) {
      case SMALLINT -> type.name().equals("tinyint") ? "tinyint out of range" : "smallint out of range";
      case BIGINT -> "bigint out of range";
      default -> "integer out of range";
    });
  }

  private static long checkRange(SqlType type, long v) throws SqlError {
    long min;
    long max;
    switch (type.kind()) {
      case SMALLINT -> {
        boolean tiny = type.name().equals("tinyint");
        min = type.unsigned() ? 0 : tiny ? Byte.MIN_VALUE : Short.MIN_VALUE;
        max = type.unsigned() ? (tiny ? 255 : 65535) : tiny ? Byte.MAX_VALUE : Short.MAX_VALUE;
      }
      case INTEGER -> {
        min = type.unsigned() ? 0 : Integer.MIN_VALUE;
        max = type.unsigned() ? 4294967295L : Integer.MAX_VALUE;
      }
      case BIGINT -> {
        min = type.unsigned() ? 0 : Long.MIN_VALUE;
        max = Long.MAX_VALUE;
      }
      default -> {
        return v;
      }
    }
    if (v < min || v > max) {
      throw outOfRange(type);
    }
    return v;
  }

  private static double parseDouble(SqlType type, String t) throws SqlError {
    String s = t.strip();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "infinity":
      case "+infinity":
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity":
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw invalid(type, t);
        }
    }
  }

  private static BigDecimal toDecimal(SqlType type, Object value) throws SqlError {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof Double d) {
      return new BigDecimal(Double.toString(d));
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(type, value.toString());
    }
  }

  private static BigDecimal roundToScale(SqlType type, BigDecimal d) throws SqlError {
    BigDecimal r = type.scale() >= 0 ? d.setScale(type.scale(), RoundingMode.HALF_UP) : d;
    if (type.length() > 0 && r.precision() - r.scale() > type.length() - Math.max(type.scale(), 0)) {
      throw new SqlError(Condition.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
          "A field with precision " + type.length() + ", scale " + Math.max(type.scale(), 0)
              + " must round to an absolute value less than 10^" + (type.length() - Math.max(type.scale(), 0)) + ".",
          null, 0, null);
    }
    return r;
  }

  private static String checkLength(SqlType type, String text) throws SqlError {
    String value = type.kind() == TypeKind.CHAR ? stripTrailingSpaces(text) : text;
    if (type.length() >= 0 && (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR)
        && value.codePointCount(0, value.length()) > type.length()) {
      throw new SqlError(Condition.STRING_DATA_RIGHT_TRUNCATION, "value too long for type "
          + type.pgFormat());
    }
    return value;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /** bytea input: {@code \x} hex, or the escape format with {@code \\} and {@code \ooo} octal escapes. */
  public static byte[] parseBytea(String text) throws SqlError {
    if (text.startsWith("\\x") || text.startsWith("\\X")) {
      try {
        return HexFormat.of().parseHex(text.substring(2).replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new SqlError(Condition.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal data: odd number of digits");
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      byte c = utf8[i];
      if (c != '\\') {
        out.write(c);
      } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < utf8.length && isOctal(utf8[i + 1]) && isOctal(utf8[i + 2]) && isOctal(utf8[i + 3])) {
        out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
        i += 3;
      } else {
        throw new SqlError(Condition.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  private static LocalTime parseTime(SqlType type, String t) throws SqlError {
    try {
      String s = t;
      int zone = Math.max(s.indexOf('+'), s.lastIndexOf('-'));
      if (zone > 0) {
        s = s.substring(0, zone);
      }
      return LocalTime.parse(s.strip().length() == 5 ? s.strip() + ":00" : s.strip());
    } catch (RuntimeException e) {
      throw new SqlError(Condition.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type " + inputName(type) + ": \"" + t + "\"");
    }
  }

  /** A date or timestamp without its zone (PostgreSQL ignores a zone given for a timestamp without time zone). */
  private static LocalDateTime parseTimestamp(SqlType type, String t, ZoneId zone) throws SqlError {
    DateTimeText parsed = DateTimeText.parse(t);
    if (parsed == null) {
      String special = t.toLowerCase(Locale.ROOT);
      LocalDate today = LocalDate.now(zone);
      switch (special) {
        case "now":
          return LocalDateTime.now(zone);
        case "today":
          return today.atStartOfDay();
        case "tomorrow":
          return today.plusDays(1).atStartOfDay();
        case "yesterday":
          return today.minusDays(1).atStartOfDay();
        case "epoch":
          return LocalDateTime.of(1970, 1, 1, 0, 0);
        default:
          throw new SqlError(Condition.INVALID_DATETIME_FORMAT,
              "invalid input syntax for type " + inputName(type) + ": \"" + t + "\"");
      }
    }
    return parsed.local();
  }

  private static Instant toInstant(Object value, ZoneId zone) throws SqlError {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.atZone(zone).toInstant();
    }
    if (value instanceof LocalDate ld) {
      return ld.atStartOfDay(zone).toInstant();
    }
    String t = value.toString().strip();
    DateTimeText parsed = DateTimeText.parse(t);
    if (parsed == null) {
      return parseTimestamp(SqlType.TIMESTAMPTZ, t, zone).atZone(zone).toInstant();
    }
    return parsed.zone() == null ? parsed.local().atZone(zone).toInstant() : parsed.local().atZone(parsed.zone()).toInstant();
  }

  private static SqlError invalid(SqlType type, String text) {
    return new SqlError(Condition.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + inputName(type) + ": \"" + text + "\"");
  }

  /** The type as PostgreSQL names it in input errors: without length or precision. */
  private static String inputName(SqlType type) {
    return type.pgFormat().replaceAll("\\(\\d+(,\\d+)?\\)", "");
  }
}
