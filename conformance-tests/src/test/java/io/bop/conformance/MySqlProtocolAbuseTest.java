package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed input on the MySQL port: each bad connection gets an ERR packet or is closed, while a session opened
 * beforehand keeps working and no committed row is lost.
 */
class MySqlProtocolAbuseTest {
  @RegisterExtension static final BopNode BOP = new BopNode().with("mysql-auth", "mysql_native_password");

  private static Connection bystander;

  @BeforeAll
  static void committedData() throws SQLException {
    bystander = BOP.connectMysql("sslMode=DISABLED&allowPublicKeyRetrieval=true");
    try (Statement s = bystander.createStatement()) {
      s.execute("CREATE TABLE kept (n int PRIMARY KEY)");
      s.execute("INSERT INTO kept WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 100)"
          + " SELECT n FROM g");
    }
  }

  /** After every abuse: the other session still answers, and every committed row is there. */
  @AfterEach
  void othersUnaffected() throws SQLException {
    Abuse.keptRowsAreThere(bystander);
  }

  private static RawMySql loggedIn() throws Exception {
    RawMySql mysql = new RawMySql(BOP.mysqlPort());
    assertThat(mysql.login("bop", "bop").isOk()).isTrue();
    return mysql;
  }

  @Test
  void theRawClientWorksWhenItBehaves() throws Exception {
    try (RawMySql mysql = loggedIn()) {
      assertThat(mysql.query("SET @a = 1").isOk()).isTrue();
      assertThat(mysql.command(0x0e, "").isOk()).isTrue(); // COM_PING
    }
  }

  @Test
  void garbageInsteadOfTheHandshakeResponse() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      byte[] garbage = new byte[1 + random.nextInt(300)];
      random.nextBytes(garbage);
      try (RawMySql mysql = new RawMySql(BOP.mysqlPort(), 1000)) {
        mysql.readHandshake();
        mysql.send(1, garbage);
        RawMySql.Packet error = mysql.errorBeforeClose();
        // A bad handshake; garbage that happens to read as a login gets "access denied" or is asked to switch to
        // another authentication method, for which the server then waits.
        if (error != null) {
          assertThat(error.errno()).as("garbage %d", i).isIn(1043, 1045, 1156);
        }
      }
    }
  }

  @Test
  void randomBytesInPlaceOfPackets() throws Exception {
    // Bytes that read as the start of a longer packet leave the server waiting for the rest, as it should.
    Abuse.randomGarbage(10, garbage -> {
      try (RawMySql mysql = new RawMySql(BOP.mysqlPort(), 300)) {
        mysql.sendRaw(garbage);
        mysql.closedByServer();
      }
    });
  }

  @Test
  void aHandshakeResponseOutOfSequenceIsRefused() throws Exception {
    try (RawMySql mysql = new RawMySql(BOP.mysqlPort())) {
      mysql.readHandshake();
      mysql.send(5, RawMySql.cstring("bop"));
      assertThat(mysql.read().errno()).isEqualTo(1156);
      assertThat(mysql.closedByServer()).isTrue();
    }
  }

  @Test
  void aCommandOutOfSequenceClosesTheConnection() throws Exception {
    try (RawMySql mysql = loggedIn()) {
      mysql.send(3, new byte[] {0x0e}); // COM_PING
      assertThat(mysql.read().errno()).isEqualTo(1156);
      assertThat(mysql.closedByServer()).isTrue();
    }
  }

  @Test
  void malformedCommandsCloseTheConnection() throws Exception {
    byte[][] malformed = {
        {}, // no command byte
        {0x17, 1, 0}, // COM_STMT_EXECUTE cut short
        {0x19, 1}, // COM_STMT_CLOSE cut short
        {0x1c, 1, 0, 0}, // COM_STMT_FETCH cut short
    };
    for (byte[] payload : malformed) {
      try (RawMySql mysql = loggedIn()) {
        mysql.send(0, payload);
        RawMySql.Packet answer = mysql.errorBeforeClose();
        assertThat(answer).as("command %s", payload.length == 0 ? "none" : payload[0]).isNotNull();
      }
    }
  }

  @Test
  void anUnknownCommandIsAnError() throws Exception {
    try (RawMySql mysql = loggedIn()) {
      assertThat(mysql.command(0x7f, "").errno()).isEqualTo(1047);
    }
  }

  @Test
  void aPacketBeyondMaxAllowedPacketIsRefusedBeforeItIsRead() throws Exception {
    try (RawMySql mysql = loggedIn()) {
      // Four full 16 MiB fragments reach max_allowed_packet (64 MiB); the header of the fifth goes beyond it.
      byte[] fragment = new byte[0xFFFFFF];
      fragment[0] = 3;
      for (int i = 0; i < 4; i++) {
        mysql.sendRaw(RawMySql.header(0xFFFFFF, i));
        mysql.sendRaw(fragment);
      }
      mysql.sendRaw(RawMySql.header(100, 4));
      assertThat(mysql.read().errno()).isEqualTo(1153);
      assertThat(mysql.closedByServer()).isTrue();
    }
  }

  @Test
  void aConnectionDroppedInATransactionCommitsNothingOfIt() throws Exception {
    try (RawMySql mysql = loggedIn()) {
      assertThat(mysql.query("INSERT INTO kept VALUES (1000)").isOk()).isTrue(); // autocommit
      assertThat(mysql.query("BEGIN").isOk()).isTrue();
      assertThat(mysql.query("INSERT INTO kept VALUES (1001)").isOk()).isTrue();
    }
    try (Statement s = bystander.createStatement()) {
      long deadline = System.currentTimeMillis() + 5000;
      // The dropped connection's transaction rolls back as the server notices the close.
      while (count(s, "SELECT count(*) FROM kept WHERE n = 1001") != 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(count(s, "SELECT count(*) FROM kept WHERE n = 1001")).isZero();
      assertThat(count(s, "SELECT count(*) FROM kept WHERE n = 1000")).isEqualTo(1);
      s.execute("DELETE FROM kept WHERE n = 1000");
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
