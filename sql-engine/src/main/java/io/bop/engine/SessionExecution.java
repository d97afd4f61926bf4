package io.bop.engine;

import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An execution as the session hands it out: it carries the notices raised while the statement started, marks
 * the transaction failed when reading a row fails, and tells the session when it closes.
 */
final class SessionExecution implements Execution {
  private final Session session;
  private final Plan plan;
  private final Execution execution;
  private final List<Notice> notices;
  private final long started;
  private boolean closed;

  /** @param started when the execution began ({@link System#nanoTime()}) */
  SessionExecution(Session session, Plan plan, long started, Execution execution, List<Notice> notices) {
    this.session = session;
    this.plan = plan;
    this.started = started;
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
      SqlError error = session.failed(e);
      close();
      throw error;
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
      plan.executed(System.nanoTime() - started);
      execution.close();
      session.closed(this);
    }
  }
}
