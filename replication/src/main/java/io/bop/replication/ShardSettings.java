package io.bop.replication;

import java.sql.Connection;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Per-shard connection settings.
 *
 * @param readerPoolSize most reader connections a shard opens; further {@link Shard#acquireReader()} calls wait
 * @param cacheSizeKib page cache per connection in KiB ({@code PRAGMA cache_size=-N}); pages are decrypted on every
 *     cache miss, so this matters more than for plain SQLite
 * @param checkpointThresholdFrames WAL frames written since the last checkpoint after which the writer runs a
 *     passive checkpoint
 * @param connectionInitializer called once on the writer and on every reader connection (functions, temp views);
 *     it must not write to the main database
 */
public record ShardSettings(
    int readerPoolSize, int cacheSizeKib, int checkpointThresholdFrames, Consumer<Connection> connectionInitializer) {

  public ShardSettings {
    if (readerPoolSize < 1 || cacheSizeKib < 1 || checkpointThresholdFrames < 1) {
      throw new IllegalArgumentException("shard settings must be positive: " + readerPoolSize + ", " + cacheSizeKib
          + ", " + checkpointThresholdFrames);
    }
    Objects.requireNonNull(connectionInitializer, "connectionInitializer");
  }

  /** 8 readers, 16 MiB page cache per connection, a checkpoint every 1000 frames, no initializer. */
  public static ShardSettings defaults() {
    return new ShardSettings(8, 16384, 1000, connection -> {});
  }
}
