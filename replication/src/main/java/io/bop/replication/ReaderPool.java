package io.bop.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Up to a fixed number of reader connections, opened on demand and reused most-recently-returned first. */
final class ReaderPool {
  private static final Logger log = LoggerFactory.getLogger(ReaderPool.class);

  /** Opens a new reader connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final String shard;
  private final int size;
  private final Opener opener;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Set<Connection> all = ConcurrentHashMap.newKeySet();

  ReaderPool(String shard, int size, Opener opener) {
    this.shard = shard;
    this.size = size;
    this.opener = opener;
    this.permits = new Semaphore(size, true);
  }

  /** An idle connection, or a new one while fewer than {@code size} exist; waits while all are leased. */
  Connection take() throws SQLException, InterruptedException {
    permits.acquire();
    return leased();
  }

  /** As {@link #take()}, but null at once if all are leased. */
  Connection tryTake() throws SQLException {
    return permits.tryAcquire() ? leased() : null;
  }

  /** The connection for a permit just acquired. */
  private Connection leased() throws SQLException {
    Connection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    try {
      connection = opener.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
    all.add(connection);
    return connection;
  }

  void giveBack(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      idle.addFirst(connection);
    } catch (SQLException e) {
      log.warn("shard '{}': dropping a reader connection that could not be reset", shard, e);
      all.remove(connection);
      closeQuietly(connection);
    } finally {
      permits.release();
    }
  }

  /** Waits until every leased connection was given back; false if the timeout passed first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(size, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      permits.release(size);
      return true;
    }
    return false;
  }

  void closeAll() {
    all.forEach(ReaderPool::closeQuietly);
    all.clear();
    idle.clear();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("closing a reader connection failed", e);
    }
  }
}
