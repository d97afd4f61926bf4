package io.bop.replication;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/**
 * The single writer connection of a shard with its capture state: it turns every commit into a {@link ShardCommit},
 * publishes it and checkpoints. Only the holder of the writer lease calls it, one thread at a time, except
 * {@link #awaitAcknowledged}, which a committer calls after returning the lease.
 */
final class WriterConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriterConnection.class);

  private final String shard;
  private final Connection connection;
  private final WalCapture capture;
  private final CommitSink sink;
  private final WalSync sync;
  private final int checkpointThresholdFrames;
  private long nextSequence = 1;
  private boolean inTransaction;
  private int framesSinceCheckpoint;
  /** The last commit, acknowledged or not. */
  private PendingCommit latest;
  /** Every commit up to this sequence is durable and published. */
  private final AtomicLong acknowledgedThrough = new AtomicLong();
  /** The failure that made a commit's outcome unknown; from then on the shard refuses writes. */
  private volatile SQLException writeFailure;

  WriterConnection(String shard, Connection connection, WalCapture capture, CommitSink sink, WalSync sync,
      int checkpointThresholdFrames) {
    this.shard = shard;
    this.connection = connection;
    this.capture = capture;
    this.sink = sink;
    this.sync = sync;
    this.checkpointThresholdFrames = checkpointThresholdFrames;
    // SQLite's rollback hook also reports the rollbacks SQLite does by itself (an error, ON CONFLICT ROLLBACK).
    ((SQLiteConnection) connection).addCommitListener(new SQLiteCommitListener() {
      @Override
      public void onCommit() {}

      @Override
      public void onRollback() {
        inTransaction = false;
        capture.noteRollback();
      }
    });
  }

  Connection connection() {
    return connection;
  }

  boolean inTransaction() {
    return inTransaction;
  }

  void requireWritable() throws SQLException {
    SQLException failure = writeFailure;
    if (failure != null) {
      throw new SQLNonTransientException("shard '" + shard + "' accepts no writes: " + failure.getMessage(), failure);
    }
  }

  /**
   * Starts a write transaction with {@code BEGIN IMMEDIATE}. It first checks that nothing was committed since the
   * last capture: a statement run outside begin()/commit() in autocommit mode would have written frames that were
   * never published.
   */
  void begin() throws SQLException {
    requireWritable();
    if (inTransaction) {
      throw new SQLException("a transaction is already active on the writer of shard '" + shard + "'");
    }
    checkpointIfDue();
    Optional<WalCapture.Transaction> uncaptured;
    try {
      uncaptured = capture.next();
    } catch (IOException | IllegalStateException e) {
      throw refuseWrites(new SQLException("shard '" + shard + "': WAL capture failed", e));
    }
    if (uncaptured.isPresent()) {
      throw refuseWrites(new SQLException("shard '" + shard + "': a transaction was committed on the writer "
          + "connection outside begin()/commit(), so its pages were never published"));
    }
    Sql.execute(connection, "BEGIN IMMEDIATE");
    inTransaction = true;
  }

  /**
   * Commits, captures the frames the transaction added and hands them to the sink; {@link PendingCommit#await}
   * then waits until they are durable and published. If {@code COMMIT} itself fails, SQLite has either rolled back (the
   * rollback hook clears the transaction) or kept the transaction open, e.g. with SQLITE_BUSY while a statement of
   * this connection is still open.
   *
   * @throws CommitOutcomeUnknownException if the local commit succeeded but capture failed
   */
  PendingCommit commit() throws SQLException {
    if (!inTransaction) {
      throw new SQLException("no transaction is active on the writer of shard '" + shard + "'");
    }
    Sql.execute(connection, "COMMIT");
    inTransaction = false;
    Optional<WalCapture.Transaction> captured;
    try {
      captured = capture.next();
    } catch (IOException | IllegalStateException e) {
      throw refuseWrites(new CommitOutcomeUnknownException("shard '" + shard + "': committed locally, but the WAL "
          + "capture failed; the commit was not published", e));
    }
    if (captured.isEmpty()) {
      return PendingCommit.nothing();
    }
    WalCapture.Transaction transaction = captured.get();
    ShardCommit commit = new ShardCommit(shard, nextSequence++, transaction.pageSize(),
        transaction.databaseSizePages(), transaction.pages());
    sync.written(commit.sequence());
    CompletableFuture<Void> published;
    try {
      published = sink.publish(commit);
    } catch (RuntimeException e) {
      published = CompletableFuture.failedFuture(e);
    }
    framesSinceCheckpoint += transaction.frames();
    latest = new PendingCommit(this, commit, published);
    return latest;
  }

  /** Returns once the commit's frames are on the local disk and the sink acknowledged them. */
  void awaitAcknowledged(PendingCommit committed) throws CommitOutcomeUnknownException {
    long sequence = committed.commit().sequence();
    String failure = "shard '" + shard + "': commit " + sequence + " may or may not have taken effect";
    try {
      sync.await(sequence);
      committed.published().get();
    } catch (ExecutionException e) {
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e));
    } catch (IOException | RuntimeException e) {
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e));
    }
    acknowledgedThrough.accumulateAndGet(sequence, Math::max);
  }

  /**
   * Only this connection checkpoints, between transactions and once every commit was acknowledged, so only durable,
   * published frames reach the main file (I3) and the checkpoint cannot race a WAL restart on another connection
   * (SQLite's WAL-reset bug, §1.7). While commits keep arriving the last one is usually still being acknowledged:
   * past twice the threshold the lease holder waits for it, so the WAL stays bounded. PASSIVE never waits for
   * readers; what it leaves behind is done next time.
   */
  private void checkpointIfDue() throws CommitOutcomeUnknownException {
    if (framesSinceCheckpoint < checkpointThresholdFrames) {
      return;
    }
    if (acknowledgedThrough.get() < latest.commit().sequence()) {
      if (framesSinceCheckpoint < 2 * checkpointThresholdFrames) {
        return;
      }
      awaitAcknowledged(latest);
    }
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      result.next();
      log.debug("shard '{}': checkpoint of {} WAL frames copied {}", shard, result.getInt(2), result.getInt(3));
      framesSinceCheckpoint = 0;
    } catch (SQLException e) {
      log.warn("shard '{}': checkpoint failed, trying again before the next transaction", shard, e);
    }
  }

  void rollback() throws SQLException {
    if (inTransaction) {
      inTransaction = false;
      Sql.execute(connection, "ROLLBACK");
    }
  }

  /**
   * Remembers the failure so that every later write attempt reports it. Undoing the local commit (replication.md
   * §8.4) comes with Raft; until then the shard stays unwritable until it is reopened.
   */
  private <E extends SQLException> E refuseWrites(E failure) {
    writeFailure = failure;
    return failure;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      try (capture; sync) {
        // closes both
      } catch (IOException e) {
        log.warn("shard '{}': closing the WAL files failed", shard, e);
      }
    }
  }
}
