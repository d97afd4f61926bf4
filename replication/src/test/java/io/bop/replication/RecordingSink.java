package io.bop.replication;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every published commit; fails publications while {@link #failure} is set and acknowledges them only when
 * {@link #acknowledgements} completes.
 */
final class RecordingSink implements CommitSink {
  final List<ShardCommit> commits = new CopyOnWriteArrayList<>();
  volatile RuntimeException failure;
  volatile CompletableFuture<Void> acknowledgements = CompletableFuture.completedFuture(null);

  @Override
  public CompletableFuture<Void> publish(ShardCommit commit) {
    RuntimeException failure = this.failure;
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    commits.add(commit);
    return acknowledgements;
  }
}
