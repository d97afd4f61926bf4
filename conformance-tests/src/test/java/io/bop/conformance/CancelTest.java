package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/** CancelRequest from pgjdbc and psql, and pg_cancel_backend from another session. */
class CancelTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @Test
  void pgjdbcCancelStopsTheStatementAndTheConnectionGoesOn() throws Exception {
    try (Connection c = BOP.connect("sslmode=disable"); Statement s = c.createStatement()) {
      CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
        sleep(500);
        try {
          s.cancel();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("SELECT pg_sleep(30)")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
      cancel.join();
      try (ResultSet r = s.executeQuery("SELECT 42")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt(1)).isEqualTo(42);
      }
    }
  }

  @Test
  void aCancelRequestWithTheWrongSecretDoesNothing() throws Exception {
    try (Connection c = BOP.connect("sslmode=disable"); Statement s = c.createStatement()) {
      int pid = c.unwrap(PGConnection.class).getBackendPID();
      CompletableFuture<Void> wrong = CompletableFuture.runAsync(() -> {
        sleep(300);
        try (RawPg raw = new RawPg(BOP.pgPort())) {
          raw.sendRaw(ByteBuffer.allocate(16).putInt(16).putInt(80877102).putInt(pid).putInt(12345).array());
          assertThat(raw.closedByServer()).isTrue();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (ResultSet r = s.executeQuery("SELECT pg_sleep(1), 'finished'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(2)).isEqualTo("finished");
      }
      wrong.join();
    }
  }

  @Test
  void pgCancelBackendFromAnotherSession() throws Exception {
    try (Connection victim = BOP.connect("sslmode=disable"); Connection other = BOP.connect("sslmode=disable");
        Statement s = victim.createStatement(); Statement o = other.createStatement()) {
      int pid = victim.unwrap(PGConnection.class).getBackendPID();
      CompletableFuture<Boolean> cancelled = CompletableFuture.supplyAsync(() -> {
        sleep(500);
        try (ResultSet r = o.executeQuery("SELECT pg_cancel_backend(" + pid + ")")) {
          r.next();
          return r.getBoolean(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r"
          + " WHERE n < 1000000000) SELECT count(*) FROM r")).isInstanceOf(SQLException.class)
          .hasMessageContaining("canceling statement due to user request");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
      assertThat(cancelled.join()).isTrue();
    }
  }

  @Test
  void psqlCtrlCStopsTheStatementWithinASecond() throws Exception {
    assumeTrue(Psql.installed(), "psql is not installed");
    ProcessBuilder pb = new ProcessBuilder("psql", "-X", "--no-password", "host=127.0.0.1 port=" + BOP.pgPort()
        + " user=bop dbname=bop sslmode=disable", "-c", "SELECT pg_sleep(30)");
    pb.environment().put("PGPASSWORD", "bop");
    pb.redirectErrorStream(true);
    Process psql = pb.start();
    psql.getOutputStream().close();
    Thread.sleep(3000); // connected and waiting on pg_sleep
    long start = System.nanoTime();
    new ProcessBuilder(List.of("kill", "-INT", Long.toString(psql.pid()))).start().waitFor();
    assertThat(psql.waitFor(5, TimeUnit.SECONDS)).as("psql ended").isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    assertThat(new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("Cancel request sent", "ERROR:  canceling statement due to user request");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
