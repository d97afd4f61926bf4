package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MariaDB Connector/J 3 against bop: its connection set-up (a multi-assignment SET over system variables), client-
 * and server-side prepared statements, rewritten batches, generated keys, transactions, metadata, fetch-size
 * streaming, types and errors.
 */
class MariaDbConnectorJTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  private static final String PLAIN = "allowPublicKeyRetrieval=true";

  private static Connection connect(String parameters) throws SQLException {
    return DriverManager.getConnection(BOP.mysqlUrl("mariadb", parameters), "bop", "bop");
  }

  @BeforeAll
  static void schema() throws SQLException {
    try (Connection c = connect(PLAIN); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " name varchar(40) NOT NULL, born date, score double, paid decimal(9,2), updated datetime(3), photo mediumblob, KEY k_name (name))");
      s.execute("CREATE TABLE pets (id int AUTO_INCREMENT PRIMARY KEY, owner bigint unsigned NOT NULL,"
          + " FOREIGN KEY (owner) REFERENCES people (id))");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {PLAIN, "sslMode=trust", "sslMode=trust&useServerPrepStmts=true"})
  void connectsAndReadsSessionState(String parameters) throws SQLException {
    try (Connection c = connect(parameters); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT @@max_allowed_packet, @@wait_timeout, @@sql_mode, @@autocommit")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isEqualTo(64L * 1024 * 1024);
      assertThat(r.getString(3)).contains("STRICT_TRANS_TABLES");
      assertThat(r.getInt(4)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"useServerPrepStmts=false", "useServerPrepStmts=true"})
  void preparedStatementsAndTypes(String mode) throws SQLException {
    byte[] photo = new byte[70_000];
    for (int i = 0; i < photo.length; i++) {
      photo[i] = (byte) i;
    }
    try (Connection c = connect(PLAIN + "&" + mode);
        PreparedStatement insert = c.prepareStatement("INSERT INTO people (name, born, score, paid, updated, photo)"
            + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, mode);
      insert.setObject(2, LocalDate.of(1990, 12, 31));
      insert.setDouble(3, 0.125);
      insert.setBigDecimal(4, new BigDecimal("1234567.89"));
      insert.setObject(5, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000));
      insert.setBytes(6, photo);
      assertThat(insert.executeUpdate()).isEqualTo(1);
      long id;
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        id = keys.getLong(1);
      }
      try (PreparedStatement select = c.prepareStatement("SELECT * FROM people WHERE id = ?")) {
        select.setLong(1, id);
        try (ResultSet r = select.executeQuery()) {
          assertThat(r.next()).isTrue();
          assertThat(r.getString("name")).isEqualTo(mode);
          assertThat(r.getObject("born", LocalDate.class)).isEqualTo(LocalDate.of(1990, 12, 31));
          assertThat(r.getDouble("score")).isEqualTo(0.125);
          assertThat(r.getBigDecimal("paid")).isEqualByComparingTo("1234567.89");
          assertThat(r.getObject("updated", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5,
              678_000_000));
          assertThat(r.getBytes("photo")).isEqualTo(photo);
        }
      }
    }
  }

  @Test
  void rewrittenBatchesAndTransactions() throws SQLException {
    try (Connection c = connect(PLAIN + "&rewriteBatchedStatements=true")) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO people (name) VALUES (?)")) {
        for (int i = 0; i < 100; i++) {
          insert.setString(1, "batch-" + i);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).hasSize(100);
      }
      c.rollback();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO people (name) VALUES ('kept')");
        c.commit();
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM people WHERE name LIKE 'batch-%' OR name = 'kept'")) {
          r.next();
          assertThat(r.getLong(1)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void metadataAndStreaming() throws SQLException {
    try (Connection c = connect(PLAIN)) {
      DatabaseMetaData md = c.getMetaData();
      List<String> columns = new ArrayList<>();
      try (ResultSet r = md.getColumns(null, null, "people", null)) {
        while (r.next()) {
          columns.add(r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME"));
        }
      }
      assertThat(columns).startsWith("id BIGINT UNSIGNED", "name VARCHAR");
      try (ResultSet r = md.getPrimaryKeys(null, null, "people")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("COLUMN_NAME")).isEqualTo("id");
      }
      try (ResultSet r = md.getImportedKeys(null, null, "pets")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString("PKTABLE_NAME")).isEqualTo("people");
      }
      try (ResultSet r = md.getIndexInfo(null, null, "people", false, false)) {
        List<String> indexes = new ArrayList<>();
        while (r.next()) {
          indexes.add(r.getString("INDEX_NAME"));
        }
        assertThat(indexes).contains("PRIMARY", "k_name");
      }
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10);
        long rows = 0;
        try (ResultSet r = s.executeQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
            + " WHERE x < 5000) SELECT x FROM n")) {
          while (r.next()) {
            rows++;
          }
        }
        assertThat(rows).isEqualTo(5000);
      }
    }
  }

  @Test
  void errorsCarryMysqlNumbers() throws SQLException {
    try (Connection c = connect(PLAIN); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM nowhere"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO pets (owner) VALUES (424242)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1452));
    }
  }
}
