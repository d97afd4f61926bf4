package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server as a user runs it: {@code java -jar server/target/bop.jar server}, stopped by SIGTERM. */
class ServerProcessTest {
  @TempDir Path dir;
  private Process process;

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Path start(int port) throws Exception {
    Path log = Files.createTempFile(dir, "bop", ".log");
    Path jar = Path.of("..", "server", "target", "bop.jar").toAbsolutePath().normalize();
    process = new ProcessBuilder("java", "-jar", jar.toString(), "server", "--data-dir", dir.resolve("data").toString(),
        "--pg-port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(log).contains("bop listening")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("bop did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return log;
  }

  @Test
  void sigtermStopsCleanlyAndCommittedDataSurvivesARestart() throws Exception {
    int port = freePort();
    Path log = start(port);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/bop?user=bop&password=bop";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE survivors (id integer PRIMARY KEY, note text)");
      s.execute("INSERT INTO survivors VALUES (1, 'committed before SIGTERM')");
      c.setAutoCommit(false);
      s.execute("INSERT INTO survivors VALUES (2, 'never committed')");
      process.destroy(); // SIGTERM, with this session's transaction still open
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(process.exitValue()).isZero();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).contains("bop listening: PostgreSQL on 127.0.0.1:" + port, "shutting down", "stopped")
        .doesNotContain("Exception");

    start(port);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, note FROM survivors ORDER BY id")) {
      assertThat(r.next()).isTrue();
      assertThat(List.of(r.getInt(1), r.getString(2))).containsExactly(1, "committed before SIGTERM");
      assertThat(r.next()).isFalse();
    }
  }
}
