package io.bop.engine;

import io.bop.engine.errors.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An execution as the session hands it out: it carries the notices raised while the statement started, marks
 * the transaction failed when reading a row fails, and tells the session when it closes.
 */
final class SessionExecution implements Execution {
  private final Session session;
  private final Execution execution;
  private final List<Notice> notices;
  private boolean closed;

  SessionExecution(Session session, Execution execution, List<Notice> notices) {
    this.session = session;
    this.execution = execution;
    this.notices = notices;
  }

  @Override public List<Column> columns() {
    return execution.columns();
  }

  @Override public Object[] next() throws SqlError {
    if (closed) {
      return null;
    }
    try {
      return execution.next();
    } catch (SqlError e) {
      session.fail();
      close();
      throw e;
    }
  }

  @Override public String commandTag() {
    return execution.commandTag();
  }

  @Override public long rowCount() {
    return execution.rowCount();
  }

  @Override public long lastInsertId() {
    return execution.lastInsertId();
  }

  @Override public List<Notice> notices() {
    if (execution.notices().isEmpty()) {
      return notices;
    }
    List<Notice> all = new ArrayList<>(notices);
    all.addAll(execution.notices());
    return all;
  }

  @Override public Map<String, String> changedParameters() {
    return execution.changedParameters();
  }

  @Override public Copy copy() {
    return execution.copy();
  }

  @Override public void close() {
    if (!closed) {
      closed = true;
      execution.close();
      session.closed(this);
    }
  }
}
