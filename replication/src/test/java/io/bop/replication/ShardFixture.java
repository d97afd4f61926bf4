package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.bop.encryption.MasterKey;
import io.bop.encryption.SqlCipher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store with one open shard, a recording sink, and a follower: a copy of the shard's starting file, to which
 * {@link #assertFollowerMatchesShard()} applies the published commits with {@link PageRedo}.
 */
final class ShardFixture implements AutoCloseable {
  static final String NAME = "Kunden Ä.db/1";

  final Path directory;
  final MasterKey masterKey;
  final ShardSettings settings;
  final RecordingSink sink = new RecordingSink();
  final Path follower;
  ShardStore store;
  Shard shard;
  private int appliedCommits;

  ShardFixture(Path tempDir, ShardSettings settings) throws Exception {
    byte[] key = new byte[MasterKey.LENGTH];
    new SecureRandom().nextBytes(key);
    this.masterKey = new MasterKey(key);
    this.settings = settings;
    this.directory = tempDir.resolve("shards");
    this.follower = tempDir.resolve("follower.db");
    try (ShardStore creating = new ShardStore(directory, masterKey, sink, settings)) {
      creating.create(NAME);
    }
    // Copied while no connection is open: the starting file a follower bootstraps from.
    Files.copy(databaseFile(), follower);
    reopen();
  }

  void reopen() throws Exception {
    store = new ShardStore(directory, masterKey, sink, settings);
    shard = store.open(NAME);
  }

  Path databaseFile() {
    return directory.resolve(ShardFileNames.fileName(NAME));
  }

  Path walFile() {
    return Path.of(databaseFile() + "-wal");
  }

  Writer writer() throws Exception {
    return shard.acquireWriter(Duration.ofSeconds(5));
  }

  /** Runs the statements in one transaction and returns what was published. */
  Optional<ShardCommit> write(String... statements) throws Exception {
    try (Writer writer = writer()) {
      writer.begin();
      for (String sql : statements) {
        Sql.execute(writer.connection(), sql);
      }
      return writer.commit().await();
    }
  }

  long count(String table) throws Exception {
    try (Reader reader = shard.acquireReader()) {
      return Long.parseLong(Sql.queryString(reader.connection(), "SELECT count(*) FROM " + table));
    }
  }

  /** The salt-1 field of the WAL header, or null while the WAL is empty. Reading the -wal file is safe (§1.6). */
  Integer walSalt1() throws Exception {
    try (FileChannel wal = FileChannel.open(walFile(), StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(WalCapture.HEADER_SIZE);
      return wal.read(header, 0) == WalCapture.HEADER_SIZE ? header.getInt(16) : null;
    }
  }

  /** Applies the commits published since the last call to the follower, then compares it with the shard. */
  void assertFollowerMatchesShard() throws Exception {
    List<ShardCommit> commits = sink.commits;
    for (; appliedCommits < commits.size(); appliedCommits++) {
      PageRedo.apply(follower, commits.get(appliedCommits));
    }
    Map<String, List<String>> expected;
    try (Reader reader = shard.acquireReader()) {
      expected = contents(reader.connection());
    }
    assertThat(followerContents()).isEqualTo(expected);
  }

  /** Opens the follower's file with the shard key, checks its integrity and returns its contents. */
  Map<String, List<String>> followerContents() throws SQLException {
    String url = "jdbc:sqlite:" + follower;
    try (Connection connection = DriverManager.getConnection(url, SqlCipher.connectionProperties(
        masterKey.shardKey(NAME)))) {
      assertThat(Sql.queryString(connection, "PRAGMA integrity_check")).isEqualTo("ok");
      return contents(connection);
    }
  }

  /** The schema and every table's rows, each row as text (blobs in hex), rows sorted. */
  static Map<String, List<String>> contents(Connection connection) throws SQLException {
    Map<String, List<String>> contents = new TreeMap<>();
    contents.put("sqlite_schema", rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema"));
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet names = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      while (names.next()) {
        tables.add(names.getString(1));
      }
    }
    for (String table : tables) {
      contents.put(table, rows(connection, "SELECT * FROM \"" + table + "\""));
    }
    return contents;
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          row.add(value instanceof byte[] bytes ? "x'" + HexFormat.of().formatHex(bytes) + "'" : String.valueOf(value));
        }
        rows.add(row.toString());
      }
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  @Override
  public void close() throws SQLException, IOException {
    store.close();
  }
}
