package io.bop.replication;

import java.util.concurrent.CompletableFuture;

/**
 * The sink of a single node without replication: the local WAL, written with {@code synchronous=FULL}, is already
 * the durable copy when {@code COMMIT} returns, so every commit is acknowledged at once.
 */
public final class LocalCommitSink implements CommitSink {

  @Override
  public CompletableFuture<Void> publish(ShardCommit commit) {
    return CompletableFuture.completedFuture(null);
  }
}
