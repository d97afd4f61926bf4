package io.bop.engine;

import io.bop.engine.errors.SqlError;
import java.util.List;
import java.util.Map;

/**
 * One statement being executed: its rows, if it returns any, are read with {@link #next()} while the
 * execution is open, so a large result streams to the client in bounded memory and a client may fetch it in
 * portions (PostgreSQL portals, MySQL cursors).
 */
public interface Execution extends AutoCloseable {
  /** The result columns, or null if the statement returns no rows. */
  List<Column> columns();

  /** The next row's values (see {@link io.bop.engine.types.Values} for their Java types), or null at the end. */
  Object[] next() throws SqlError;

  /** PostgreSQL's command tag ({@code SELECT 3}, {@code INSERT 0 1}, {@code CREATE TABLE}); final once rows are read. */
  String commandTag();

  /** Rows inserted, updated, deleted or returned. */
  long rowCount();

  /** The last auto-generated key of an INSERT, 0 if none (MySQL's OK packet). */
  default long lastInsertId() {
    return 0;
  }

  /** Notices raised by the statement, in order. */
  default List<Notice> notices() {
    return List.of();
  }

  /** Session parameters the statement changed that clients track (PostgreSQL ParameterStatus). */
  default Map<String, String> changedParameters() {
    return Map.of();
  }

  /** The data exchange of a COPY statement, or null for any other statement. */
  default Copy copy() {
    return null;
  }

  @Override void close();
}
