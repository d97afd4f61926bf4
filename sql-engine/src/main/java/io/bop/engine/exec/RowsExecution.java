package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;

/** Rows streamed from an open SQLite statement; the statement and its connection are held until closed. */
final class RowsExecution implements Execution {
  private final SqlitePlan plan;
  private final Context context;
  private final Lease lease;
  private final StatementCache cache;
  private final ZoneId zone;
  private PreparedStatement statement;
  private ResultSet rows;
  private long count;

  RowsExecution(SqlitePlan plan, Context context, Lease lease, StatementCache cache,
      PreparedStatement statement, ResultSet rows) {
    this.plan = plan;
    this.context = context;
    this.lease = lease;
    this.cache = cache;
    this.zone = context.zone();
    this.statement = statement;
    this.rows = rows;
  }

  @Override public List<Column> columns() {
    return plan.columns();
  }

  @Override public Object[] next() throws SqlError {
    if (rows == null) {
      return null;
    }
    context.checkCancelled();
    try {
      context.running(lease.connection());
      if (!rows.next()) {
        close();
        return null;
      }
      List<Column> columns = plan.columns();
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Values.fromStorage(columns.get(i).type(), rows.getObject(i + 1), zone);
      }
      count++;
      return row;
    } catch (SQLException e) {
      close();
      throw SqliteErrors.map(e, null);
    } finally {
      context.running(null);
    }
  }

  @Override public String commandTag() {
    return plan.commandTag(count);
  }

  @Override public long rowCount() {
    return count;
  }

  @Override public void close() {
    if (rows == null) {
      return;
    }
    try {
      rows.close();
      cache.release(plan.sql(), statement);
    } catch (SQLException e) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // dropped either way
      }
    }
    rows = null;
    statement = null;
    lease.release();
  }
}
