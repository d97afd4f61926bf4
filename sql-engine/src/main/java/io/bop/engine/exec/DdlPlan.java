package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A schema change, run on the writer inside the session's transaction (PostgreSQL's DDL is transactional, and
 * so is SQLite's). Whether the objects it names exist is checked when it runs, not when it was translated.
 *
 * @param tag the command tag ({@code CREATE TABLE}, {@code DROP INDEX}, …)
 * @param changesSchema whether it changes the schema (TRUNCATE and ANALYZE do not), which makes cached plans stale
 * @param work what it does
 */
public record DdlPlan(String tag, boolean changesSchema, Work work) implements Plan {
  public DdlPlan(String tag, Work work) {
    this(tag, true, work);
  }

  /** The steps of a schema change. */
  @FunctionalInterface
  public interface Work {
    void run(Steps steps) throws SQLException, SqlError;
  }

  /** What a schema change may do. */
  public static final class Steps {
    private final Connection connection;
    private final Context context;

    Steps(Connection connection, Context context) {
      this.connection = connection;
      this.context = context;
    }

    public Connection connection() {
      return connection;
    }

    public void execute(String sql) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate(sql);
      }
    }

    /** Whether a table, view or index of that name exists (names match without regard to case, as in SQLite). */
    public boolean exists(String type, String name) throws SQLException {
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ? COLLATE NOCASE")) {
        s.setString(1, type);
        s.setString(2, name);
        try (ResultSet r = s.executeQuery()) {
          return r.next();
        }
      }
    }

    public void notice(String message) {
      context.notice(io.bop.engine.Notice.notice(message));
    }

    public boolean inTransactionBlock() {
      return context.inTransactionBlock();
    }
  }

  @Override public List<SqlType> parameterTypes() {
    return List.of();
  }

  @Override public List<Column> columns() {
    return null;
  }

  @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
    Lease lease = context.writeConnection();
    context.running(lease.connection());
    try {
      work.run(new Steps(lease.connection(), context));
      if (changesSchema) {
        context.schemaChanged();
      }
      return Executions.command(tag);
    } catch (SQLException e) {
      throw SqliteErrors.map(e, null);
    } finally {
      context.running(null);
    }
  }
}
