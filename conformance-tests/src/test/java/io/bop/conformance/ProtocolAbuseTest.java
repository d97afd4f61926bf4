package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * Malformed input on the PostgreSQL port: each bad connection gets an error or is closed, while a session opened
 * beforehand keeps working and no committed row is lost.
 */
class ProtocolAbuseTest {
  @RegisterExtension static final BopNode BOP = new BopNode().with("pg-auth", "md5");

  private static Connection bystander;

  @BeforeAll
  static void committedData() throws SQLException {
    bystander = BOP.connect();
    try (Statement s = bystander.createStatement()) {
      s.execute("CREATE TABLE kept (n integer PRIMARY KEY)");
      s.execute("INSERT INTO kept SELECT g FROM generate_series(1, 100) AS g");
    }
  }

  /** After every abuse: the other session still answers, and every committed row is there. */
  @AfterEach
  void othersUnaffected() throws SQLException {
    Abuse.keptRowsAreThere(bystander);
  }

  @Test
  void truncatedStartupPacket() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.sendRaw(ByteBuffer.allocate(10).putInt(100).putInt(196608).array());
    }
  }

  @Test
  void startupLengthsOutOfRangeCloseTheConnection() throws Exception {
    for (int length : new int[] {0, 3, 7, 1_000_000, -1}) {
      try (RawPg pg = new RawPg(BOP.pgPort())) {
        pg.sendRaw(ByteBuffer.allocate(8).putInt(length).putInt(196608).array());
        assertThat(pg.closedByServer()).as("length %d", length).isTrue();
      }
    }
  }

  @Test
  void randomBytesBeforeStartup() throws Exception {
    // Garbage that reads as the start of a valid frame leaves the server waiting for the rest, as it should.
    Abuse.randomGarbage(20, garbage -> {
      try (RawPg pg = new RawPg(BOP.pgPort(), 500)) {
        pg.sendRaw(garbage);
        pg.closedByServer();
      }
    });
  }

  @Test
  void unsupportedProtocolVersionIsRefused() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      byte[] params = RawPg.cstrings("user", "bop", "");
      pg.sendRaw(ByteBuffer.allocate(8 + params.length).putInt(8 + params.length).putInt(2 << 16).put(params).array());
      RawPg.Message m = pg.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.sqlState()).isEqualTo("0A000");
      assertThat(pg.closedByServer()).isTrue();
    }
  }

  @Test
  void unknownMessageTypeAfterStartupIsAFatalProtocolViolation() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.send('!', new byte[] {1, 2, 3});
      RawPg.Message m = pg.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(pg.closedByServer()).isTrue();
    }
  }

  @Test
  void oversizedMessageIsRefusedBeforeAnythingIsBuffered() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(Integer.MAX_VALUE).array());
      RawPg.Message m = pg.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(pg.closedByServer()).isTrue();
    }
  }

  @Test
  void messageLengthBelowFourIsRefused() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(2).array());
      assertThat(pg.closedByServer()).isTrue();
    }
  }

  @Test
  void truncatedMessageThenDisconnect() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.sendRaw(ByteBuffer.allocate(15).put((byte) 'Q').putInt(100).put("SELECT 1".getBytes(StandardCharsets.UTF_8))
          .array());
    }
  }

  @Test
  void malformedBodyIsAProtocolViolation() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.send('Q', "SELECT 1 without terminator".getBytes(StandardCharsets.UTF_8));
      RawPg.Message m = pg.read();
      assertThat(m.type()).isEqualTo('E');
      assertThat(m.sqlState()).isEqualTo("08P01");
      assertThat(pg.closedByServer()).isTrue();
    }
  }

  @Test
  void outOfOrderExtendedMessagesGetErrorsUntilSync() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.send('E', concat(RawPg.cstrings("no portal"), new byte[4]));
      pg.send('B', concat(RawPg.cstrings("", "no statement"), new byte[6]));
      pg.send('S', new byte[0]);
      RawPg.Message error = pg.readUntil('Z');
      assertThat(error).isNotNull();
      assertThat(error.sqlState()).isEqualTo("34000");
      // The session is usable again after Sync.
      pg.send('Q', RawPg.cstrings("SELECT count(*) FROM kept"));
      assertThat(pg.readUntil('Z')).isNull();
      // A password message after authentication is out of order too.
      pg.send('p', RawPg.cstrings("bop"));
      RawPg.Message m = pg.read();
      assertThat(m.type()).isEqualTo('E');
    }
  }

  @Test
  void garbageAfterStartupClosesOnlyThatConnection() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      try (RawPg pg = new RawPg(BOP.pgPort(), 500)) {
        pg.login("bop", "bop");
        byte[] garbage = new byte[1 + random.nextInt(300)];
        random.nextBytes(garbage);
        pg.sendRaw(garbage);
        pg.closedByServer();
      }
    }
  }

  @Test
  void abandonedTransactionIsRolledBack() throws Exception {
    try (RawPg pg = new RawPg(BOP.pgPort())) {
      pg.login("bop", "bop");
      pg.send('Q', RawPg.cstrings("BEGIN; INSERT INTO kept VALUES (1000)"));
      assertThat(pg.readUntil('Z')).isNull();
    }
    // The connection dropped mid-transaction: the insert is gone, and the writer is free for others.
    try (Statement s = bystander.createStatement()) {
      s.execute("INSERT INTO kept VALUES (1001)");
      s.execute("DELETE FROM kept WHERE n = 1001");
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM kept WHERE n = 1000")) {
        r.next();
        assertThat(r.getLong(1)).isZero();
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
