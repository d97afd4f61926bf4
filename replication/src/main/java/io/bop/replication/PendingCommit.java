package io.bop.replication;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction committed in the local WAL and handed to the {@link CommitSink}, not yet known to be on the disk
 * and acknowledged. {@link Writer#commit} returns it so that the caller can hand the writer on before it waits.
 */
public final class PendingCommit {
  private final WriterConnection writer;
  private final ShardCommit commit;
  private final CompletableFuture<Void> published;

  PendingCommit(WriterConnection writer, ShardCommit commit, CompletableFuture<Void> published) {
    this.writer = writer;
    this.commit = commit;
    this.published = published;
  }

  /** The commit of a transaction that changed nothing: there is nothing to wait for. */
  static PendingCommit nothing() {
    return new PendingCommit(null, null, null);
  }

  ShardCommit commit() {
    return commit;
  }

  CompletableFuture<Void> published() {
    return published;
  }

  /**
   * Returns once the commit is on the local disk and the sink acknowledged it; commits that end during one fsync
   * share the next.
   *
   * @return the published commit, or empty if the transaction changed nothing
   * @throws CommitOutcomeUnknownException if it could not be made durable or published; the shard then accepts no
   *     more writes
   */
  public Optional<ShardCommit> await() throws CommitOutcomeUnknownException {
    if (commit == null) {
      return Optional.empty();
    }
    writer.awaitAcknowledged(this);
    return Optional.of(commit);
  }
}
