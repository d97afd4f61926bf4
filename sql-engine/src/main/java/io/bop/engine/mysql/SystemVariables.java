package io.bop.engine.mysql;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MySQL's system variables as bop presents them: every variable that mysql-connector-j, MariaDB Connector/J, the
 * mysql client, mysqldump and ORMs read, with MySQL 8's defaults. One instance per engine holds the global values
 * ({@code SET GLOBAL}); each session starts from them (see {@link MySqlSession}). Values are {@link Long} for
 * integers and switches (1 is ON), {@link String} for the rest, or null.
 */
public final class SystemVariables {
  /** The MySQL release bop presents itself as. */
  public static final String VERSION = "8.0.36-bop";

  /** The collation of strings: case-insensitive, and known to MySQL 8 and MariaDB alike. */
  public static final String COLLATION = "utf8mb4_general_ci";

  /** How a variable's value is written and read. */
  public enum Type {
    /** A number. */
    INTEGER,
    /** ON or OFF, read as 1 or 0. */
    SWITCH,
    /** Text, possibly NULL. */
    TEXT
  }

  /** Where a variable lives: the server, each session, or both (the global value is the session's default). */
  public enum Scope { GLOBAL, SESSION, BOTH }

  /**
   * @param name the name in lower case
   * @param readOnly whether SET refuses it
   */
  public record Definition(String name, Type type, Scope scope, boolean readOnly, Object initial) {}

  private static final Map<String, Definition> DEFINITIONS = new TreeMap<>();

  private static void define(String name, Type type, Scope scope, boolean readOnly, Object initial) {
    DEFINITIONS.put(name, new Definition(name, type, scope, readOnly, initial));
  }

  private static void number(String name, long value) {
    define(name, Type.INTEGER, Scope.BOTH, false, value);
  }

  private static void onOff(String name, boolean on) {
    define(name, Type.SWITCH, Scope.BOTH, false, on ? 1L : 0L);
  }

  private static void text(String name, String value) {
    define(name, Type.TEXT, Scope.BOTH, false, value);
  }

  private static void fixed(String name, Type type, Object value) {
    define(name, type, Scope.GLOBAL, true, value);
  }

  static {
    // What mysql-connector-j reads on connect (NativeSession.loadServerVariables), and the rest of the session's
    // character set and transaction settings.
    number("auto_increment_increment", 1);
    number("auto_increment_offset", 1);
    onOff("autocommit", true);
    text("character_set_client", "utf8mb4");
    text("character_set_connection", "utf8mb4");
    text("character_set_results", "utf8mb4");
    text("character_set_server", "utf8mb4");
    text("character_set_database", "utf8mb4");
    fixed("character_set_system", Type.TEXT, "utf8mb3");
    text("character_set_filesystem", "binary");
    text("collation_server", COLLATION);
    text("collation_connection", COLLATION);
    text("collation_database", COLLATION);
    define("init_connect", Type.TEXT, Scope.GLOBAL, false, "");
    number("interactive_timeout", 28800);
    fixed("license", Type.TEXT, "GPL");
    fixed("lower_case_table_names", Type.INTEGER, 0L);
    number("max_allowed_packet", 64L * 1024 * 1024);
    number("net_write_timeout", 60);
    number("net_read_timeout", 30);
    number("net_buffer_length", 16384);
    fixed("performance_schema", Type.SWITCH, 0L);
    text("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
        + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION");
    fixed("system_time_zone", Type.TEXT, "UTC");
    text("time_zone", "SYSTEM");
    text("transaction_isolation", "READ-COMMITTED");
    onOff("transaction_read_only", false);
    number("wait_timeout", 28800);
    // The mysql client, mysqldump, Django, SQLAlchemy, Hibernate.
    fixed("version", Type.TEXT, VERSION);
    fixed("version_comment", Type.TEXT, "bop");
    fixed("version_compile_os", Type.TEXT, "Linux");
    fixed("version_compile_machine", Type.TEXT, "x86_64");
    fixed("protocol_version", Type.INTEGER, 10L);
    fixed("hostname", Type.TEXT, "localhost");
    fixed("port", Type.INTEGER, 3306L);
    fixed("datadir", Type.TEXT, "/");
    fixed("have_ssl", Type.TEXT, "YES");
    fixed("have_openssl", Type.TEXT, "YES");
    fixed("have_query_cache", Type.TEXT, "NO");
    define("query_cache_size", Type.INTEGER, Scope.GLOBAL, false, 0L);
    define("query_cache_type", Type.TEXT, Scope.BOTH, false, "OFF");
    fixed("log_bin", Type.SWITCH, 0L);
    fixed("gtid_mode", Type.TEXT, "OFF");
    fixed("server_id", Type.INTEGER, 1L);
    fixed("server_uuid", Type.TEXT, "00000000-0000-0000-0000-000000000000");
    fixed("default_authentication_plugin", Type.TEXT, "caching_sha2_password");
    define("require_secure_transport", Type.SWITCH, Scope.GLOBAL, false, 0L);
    fixed("tls_version", Type.TEXT, "TLSv1.2,TLSv1.3");
    text("default_storage_engine", "InnoDB");
    text("default_tmp_storage_engine", "InnoDB");
    onOff("sql_auto_is_null", false);
    onOff("sql_safe_updates", false);
    onOff("sql_notes", true);
    onOff("sql_warnings", false);
    onOff("sql_quote_show_create", true);
    onOff("sql_log_bin", true);
    onOff("foreign_key_checks", true);
    onOff("unique_checks", true);
    onOff("big_tables", false);
    onOff("explicit_defaults_for_timestamp", true);
    onOff("innodb_strict_mode", true);
    onOff("old_alter_table", false);
    number("sql_select_limit", Long.MAX_VALUE);
    number("max_execution_time", 0);
    number("lock_wait_timeout", 31536000);
    number("innodb_lock_wait_timeout", 50);
    number("group_concat_max_len", 1024);
    number("div_precision_increment", 4);
    number("max_sort_length", 1024);
    number("sort_buffer_size", 262144);
    number("cte_max_recursion_depth", 1000);
    number("default_week_format", 0);
    number("information_schema_stats_expiry", 86400);
    define("max_connections", Type.INTEGER, Scope.GLOBAL, false, 151L);
    define("max_user_connections", Type.INTEGER, Scope.BOTH, false, 0L);
    text("lc_time_names", "en_US");
    text("lc_messages", "en_US");
    text("completion_type", "NO_CHAIN");
    text("session_track_schema", "ON");
    text("session_track_state_change", "OFF");
    text("session_track_system_variables", "time_zone,autocommit,character_set_client,"
        + "character_set_results,character_set_connection");
    text("session_track_transaction_info", "OFF");
    text("optimizer_switch", "");
    text("block_encryption_mode", "aes-128-ecb");
    define("secure_file_priv", Type.TEXT, Scope.GLOBAL, true, null);
    define("event_scheduler", Type.TEXT, Scope.GLOBAL, false, "OFF");
    // Values of the session itself, answered from its state (see MySqlSession.value).
    define("last_insert_id", Type.INTEGER, Scope.SESSION, false, 0L);
    define("identity", Type.INTEGER, Scope.SESSION, false, 0L);
    define("insert_id", Type.INTEGER, Scope.SESSION, false, 0L);
    define("warning_count", Type.INTEGER, Scope.SESSION, true, 0L);
    define("error_count", Type.INTEGER, Scope.SESSION, true, 0L);
    define("pseudo_thread_id", Type.INTEGER, Scope.SESSION, false, 0L);
    define("timestamp", Type.INTEGER, Scope.SESSION, false, 0L);
  }

  /** Names read under an older spelling. */
  private static final Map<String, String> ALIASES = Map.of(
      "tx_isolation", "transaction_isolation",
      "tx_read_only", "transaction_read_only",
      "storage_engine", "default_storage_engine");

  private final Map<String, Object> globals = new ConcurrentHashMap<>();

  public SystemVariables() {
    for (Definition d : DEFINITIONS.values()) {
      if (d.initial() != null) {
        globals.put(d.name(), d.initial());
      }
    }
  }

  /** The definition of a variable, by any case of its name or an alias; an error naming it if unknown. */
  public static Definition definition(String name) throws SqlError {
    String key = name.toLowerCase(Locale.ROOT);
    Definition d = DEFINITIONS.get(ALIASES.getOrDefault(key, key));
    if (d == null) {
      throw new SqlError(Condition.UNDEFINED_PARAMETER, "Unknown system variable '" + name + "'");
    }
    return d;
  }

  /** Every variable, in name order. */
  public static Collection<Definition> all() {
    return Collections.unmodifiableCollection(DEFINITIONS.values());
  }

  /** The global value (the default of new sessions). */
  public Object global(Definition d) {
    return globals.get(d.name());
  }

  /** {@code SET GLOBAL}: changes the value new sessions start with. */
  public void setGlobal(Definition d, Object value) throws SqlError {
    if (d.readOnly()) {
      throw readOnly(d);
    }
    if (d.scope() == Scope.SESSION) {
      throw new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "Variable '" + d.name()
          + "' is a SESSION variable and can't be used with SET GLOBAL");
    }
    Object converted = convert(d, value);
    if (converted == null) {
      globals.remove(d.name());
    } else {
      globals.put(d.name(), converted);
    }
  }

  static SqlError readOnly(Definition d) {
    return new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "Variable '" + d.name() + "' is a read only variable");
  }

  /** A value given to SET, as the variable's type holds it: ON/OFF/TRUE/1 for switches, numbers for integers. */
  static Object convert(Definition d, Object value) throws SqlError {
    if (value == null) {
      if (d.type() == Type.TEXT) {
        return null;
      }
      throw wrongValue(d, "NULL");
    }
    String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : value.toString();
    switch (d.type()) {
      case SWITCH:
        switch (text.strip().toUpperCase(Locale.ROOT)) {
          case "1", "ON", "TRUE", "YES":
            return 1L;
          case "0", "OFF", "FALSE", "NO":
            return 0L;
          default:
            throw wrongValue(d, text);
        }
      case INTEGER:
        try {
          return value instanceof Number n ? n.longValue() : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
          throw new SqlError(Condition.DATATYPE_MISMATCH, "Incorrect argument type to variable '" + d.name() + "'");
        }
      default:
        return text;
    }
  }

  private static SqlError wrongValue(Definition d, String value) {
    return new SqlError(Condition.INVALID_PARAMETER_VALUE, "Variable '" + d.name() + "' can't be set to the value of '"
        + value + "'");
  }

  /** A value as SHOW VARIABLES prints it: switches as ON and OFF. */
  public static String shown(Definition d, Object value) {
    if (value == null) {
      return null;
    }
    return d.type() == Type.SWITCH ? (((Number) value).longValue() != 0 ? "ON" : "OFF") : value.toString();
  }
}
