package io.bop.replication;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a shard's committed WAL frames durable with one fsync for every commit that ended while the previous fsync
 * ran (group commit). SQLite's writer runs with {@code synchronous=NORMAL}, so COMMIT only writes; the committer
 * returns the writer lease first and then waits here, and the next transaction writes while this one's frames reach
 * the disk. An fsync through another descriptor of the same file flushes the frames SQLite wrote through its own.
 */
final class WalSync implements Closeable {
  private final FileChannel wal;
  /** The last commit whose frames are in the WAL file. */
  private long written;
  /** The last commit whose frames are known to be on disk. */
  private long synced;
  private boolean syncing;

  WalSync(Path walFile) throws IOException {
    this.wal = FileChannel.open(walFile, StandardOpenOption.READ);
  }

  /** Notes that the frames of commit {@code sequence} (and all before it) have been written to the WAL. */
  synchronized void written(long sequence) {
    written = Math.max(written, sequence);
  }

  /** Returns once the frames of commit {@code sequence} are on disk, syncing them or waiting for a sync that will. */
  void await(long sequence) throws IOException, InterruptedException {
    while (true) {
      long target;
      synchronized (this) {
        while (syncing && synced < sequence) {
          wait();
        }
        if (synced >= sequence) {
          return;
        }
        syncing = true;
        target = written;
      }
      boolean done = false;
      try {
        wal.force(false);
        done = true;
      } finally {
        synchronized (this) {
          syncing = false;
          if (done) {
            synced = Math.max(synced, target);
          }
          notifyAll();
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    wal.close();
  }
}
