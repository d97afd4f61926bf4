package io.bop.replication;

import io.bop.encryption.SqlCipher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteOpenMode;

/** Opens the SQLite connections of one shard file, each with the settings its role needs. */
final class ShardConnections {
  private static final String OPEN_MODE = "open_mode";

  private final String url;
  private final Properties readWrite;
  private final Properties readOnly;
  private final ShardSettings settings;

  ShardConnections(Path databaseFile, byte[] shardKey, ShardSettings settings) {
    this.url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
    this.readWrite = withOpenMode(shardKey, SQLiteOpenMode.READWRITE);
    this.readOnly = withOpenMode(shardKey, SQLiteOpenMode.READONLY);
    this.settings = settings;
  }

  /** Creates a new, empty shard file in WAL mode; page 1 then holds the SQLCipher salt every replica shares. */
  static void createDatabase(Path databaseFile, byte[] shardKey) throws SQLException {
    Properties properties = SqlCipher.connectionProperties(shardKey);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath(),
        properties)) {
      String mode = Sql.queryString(connection, "PRAGMA journal_mode=WAL");
      if (!"wal".equals(mode)) {
        throw new SQLException("could not switch " + databaseFile + " to WAL mode: " + mode);
      }
    }
  }

  /**
   * The read-only connection that is opened first and closed last. After one read it holds a SHARED lock on the
   * database file, so no other connection's close can checkpoint and delete the WAL, and being read-only it cannot
   * checkpoint on its own close either (replication.md §1.4). The read also checks the key.
   */
  Connection anchor() throws SQLException {
    Connection connection = DriverManager.getConnection(url, readOnly);
    try {
      Sql.execute(connection, "PRAGMA wal_autocheckpoint=0");
      Sql.queryString(connection, "SELECT count(*) FROM sqlite_schema");
      require(connection, "PRAGMA journal_mode", "wal");
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(connection, e);
      throw e;
    }
  }

  /**
   * The one writer connection. {@code synchronous=NORMAL}: COMMIT only writes the WAL, and {@link WalSync} makes it
   * durable after the writer was handed on, for several commits at once.
   * SQLite3MC must compute WAL checksums over ciphertext, or capture could not verify them (§1.8).
   */
  Connection writer() throws SQLException {
    Connection connection = DriverManager.getConnection(url, readWrite);
    try {
      configure(connection);
      Sql.execute(connection, "PRAGMA synchronous=NORMAL");
      require(connection, "PRAGMA mc_legacy_wal", "0");
      require(connection, "PRAGMA journal_mode", "wal");
      settings.connectionInitializer().accept(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(connection, e);
      throw e;
    }
  }

  /** A reader connection, read-only so that it can never write or checkpoint. */
  Connection reader() throws SQLException {
    Connection connection = DriverManager.getConnection(url, readOnly);
    try {
      configure(connection);
      settings.connectionInitializer().accept(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(connection, e);
      throw e;
    }
  }

  /** {@code wal_autocheckpoint} is per connection, so every connection turns it off (§1.4, I2). */
  private void configure(Connection connection) throws SQLException {
    Sql.execute(connection, "PRAGMA wal_autocheckpoint=0");
    Sql.execute(connection, "PRAGMA cache_size=-" + settings.cacheSizeKib());
  }

  private static void require(Connection connection, String pragma, String expected) throws SQLException {
    String actual = Sql.queryString(connection, pragma);
    if (!expected.equals(actual)) {
      throw new SQLException(pragma + " is " + actual + ", expected " + expected);
    }
  }

  static void closeAfterFailure(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Connections to an existing file never create one. */
  private static Properties withOpenMode(byte[] shardKey, SQLiteOpenMode mode) {
    Properties properties = SqlCipher.connectionProperties(shardKey);
    int flags = Integer.parseInt(properties.getProperty(OPEN_MODE));
    flags &= ~(SQLiteOpenMode.READONLY.flag | SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag);
    properties.setProperty(OPEN_MODE, Integer.toString(flags | mode.flag));
    return properties;
  }
}
