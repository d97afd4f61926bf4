package io.bop.replication;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Applies a commit to a database file as full-page redo: what a follower runs for every committed entry
 * (replication.md §8.3, LiteFS {@code ApplyLTXNoLock}). No SQLite connection may have the file open: SQLite would
 * neither notice the new pages nor keep its locks (§1.5, §1.6). Applying the same commit twice gives the same file,
 * so a crash in the middle is repaired by applying it again.
 */
public final class PageRedo {
  private PageRedo() {}

  /** Writes every page at {@code (pgno-1)*pageSize}, sets the file length to the commit's size, then fsyncs. */
  public static void apply(Path databaseFile, ShardCommit commit) throws IOException {
    if (!Files.isRegularFile(databaseFile)) {
      throw new NoSuchFileException(databaseFile.toString(), null, "a follower applies commits to an existing copy");
    }
    try (RandomAccessFile file = new RandomAccessFile(databaseFile.toFile(), "rw")) {
      FileChannel channel = file.getChannel();
      for (ShardCommit.Page page : commit.pages()) {
        ByteBuffer image = ByteBuffer.wrap(page.image());
        long position = (page.pgno() - 1) * commit.pageSize();
        while (image.hasRemaining()) {
          position += channel.write(image, position);
        }
      }
      // ftruncate both shrinks and zero-fills, as SQLite's own checkpoint does with the commit frame's size.
      file.setLength(commit.databaseSizePages() * commit.pageSize());
      channel.force(true);
    }
  }
}
