package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MySQL SQL that clients and tools send, with the answers MySQL gives. */
class MySqlSqlTest extends EngineFixture {
  private Session s;

  @BeforeEach
  void mysqlSession() throws SqlError {
    s = engine.connect(Dialect.MYSQL, "bop", null, Map.of());
  }

  @Test
  void systemAndUserVariables() throws SqlError {
    assertThat(value(s, "SELECT @@version_comment LIMIT 1")).isEqualTo("bop");
    assertThat(run(s, "SELECT @@session.auto_increment_increment AS a, @@character_set_client AS b,"
        + " @@max_allowed_packet AS c, @@transaction_isolation AS d, @@autocommit"))
        .containsExactly(List.of(1L, "utf8mb4", 67108864L, "READ-COMMITTED", 1L));
    run(s, "SET @a = 5, @b = concat('x', @@version_comment)");
    assertThat(run(s, "SELECT @a + 1, @b, @never")).containsExactly(java.util.Arrays.asList(6L, "xbop", null));
    run(s, "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */");
    assertThat(value(s, "SELECT @@sql_mode")).isEqualTo("NO_AUTO_VALUE_ON_ZERO");
    run(s, "SET sql_mode = @OLD_SQL_MODE");
    assertThat(value(s, "SELECT @@sql_mode").toString()).startsWith("ONLY_FULL_GROUP_BY");
    run(s, "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    assertThat(value(s, "SELECT @@collation_connection")).isEqualTo("utf8mb4_unicode_ci");
    run(s, "SET character_set_results = NULL");
    assertThat(value(s, "SELECT @@character_set_results")).isNull();
    assertThatThrownBy(() -> run(s, "SELECT @@no_such_variable"))
        .satisfies(e -> assertThat(((SqlError) e).condition().mysqlErrno()).isEqualTo(1193));
    assertThatThrownBy(() -> run(s, "SET version = 'x'"))
        .satisfies(e -> assertThat(((SqlError) e).condition().mysqlErrno()).isEqualTo(1238));
  }

  @Test
  void tablesWithMysqlTypesAndAutoIncrement() throws SqlError {
    run(s, "USE bop");
    run(s, "CREATE TABLE `users` (`id` int(11) unsigned NOT NULL AUTO_INCREMENT, `name` varchar(50) NOT NULL,"
        + " `active` tinyint(1) NOT NULL DEFAULT '1', `kind` enum('a','b') DEFAULT 'a', `born` date DEFAULT NULL,"
        + " `seen` datetime(6) DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `uk_name` (`name`), KEY `k_born` (`born`))"
        + " ENGINE=InnoDB AUTO_INCREMENT=10 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
    run(s, "INSERT INTO users (name, born) VALUES ('ada', '1815-12-10'), ('bob', NULL)");
    assertThat(value(s, "SELECT LAST_INSERT_ID()")).isEqualTo(10L);
    assertThat(run(s, "SELECT id, name, active, kind FROM users ORDER BY id"))
        .containsExactly(List.of(10L, "ada", 1L, "a"), List.of(11L, "bob", 1L, "a"));
    assertThat(value(s, "SELECT count(*) FROM users WHERE name = 'ADA'")).isEqualTo(1L);
    assertThat(value(s, "SELECT count(*) FROM users WHERE name LIKE 'A%'")).isEqualTo(1L);
    String ddl = (String) run(s, "SHOW CREATE TABLE users").get(0).get(1);
    assertThat(ddl).contains("`id` int unsigned NOT NULL AUTO_INCREMENT", "`active` tinyint(1) NOT NULL DEFAULT '1'",
        "`kind` enum('a','b') DEFAULT 'a'", "PRIMARY KEY (`id`)", "UNIQUE KEY `uk_name` (`name`)",
        "AUTO_INCREMENT=12");
    run(s, "DROP TABLE users");
    run(s, ddl);
    run(s, "INSERT INTO users (name) VALUES ('cy')");
    assertThat(value(s, "SELECT id FROM users")).isEqualTo(12L);
  }

  @Test
  void insertVariants() throws SqlError {
    run(s, "USE bop");
    run(s, "CREATE TABLE kv (k varchar(10) PRIMARY KEY, v int NOT NULL, n int DEFAULT 0)");
    run(s, "INSERT INTO kv SET k = 'a', v = 1");
    run(s, "INSERT INTO kv (k, v) VALUES ('a', 5) ON DUPLICATE KEY UPDATE v = v + VALUES(v)");
    assertThat(value(s, "SELECT v FROM kv WHERE k = 'a'")).isEqualTo(6L);
    run(s, "INSERT INTO kv (k, v) VALUES ('a', 10) AS new ON DUPLICATE KEY UPDATE v = new.v");
    assertThat(value(s, "SELECT v FROM kv WHERE k = 'a'")).isEqualTo(10L);
    run(s, "INSERT IGNORE INTO kv (k, v) VALUES ('a', 99), ('b', 2)");
    run(s, "REPLACE INTO kv (k, v) VALUES ('b', 3)");
    assertThat(run(s, "SELECT k, v FROM kv ORDER BY k LIMIT 0, 5")).containsExactly(List.of("a", 10L), List.of("b", 3L));
    assertThatThrownBy(() -> run(s, "INSERT INTO kv (k) VALUES ('c')"))
        .satisfies(e -> assertThat(((SqlError) e).condition().mysqlErrno()).isEqualTo(1364));
    assertThatThrownBy(() -> run(s, "INSERT INTO kv (k, v) VALUES ('a', 1)"))
        .satisfies(e -> assertThat(((SqlError) e).condition().mysqlErrno()).isEqualTo(1062));
    run(s, "UPDATE kv SET n = 7 ORDER BY k DESC LIMIT 1");
    assertThat(run(s, "SELECT k, n FROM kv ORDER BY k")).containsExactly(List.of("a", 0L), List.of("b", 7L));
    run(s, "DELETE FROM kv ORDER BY k LIMIT 1");
    assertThat(value(s, "SELECT group_concat(k) FROM kv")).isEqualTo("b");
  }

  @Test
  void selectModifiersAndFoundRows() throws SqlError {
    run(s, "USE bop");
    run(s, "CREATE TABLE n (i int)");
    run(s, "INSERT INTO n VALUES (1), (2), (3), (4), (5)");
    assertThat(run(s, "SELECT /*!40001 SQL_NO_CACHE */ SQL_BUFFER_RESULT i FROM n WHERE i > 3 ORDER BY i"))
        .containsExactly(List.of(4L), List.of(5L));
    assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo(2L);
    assertThat(run(s, "SELECT SQL_CALC_FOUND_ROWS i FROM n WHERE i > 1 ORDER BY i LIMIT 1, 2"))
        .containsExactly(List.of(3L), List.of(4L));
    assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo(4L);
  }

  @Test
  void integersAreCheckedAgainstTheirColumnsRange() throws SqlError {
    run(s, "USE bop");
    run(s, "CREATE TABLE r (t tinyint, u tinyint unsigned, i int unsigned, b bigint, doc text CHECK (json_valid(doc)))");
    run(s, "INSERT INTO r VALUES (-128, 255, 4294967295, -9223372036854775808, NULL)");
    assertThat(run(s, "SELECT t, u, i, b FROM r"))
        .containsExactly(List.of(-128L, 255L, 4294967295L, Long.MIN_VALUE));
    for (String bad : List.of("INSERT INTO r (t) VALUES (128)", "INSERT INTO r (u) VALUES (-1)",
        "INSERT INTO r (i) VALUES (4294967296)", "INSERT INTO r (b) VALUES (9223372036854775808)",
        "UPDATE r SET t = -129")) {
      assertThatThrownBy(() -> run(s, bad)).as(bad)
          .satisfies(e -> assertThat(((SqlError) e).condition().mysqlErrno()).isEqualTo(1264));
    }
    run(s, "INSERT INTO r (doc) VALUES ('{\"a\": 1}')");
    assertThatThrownBy(() -> run(s, "INSERT INTO r (doc) VALUES ('{not json')"));
    // A string with bytes that are not UTF-8 (mysqldump writes BLOBs so; RawText escapes them) is a binary string.
    run(s, "CREATE TABLE bin (v blob)");
    run(s, "INSERT INTO bin VALUES ('\\0\\n\uDCFF')");
    assertThat(value(s, "SELECT hex(v) FROM bin")).isEqualTo("000AFF");
  }

  @Test
  void mysqlSemantics() throws SqlError {
    assertThat(value(s, "SELECT 7 / 2")).isEqualTo(new BigDecimal("3.5000"));
    assertThat(value(s, "SELECT 1 / 0")).isNull();
    assertThat(value(s, "SELECT 'abc' = 'ABC'")).isEqualTo(true);
    assertThat(value(s, "SELECT 'abc' LIKE 'A_C'")).isEqualTo(true);
    assertThat(value(s, "SELECT 'a\\'b' = \"a'b\"")).isEqualTo(true);
    assertThat(value(s, "SELECT CONCAT('a', NULL)")).isNull();
    assertThat(value(s, "SELECT CONCAT_WS('-', 'a', NULL, 'b')")).isEqualTo("a-b");
    assertThat(value(s, "SELECT IFNULL(NULL, 3)")).isEqualTo(3L);
    assertThat(value(s, "SELECT IF(1 > 2, 'yes', 'no')")).isEqualTo("no");
    assertThat(value(s, "SELECT DATE_FORMAT('2024-03-05 14:07:09', '%Y/%m/%d %H:%i:%s %W')"))
        .isEqualTo("2024/03/05 14:07:09 Tuesday");
    assertThat(value(s, "SELECT DATE_ADD(DATE '2024-01-31', INTERVAL 1 DAY)")).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(value(s, "SELECT DATE_SUB(DATE('2024-03-01'), INTERVAL 1 MONTH)")).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(value(s, "SELECT UNIX_TIMESTAMP('1970-01-02 00:00:00')")).isEqualTo(86400L);
    assertThat(value(s, "SELECT FROM_UNIXTIME(86400)").toString()).isEqualTo("1970-01-02T00:00");
    assertThat(value(s, "SELECT DATABASE()")).isNull();
    assertThat(value(s, "SELECT VERSION()").toString()).startsWith("8.0.");
    assertThat(value(s, "SELECT CONNECTION_ID()")).isEqualTo((long) s.id());
    assertThat(value(s, "SELECT NOW() IS NOT NULL AND CURDATE() IS NOT NULL")).isEqualTo(true);
  }

  @Test
  void showStatementsAndUse() throws SqlError {
    assertThatThrownBy(() -> run(s, "SHOW TABLES"))
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(Condition.NO_DATABASE_SELECTED));
    run(s, "CREATE DATABASE shop");
    run(s, "USE shop");
    run(s, "CREATE TABLE t (id int PRIMARY KEY, name varchar(20) COMMENT 'the name', KEY idx_name (name))");
    assertThat(run(s, "SHOW DATABASES")).containsExactly(List.of("bop"), List.of("information_schema"),
        List.of("shop"));
    assertThat(run(s, "SHOW FULL TABLES")).containsExactly(List.of("t", "BASE TABLE"));
    assertThat(run(s, "SHOW COLUMNS FROM t")).containsExactly(
        java.util.Arrays.asList("id", "int", "NO", "PRI", null, ""),
        java.util.Arrays.asList("name", "varchar(20)", "YES", "MUL", null, ""));
    assertThat(run(s, "SHOW INDEX FROM t").stream().map(r -> r.get(2)).toList()).containsExactly("PRIMARY", "idx_name");
    assertThat(run(s, "SHOW VARIABLES LIKE 'auto%'")).contains(List.of("autocommit", "ON"));
    assertThat(run(s, "SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_COMMENT FROM information_schema.COLUMNS"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION"))
        .containsExactly(List.of("id", "int", ""), List.of("name", "varchar(20)", "the name"));
    run(s, "DROP DATABASE shop");
    assertThat(value(s, "SELECT DATABASE()")).isNull();
  }

  @Test
  void autocommitOffKeepsATransactionOpen() throws SqlError {
    run(s, "USE bop");
    run(s, "CREATE TABLE t (n int)");
    run(s, "SET autocommit = 0");
    run(s, "INSERT INTO t VALUES (1)");
    assertThat(s.transactionState()).isEqualTo(TransactionState.ACTIVE);
    run(s, "ROLLBACK");
    run(s, "INSERT INTO t VALUES (2)");
    run(s, "COMMIT");
    run(s, "SET autocommit = 1");
    assertThat(value(s, "SELECT group_concat(n) FROM t")).isEqualTo("2");
  }
}
