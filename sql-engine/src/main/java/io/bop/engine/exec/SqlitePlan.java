package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import io.bop.engine.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A statement that runs as one SQLite statement: a query, or INSERT/UPDATE/DELETE with or without RETURNING.
 *
 * @param sql the SQLite text, with one {@code ?} per argument
 * @param arguments what fills each {@code ?}, in order
 * @param parameterTypes the client parameters' implied types
 * @param columns the result columns, or null for DML without RETURNING
 * @param writes whether it must run on the writer inside a transaction
 * @param tag the command tag's verb: SELECT, INSERT, UPDATE, DELETE
 * @param catalogRelations the PostgreSQL catalog relations it reads, brought up to date on its connection first
 * @param times how long its executions took
 */
public record SqlitePlan(String sql, List<Argument> arguments, List<SqlType> parameterTypes, List<Column> columns,
    boolean writes, String tag, List<String> catalogRelations, ExecutionTimes times) implements Plan {

  /**
   * Needs no catalog materialised and its executions took microseconds so far. A write is quick too, but only runs
   * where the transaction already holds the writer: taking it may wait (see {@link Context#writeConnection()}).
   */
  @Override public boolean quick() {
    return catalogRelations.isEmpty() && times.quick();
  }

  @Override public void executed(long nanos) {
    times.record(nanos);
  }

  @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
    Lease lease = writes ? context.writeConnection() : context.readConnection();
    StatementCache cache = lease.statements();
    PreparedStatement statement = null;
    try {
      if (!catalogRelations.isEmpty()) {
        PgCatalog.refresh(lease.connection(), catalogRelations, context.snapshot(lease));
      }
      statement = cache.acquire(sql);
      for (int i = 0; i < arguments.size(); i++) {
        statement.setObject(i + 1, arguments.get(i).value(context, types, parameters));
      }
      context.running(lease.connection());
      if (columns != null) {
        ResultSet rows = statement.executeQuery();
        return new RowsExecution(this, context, lease, cache, statement, rows);
      }
      long count = statement.executeUpdate();
      long lastInsertId = tag.equals("INSERT") && context.dialect() == Dialect.MYSQL
          ? lastInsertRowid(lease) : 0;
      cache.release(sql, statement);
      statement = null;
      lease.release();
      return Executions.command(commandTag(count), count, lastInsertId, Map.of());
    } catch (SQLException e) {
      discard(statement);
      lease.release();
      io.bop.engine.catalog.Catalog catalog = catalogOrNull(context);
      SqlError error = SqliteErrors.map(e, catalog);
      if (error.condition() == io.bop.engine.errors.Condition.FOREIGN_KEY_VIOLATION) {
        error = SqliteErrors.foreignKeyViolation(error, sql, catalog);
      }
      if (error.condition() == io.bop.engine.errors.Condition.SYNTAX_ERROR) {
        // The client's statement parsed, so SQLite rejecting its translation is bop's bug.
        LOG.warn("SQLite rejected a translated statement ({}): {}", error.getMessage(), sql);
      }
      throw error;
    } catch (SqlError e) {
      if (statement != null) {
        cache.release(sql, statement);
      }
      lease.release();
      throw e;
    } finally {
      context.running(null);
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqlitePlan.class);

  String commandTag(long count) {
    return tag.equals("INSERT") ? "INSERT 0 " + count : tag + " " + count;
  }

  private static long lastInsertRowid(Lease lease) throws SQLException {
    try (Statement s = lease.connection().createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /** The catalog names constraints in errors; an error while failing is not worth a second one. */
  private static io.bop.engine.catalog.Catalog catalogOrNull(Context context) {
    try {
      return context.catalog();
    } catch (SqlError e) {
      return null;
    }
  }

  private static void discard(PreparedStatement statement) {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // a statement that failed is not reused
      }
    }
  }
}
