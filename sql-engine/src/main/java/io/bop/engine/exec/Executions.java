package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.Notice;
import io.bop.engine.errors.SqlError;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Executions whose outcome is known without reading rows from SQLite. */
public final class Executions {
  private Executions() {}

  /** A statement that returns no rows: DDL, SET, transaction control, DML without RETURNING. */
  public static Execution command(String tag, long rowCount, long lastInsertId, Map<String, String> changedParameters) {
    return new Fixed(null, List.<Object[]>of().iterator(), tag, rowCount, lastInsertId, changedParameters);
  }

  public static Execution command(String tag) {
    return command(tag, 0, 0, Map.of());
  }

  /** Rows computed by the engine itself (SHOW, catalog answers). */
  public static Execution rows(List<Column> columns, List<Object[]> rows, String tag) {
    return new Fixed(columns, rows.iterator(), tag, rows.size(), 0, Map.of());
  }

  private static final class Fixed implements Execution {
    private final List<Column> columns;
    private final Iterator<Object[]> rows;
    private final String tag;
    private final long rowCount;
    private final long lastInsertId;
    private final Map<String, String> changedParameters;

    Fixed(List<Column> columns, Iterator<Object[]> rows, String tag, long rowCount, long lastInsertId,
        Map<String, String> changedParameters) {
      this.columns = columns;
      this.rows = rows;
      this.tag = tag;
      this.rowCount = rowCount;
      this.lastInsertId = lastInsertId;
      this.changedParameters = changedParameters;
    }

    @Override public List<Column> columns() {
      return columns;
    }

    @Override public Object[] next() throws SqlError {
      return rows.hasNext() ? rows.next() : null;
    }

    @Override public String commandTag() {
      return tag;
    }

    @Override public long rowCount() {
      return rowCount;
    }

    @Override public long lastInsertId() {
      return lastInsertId;
    }

    @Override public List<Notice> notices() {
      return List.of();
    }

    @Override public Map<String, String> changedParameters() {
      return changedParameters;
    }

    @Override public void close() {}
  }
}
