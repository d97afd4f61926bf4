package io.bop.engine.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared SQLite statements of one connection, reused across executions of the same SQL. A statement is lent
 * out exclusively while a result is open on it, so two open portals never share one.
 */
final class StatementCache {
  private static final int MAX_IDLE = 256;

  private final Connection connection;
  private final LinkedHashMap<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true);
  private int idleCount;

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  synchronized PreparedStatement acquire(String sql) throws SQLException {
    Deque<PreparedStatement> statements = idle.get(sql);
    if (statements != null && !statements.isEmpty()) {
      idleCount--;
      return statements.pop();
    }
    return connection.prepareStatement(sql);
  }

  synchronized void release(String sql, PreparedStatement statement) {
    idle.computeIfAbsent(sql, k -> new ArrayDeque<>(1)).push(statement);
    if (++idleCount > MAX_IDLE) {
      evictEldest();
    }
  }

  private void evictEldest() {
    Iterator<Map.Entry<String, Deque<PreparedStatement>>> it = idle.entrySet().iterator();
    Map.Entry<String, Deque<PreparedStatement>> eldest = it.next();
    for (PreparedStatement statement : eldest.getValue()) {
      closeQuietly(statement);
      idleCount--;
    }
    it.remove();
  }

  /** Closes every idle statement (before DDL changes what they were compiled against, or on close). */
  synchronized void clear() {
    idle.values().forEach(statements -> statements.forEach(StatementCache::closeQuietly));
    idle.clear();
    idleCount = 0;
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // closing a finished statement cannot lose data
    }
  }
}
