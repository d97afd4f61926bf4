package io.bop.replication;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open shard: an encrypted SQLite file in WAL mode with exactly one writer connection, a pool of read-only
 * reader connections, and a read-only anchor connection that is opened first and closed last so that closing never
 * checkpoints or deletes the WAL (replication.md §1.4). Obtained from {@link ShardStore}; thread-safe.
 */
public final class Shard implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Shard.class);
  /** How long {@link #close()} waits for leases to be returned before it closes their connections anyway. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Connection anchor;
  /** The shard's only read-write connection; {@link ShardStore} keeps a shard from being opened twice. */
  private final WriterConnection writer;
  private final Semaphore writerLease = new Semaphore(1, true);
  private final ReaderPool readers;
  private final Consumer<Shard> onClose;
  private volatile boolean closed;

  private Shard(String name, Connection anchor, WriterConnection writer, ReaderPool readers, Consumer<Shard> onClose) {
    this.name = name;
    this.anchor = anchor;
    this.writer = writer;
    this.readers = readers;
    this.onClose = onClose;
  }

  /**
   * Opens an existing shard file. The WAL left by the previous run is checkpointed first: on a single node every
   * frame in it was acknowledged. (With Raft the local WAL will be discarded and replayed from the log instead, I5.)
   */
  static Shard open(String name, Path databaseFile, byte[] shardKey, CommitSink sink, ShardSettings settings,
      Consumer<Shard> onClose) throws SQLException {
    ShardConnections connections = new ShardConnections(databaseFile, shardKey, settings);
    Connection anchor = connections.anchor();
    Connection writerConnection = null;
    try {
      writerConnection = connections.writer();
      checkpointTruncate(writerConnection, name);
      int pageSize = Integer.parseInt(Sql.queryString(writerConnection, "PRAGMA page_size"));
      Path walFile = Path.of(databaseFile + "-wal");
      WriterConnection writer = new WriterConnection(name, writerConnection, new WalCapture(walFile, pageSize), sink,
          new WalSync(walFile), settings.checkpointThresholdFrames());
      ReaderPool readers = new ReaderPool(name, settings.readerPoolSize(), connections::reader);
      return new Shard(name, anchor, writer, readers, onClose);
    } catch (SQLException | IOException | RuntimeException e) {
      if (writerConnection != null) {
        ShardConnections.closeAfterFailure(writerConnection, e);
      }
      ShardConnections.closeAfterFailure(anchor, e);
      throw e instanceof SQLException sql ? sql : new SQLException("opening shard '" + name + "' failed", e);
    }
  }

  /** Empties the WAL, so capture starts from a WAL that holds nothing unpublished. */
  private static void checkpointTruncate(Connection writer, String name) throws SQLException {
    String busy = Sql.queryString(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (!"0".equals(busy)) {
      throw new SQLException("shard '" + name + "' is in use by another connection: its WAL cannot be checkpointed");
    }
  }

  public String name() {
    return name;
  }

  /**
   * Waits, in arrival order, for the exclusive lease on the writer connection.
   *
   * @throws SQLTimeoutException if another lease holder kept it longer than {@code timeout}
   * @throws SQLException if the shard is closed or refuses writes after a commit with unknown outcome
   */
  public Writer acquireWriter(Duration timeout) throws SQLException, InterruptedException {
    requireOpen();
    writer.requireWritable();
    if (!writerLease.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new SQLTimeoutException("timed out after " + timeout + " waiting for the writer of shard '" + name + "'");
    }
    try {
      requireOpen();
      writer.requireWritable();
    } catch (SQLException e) {
      writerLease.release();
      throw e;
    }
    return new Writer(writer, writerLease::release);
  }

  /** A lease on a reader connection; waits while all {@code readerPoolSize} connections are leased. */
  public Reader acquireReader() throws SQLException, InterruptedException {
    requireOpen();
    return lease(readers.take());
  }

  /** A lease on a reader connection, or null if all {@code readerPoolSize} connections are leased right now. */
  public Reader tryAcquireReader() throws SQLException {
    requireOpen();
    Connection connection = readers.tryTake();
    return connection == null ? null : lease(connection);
  }

  private Reader lease(Connection connection) throws SQLException {
    Reader reader = new Reader(connection, readers);
    if (closed) {
      reader.close();
      requireOpen();
    }
    return reader;
  }

  private void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("shard '" + name + "' is closed");
    }
  }

  /**
   * Closes all connections, the anchor last, so the WAL stays as it is. Waits up to 10 seconds for leases to be
   * returned; connections still leased after that are closed under their holders, whose next call fails.
   */
  @Override
  public void close() throws SQLException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      awaitLeases();
      readers.closeAll();
      writer.close();
    } finally {
      try {
        anchor.close();
      } finally {
        onClose.accept(this);
      }
    }
  }

  private void awaitLeases() {
    try {
      boolean writerReturned = writerLease.tryAcquire(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
      boolean readersReturned = readers.awaitIdle(CLOSE_GRACE);
      if (!writerReturned || !readersReturned) {
        log.warn("shard '{}': closing connections that are still leased", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("shard '{}': interrupted while waiting for leases; closing their connections", name);
    }
  }
}
