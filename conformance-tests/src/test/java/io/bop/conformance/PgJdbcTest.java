package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

/** pgjdbc against bop: the driver's default protocol paths, types in text and binary, and its error codes. */
class PgJdbcTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id serial PRIMARY KEY, name varchar(50) NOT NULL UNIQUE, balance numeric(12,2)"
          + " DEFAULT 0, active boolean DEFAULT true, opened date, updated timestamptz)");
      s.execute("CREATE TABLE typed (id bigint PRIMARY KEY, b boolean, i2 smallint, i4 integer, i8 bigint, f4 real,"
          + " f8 double precision, n numeric(20,6), t text, v varchar(20), c char(5), by bytea, d date, tm time,"
          + " ts timestamp, tz timestamptz, u uuid)");
    }
  }

  @Test
  void simpleQueryAndResultMetadata() throws SQLException {
    try (Connection c = BOP.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT 1 AS one, 'x' AS letter, 2.5 AS half, true AS yes")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt("one")).isEqualTo(1);
      assertThat(r.getString("letter")).isEqualTo("x");
      assertThat(r.getBigDecimal("half")).isEqualByComparingTo("2.5");
      assertThat(r.getBoolean("yes")).isTrue();
      ResultSetMetaData md = r.getMetaData();
      assertThat(md.getColumnTypeName(1)).isEqualTo("int4");
      assertThat(md.getColumnTypeName(2)).isEqualTo("text");
      assertThat(md.getColumnTypeName(3)).isEqualTo("numeric");
      assertThat(md.getColumnTypeName(4)).isEqualTo("bool");
    }
  }

  @Test
  void preparedStatementsPastThePrepareThresholdUseServerSideStatements() throws SQLException {
    try (Connection c = BOP.connect("prepareThreshold=2");
        PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (name, balance) VALUES (?, ?)");
        PreparedStatement select = c.prepareStatement("SELECT name, balance FROM accounts WHERE name = ?")) {
      for (int i = 0; i < 10; i++) {
        insert.setString(1, "prep" + i);
        insert.setBigDecimal(2, new BigDecimal(i + ".25"));
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      for (int i = 0; i < 10; i++) {
        select.setString(1, "prep" + i);
        try (ResultSet r = select.executeQuery()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal(i + ".25"));
          assertThat(r.next()).isFalse();
        }
      }
      assertThat(select.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"binaryTransfer=true&prepareThreshold=1", "binaryTransfer=false", "preferQueryMode=simple"})
  void everyTypeRoundTrips(String mode) throws SQLException {
    long id = Math.abs((long) mode.hashCode());
    UUID uuid = UUID.randomUUID();
    OffsetDateTime instant = OffsetDateTime.of(2024, 2, 29, 23, 59, 58, 123456000, ZoneOffset.ofHours(2));
    byte[] bytes = {0, 1, 2, (byte) 0xff, 'x'};
    try (Connection c = BOP.connect(mode)) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?)")) {
        p.setLong(1, id);
        p.setBoolean(2, true);
        p.setShort(3, (short) -32768);
        p.setInt(4, Integer.MAX_VALUE);
        p.setLong(5, Long.MIN_VALUE);
        p.setFloat(6, 1.5f);
        p.setDouble(7, Math.PI);
        p.setBigDecimal(8, new BigDecimal("12345678.123456"));
        p.setString(9, "text with 'quotes' and ünïcödé 😀");
        p.setString(10, "varchar");
        p.setString(11, "ab");
        p.setBytes(12, bytes);
        p.setObject(13, LocalDate.of(1999, 12, 31));
        p.setObject(14, LocalTime.of(13, 14, 15, 500000000));
        p.setObject(15, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        p.setObject(16, instant);
        p.setObject(17, uuid);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      // Read twice, so that with prepareThreshold=1 the second read uses binary results.
      for (int round = 0; round < 2; round++) {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
          p.setLong(1, id);
          try (ResultSet r = p.executeQuery()) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean("b")).isTrue();
            assertThat(r.getShort("i2")).isEqualTo((short) -32768);
            assertThat(r.getInt("i4")).isEqualTo(Integer.MAX_VALUE);
            assertThat(r.getLong("i8")).isEqualTo(Long.MIN_VALUE);
            assertThat(r.getFloat("f4")).isEqualTo(1.5f);
            assertThat(r.getDouble("f8")).isEqualTo(Math.PI);
            assertThat(r.getBigDecimal("n")).isEqualByComparingTo("12345678.123456");
            assertThat(r.getString("t")).isEqualTo("text with 'quotes' and ünïcödé 😀");
            assertThat(r.getString("v")).isEqualTo("varchar");
            assertThat(r.getString("c")).isEqualTo("ab   ");
            assertThat(r.getBytes("by")).containsExactly(bytes);
            assertThat(r.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
            assertThat(r.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15, 500000000));
            assertThat(r.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
            assertThat(r.getObject("tz", OffsetDateTime.class).toInstant()).isEqualTo(instant.toInstant());
            assertThat(r.getObject("u", UUID.class)).isEqualTo(uuid);
            ResultSetMetaData md = r.getMetaData();
            assertThat(md.getColumnTypeName(md.getColumnCount())).isEqualTo("uuid");
            assertThat(md.getColumnTypeName(8)).isEqualTo("numeric");
            assertThat(md.getPrecision(8)).isEqualTo(20);
            assertThat(md.getScale(8)).isEqualTo(6);
            assertThat(md.getColumnTypeName(10)).isEqualTo("varchar");
            assertThat(md.getPrecision(10)).isEqualTo(20);
          }
        }
      }
    }
  }

  @Test
  void batchesInsertEveryRowInOneTransaction() throws SQLException {
    try (Connection c = BOP.connect()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO accounts (name) VALUES (?)")) {
        for (int i = 0; i < 500; i++) {
          p.setString(1, "batch" + i);
          p.addBatch();
        }
        int[] counts = p.executeBatch();
        assertThat(counts).hasSize(500).containsOnly(1);
      }
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM accounts WHERE name LIKE 'batch%'")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(500);
      }
    }
  }

  /**
   * Responses come in the order of the requests whichever thread answers them, end to end. The race it guards
   * against is rare here; SerialExecutorTest checks the mechanism deterministically.
   */
  @Test
  void manySmallTransactionsGetTheirResponsesInOrder() throws SQLException {
    try (Connection c = BOP.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO accounts (name) VALUES (?)")) {
        for (int round = 0; round < 300; round++) {
          for (int i = 0; i < 3; i++) {
            p.setString(1, "order" + round + "." + i);
            p.addBatch();
          }
          assertThat(p.executeBatch()).containsOnly(1);
          c.commit();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM accounts WHERE name LIKE 'order%'")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(900);
      }
    }
  }

  @Test
  void generatedKeysComeFromReturning() throws SQLException {
    try (Connection c = BOP.connect();
        PreparedStatement p = c.prepareStatement("INSERT INTO accounts (name) VALUES (?)",
            Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, "keyed");
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getInt("id")).isPositive();
        assertThat(keys.getString("name")).isEqualTo("keyed");
      }
    }
  }

  @Test
  void fetchSizeStreamsThroughSuspendedPortals() throws SQLException {
    try (Connection c = BOP.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE many (n integer PRIMARY KEY)");
        s.execute("INSERT INTO many SELECT g FROM generate_series(1, 1000) AS g");
      }
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("SELECT n FROM many ORDER BY n")) {
        p.setFetchSize(7);
        List<Integer> seen = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            seen.add(r.getInt(1));
          }
        }
        assertThat(seen).hasSize(1000).startsWith(1, 2, 3).endsWith(1000);
      }
      c.commit();
    }
  }

  /**
   * Statements that proved quick run on the I/O thread; a later statement of the same query string that must wait
   * (a commit, a catalog query) continues elsewhere without running the earlier ones again.
   */
  @Test
  void multiStatementQueriesRunEachStatementOnceWhereverTheyRun() throws SQLException {
    try (Connection c = BOP.connect("preferQueryMode=simple"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE once (n int)");
      for (int i = 1; i <= 300; i++) { // enough for the plans to prove quick, even before the JIT compiler's work
        s.execute("BEGIN");
        s.execute("INSERT INTO once VALUES (1)");
        s.execute("INSERT INTO once VALUES (1); COMMIT");
        assertThat(s.execute("SELECT count(*) FROM once; SELECT count(*) FROM pg_class")).isTrue();
        try (ResultSet r = s.getResultSet()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getInt(1)).as("after round " + i).isEqualTo(2 * i);
        }
        assertThat(s.getMoreResults()).isTrue();
        assertThat(s.getMoreResults()).as("results of round " + i).isFalse();
        assertThat(s.getUpdateCount()).isEqualTo(-1);
      }
    }
  }

  @Test
  void rollbackUndoesAndCommitKeeps() throws SQLException {
    try (Connection c = BOP.connect(); Connection other = BOP.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO accounts (name) VALUES ('rolled back')");
        c.rollback();
        s.executeUpdate("INSERT INTO accounts (name) VALUES ('committed')");
        assertThat(count(other, "committed")).as("not visible before commit").isZero();
        c.commit();
      }
      assertThat(count(other, "rolled back")).isZero();
      assertThat(count(other, "committed")).isEqualTo(1);
    }
  }

  @Test
  void savepointsRollBackPartOfATransaction() throws SQLException {
    try (Connection c = BOP.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO accounts (name) VALUES ('kept by savepoint')");
        var savepoint = c.setSavepoint("sp");
        s.executeUpdate("INSERT INTO accounts (name) VALUES ('undone by savepoint')");
        c.rollback(savepoint);
        c.commit();
      }
      assertThat(count(c, "kept by savepoint")).isEqualTo(1);
      assertThat(count(c, "undone by savepoint")).isZero();
    }
  }

  @Test
  void uniqueViolationIs23505AndTheTransactionFails() throws SQLException {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO accounts (name) VALUES ('dup')");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO accounts (name) VALUES ('dup')"))
          .isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("accounts_name_key");
            assertThat(e.getServerErrorMessage().getTable()).isEqualTo("accounts");
            assertThat(e.getServerErrorMessage().getSchema()).isEqualTo("public");
          })
          .hasMessageContaining("accounts_name_key");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO accounts (name) VALUES (NULL)"))
          .isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("23502");
            assertThat(e.getServerErrorMessage().getTable()).isEqualTo("accounts");
            assertThat(e.getServerErrorMessage().getColumn()).isEqualTo("name");
          });
      c.setAutoCommit(false);
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO accounts (name) VALUES ('dup')"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
      assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
      c.rollback();
      try (ResultSet r = s.executeQuery("SELECT 1")) {
        assertThat(r.next()).isTrue();
      }
    }
  }

  @Test
  void errorsCarryPostgresqlSqlStates() throws SQLException {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      assertState(s, "SELECT * FROM no_such_table", "42P01");
      assertState(s, "SELECT no_such_column FROM accounts", "42703");
      assertState(s, "SELEKT 1", "42601");
      assertState(s, "INSERT INTO accounts (id) VALUES (1000000)", "23502");
      assertState(s, "SELECT 'abc'::integer", "22P02");
    }
  }

  @Test
  void tlsWithSslmodeRequire() throws SQLException {
    try (Connection c = BOP.connect("sslmode=require"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT 42")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void wrongPasswordIsRefusedWith28P01() {
    Properties p = new Properties();
    p.setProperty("user", "bop");
    p.setProperty("password", "not the password");
    assertThatThrownBy(() -> DriverManager.getConnection(BOP.jdbcUrl(""), p).close())
        .isInstanceOf(PSQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void unknownDatabaseIs3D000() {
    Properties p = new Properties();
    p.setProperty("user", "bop");
    p.setProperty("password", "bop");
    assertThatThrownBy(() -> DriverManager.getConnection(BOP.jdbcUrl("").replace("/bop", "/nope"), p).close())
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));
  }

  private static void assertState(Statement s, String sql, String state) {
    assertThatThrownBy(() -> s.execute(sql)).as(sql)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
  }

  private static long count(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM accounts WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
