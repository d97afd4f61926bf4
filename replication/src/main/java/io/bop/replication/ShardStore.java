package io.bop.replication;

import io.bop.encryption.MasterKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shards in one directory: {@code <escaped name>.db} plus SQLite's {@code -wal} and {@code -shm} files. A lock
 * file keeps a second store, in this or another process, out of the directory, so a shard never has a second
 * writer connection. Shard names that are empty or too long for a file name are rejected with an
 * {@link IllegalArgumentException}. Thread-safe.
 */
public final class ShardStore implements AutoCloseable {
  private static final String LOCK_FILE = "bop-shards.lock";

  private final Path directory;
  private final MasterKey masterKey;
  private final CommitSink sink;
  private final ShardSettings settings;
  private final FileChannel lockChannel;
  private final Map<String, Shard> open = new HashMap<>();
  private boolean closed;

  /** Creates the directory if needed and locks it. */
  public ShardStore(Path directory, MasterKey masterKey, CommitSink sink, ShardSettings settings) throws IOException {
    this.directory = directory;
    this.masterKey = masterKey;
    this.sink = sink;
    this.settings = settings;
    Files.createDirectories(directory);
    // Only this lock file is ever opened and closed from Java: closing a descriptor of a SQLite file would drop
    // SQLite's POSIX locks on it (replication.md §1.6).
    lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("shard directory " + directory + " is already used by another shard store");
    }
  }

  /**
   * Creates a new, empty shard and opens it.
   *
   * @throws SQLException with SQLSTATE 42P04 if the shard exists
   */
  public synchronized Shard create(String name) throws SQLException {
    requireOpen();
    Path file = databaseFile(name);
    if (Files.exists(file)) {
      throw new SQLException("shard '" + name + "' already exists", "42P04");
    }
    // A WAL left behind by a crashed drop() would be replayed into the new file.
    deleteFiles(name, walFiles(file));
    ShardConnections.createDatabase(file, masterKey.shardKey(name));
    return openFile(name, file);
  }

  /**
   * The open shard of that name, opening it if needed.
   *
   * @throws SQLException with SQLSTATE 3D000 if there is no such shard
   */
  public synchronized Shard open(String name) throws SQLException {
    return find(name).orElseThrow(() -> new SQLException("shard '" + name + "' does not exist", "3D000"));
  }

  /** The open shard of that name, opening it if needed, or empty if there is no such shard. */
  public synchronized Optional<Shard> find(String name) throws SQLException {
    requireOpen();
    Shard shard = open.get(name);
    if (shard != null) {
      return Optional.of(shard);
    }
    Path file = databaseFile(name);
    return Files.exists(file) ? Optional.of(openFile(name, file)) : Optional.empty();
  }

  /** The names of all shards in the directory, open or not, sorted. */
  public synchronized List<String> names() throws SQLException {
    requireOpen();
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> ShardFileNames.shardName(file.getFileName().toString()))
          .flatMap(Optional::stream)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new SQLException("listing shard directory " + directory + " failed", e);
    }
  }

  /**
   * Closes the shard if it is open and deletes its files.
   *
   * @throws SQLException with SQLSTATE 3D000 if there is no such shard
   */
  public synchronized void drop(String name) throws SQLException {
    requireOpen();
    Path file = databaseFile(name);
    if (!Files.exists(file)) {
      throw new SQLException("shard '" + name + "' does not exist", "3D000");
    }
    Shard shard = open.get(name);
    if (shard != null) {
      shard.close();
    }
    // The WAL goes first: a database file without its WAL loses recent commits, a WAL without its database file
    // would be replayed into a new shard of the same name.
    deleteFiles(name, walFiles(file));
    deleteFiles(name, List.of(file));
  }

  /** Closes every open shard and unlocks the directory. */
  @Override
  public synchronized void close() throws SQLException, IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (Shard shard : List.copyOf(open.values())) {
        shard.close();
      }
    } finally {
      lockChannel.close();
    }
  }

  private Shard openFile(String name, Path file) throws SQLException {
    Shard shard = Shard.open(name, file, masterKey.shardKey(name), sink, settings, this::shardClosed);
    open.put(name, shard);
    return shard;
  }

  private synchronized void shardClosed(Shard shard) {
    open.remove(shard.name(), shard);
  }

  private Path databaseFile(String name) {
    return directory.resolve(ShardFileNames.fileName(name));
  }

  private static List<Path> walFiles(Path databaseFile) {
    return List.of(Path.of(databaseFile + "-wal"), Path.of(databaseFile + "-shm"));
  }

  private static void deleteFiles(String name, List<Path> files) throws SQLException {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new SQLException("deleting " + file + " of shard '" + name + "' failed", e);
      }
    }
  }

  private void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the shard store of " + directory + " is closed");
    }
  }
}
