package io.bop.replication;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/**
 * The single writer connection of a shard with its capture state: it turns every commit into a {@link ShardCommit},
 * publishes it and checkpoints. Only the holder of the writer lease calls it, one thread at a time.
 */
final class WriterConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriterConnection.class);

  private final String shard;
  private final Connection connection;
  private final WalCapture capture;
  private final CommitSink sink;
  private final int checkpointThresholdFrames;
  private long nextSequence = 1;
  private boolean inTransaction;
  private int framesSinceCheckpoint;
  /** The failure that made a commit's outcome unknown; from then on the shard refuses writes. */
  private volatile SQLException writeFailure;

  WriterConnection(String shard, Connection connection, WalCapture capture, CommitSink sink,
      int checkpointThresholdFrames) {
    this.shard = shard;
    this.connection = connection;
    this.capture = capture;
    this.sink = sink;
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
   * Commits, captures the frames the transaction added and waits until the sink acknowledged them. If
   * {@code COMMIT} itself fails, SQLite has either rolled back (the rollback hook clears the transaction) or kept
   * the transaction open, e.g. with SQLITE_BUSY while a statement of this connection is still open.
   *
   * @return the published commit, or empty if the transaction changed nothing
   * @throws CommitOutcomeUnknownException if the local commit succeeded but capture or publication failed
   */
  Optional<ShardCommit> commit() throws SQLException {
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
      return Optional.empty();
    }
    WalCapture.Transaction transaction = captured.get();
    ShardCommit commit = new ShardCommit(shard, nextSequence++, transaction.pageSize(),
        transaction.databaseSizePages(), transaction.pages());
    publish(commit);
    checkpointIfDue(transaction.frames());
    return Optional.of(commit);
  }

  private void publish(ShardCommit commit) throws CommitOutcomeUnknownException {
    String failure = "shard '" + shard + "': publishing commit " + commit.sequence() + " failed, so it may or may "
        + "not have committed";
    try {
      sink.publish(commit).get();
    } catch (ExecutionException e) {
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e));
    } catch (RuntimeException e) {
      throw refuseWrites(new CommitOutcomeUnknownException(failure, e));
    }
  }

  /**
   * Only this connection checkpoints, between transactions and after the last commit was acknowledged, so only
   * published frames reach the main file (I3) and the checkpoint cannot race a WAL restart on another connection
   * (SQLite's WAL-reset bug, §1.7). PASSIVE never waits for readers; what it leaves behind is done next time.
   */
  private void checkpointIfDue(int frames) {
    framesSinceCheckpoint += frames;
    if (framesSinceCheckpoint < checkpointThresholdFrames) {
      return;
    }
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      result.next();
      log.debug("shard '{}': checkpoint of {} WAL frames copied {}", shard, result.getInt(2), result.getInt(3));
      framesSinceCheckpoint = 0;
    } catch (SQLException e) {
      log.warn("shard '{}': checkpoint failed, trying again after the next commit", shard, e);
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
      try {
        capture.close();
      } catch (IOException e) {
        log.warn("shard '{}': closing the WAL reader failed", shard, e);
      }
    }
  }
}
