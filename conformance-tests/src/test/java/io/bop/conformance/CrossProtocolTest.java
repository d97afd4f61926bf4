package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One database, two protocols: a table created over MySQL is read over PostgreSQL and the other way round, each
 * client told the column types in its own protocol's terms (pgjdbc and mysql-connector-j metadata).
 */
class CrossProtocolTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  private static final String MYSQL = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

  @Test
  void aTableCreatedOverMysqlReadsOverPostgresql() throws SQLException {
    try (Connection my = BOP.connectMysql(MYSQL); Statement s = my.createStatement()) {
      s.execute("CREATE TABLE from_mysql (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " name varchar(40) NOT NULL, price decimal(8,2), qty smallint, big bigint, ratio double,"
          + " born date, seen datetime(3), flag tinyint(1), doc text, raw blob)");
      s.execute("INSERT INTO from_mysql (name, price, qty, big, ratio, born, seen, flag, doc, raw) VALUES"
          + " ('tea', 3.50, 7, 9000000000, 0.5, '2024-02-29', '2024-03-01 12:34:56.789', 1, 'long text', 0x00FF)");
    }
    try (Connection pg = BOP.connect(); Statement s = pg.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM from_mysql")) {
      // An int unsigned does not fit int4; MySQL's tinyint(1) holds numbers, which PostgreSQL's smallint does.
      assertThat(typeNames(r.getMetaData())).containsExactly("int8", "varchar", "numeric", "int2", "int8",
          "float8", "date", "timestamp", "int2", "text", "bytea");
      assertThat(r.getMetaData().getPrecision(2)).isEqualTo(40);
      assertThat(r.getMetaData().getPrecision(3)).isEqualTo(8);
      assertThat(r.getMetaData().getScale(3)).isEqualTo(2);
      assertRow(r, "2024-03-01 12:34:56.789");
    }
  }

  @Test
  void aTableCreatedOverPostgresqlReadsOverMysql() throws SQLException {
    try (Connection pg = BOP.connect(); Statement s = pg.createStatement()) {
      s.execute("CREATE TABLE from_pg (id serial PRIMARY KEY, name varchar(40) NOT NULL, price numeric(8,2),"
          + " qty smallint, big bigint, ratio double precision, born date, seen timestamp, flag boolean, doc text,"
          + " raw bytea)");
      s.execute("INSERT INTO from_pg (name, price, qty, big, ratio, born, seen, flag, doc, raw) VALUES"
          + " ('tea', 3.50, 7, 9000000000, 0.5, '2024-02-29', '2024-03-01 12:34:56', true, 'long text', '\\x00ff')");
    }
    try (Connection my = BOP.connectMysql(MYSQL); Statement s = my.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM from_pg")) {
      // Unbounded text and bytea: mysql-connector-j names the type by its length.
      assertThat(typeNames(r.getMetaData())).containsExactly("INT", "VARCHAR", "DECIMAL", "SMALLINT", "BIGINT",
          "DOUBLE", "DATE", "TIMESTAMP", "BIT", "MEDIUMTEXT", "LONGBLOB");
      assertThat(r.getMetaData().isAutoIncrement(1)).isTrue();
      assertThat(r.getMetaData().isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(r.getMetaData().getPrecision(3)).isEqualTo(8);
      assertThat(r.getMetaData().getScale(3)).isEqualTo(2);
      assertRow(r, "2024-03-01 12:34:56");
    }
    try (Connection my = BOP.connectMysql(MYSQL); Statement s = my.createStatement();
        ResultSet r = s.executeQuery("SHOW CREATE TABLE from_pg")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(2)).contains("`id` int NOT NULL AUTO_INCREMENT", "`name` varchar(40) NOT NULL",
          "`price` decimal(8,2) DEFAULT NULL", "PRIMARY KEY (`id`)");
    }
  }

  /** The row both tests insert, as the other protocol's driver reads it. */
  private static void assertRow(ResultSet r, String seen) throws SQLException {
    assertThat(r.next()).isTrue();
    assertThat(r.getLong("id")).isEqualTo(1);
    assertThat(r.getString("name")).isEqualTo("tea");
    assertThat(r.getBigDecimal("price")).isEqualByComparingTo("3.50");
    assertThat(r.getLong("big")).isEqualTo(9_000_000_000L);
    assertThat(r.getDouble("ratio")).isEqualTo(0.5);
    assertThat(r.getString("born")).isEqualTo("2024-02-29");
    assertThat(r.getString("seen")).isEqualTo(seen);
    assertThat(r.getBoolean("flag")).isTrue();
    assertThat(r.getString("doc")).isEqualTo("long text");
    assertThat(r.getBytes("raw")).containsExactly(0x00, 0xFF);
  }

  private static List<String> typeNames(ResultSetMetaData meta) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnTypeName(i));
    }
    return names;
  }
}
