package io.bop.engine.session;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL session's run-time parameters (GUCs): the ones clients read, set and are told about. Names are
 * case-insensitive; a name with a dot is a custom parameter any client may set, as in PostgreSQL.
 */
public final class PgSettings {
  /** The PostgreSQL release bop presents itself as; clients choose their catalog queries by it. */
  public static final String SERVER_VERSION = "16.4";
  public static final String SERVER_VERSION_NUM = "160004";

  private record Definition(String name, String defaultValue, boolean reported, boolean readOnly) {}

  private static final Map<String, Definition> DEFINITIONS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private static void define(String name, String value, boolean reported, boolean readOnly) {
    DEFINITIONS.put(name, new Definition(name, value, reported, readOnly));
  }

  static {
    define("server_version", SERVER_VERSION, true, true);
    define("server_version_num", SERVER_VERSION_NUM, false, true);
    define("server_encoding", "UTF8", true, true);
    define("client_encoding", "UTF8", true, false);
    define("DateStyle", "ISO, MDY", true, false);
    define("IntervalStyle", "postgres", true, false);
    define("TimeZone", "UTC", true, false);
    define("integer_datetimes", "on", true, true);
    define("standard_conforming_strings", "on", true, false);
    define("is_superuser", "on", true, true);
    define("session_authorization", "", true, true);
    define("application_name", "", true, false);
    define("default_transaction_read_only", "off", true, false);
    define("in_hot_standby", "off", true, true);
    define("search_path", "\"$user\", public", false, false);
    define("transaction_isolation", "read committed", false, false);
    define("default_transaction_isolation", "read committed", false, false);
    define("transaction_read_only", "off", false, false);
    define("extra_float_digits", "1", false, false);
    define("client_min_messages", "notice", false, false);
    define("statement_timeout", "0", false, false);
    define("lock_timeout", "0", false, false);
    define("idle_in_transaction_session_timeout", "0", false, false);
    define("max_identifier_length", "63", false, true);
    define("max_connections", "100", false, true);
    define("max_index_keys", "32", false, true);
    define("block_size", "4096", false, true);
    define("lc_collate", "C", false, true);
    define("lc_ctype", "C", false, true);
    define("lc_messages", "C", false, false);
    define("lc_monetary", "C", false, false);
    define("lc_numeric", "C", false, false);
    define("lc_time", "C", false, false);
    define("bytea_output", "hex", false, false);
    define("synchronous_commit", "on", false, false);
    define("work_mem", "4MB", false, false);
    define("maintenance_work_mem", "64MB", false, false);
    define("row_security", "on", false, false);
    define("jit", "off", false, false);
    define("enable_seqscan", "on", false, false);
    define("check_function_bodies", "on", false, false);
    define("escape_string_warning", "on", false, false);
    define("xmloption", "content", false, false);
    define("timezone_abbreviations", "Default", false, false);
    define("geqo", "on", false, false);
    define("password_encryption", "scram-sha-256", false, false);
  }

  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private ZoneId zone = ZoneId.of("UTC");

  public PgSettings(String user) {
    values.put("session_authorization", user);
  }

  /** The parameters a PostgreSQL client is told about at startup (ParameterStatus), in a stable order. */
  public Map<String, String> reported() {
    Map<String, String> reported = new LinkedHashMap<>();
    for (Definition d : DEFINITIONS.values()) {
      if (d.reported()) {
        reported.put(d.name(), get(d.name()));
      }
    }
    return reported;
  }

  public boolean isReported(String name) {
    Definition d = DEFINITIONS.get(name);
    return d != null && d.reported();
  }

  /** The canonical spelling of a known parameter, or the name as given for a custom one. */
  public static String canonicalName(String name) {
    Definition d = DEFINITIONS.get(name);
    return d == null ? name.toLowerCase(Locale.ROOT) : d.name();
  }

  public String get(String name) throws IllegalArgumentException {
    String value = values.get(name);
    if (value != null) {
      return value;
    }
    Definition d = DEFINITIONS.get(name);
    return d == null ? null : d.defaultValue();
  }

  /** The value of a parameter for SHOW, or an error naming it if it does not exist. */
  public String show(String name) throws SqlError {
    String value = get(name);
    if (value == null) {
      throw new SqlError(Condition.UNDEFINED_PARAMETER, "unrecognized configuration parameter \"" + name + "\"");
    }
    return value;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Every known parameter with its current value, sorted by name, for SHOW ALL. */
  public Map<String, String> all() {
    Map<String, String> all = new TreeMap<>();
    for (Definition d : DEFINITIONS.values()) {
      all.put(d.name(), get(d.name()));
    }
    return all;
  }

  /**
   * Sets a parameter (SET, a startup packet, or {@code options=-c name=value}).
   *
   * @param value the new value, or null to reset it to its default
   */
  public void set(String name, String value) throws SqlError {
    Definition d = DEFINITIONS.get(name);
    if (d == null && name.indexOf('.') < 0) {
      throw new SqlError(Condition.UNDEFINED_PARAMETER, "unrecognized configuration parameter \"" + name + "\"");
    }
    if (d != null && d.readOnly()) {
      throw new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + d.name() + "\" cannot be changed");
    }
    String key = d == null ? name.toLowerCase(Locale.ROOT) : d.name();
    if (value == null) {
      values.remove(key);
      if (key.equals("TimeZone")) {
        zone = ZoneId.of(get("TimeZone"));
      }
      return;
    }
    values.put(key, validate(key, value));
  }

  private String validate(String name, String value) throws SqlError {
    switch (name) {
      case "TimeZone" -> {
        try {
          zone = parseZone(value);
        } catch (DateTimeException e) {
          throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
        return value;
      }
      case "client_encoding" -> {
        String v = value.toUpperCase(Locale.ROOT).replace("-", "");
        if (!v.equals("UTF8") && !v.equals("UNICODE")) {
          throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "encoding \"" + value + "\" is not supported; bop speaks UTF8");
        }
        return "UTF8";
      }
      case "DateStyle" -> {
        String v = value.toUpperCase(Locale.ROOT);
        if (!v.contains("ISO") && (v.contains("SQL") || v.contains("POSTGRES") || v.contains("GERMAN"))) {
          throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "DateStyle \"" + value + "\" is not supported; bop uses ISO");
        }
        return v.contains("DMY") ? "ISO, DMY" : v.contains("YMD") ? "ISO, YMD" : "ISO, MDY";
      }
      case "standard_conforming_strings" -> {
        if (!isOn(value)) {
          throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "standard_conforming_strings cannot be turned off");
        }
        return "on";
      }
      case "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout" -> {
        return formatMillis(parseMillis(name, value));
      }
      case "transaction_isolation", "default_transaction_isolation" -> {
        return value.toLowerCase(Locale.ROOT);
      }
      default -> {
        return value;
      }
    }
  }

  /** statement_timeout in milliseconds; 0 means none. */
  public long statementTimeoutMillis() {
    return millis("statement_timeout");
  }

  /** lock_timeout in milliseconds: how long a write waits for the writer; 0 means the server's limit. */
  public long lockTimeoutMillis() {
    return millis("lock_timeout");
  }

  private long millis(String name) {
    try {
      return parseMillis(name, get(name));
    } catch (SqlError e) {
      throw new IllegalStateException("stored values are valid", e);
    }
  }

  private static final Pattern TIME_SETTING = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]*)?)\\s*(us|ms|s|min|h|d)?\\s*");

  /** A PostgreSQL time setting: a number with an optional unit (us, ms, s, min, h, d), milliseconds without one. */
  static long parseMillis(String name, String value) throws SqlError {
    Matcher m = TIME_SETTING.matcher(value);
    if (!m.matches()) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name + "\": \"" + value
          + "\"", null, "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".", 0,
          null);
    }
    double unit = switch (m.group(2) == null ? "ms" : m.group(2)) {
      case "us" -> 0.001;
      case "s" -> 1_000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> 1;
    };
    double millis = Math.rint(Double.parseDouble(m.group(1)) * unit);
    if (millis < 0 || millis > Integer.MAX_VALUE) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, (long) millis + " ms is outside the valid range for"
          + " parameter \"" + name + "\" (0 .. " + Integer.MAX_VALUE + ")");
    }
    return (long) millis;
  }

  /** As SHOW prints a time setting: in the largest unit that divides it. */
  static String formatMillis(long millis) {
    if (millis == 0) {
      return "0";
    }
    long[] units = {86_400_000, 3_600_000, 60_000, 1_000};
    String[] names = {"d", "h", "min", "s"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return millis / units[i] + names[i];
      }
    }
    return millis + "ms";
  }

  static boolean isOn(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      default -> false;
    };
  }

  /** PostgreSQL zone names: region ids, offsets, and POSIX-style {@code UTC+3} which PostgreSQL reads inverted. */
  static ZoneId parseZone(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("utc") || v.equalsIgnoreCase("gmt") || v.equalsIgnoreCase("z") || v.equalsIgnoreCase("zulu")) {
      return ZoneId.of("UTC");
    }
    if (v.equalsIgnoreCase("localtime") || v.equalsIgnoreCase("local")) {
      return ZoneId.systemDefault();
    }
    return ZoneId.of(v);
  }
}
