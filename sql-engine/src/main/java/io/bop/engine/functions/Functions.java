package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Database;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.engine.types.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Registers the engine's functions on a connection. */
public final class Functions {
  private Functions() {}

  private static final Map<String, SqlType> TYPES = new ConcurrentHashMap<>();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /**
   * @param cancelSession cancels the running statement of the session with the given id; false if there is none
   */
  public static void install(Connection c, Database database, IntPredicate cancelSession, AdvisoryLocks advisoryLocks)
      throws SQLException {
    // bop_cast(value, declaration, zone): a value converted to the storage form of a declared type.
    Udf.register(c, "bop_cast", 3, true, a -> cast(a[0], (String) a[1], (String) a[2]));
    // bop_regexp(text, pattern, flags): PostgreSQL's ~ (flags '') and ~* (flags 'i').
    Udf.register(c, "bop_regexp", 3, true, a -> a[0] == null || a[1] == null ? null
        : pattern(a[1].toString(), a[2].toString()).matcher(a[0].toString()).find() ? 1L : 0L);
    Udf.register(c, "bop_now", 0, false, a -> Values.toStorage(SqlType.TIMESTAMPTZ, Instant.now().atOffset(ZoneOffset.UTC),
        ZoneOffset.UTC));
    Udf.register(c, "bop_random", 0, false, a -> ThreadLocalRandom.current().nextDouble());
    Udf.register(c, "gen_random_uuid", 0, false, a -> UUID.randomUUID().toString());
    Udf.register(c, "concat", -1, true, a -> concat("", a, 0));
    Udf.register(c, "concat_ws", -1, true, a -> a.length == 0 || a[0] == null ? null : concat(text(a[0]), a, 1));
    Udf.register(c, "greatest", -1, true, a -> extreme(a, 1));
    Udf.register(c, "least", -1, true, a -> extreme(a, -1));
    Udf.register(c, "left", 2, true, a -> a[0] == null || a[1] == null ? null : left(text(a[0]), ((Number) a[1]).intValue()));
    Udf.register(c, "right", 2, true, a -> a[0] == null || a[1] == null ? null : right(text(a[0]), ((Number) a[1]).intValue()));
    Udf.register(c, "repeat", 2, true, a -> a[0] == null || a[1] == null ? null
        : text(a[0]).repeat(Math.max(0, ((Number) a[1]).intValue())));
    Udf.register(c, "reverse", 1, true, a -> a[0] == null ? null : new StringBuilder(text(a[0])).reverse().toString());
    Udf.register(c, "lpad", -1, true, a -> pad(a, true));
    Udf.register(c, "rpad", -1, true, a -> pad(a, false));
    Udf.register(c, "split_part", 3, true, a -> a[0] == null || a[1] == null || a[2] == null ? null
        : splitPart(text(a[0]), text(a[1]), ((Number) a[2]).intValue()));
    Udf.register(c, "md5", 1, true, a -> a[0] == null ? null : md5(a[0]));
    Udf.register(c, "initcap", 1, true, a -> a[0] == null ? null : initcap(text(a[0])));
    Udf.register(c, "starts_with", 2, true, a -> a[0] == null || a[1] == null ? null : text(a[0]).startsWith(text(a[1])));
    Udf.register(c, "array_to_string", -1, true, a -> a.length < 2 || a[0] == null || a[1] == null ? null
        : arrayToString(text(a[0]), text(a[1]), a.length > 2 && a[2] != null ? text(a[2]) : null));
    Udf.register(c, "pg_sleep", 1, false, a -> sleep(a[0]));
    Udf.register(c, "bop_json_text", 1, true, a -> a[0] == null ? null : jsonText(text(a[0])));
    Udf.register(c, "regexp_replace", -1, true, a -> a.length < 3 || a[0] == null || a[1] == null || a[2] == null
        ? null : regexpReplace(text(a[0]), text(a[1]), text(a[2]), a.length > 3 && a[3] != null ? text(a[3]) : ""));
    Udf.register(c, "encode", 2, true, a -> a[0] == null || a[1] == null ? null : encode(bytes(a[0]), text(a[1])));
    Udf.register(c, "decode", 2, true, a -> a[0] == null || a[1] == null ? null : decode(text(a[0]), text(a[1])));
    Udf.register(c, "to_timestamp", 1, true, a -> a[0] == null ? null : Values.toStorage(SqlType.TIMESTAMPTZ,
        java.time.Instant.ofEpochMilli(Math.round(((Number) a[0]).doubleValue() * 1000))
            .atOffset(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC));
    Udf.register(c, "make_date", 3, true, a -> a[0] == null || a[1] == null || a[2] == null ? null
        : makeDate(((Number) a[0]).intValue(), ((Number) a[1]).intValue(), ((Number) a[2]).intValue()));
    // trunc(x, digits); SQLite has trunc(x) only
    Udf.register(c, "trunc", 2, true, a -> a[0] == null || a[1] == null ? null : new java.math.BigDecimal(
        a[0].toString()).setScale(((Number) a[1]).intValue(), java.math.RoundingMode.DOWN).doubleValue());
    Udf.register(c, "pg_cancel_backend", 1, false, a -> a[0] != null && cancelSession.test(((Number) a[0]).intValue()));
    // bop_advisory(action, pair, key, second key, session): the pg_advisory_* functions (Expressions).
    Udf.register(c, "bop_advisory", 5, false, a -> advisory(advisoryLocks, text(a[0]), ((Number) a[1]).intValue() != 0,
        a[2], a[3], ((Number) a[4]).intValue()));
    DateTimeFunctions.install(c);
    CatalogFunctions.install(c, database);
    MySqlUdfs.install(c);
    SequenceFunctions.install(c, database);
  }

  private static Object advisory(AdvisoryLocks locks, String action, boolean pair, Object key, Object second,
      int session) throws SqlError {
    if (action.equals("unlock_all")) {
      locks.unlockAll(session);
      return "";
    }
    if (key == null || pair && second == null) {
      return null; // strict, as PostgreSQL's
    }
    long k = pair ? ((Number) key).longValue() << 32 | (((Number) second).longValue() & 0xffffffffL)
        : ((Number) key).longValue();
    return switch (action) {
      case "lock" -> locks.lock(k, pair, session, false, true) ? "" : null;
      case "xact_lock" -> locks.lock(k, pair, session, true, true) ? "" : null;
      case "try_lock" -> locks.lock(k, pair, session, false, false);
      case "try_xact_lock" -> locks.lock(k, pair, session, true, false);
      case "unlock" -> locks.unlock(k, pair, session);
      default -> throw new IllegalArgumentException(action);
    };
  }

  /**
   * PostgreSQL's regexp_replace: the first match unless flag g, case-insensitive with flag i; in the replacement,
   * \\1…\\9 are groups and \\& the whole match.
   */
  private static String regexpReplace(String source, String pattern, String replacement, String flags)
      throws SqlError {
    java.util.regex.Matcher m;
    try {
      m = java.util.regex.Pattern.compile(pattern, flags.contains("i") ? java.util.regex.Pattern.CASE_INSENSITIVE : 0)
          .matcher(source);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new SqlError(Condition.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
    }
    StringBuilder java = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char ch = replacement.charAt(i);
      char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : 0;
      if (ch == '\\' && (Character.isDigit(next) || next == '&')) {
        java.append('$').append(next == '&' ? '0' : next);
        i++;
      } else if (ch == '\\' && next == '\\') {
        java.append("\\\\");
        i++;
      } else {
        java.append(ch == '$' ? "\\$" : ch == '\\' ? "\\\\" : String.valueOf(ch));
      }
    }
    return flags.contains("g") ? m.replaceAll(java.toString()) : m.replaceFirst(java.toString());
  }

  /** A JSON value as PostgreSQL's ->> gives it: a string unquoted, null as NULL, anything else as written. */
  private static String jsonText(String json) {
    if (json.equals("null")) {
      return null;
    }
    if (!json.startsWith("\"")) {
      return json;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < json.length() - 1; i++) {
      char ch = json.charAt(i);
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      char escaped = json.charAt(++i);
      switch (escaped) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }

  private static byte[] bytes(Object value) {
    return value instanceof byte[] b ? b : text(value).getBytes(StandardCharsets.UTF_8);
  }

  /** encode(bytea, format) for PostgreSQL's hex, base64 and escape formats. */
  private static String encode(byte[] data, String format) throws SqlError {
    return switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "hex" -> java.util.HexFormat.of().formatHex(data);
      case "base64" -> java.util.Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
      case "escape" -> {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
          int v = b & 0xff;
          out.append(v == '\\' ? "\\\\" : v == 0 || v >= 0x80 ? String.format("\\%03o", v) : String.valueOf((char) v));
        }
        yield out.toString();
      }
      default -> throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
    };
  }

  /** decode(text, format), the inverse of encode. */
  private static byte[] decode(String text, String format) throws SqlError {
    try {
      return switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "hex" -> java.util.HexFormat.of().parseHex(text.strip());
        case "base64" -> java.util.Base64.getMimeDecoder().decode(text);
        case "escape" -> Values.parseBytea(text);
        default -> throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
      };
    } catch (IllegalArgumentException e) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "invalid " + format + " data: " + e.getMessage());
    }
  }

  private static String makeDate(int year, int month, int day) throws SqlError {
    try {
      return java.time.LocalDate.of(year, month, day).toString();
    } catch (java.time.DateTimeException e) {
      throw new SqlError(Condition.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + year + "-" + month
          + "-" + day);
    }
  }

  /** pg_sleep: waits on the statement's thread, which a cancel interrupts. */
  private static String sleep(Object seconds) throws SqlError {
    if (seconds == null) {
      return "";
    }
    try {
      Thread.sleep((long) (((Number) seconds).doubleValue() * 1000));
    } catch (InterruptedException e) {
      throw new SqlError(Condition.QUERY_CANCELED, "canceling statement due to user request");
    }
    return "";
  }

  /** array_to_string over a stored (JSON) array: NULL elements are skipped unless a replacement is given. */
  private static String arrayToString(String array, String separator, String nullText) throws SqlError {
    List<Object> elements = new java.util.ArrayList<>();
    try {
      flatten(io.bop.engine.types.Json.parseArray(array), elements);
    } catch (IllegalArgumentException e) {
      throw new SqlError(Condition.DATATYPE_MISMATCH, "array_to_string expects an array");
    }
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object e : elements) {
      if (e == null && nullText == null) {
        continue;
      }
      out.append(first ? "" : separator).append(e == null ? nullText : text(e));
      first = false;
    }
    return out.toString();
  }

  private static void flatten(List<Object> elements, List<Object> into) {
    for (Object e : elements) {
      if (e instanceof List<?> nested) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) nested;
        flatten(list, into);
      } else {
        into.add(e);
      }
    }
  }

  private static Object cast(Object value, String declaration, String zone) throws SqlError {
    if (value == null) {
      return null;
    }
    SqlType type = TYPES.computeIfAbsent(declaration, SqlType::parse);
    ZoneId z = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    if (type.kind().isText() && !(value instanceof byte[])) {
      return Values.toStorage(type, text(value), z);
    }
    if (value instanceof Double d && type.kind().isInteger()) {
      // PostgreSQL rounds when casting a fraction to an integer type; SQLite truncates.
      return Values.toStorage(type, Math.round(d), z);
    }
    if (value instanceof String s && type.kind() == TypeKind.BYTEA) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    return Values.toStorage(type, value, z);
  }

  private static Pattern pattern(String regex, String flags) throws SqlError {
    String key = flags + "/" + regex;
    Pattern p = PATTERNS.get(key);
    if (p == null) {
      try {
        p = Pattern.compile(regex, flags.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
      } catch (PatternSyntaxException e) {
        throw new SqlError(Condition.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
      }
      if (PATTERNS.size() > 1000) {
        PATTERNS.clear();
      }
      PATTERNS.put(key, p);
    }
    return p;
  }

  static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }

  private static String concat(String separator, Object[] values, int from) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (int i = from; i < values.length; i++) {
      if (values[i] != null) {
        if (!first) {
          out.append(separator);
        }
        out.append(text(values[i]));
        first = false;
      }
    }
    return out.toString();
  }

  /** greatest/least: NULL arguments are ignored, as in PostgreSQL. */
  private static Object extreme(Object[] values, int sign) {
    Object best = null;
    for (Object v : values) {
      if (v != null && (best == null || sign * compare(v, best) > 0)) {
        best = v;
      }
    }
    return best;
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return text(a).compareTo(text(b));
  }

  private static String left(String s, int n) {
    int count = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, count) : Math.max(0, count + n);
    return s.substring(0, s.offsetByCodePoints(0, keep));
  }

  private static String right(String s, int n) {
    int count = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, count) : Math.max(0, count + n);
    return s.substring(s.offsetByCodePoints(0, count - keep));
  }

  private static Object pad(Object[] a, boolean leftSide) {
    if (a.length < 2 || a[0] == null || a[1] == null) {
      return null;
    }
    String s = text(a[0]);
    int length = ((Number) a[1]).intValue();
    String fill = a.length > 2 && a[2] != null ? text(a[2]) : " ";
    int count = s.codePointCount(0, s.length());
    if (count >= length) {
      return left(s, Math.max(length, 0));
    }
    if (fill.isEmpty()) {
      return s;
    }
    StringBuilder padding = new StringBuilder();
    while (padding.codePointCount(0, padding.length()) < length - count) {
      padding.append(fill);
    }
    String p = left(padding.toString(), length - count);
    return leftSide ? p + s : s + p;
  }

  private static String splitPart(String s, String delimiter, int field) throws SqlError {
    if (field == 0) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "field position must not be zero");
    }
    String[] parts = delimiter.isEmpty() ? new String[] {s} : s.split(Pattern.quote(delimiter), -1);
    int index = field > 0 ? field - 1 : parts.length + field;
    return index >= 0 && index < parts.length ? parts[index] : "";
  }

  private static String md5(Object value) {
    try {
      byte[] bytes = value instanceof byte[] b ? b : text(value).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String initcap(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      out.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
      start = !Character.isLetterOrDigit(ch);
    }
    return out.toString();
  }
}
