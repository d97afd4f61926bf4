package io.bop.engine.mysql;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.catalog.Table;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Context;
import io.bop.engine.exec.Executions;
import io.bop.engine.exec.Lease;
import io.bop.engine.exec.Plan;
import io.bop.engine.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans of MySQL's statements about the session and the server: SET, USE, KILL, SHOW CREATE, and no-ops. */
public final class MySqlPlans {
  private MySqlPlans() {}

  /** A statement without parameters or result rows. */
  private interface Command extends Plan {
    @Override default List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override default List<Column> columns() {
      return null;
    }
  }

  /** A statement that runs another plan, with its parameters and columns. */
  private interface Wrapper extends Plan {
    Plan inner();

    @Override default List<SqlType> parameterTypes() {
      return inner().parameterTypes();
    }

    @Override default List<Column> columns() {
      return inner().columns();
    }
  }

  /** What SET assigns to. */
  public enum TargetKind {
    /** {@code @name}. */
    USER,
    /** {@code [SESSION] name}, {@code @@[session.]name}. */
    SESSION,
    /** {@code GLOBAL name}, {@code @@global.name}. */
    GLOBAL,
    /** {@code NAMES charset [COLLATE collation]}. */
    NAMES
  }

  /**
   * One target of SET.
   *
   * @param reset {@code = DEFAULT}: back to the global value (for GLOBAL, the server's default)
   * @param collation the collation of {@code SET NAMES x COLLATE y}, else null
   */
  public record Target(TargetKind kind, String name, boolean reset, String collation) {}

  /**
   * MySQL's SET of user and system variables. All values are computed first, by {@code values} (a one-row query
   * with a column for each target that is not reset), then assigned in order.
   */
  public record SetVariables(List<Target> targets, Plan values) implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return values == null ? List.of() : values.parameterTypes();
    }

    @Override public List<Column> columns() {
      return null;
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      Object[] row = new Object[0];
      if (values != null) {
        try (Execution computed = values.execute(context, types, parameters)) {
          row = computed.next();
        }
      }
      MySqlSession mysql = context.mysql();
      int column = 0;
      for (Target target : targets) {
        Object value = target.reset() ? null : row[column++];
        switch (target.kind()) {
          case USER -> mysql.setUserVariable(target.name(), value);
          case GLOBAL -> mysql.setGlobal(target.name(), target.reset()
              ? SystemVariables.definition(target.name()).initial() : value);
          case NAMES -> mysql.names(value == null ? "utf8mb4" : value.toString(), target.collation());
          case SESSION -> {
            boolean autocommit = mysql.autocommit();
            if (target.reset()) {
              mysql.reset(target.name());
            } else {
              mysql.set(target.name(), value);
            }
            if (!autocommit && mysql.autocommit()) {
              context.transactions().commit(); // turning autocommit on commits the transaction in progress
            }
          }
        }
      }
      return Executions.command("SET");
    }
  }

  /** USE database. */
  public record Use(String database) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      context.use(database);
      return Executions.command("USE");
    }
  }

  /** KILL [CONNECTION | QUERY] id. */
  public record Kill(long sessionId, boolean queryOnly) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      if (sessionId <= 0 || sessionId > Integer.MAX_VALUE) {
        throw new SqlError(Condition.UNKNOWN_THREAD, "Unknown thread id: " + sessionId);
      }
      context.admin().kill((int) sessionId, queryOnly);
      return Executions.command("KILL");
    }
  }

  /** A statement bop accepts and has nothing to do for: LOCK TABLES, UNLOCK TABLES, ALTER TABLE ... DISABLE KEYS. */
  public record Nothing(String tag) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) {
      return Executions.command(tag);
    }
  }

  /**
   * SHOW WARNINGS and SHOW ERRORS: they show the diagnostics of the statement before, so, unlike every other
   * statement, they do not clear them (the session checks for this class).
   */
  public record ShowDiagnostics(Plan rows) implements Wrapper {
    @Override public Plan inner() {
      return rows;
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return rows.execute(context, types, parameters);
    }
  }

  /**
   * An INSERT as MySQL reports it: its last insert id is the first key it generated (SQLite tells the last), and
   * none for a table without an AUTO_INCREMENT column.
   */
  public record Insert(Plan insert, boolean generatesKeys) implements Wrapper {
    @Override public Plan inner() {
      return insert;
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      Execution execution = insert.execute(context, types, parameters);
      if (execution.columns() != null) {
        return execution;
      }
      long rows = execution.rowCount();
      long firstKey = generatesKeys && rows > 0 && execution.lastInsertId() > 0
          ? execution.lastInsertId() - (rows - 1) : 0;
      String tag = execution.commandTag();
      execution.close();
      return Executions.command(tag, rows, firstKey, Map.of());
    }
  }

  /**
   * SELECT SQL_CALC_FOUND_ROWS ... LIMIT: the query, after counting the rows it would return without LIMIT for
   * FOUND_ROWS().
   */
  public record CalcFoundRows(Plan query, Plan count) implements Wrapper {
    @Override public Plan inner() {
      return query;
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      long rows;
      try (Execution counted = count.execute(context, types, parameters)) {
        rows = ((Number) counted.next()[0]).longValue();
      }
      context.mysql().calculatedFoundRows(rows);
      return query.execute(context, types, parameters);
    }
  }

  /** SHOW VARIABLES, STATUS, WARNINGS, PROCESSLIST: rows of the session's and the server's state. */
  public record SessionRowsPlan(SessionRows rows, String like) implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override public List<Column> columns() {
      return rows.columns();
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return Executions.rows(columns(), rows.rows(context, like), "SHOW");
    }
  }

  /** SHOW CREATE TABLE: the table's definition in MySQL's words, with the next AUTO_INCREMENT value. */
  public record ShowCreateTable(String table) implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override public List<Column> columns() {
      return List.of(Column.of("Table", SqlType.VARCHAR), Column.of("Create Table", SqlType.VARCHAR));
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      Table t = context.catalog().table(table).orElseThrow(() ->
          new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
      if (t.view()) {
        List<Column> columns = List.of(Column.of("View", SqlType.VARCHAR), Column.of("Create View", SqlType.VARCHAR),
            Column.of("character_set_client", SqlType.VARCHAR), Column.of("collation_connection", SqlType.VARCHAR));
        List<Object[]> rows = new ArrayList<>();
        String view = MySqlDefinitions.createView(t, context.user(), viewQuery(context, t));
        rows.add(new Object[] {t.name(), view, "utf8mb4", SystemVariables.COLLATION});
        return Executions.rows(columns, rows, "SHOW");
      }
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {t.name(), MySqlDefinitions.createTable(t, nextAutoIncrement(context, t))});
      return Executions.rows(columns(), rows, "SHOW");
    }

    /** The view's query as written; for a view bop did not keep it of, the query as SQLite runs it. */
    private static String viewQuery(Context context, Table view) throws SqlError {
      Lease lease = context.readConnection();
      try {
        String query = io.bop.engine.catalog.Metadata.viewQuery(lease.connection(), view.name());
        if (query != null) {
          return query;
        }
        try (PreparedStatement s = lease.connection().prepareStatement(
            "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?")) {
          s.setString(1, view.name());
          try (ResultSet r = s.executeQuery()) {
            String sql = r.next() ? r.getString(1) : "";
            return sql.substring(sql.indexOf(" AS ") + 4);
          }
        }
      } catch (SQLException e) {
        throw io.bop.engine.exec.SqliteErrors.map(e, null);
      } finally {
        lease.release();
      }
    }

    /** The value AUTO_INCREMENT would give next, or 0 if the table has no such column or never gave one. */
    private static long nextAutoIncrement(Context context, Table table) throws SqlError {
      if (table.columns().stream().noneMatch(c -> c.generated())) {
        return 0;
      }
      Lease lease = context.readConnection();
      try (PreparedStatement s = lease.connection().prepareStatement(
          "SELECT seq FROM sqlite_sequence WHERE name = ? COLLATE NOCASE")) {
        s.setString(1, table.name());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getLong(1) + 1 : 0;
        }
      } catch (SQLException e) {
        return 0; // no AUTOINCREMENT table has been written yet, so sqlite_sequence does not exist
      } finally {
        lease.release();
      }
    }
  }

  /** SHOW CREATE DATABASE. */
  public record ShowCreateDatabase(String database) implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override public List<Column> columns() {
      return List.of(Column.of("Database", SqlType.VARCHAR), Column.of("Create Database", SqlType.VARCHAR));
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      if (!context.admin().databases().contains(database)) {
        throw new SqlError(Condition.UNDEFINED_DATABASE, "Unknown database '" + database + "'");
      }
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {database, "CREATE DATABASE " + MySqlDefinitions.quote(database)
          + " /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE " + SystemVariables.COLLATION
          + " */ /*!80016 DEFAULT ENCRYPTION='N' */"});
      return Executions.rows(columns(), rows, "SHOW");
    }
  }
}
