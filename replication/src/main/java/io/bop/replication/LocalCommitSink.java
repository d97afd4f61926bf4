package io.bop.replication;

import java.util.concurrent.CompletableFuture;

/**
 * The sink of a single node without replication: the local WAL, once synced, is the durable copy, so every commit
 * is acknowledged at once.
 */
public final class LocalCommitSink implements CommitSink {

  @Override
  public CompletableFuture<Void> publish(ShardCommit commit) {
    return CompletableFuture.completedFuture(null);
  }
}
