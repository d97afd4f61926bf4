package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * mysqldump (Debian's mariadb-client) against bop: a dump of a bop database restores into bop, and a dump that
 * MariaDB 10.11's mysqldump made (test resource mysql/mariadb-shop-dump.sql) restores into bop. Restoring bop's
 * dump into MariaDB was checked by hand against a MariaDB 10.11 server.
 */
class MysqldumpTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  /** What the shop database holds, row by row, as the mariadb client prints it. */
  private static final String CONTENTS = """
      SELECT * FROM customers ORDER BY id;
      SELECT * FROM orders ORDER BY id;
      SELECT name, hex(content), hex(digest), length(content) FROM files ORDER BY name;
      SELECT * FROM big_orders ORDER BY id;
      """;

  @BeforeAll
  static void toolsAreInstalled() {
    MariaDbClient.requireInstalled();
  }

  private static MariaDbClient.Result run(String tool, String input, String... args) throws Exception {
    return run(tool, input == null ? null : input.getBytes(StandardCharsets.UTF_8), args);
  }

  private static MariaDbClient.Result run(String tool, byte[] input, String... args) throws Exception {
    MariaDbClient.Result result = MariaDbClient.run(BOP, tool, input, args);
    assertThat(result.exit()).as(result.err()).isZero();
    return result;
  }

  /** The dump MariaDB made, as bytes: its BLOB values are not UTF-8. */
  private static byte[] mariadbDump() throws Exception {
    try (InputStream in = MysqldumpTest.class.getResourceAsStream("/mysql/mariadb-shop-dump.sql")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMariadbDumpRestoresIntoBop() throws Exception {
    run("mariadb", mariadbDump()); // it creates database shop and uses it
    String contents = run("mariadb", CONTENTS, "-B", "shop").out();
    assertThat(contents.lines()).contains(
        "1\tada@example.org\tAda Lovelace\t1\tplatinum\t1815-12-10\t2024-01-02 03:04:05\tNULL\t{\"lang\": \"en\"}",
        "2\tgrace@example.org\tGrace O'Hopper\t0\tgold\tNULL\t2024-02-03 04:05:06\t2024-03-01 10:00:00\tNULL",
        "3\tzoe@example.org\tZoë \"Z\" Back\\\\slash\t0\tbasic\t2000-02-29\t2024-03-04 05:06:07\tNULL\t[1, 2]",
        "1\t1\t19.99\t1.5\t0.25\t2024-01-05 12:00:00.123\t08:30:00\t2023\tfirst\\nline two\\ttab\tA1",
        "3\t3\t1234567.89\t10000000000\t-1.5\t2024-04-01 00:00:00.999\t23:59:59\t1999\t日本語 text\tZZ",
        "bytes\t00FF10270A0D5C27\t9DD4E461268C8034F5C8564E155C67A6\t8",
        "empty\t\tNULL\t0",
        "null\tNULL\tNULL\tNULL",
        "1\tAda Lovelace\t19.99",
        "3\tZoë \"Z\" Back\\\\slash\t1234567.89");
    // What the dump declared keeps working: the foreign key cascades, AUTO_INCREMENT continues, ON UPDATE stamps.
    String after = run("mariadb", """
        DELETE FROM customers WHERE id = 3;
        INSERT INTO customers (email) VALUES ('new@example.org');
        UPDATE customers SET vip = 0 WHERE id = 1;
        SELECT count(*) FROM orders;
        SELECT max(id) FROM customers;
        SELECT updated IS NOT NULL FROM customers WHERE id = 1;
        """, "-B", "-N", "shop").out();
    assertThat(after.lines()).containsExactly("2", "4", "1");
  }

  @Test
  void aDumpOfABopDatabaseRestoresIntoBop() throws Exception {
    // Latin-1 maps every byte to one character, so the database can be renamed without touching the BLOB bytes.
    String renamed = new String(mariadbDump(), StandardCharsets.ISO_8859_1).replace("`shop`", "`source`");
    run("mariadb", renamed.getBytes(StandardCharsets.ISO_8859_1));
    MariaDbClient.Result dumped = run("mysqldump", (byte[]) null, "source");
    assertThat(dumped.out()).contains("CREATE TABLE `customers`", "INSERT INTO `files` VALUES",
        "VIEW `big_orders` AS select");
    run("mariadb", "CREATE DATABASE target");
    run("mariadb", dumped.bytes(), "target");
    assertThat(run("mariadb", CONTENTS, "-B", "target").out())
        .isEqualTo(run("mariadb", CONTENTS, "-B", "source").out());
    for (String table : new String[] {"customers", "orders", "files"}) {
      String show = "SHOW CREATE TABLE " + table;
      assertThat(run("mariadb", (byte[]) null, "-B", "-N", "-r", "target", "-e", show).out())
          .isEqualTo(run("mariadb", (byte[]) null, "-B", "-N", "-r", "source", "-e", show).out());
    }
  }
}
