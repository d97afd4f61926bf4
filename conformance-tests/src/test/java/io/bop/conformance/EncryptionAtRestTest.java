package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Data written by a client is ciphertext in every file of the data folder: database, WAL, metadata. */
class EncryptionAtRestTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  private static final String MARKER = "PLAINTEXT-MARKER-7e2c1d";

  @Test
  void noFileInTheDataFolderHoldsTheMarker() throws Exception {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE secrets (id serial PRIMARY KEY, value text, blob bytea)");
      s.execute("CREATE INDEX secrets_value ON secrets (value)");
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO secrets (value, blob) VALUES (?, ?)")) {
        for (int i = 0; i < 200; i++) {
          p.setString(1, MARKER + " row " + i);
          p.setBytes(2, (MARKER + " blob " + i).getBytes(StandardCharsets.UTF_8));
          p.addBatch();
        }
        p.executeBatch();
      }
      c.commit();
      // Comments and names are data too.
      s.execute("CREATE TABLE \"" + MARKER + "\" (x integer)");
      c.commit();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(BOP.dataDir())) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.toString().endsWith(".db")).anyMatch(f -> f.toString().endsWith("-wal"));
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(content).as(file.toString()).doesNotContain(MARKER);
    }
  }

  @Test
  void theDataIsReadableThroughBop() throws SQLException {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE readable (v text)");
      s.execute("INSERT INTO readable VALUES ('" + MARKER + "')");
      try (var r = s.executeQuery("SELECT v FROM readable")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo(MARKER);
      }
    }
  }
}
