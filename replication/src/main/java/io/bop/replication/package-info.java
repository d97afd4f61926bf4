/**
 * Shard storage and the commit-capture seam that Raft replication plugs into.
 *
 * <p>A {@link io.bop.replication.ShardStore} owns a directory of encrypted SQLite files, one per database
 * ("shard"). Each open {@link io.bop.replication.Shard} has exactly one writer connection, leased through
 * {@link io.bop.replication.Writer}, and a pool of read-only connections leased through
 * {@link io.bop.replication.Reader}. When a writer commits, the WAL frames that transaction appended are read back
 * from the {@code -wal} file ({@code research/replication.md} §1, §8.1) and handed as page images to a
 * {@link io.bop.replication.CommitSink}; {@link io.bop.replication.PageRedo} applies them to a closed copy of the
 * file, which is what a follower will do (§8.3).
 *
 * <p>Invariants kept here (DESIGN.md, replication.md §8.0): one writer connection per shard, and one
 * {@code ShardStore} per directory (a lock file); {@code wal_autocheckpoint=0} on every connection and a read-only
 * anchor connection closed last, so SQLite never checkpoints by itself (§1.4); checkpoints run only on the writer
 * connection after its commit was acknowledged (§1.7, I3); capture fails closed when the WAL is not what it expects.
 *
 * <p>Not done yet, and needed once {@code CommitSink} is Raft: read admission, so that no reader sees a commit
 * before its acknowledgement (§8.4, I4); the undo procedure after a failed publish (§8.4), so a shard whose commit
 * outcome is unknown just refuses writes until it is reopened; discarding the local WAL and replaying from the log on
 * open (I5) instead of checkpointing it as a single node may; sequence numbers, hash chain and applied index that
 * survive restarts (§8.2).
 */
package io.bop.replication;
