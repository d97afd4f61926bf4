package io.bop.engine.mysql;

import io.bop.engine.Notice;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a MySQL session remembers besides its transaction: its system variables, its user variables, the
 * diagnostics of its last statement (SHOW WARNINGS, SHOW ERRORS), and the values of LAST_INSERT_ID(),
 * FOUND_ROWS() and ROW_COUNT(). Used by the session's thread only.
 */
public final class MySqlSession {
  /** A diagnostic of the last statement, as SHOW WARNINGS lists it. */
  public record Diagnostic(String level, int code, String message) {}

  private static final int MAX_DIAGNOSTICS = 64;

  private final SystemVariables globals;
  private final int id;
  private final Map<String, Object> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Object> userVariables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private ZoneId zone = ZoneOffset.UTC;
  private long lastInsertId;
  private long foundRows;
  /** Counted by SELECT SQL_CALC_FOUND_ROWS for the next {@link #finished}, -1 if none. */
  private long calculatedFoundRows = -1;
  private long rowCount = -1;

  /** @param id the session id, MySQL's connection id */
  public MySqlSession(SystemVariables globals, int id) {
    this.globals = globals;
    this.id = id;
    reset();
  }

  /** Back to a new session's state: the global values, no user variables, no diagnostics. */
  public void reset() {
    variables.clear();
    for (SystemVariables.Definition d : SystemVariables.all()) {
      if (d.scope() != SystemVariables.Scope.GLOBAL) {
        variables.put(d.name(), globals.global(d));
      }
    }
    userVariables.clear();
    diagnostics.clear();
    zone = ZoneOffset.UTC;
    lastInsertId = 0;
    foundRows = 0;
    rowCount = -1;
  }

  // ------------------------------------------------------------------------------------------ system variables

  /**
   * The value of {@code @@name} ({@code global} false) or {@code @@global.name}, as the variable's type holds it.
   *
   * @param explicitSession whether it was written {@code @@session.name}, which a global-only variable refuses
   */
  public Object get(String name, boolean global, boolean explicitSession) throws SqlError {
    SystemVariables.Definition d = SystemVariables.definition(name);
    if (global) {
      if (d.scope() == SystemVariables.Scope.SESSION) {
        throw new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "Variable '" + d.name() + "' is a SESSION variable");
      }
      return globals.global(d);
    }
    if (d.scope() == SystemVariables.Scope.GLOBAL) {
      if (explicitSession) {
        throw new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "Variable '" + d.name() + "' is a GLOBAL variable");
      }
      return globals.global(d);
    }
    return switch (d.name()) {
      case "last_insert_id", "identity" -> lastInsertId;
      case "warning_count" -> diagnostics.stream().filter(x -> !x.level().equals("Error")).count();
      case "error_count" -> diagnostics.stream().filter(x -> x.level().equals("Error")).count();
      case "pseudo_thread_id" -> (long) id;
      case "timestamp" -> Instant.now().getEpochSecond();
      default -> variables.get(d.name());
    };
  }

  /**
   * {@code SET [SESSION] name = value}: the value converted to the variable's type. Side effects on the session
   * (the transaction for autocommit, the zone for time_zone) are the caller's, see {@link #autocommit()}.
   */
  public void set(String name, Object value) throws SqlError {
    SystemVariables.Definition d = SystemVariables.definition(name);
    if (d.readOnly()) {
      throw SystemVariables.readOnly(d);
    }
    if (d.scope() == SystemVariables.Scope.GLOBAL) {
      throw new SqlError(Condition.CANT_CHANGE_RUNTIME_PARAM, "Variable '" + d.name()
          + "' is a GLOBAL variable and should be set with SET GLOBAL");
    }
    Object converted = SystemVariables.convert(d, value);
    switch (d.name()) {
      case "time_zone" -> zone = zone(converted == null ? "SYSTEM" : converted.toString());
      case "transaction_isolation" -> converted = isolation(converted.toString());
      case "character_set_client", "character_set_connection", "character_set_results" -> checkCharset(converted);
      case "last_insert_id", "identity" -> lastInsertId = ((Number) converted).longValue();
      default -> { }
    }
    variables.put(d.name(), converted);
  }

  /** {@code SET GLOBAL name = value}. */
  public void setGlobal(String name, Object value) throws SqlError {
    globals.setGlobal(SystemVariables.definition(name), value);
  }

  /** {@code SET name = DEFAULT}: back to the global value. */
  public void reset(String name) throws SqlError {
    SystemVariables.Definition d = SystemVariables.definition(name);
    set(d.name(), globals.global(d));
  }

  /** {@code SET NAMES charset [COLLATE collation]}. */
  public void names(String charset, String collation) throws SqlError {
    checkCharset(charset);
    for (String v : List.of("character_set_client", "character_set_connection", "character_set_results")) {
      variables.put(v, charset);
    }
    variables.put("collation_connection", collation != null ? collation
        : charset.equalsIgnoreCase("binary") ? "binary" : SystemVariables.COLLATION);
  }

  /** bop speaks UTF-8 only: the character sets it can honour are UTF-8 and its subset ASCII. */
  private static void checkCharset(Object charset) throws SqlError {
    if (charset == null) {
      return;
    }
    switch (charset.toString().toLowerCase(Locale.ROOT)) {
      case "utf8", "utf8mb3", "utf8mb4", "ascii", "binary" -> { }
      default -> throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "Character set '" + charset
          + "' is not supported; bop speaks utf8mb4");
    }
  }

  private static String isolation(String level) throws SqlError {
    String l = level.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
    return switch (l) {
      case "READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE" -> l;
      default -> throw new SqlError(Condition.INVALID_PARAMETER_VALUE,
          "Variable 'transaction_isolation' can't be set to the value of '" + level + "'");
    };
  }

  private static ZoneId zone(String name) throws SqlError {
    try {
      return name.equalsIgnoreCase("SYSTEM") ? ZoneOffset.UTC : ZoneId.of(name.strip());
    } catch (DateTimeException e) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "Unknown or incorrect time zone: '" + name + "'");
    }
  }

  public boolean autocommit() {
    return ((Number) variables.get("autocommit")).longValue() != 0;
  }

  /** The zone of time_zone, in which NOW() and friends are given. */
  public ZoneId zone() {
    return zone;
  }

  /** transaction_isolation, in the words of SQL's SET TRANSACTION: {@code READ COMMITTED}. */
  public String isolation() {
    return variables.get("transaction_isolation").toString().replace('-', ' ');
  }

  public boolean foreignKeyChecks() {
    return ((Number) variables.get("foreign_key_checks")).longValue() != 0;
  }

  /** max_execution_time: the milliseconds a SELECT may run, 0 for no limit. */
  public long maxExecutionMillis() {
    return ((Number) variables.get("max_execution_time")).longValue();
  }

  // ------------------------------------------------------------------------------------------ user variables

  /** {@code @name}: its value, or null if it was never set. */
  public Object userVariable(String name) {
    return userVariables.get(name);
  }

  public void setUserVariable(String name, Object value) {
    userVariables.put(name, value);
  }

  // ------------------------------------------------------------------------------------------ statement results

  /** LAST_INSERT_ID(): the first key the last INSERT that generated one generated. */
  public long lastInsertId() {
    return lastInsertId;
  }

  /** FOUND_ROWS(): the rows the last SELECT returned, or for SQL_CALC_FOUND_ROWS would have without LIMIT. */
  public long foundRows() {
    return foundRows;
  }

  /** ROW_COUNT(): the rows the last statement changed, -1 if it was a query. */
  public long rowCount() {
    return rowCount;
  }

  public void calculatedFoundRows(long rows) {
    calculatedFoundRows = rows;
  }

  /** Records what a finished statement leaves for LAST_INSERT_ID(), FOUND_ROWS() and ROW_COUNT(). */
  public void finished(boolean query, long rows, long insertId) {
    if (query) {
      foundRows = calculatedFoundRows >= 0 ? calculatedFoundRows : rows;
      calculatedFoundRows = -1;
      rowCount = -1;
    } else {
      rowCount = rows;
    }
    if (insertId != 0) {
      lastInsertId = insertId;
    }
  }

  // ------------------------------------------------------------------------------------------ diagnostics

  /** A new statement (other than SHOW WARNINGS and SHOW ERRORS) clears the last one's diagnostics. */
  public void clearDiagnostics() {
    diagnostics.clear();
  }

  public void warnings(List<Notice> notices) {
    for (Notice n : notices) {
      add(new Diagnostic(n.severity().equals("WARNING") ? "Warning" : "Note", 1105, n.message()));
    }
  }

  public void error(SqlError e) {
    add(new Diagnostic("Error", e.condition().mysqlErrno(), e.getMessage()));
  }

  private void add(Diagnostic d) {
    if (diagnostics.size() < MAX_DIAGNOSTICS) {
      diagnostics.add(d);
    }
  }

  /** The last statement's warnings, notes and errors, in order. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
