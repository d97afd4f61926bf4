package io.bop.replication;

import java.util.List;
import java.util.Objects;

/**
 * The pages one committed transaction changed in a shard: what a follower writes into its copy of the file
 * ({@link PageRedo}) and what Raft will replicate (replication.md §8.2). Page images are SQLCipher ciphertext, valid
 * only at their own page number; they are not copied, so nobody may modify them.
 *
 * @param shard the shard name
 * @param sequence 1 for the first commit of an open shard, then 2, 3, … (not yet persisted across restarts)
 * @param pageSize bytes per page
 * @param databaseSizePages size of the database after the commit, from the WAL commit frame (page 1 is encrypted)
 * @param pages the last image of every changed page, sorted by page number
 */
public record ShardCommit(String shard, long sequence, int pageSize, long databaseSizePages, List<Page> pages) {

  /** One page image at its page number (1-based). */
  public record Page(long pgno, byte[] image) {}

  public ShardCommit {
    Objects.requireNonNull(shard, "shard");
    pages = List.copyOf(pages);
    long previous = 0;
    for (Page page : pages) {
      if (page.pgno() <= previous || page.pgno() > databaseSizePages) {
        throw new IllegalArgumentException("page " + page.pgno() + " is out of order or beyond the database size "
            + databaseSizePages);
      }
      if (page.image().length != pageSize) {
        throw new IllegalArgumentException("page " + page.pgno() + " has " + page.image().length + " bytes, not "
            + pageSize);
      }
      previous = page.pgno();
    }
  }
}
