package io.bop.replication;

import java.sql.Connection;

/**
 * A lease on one of a shard's read-only connections, from {@link Shard#acquireReader()}. Start a read transaction
 * with {@code connection().setAutoCommit(false)}, not with a BEGIN statement, and close statements and result sets
 * before closing the lease: an open read transaction left on a pooled connection would keep the WAL from being
 * checkpointed and show the next user an old snapshot.
 */
public final class Reader implements AutoCloseable {
  private final Connection connection;
  private final ReaderPool pool;
  private boolean closed;

  Reader(Connection connection, ReaderPool pool) {
    this.connection = connection;
    this.pool = pool;
  }

  public Connection connection() {
    if (closed) {
      throw new IllegalStateException("this reader lease is closed");
    }
    return connection;
  }

  /** Rolls back the read transaction, if any, and returns the connection to the pool. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      pool.giveBack(connection);
    }
  }
}
