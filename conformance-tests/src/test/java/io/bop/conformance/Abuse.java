package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** What the protocol abuse tests of both wire protocols share. */
final class Abuse {
  private Abuse() {}

  /** Reads one message or packet from the server. */
  @FunctionalInterface
  interface Read {
    void next() throws IOException;
  }

  /** Sends bytes on a new connection and lets the server answer (or not) before that connection closes. */
  @FunctionalInterface
  interface Garbage {
    void send(byte[] bytes) throws Exception;
  }

  /** The rows a test committed before the abuse: table kept holds 1 to 100. */
  static void keptRowsAreThere(Connection bystander) throws SQLException {
    try (Statement s = bystander.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), sum(n) FROM kept")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isEqualTo(100);
      assertThat(r.getLong(2)).isEqualTo(5050);
    }
  }

  /** Random byte strings of up to 200 bytes, each on a connection of its own. */
  static void randomGarbage(int connections, Garbage garbage) throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < connections; i++) {
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes);
      garbage.send(bytes);
    }
  }

  /** Whether the server closed the connection (after anything it sent first), reading until it does or waits. */
  static boolean closedByServer(Read read) {
    try {
      while (true) {
        read.next();
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }
}
