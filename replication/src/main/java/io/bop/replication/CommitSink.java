package io.bop.replication;

import java.util.concurrent.CompletableFuture;

/**
 * Where a shard's commits go once SQLite has written them locally: the seam Raft replication implements. The
 * writer calls {@link #publish} once per committed transaction, in sequence order, and waits for the future before
 * it acknowledges the client.
 */
public interface CommitSink {

  /**
   * Makes the commit durable as far as this sink promises (a quorum, for Raft). The future completes normally
   * when the commit is acknowledged; completing it exceptionally means its outcome is unknown (it may still
   * commit), and the shard then refuses further writes.
   */
  CompletableFuture<Void> publish(ShardCommit commit);
}
