package io.bop.replication;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An exclusive lease on a shard's single writer connection, from {@link Shard#acquireWriter}. Run statements on
 * {@link #connection()} between {@link #begin()} and {@link #commit()}; SAVEPOINT, RELEASE and ROLLBACK TO inside
 * that transaction are fine, but BEGIN, COMMIT, ROLLBACK and writes outside a transaction must go through this
 * class, or their pages would never be published. Close every statement and result set before {@link #commit()}:
 * SQLite refuses to commit (SQLITE_BUSY) while one is open. Use from one thread at a time.
 */
public final class Writer implements AutoCloseable {
  private final WriterConnection writer;
  private final Runnable release;
  private boolean closed;

  Writer(WriterConnection writer, Runnable release) {
    this.writer = writer;
    this.release = release;
  }

  public Connection connection() {
    requireLease();
    return writer.connection();
  }

  /** Issues {@code BEGIN IMMEDIATE}. */
  public void begin() throws SQLException {
    requireLease();
    writer.begin();
  }

  /**
   * Issues {@code COMMIT} and captures the pages the transaction changed. Close the lease, then wait for the pages to
   * reach the disk and the {@link CommitSink} with {@link PendingCommit#await}: the next transaction runs meanwhile.
   */
  public PendingCommit commit() throws SQLException {
    requireLease();
    return writer.commit();
  }

  public void rollback() throws SQLException {
    requireLease();
    writer.rollback();
  }

  /** False after commit, rollback, or a rollback SQLite did by itself after an error. */
  public boolean inTransaction() {
    requireLease();
    return writer.inTransaction();
  }

  /** Rolls back an open transaction and returns the lease. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.rollback();
    } finally {
      release.run();
    }
  }

  private void requireLease() {
    if (closed) {
      throw new IllegalStateException("this writer lease is closed");
    }
  }
}
