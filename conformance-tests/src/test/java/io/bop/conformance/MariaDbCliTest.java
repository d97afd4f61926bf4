package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mariadb command-line client (Debian's mariadb-client) against bop's MySQL port, as a user runs it. */
class MariaDbCliTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @BeforeAll
  static void clientIsInstalled() {
    MariaDbClient.requireInstalled();
  }

  private static MariaDbClient.Result mariadb(String input, String... args) throws Exception {
    MariaDbClient.Result result = MariaDbClient.run(BOP, "mariadb", input, args);
    assertThat(result.exit()).as(result.err()).isZero();
    return result;
  }

  @Test
  void connectsWithAndWithoutTls() throws Exception {
    assertThat(mariadb(null, "--ssl", "-e", "status").out()).containsPattern("SSL:\\s+Cipher in use is TLS");
    assertThat(mariadb(null, "--skip-ssl", "-e", "status").out()).containsPattern("SSL:\\s+Not in use");
    assertThat(mariadb(null, "--ssl", "-N", "-B", "-e", "SELECT VERSION(), @@version_comment").out())
        .startsWith("8.0.").contains("\tbop");
  }

  @Test
  void usesADatabaseCreatesTablesLoadsAndQueries() throws Exception {
    mariadb("""
        CREATE DATABASE cli;
        USE cli;
        CREATE TABLE items (
          id int unsigned NOT NULL AUTO_INCREMENT,
          name varchar(40) NOT NULL,
          price decimal(8,2) DEFAULT NULL,
          added datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
          PRIMARY KEY (id),
          KEY items_name (name)
        ) ENGINE=InnoDB AUTO_INCREMENT=100 DEFAULT CHARSET=utf8mb4;
        INSERT INTO items (name, price) VALUES ('tea', 3.50), ('coffee', 4.25);
        INSERT INTO items (name, price) VALUES ('it''s \\\\ "quoted"', NULL), ('日本', 1);
        SELECT LAST_INSERT_ID();
        """, "--ssl");
    MariaDbClient.Result rows = mariadb(null, "-B", "-N", "cli", "-e",
        "SELECT id, name, price FROM items ORDER BY id");
    assertThat(rows.out().lines()).containsExactly("100\ttea\t3.50", "101\tcoffee\t4.25",
        "102\tit's \\\\ \"quoted\"\tNULL", "103\t日本\t1.00");
    MariaDbClient.Result table = mariadb(null, "-t", "cli", "-e", "SELECT name FROM items WHERE price > 4");
    assertThat(table.out()).contains("| name   |", "| coffee |");
    assertThat(mariadb(null, "-B", "cli", "-e", "SHOW TABLES; DESCRIBE items").out())
        .contains("Tables_in_cli", "items", "id\tint unsigned\tNO\tPRI\tNULL\tauto_increment");
  }

  @Test
  void showCreateTableOutputReplays() throws Exception {
    mariadb("""
        CREATE DATABASE original;
        USE original;
        CREATE TABLE parent (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, code char(3) NOT NULL UNIQUE);
        CREATE TABLE child (
          id int NOT NULL AUTO_INCREMENT,
          parent_id bigint DEFAULT NULL,
          kind enum('a','b') NOT NULL DEFAULT 'a',
          flag tinyint(1) NOT NULL DEFAULT 1,
          amount decimal(10,2) NOT NULL DEFAULT 0.00,
          note text COMMENT 'free text',
          at timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
          PRIMARY KEY (id),
          KEY child_kind (kind, flag),
          CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL
        ) COMMENT='children';
        INSERT INTO parent (code) VALUES ('abc');
        INSERT INTO child (parent_id) VALUES (1);
        CREATE DATABASE replayed;
        """);
    String created = showCreateTable("original", "child");
    assertThat(created).contains("AUTO_INCREMENT=2", "ON UPDATE", "COMMENT='children'");
    String parent = showCreateTable("original", "parent");
    mariadb(parent + ";\n" + created + ";\n", "replayed");
    assertThat(showCreateTable("replayed", "child")).isEqualTo(created);
    assertThat(showCreateTable("replayed", "parent")).isEqualTo(parent);
  }

  /** SHOW CREATE TABLE's second column, as the client prints it raw. */
  private static String showCreateTable(String database, String table) throws Exception {
    String out = mariadb(null, "-B", "-N", "-r", database, "-e", "SHOW CREATE TABLE " + table).out();
    return out.substring(out.indexOf('\t') + 1).stripTrailing();
  }
}
