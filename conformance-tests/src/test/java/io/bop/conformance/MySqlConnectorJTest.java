package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mysql-connector-j 9 against bop: how it logs in (over TLS, and without, with the server's RSA key), its
 * client-side and server-side prepared statements, batches, generated keys, transactions, metadata, streaming and
 * cursor fetch, every column type, and MySQL's error numbers.
 */
class MySqlConnectorJTest {
  @RegisterExtension static final BopNode BOP = new BopNode().with("lock-timeout", "1");

  /** Without TLS, caching_sha2_password's full authentication needs the server's public key. */
  static final String PLAIN = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL,"
          + " balance decimal(12,2) DEFAULT '0.00', active tinyint(1) NOT NULL DEFAULT '1', UNIQUE KEY uk_name (name))"
          + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE typed (id bigint PRIMARY KEY, ti tinyint, si smallint, mi mediumint, i int,"
          + " iu int unsigned, bi bigint, f float, d double, dec1 decimal(20,6), b tinyint(1), c char(5),"
          + " vc varchar(20), t text, bl blob, vb varbinary(16), dt date, tm time, dtm datetime(6), ts timestamp,"
          + " y year, e enum('red','green'), j json)");
      s.execute("CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, account_id int NOT NULL,"
          + " amount decimal(10,2), KEY idx_account (account_id),"
          + " CONSTRAINT fk_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", PLAIN, "sslMode=REQUIRED", "defaultAuthenticationPlugin=mysql_native_password&" + PLAIN})
  void logsInOverTlsOrWithTheRsaKeyOrAfterASwitch(String parameters) throws SQLException {
    try (Connection c = BOP.connectMysql(parameters); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT @@version_comment, CONNECTION_ID(), DATABASE(), USER()")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("bop");
      assertThat(r.getLong(2)).isPositive();
      assertThat(r.getString(3)).isEqualTo("bop");
      assertThat(r.getString(4)).startsWith("bop@");
    }
  }

  @Test
  void wrongPasswordIsRefusedWith1045() {
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(BOP.mysqlUrl("mysql", PLAIN), "bop", "nope"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(1045);
          assertThat(e.getSQLState()).isEqualTo("28000");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"useServerPrepStmts=false", "useServerPrepStmts=true&cachePrepStmts=true"})
  void preparedStatementsClientSideAndServerSide(String mode) throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN + "&" + mode);
        PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (name, balance) VALUES (?, ?)");
        PreparedStatement select = c.prepareStatement("SELECT name, balance, active FROM accounts WHERE name = ?")) {
      for (int i = 0; i < 5; i++) {
        insert.setString(1, mode + i);
        insert.setBigDecimal(2, new BigDecimal(i + ".25"));
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      for (int i = 0; i < 5; i++) {
        select.setString(1, mode + i);
        try (ResultSet r = select.executeQuery()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getBigDecimal(2)).isEqualByComparingTo(i + ".25");
          assertThat(r.getBoolean(3)).isTrue();
          assertThat(r.next()).isFalse();
        }
      }
    }
  }

  @Test
  void rewrittenBatchesAndGeneratedKeys() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN + "&rewriteBatchedStatements=true");
        PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (name) VALUES (?)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < 50; i++) {
        insert.setString(1, "batch" + i);
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      assertThat(counts).hasSize(50);
      List<Long> keys = new ArrayList<>();
      try (ResultSet r = insert.getGeneratedKeys()) {
        while (r.next()) {
          keys.add(r.getLong(1));
        }
      }
      assertThat(keys).hasSize(50);
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT min(id), max(id) FROM accounts WHERE name LIKE 'batch%'")) {
        r.next();
        assertThat(keys).startsWith(r.getLong(1)).endsWith(r.getLong(2));
      }
    }
  }

  /**
   * Statements that prove quick run on the I/O thread; a multi-statement query, a write and a commit, which could
   * wait, go to the session's executor. Interleaved, each keeps its results and its order.
   */
  @Test
  void quickStatementsAndWaitingOnesInterleave() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN + "&useServerPrepStmts=true&allowMultiQueries=true");
        Statement s = c.createStatement(); PreparedStatement point = c.prepareStatement(
            "SELECT name FROM accounts WHERE id = ?"); PreparedStatement insert = c.prepareStatement(
            "INSERT INTO interleaved (n) VALUES (?)")) {
      s.execute("CREATE TABLE interleaved (n int PRIMARY KEY)");
      for (int i = 0; i < 300; i++) {
        point.setInt(1, 1);
        try (ResultSet r = point.executeQuery()) {
          assertThat(r.next()).isTrue();
        }
        if (i % 10 == 0) {
          insert.setInt(1, i);
          assertThat(insert.executeUpdate()).isEqualTo(1);
          assertThat(s.execute("SELECT " + i + "; SELECT count(*) FROM interleaved")).isTrue();
          try (ResultSet r = s.getResultSet()) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(i);
          }
          assertThat(s.getMoreResults()).isTrue();
          try (ResultSet r = s.getResultSet()) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(i / 10 + 1);
          }
        }
      }
      s.execute("DROP TABLE interleaved");
    }
  }

  @Test
  void transactionsCommitAndRollBack() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO accounts (name) VALUES ('tx-rolled-back')");
      c.rollback();
      s.executeUpdate("INSERT INTO accounts (name) VALUES ('tx-committed')");
      c.commit();
      c.setAutoCommit(true);
      try (ResultSet r = s.executeQuery("SELECT group_concat(name) FROM accounts WHERE name LIKE 'tx-%'")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("tx-committed");
      }
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    }
  }

  @Test
  void databaseMetaData() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDatabaseProductName()).isEqualTo("MySQL");
      List<String> tables = new ArrayList<>();
      try (ResultSet r = md.getTables("bop", null, "%", new String[] {"TABLE"})) {
        while (r.next()) {
          tables.add(r.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("accounts", "orders", "typed");
      try (ResultSet r = md.getColumns("bop", null, "accounts", "%")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("COLUMN_NAME")).isEqualTo("id");
        assertThat(r.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
        assertThat(r.getString("IS_AUTOINCREMENT")).isEqualTo("YES");
        assertThat(r.next()).isTrue();
        assertThat(r.getString("TYPE_NAME")).isEqualTo("VARCHAR");
        assertThat(r.getInt("COLUMN_SIZE")).isEqualTo(50);
        assertThat(r.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
      }
      try (ResultSet r = md.getPrimaryKeys("bop", null, "accounts")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("COLUMN_NAME")).isEqualTo("id");
      }
      try (ResultSet r = md.getImportedKeys("bop", null, "orders")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("PKTABLE_NAME")).isEqualTo("accounts");
        assertThat(r.getString("FKCOLUMN_NAME")).isEqualTo("account_id");
        assertThat(r.getInt("DELETE_RULE")).isEqualTo(DatabaseMetaData.importedKeyCascade);
      }
      List<String> indexes = new ArrayList<>();
      try (ResultSet r = md.getIndexInfo("bop", null, "accounts", false, false)) {
        while (r.next()) {
          indexes.add(r.getString("INDEX_NAME") + ":" + r.getBoolean("NON_UNIQUE"));
        }
      }
      assertThat(indexes).contains("PRIMARY:false", "uk_name:false");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"useServerPrepStmts=false", "useServerPrepStmts=true"})
  void everyColumnTypeRoundTrips(String mode) throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN + "&" + mode);
        PreparedStatement insert = c.prepareStatement("REPLACE INTO typed VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 1;
      insert.setLong(i++, 1);
      insert.setByte(i++, (byte) -7);
      insert.setShort(i++, (short) 300);
      insert.setInt(i++, 70000);
      insert.setInt(i++, -2_000_000_000);
      insert.setLong(i++, 4_000_000_000L);
      insert.setLong(i++, Long.MAX_VALUE);
      insert.setFloat(i++, 1.5f);
      insert.setDouble(i++, 2.25);
      insert.setBigDecimal(i++, new BigDecimal("12345.678901"));
      insert.setBoolean(i++, true);
      insert.setString(i++, "ab");
      insert.setString(i++, "héllo");
      insert.setString(i++, "long text");
      insert.setBytes(i++, new byte[] {0, 1, (byte) 0xFF, 39, 92});
      insert.setBytes(i++, new byte[] {(byte) 0xC3, 0x28});
      insert.setObject(i++, LocalDate.of(2024, 2, 29));
      insert.setObject(i++, LocalTime.of(13, 45, 7));
      insert.setObject(i++, LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123456000));
      insert.setTimestamp(i++, Timestamp.valueOf("2024-03-01 00:00:01"));
      insert.setInt(i++, 2024);
      insert.setString(i++, "green");
      insert.setString(i++, "{\"a\":1}");
      insert.executeUpdate();
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
        select.setLong(1, 1);
        try (ResultSet r = select.executeQuery()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getByte("ti")).isEqualTo((byte) -7);
          assertThat(r.getShort("si")).isEqualTo((short) 300);
          assertThat(r.getInt("mi")).isEqualTo(70000);
          assertThat(r.getInt("i")).isEqualTo(-2_000_000_000);
          assertThat(r.getLong("iu")).isEqualTo(4_000_000_000L);
          assertThat(r.getLong("bi")).isEqualTo(Long.MAX_VALUE);
          assertThat(r.getFloat("f")).isEqualTo(1.5f);
          assertThat(r.getDouble("d")).isEqualTo(2.25);
          assertThat(r.getBigDecimal("dec1")).isEqualByComparingTo("12345.678901");
          assertThat(r.getObject("b")).isEqualTo(Boolean.TRUE);
          assertThat(r.getString("c")).isEqualTo("ab");
          assertThat(r.getString("vc")).isEqualTo("héllo");
          assertThat(r.getString("t")).isEqualTo("long text");
          assertThat(r.getBytes("bl")).containsExactly(0, 1, 0xFF, 39, 92);
          assertThat(r.getBytes("vb")).containsExactly(0xC3, 0x28);
          assertThat(r.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
          assertThat(r.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 7));
          assertThat(r.getObject("dtm", LocalDateTime.class))
              .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123456000));
          assertThat(r.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-03-01 00:00:01"));
          assertThat(r.getInt("y")).isEqualTo(2024);
          assertThat(r.getString("e")).isEqualTo("green");
          assertThat(r.getString("j")).isEqualTo("{\"a\":1}");
          ResultSetMetaData md = r.getMetaData();
          assertThat(md.getColumnTypeName(6)).isEqualTo("INT UNSIGNED");
          assertThat(md.getColumnType(11)).isEqualTo(Types.BIT);
          assertThat(md.isAutoIncrement(1)).isFalse();
          assertThat(md.getColumnName(1)).isEqualTo("id");
          assertThat(md.getTableName(1)).isEqualTo("typed");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"useCursorFetch=true&defaultFetchSize=7", ""})
  void largeResultsStreamOrComeByCursor(String mode) throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN + (mode.isEmpty() ? "" : "&" + mode));
        PreparedStatement p = c.prepareStatement("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
            + " WHERE x < ?) SELECT x, concat('row ', x) FROM n",
            ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      if (mode.isEmpty()) {
        p.setFetchSize(Integer.MIN_VALUE); // a streaming result set
      }
      p.setInt(1, 1000);
      long sum = 0;
      int rows = 0;
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          sum += r.getLong(1);
          rows++;
        }
      }
      assertThat(rows).isEqualTo(1000);
      assertThat(sum).isEqualTo(500_500);
    }
  }

  @Test
  void errorsCarryMysqlNumbers() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN); Statement s = c.createStatement()) {
      assertErrno(() -> s.executeQuery("SELECT * FROM no_such_table"), 1146, "42S02");
      assertErrno(() -> s.execute("SELEKT 1"), 1064, "42000");
      assertErrno(() -> s.executeQuery("SELECT no_such_column FROM accounts"), 1054, "42S22");
      assertErrno(() -> s.executeUpdate("INSERT INTO accounts (id, name) VALUES (1, 'dup'), (1, 'dup2')"), 1062,
          "23000");
      assertErrno(() -> s.executeUpdate("CREATE TABLE accounts (x int)"), 1050, "42S01");
      assertErrno(() -> s.executeUpdate("INSERT INTO orders (account_id) VALUES (999999)"), 1452, "23000");
      assertErrno(() -> s.executeUpdate("INSERT INTO accounts (balance) VALUES (1)"), 1364, "HY000");
      assertErrno(() -> s.executeUpdate("INSERT INTO accounts (name) VALUES ('" + "x".repeat(51) + "')"), 1406,
          "22001");
      assertErrno(() -> s.execute("USE no_such_database"), 1049, "42000");
      assertErrno(() -> s.executeUpdate("DROP TABLE no_such_table"), 1051, "42S02");
    }
  }

  @Test
  void aQueryTimeoutKillsTheRunningStatement() throws SQLException {
    try (Connection c = BOP.connectMysql(PLAIN); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThatThrownBy(() -> s.executeQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
          + " SELECT count(*) FROM n")).isInstanceOf(SQLTimeoutException.class);
      try (ResultSet r = s.executeQuery("SELECT 1")) {
        assertThat(r.next()).isTrue();
      }
    }
  }

  @Test
  void moreErrorsCarryMysqlNumbers() throws Exception {
    try (Connection none = DriverManager.getConnection(BOP.mysqlUrl("mysql", PLAIN).replace("/bop?", "/?"), "bop",
        "bop"); Statement s = none.createStatement()) {
      assertErrno(() -> s.executeUpdate("CREATE TABLE t (a int)"), 1046, "3D000");
      s.execute("SET max_execution_time = 200");
      assertErrno(() -> s.executeQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
          + " SELECT count(*) FROM n"), 3024, "HY000");
    }
    try (Connection a = BOP.connectMysql(PLAIN); Connection b = BOP.connectMysql(PLAIN);
        Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
      // a's transaction writes and stays open; b's write waits for it longer than lock-timeout (1 s) allows.
      a.setAutoCommit(false);
      sa.executeUpdate("UPDATE accounts SET balance = balance WHERE id = 1");
      // The server says HY000, as MySQL does; mysql-connector-j reports 1205 as 40001 (a transaction to retry).
      assertErrno(() -> sb.executeUpdate("UPDATE accounts SET balance = balance WHERE id = 1"), 1205, "40001");
      a.rollback();
    }
  }

  @Test
  void killQueryInterruptsTheRunningStatementOnly() throws Exception {
    try (Connection victim = BOP.connectMysql(PLAIN); Connection killer = BOP.connectMysql(PLAIN);
        Statement s = victim.createStatement(); Statement k = killer.createStatement()) {
      long id;
      try (ResultSet r = s.executeQuery("SELECT CONNECTION_ID()")) {
        r.next();
        id = r.getLong(1);
      }
      k.execute("KILL QUERY " + id); // idle: nothing to interrupt, and its next statement runs
      try (ResultSet r = s.executeQuery("SELECT 1")) {
        assertThat(r.next()).isTrue();
      }
      java.util.concurrent.CompletableFuture<Void> killing = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(300);
          k.execute("KILL QUERY " + id);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long started = System.nanoTime();
      assertErrno(() -> s.executeQuery("SELECT SLEEP(30)"), 1317, "70100");
      assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
      killing.join();
      try (ResultSet r = s.executeQuery("SELECT 2")) {
        assertThat(r.next()).isTrue();
      }
      k.execute("KILL " + id); // the connection itself
      assertThatThrownBy(() -> s.executeQuery("SELECT 3")).isInstanceOf(SQLException.class);
    }
  }

  private interface Failing {
    void run() throws SQLException;
  }

  private static void assertErrno(Failing statement, int errno, String sqlState) {
    assertThatThrownBy(statement::run).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(errno);
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(sqlState);
    });
  }
}
