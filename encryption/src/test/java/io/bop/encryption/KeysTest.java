package io.bop.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
  @TempDir Path dir;

  @Test
  void generatedKeyFileIsPrivateAndStable() throws Exception {
    Path file = dir.resolve("bop.key");
    MasterKey first = KeySource.generatedFile(file).load();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    MasterKey second = KeySource.generatedFile(file).load();
    assertThat(second.shardKey("bop")).isEqualTo(first.shardKey("bop"));
  }

  @Test
  void keyTextsParseAsHexBase64OrPassphrase() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    MasterKey hex = KeySource.parse(HexFormat.of().formatHex(raw), "test");
    MasterKey b64 = KeySource.parse(java.util.Base64.getEncoder().encodeToString(raw), "test");
    assertThat(hex.shardKey("s")).isEqualTo(b64.shardKey("s"));
    MasterKey phrase = KeySource.parse("correct horse battery staple", "test");
    assertThat(phrase.shardKey("s")).isNotEqualTo(hex.shardKey("s"));
    assertThatThrownBy(() -> KeySource.parse("short", "BOP_KEY")).hasMessageContaining("BOP_KEY is too short");
  }

  @Test
  void shardKeysDifferPerShardAndAreDeterministic() {
    MasterKey key = KeySource.parse("0".repeat(64), "test");
    assertThat(key.shardKey("a")).hasSize(32).isEqualTo(key.shardKey("a")).isNotEqualTo(key.shardKey("b"));
  }

  @Test
  void commandKeySourceReadsStdout() throws Exception {
    MasterKey key = KeySource.command("echo " + "ab".repeat(32)).load();
    assertThat(key.shardKey("x")).isEqualTo(KeySource.parse("ab".repeat(32), "t").shardKey("x"));
  }

  @Test
  void sqlCipherDatabaseHoldsNoPlaintextAndNeedsTheKey() throws Exception {
    byte[] key = KeySource.parse("cd".repeat(32), "t").shardKey("db");
    String url = "jdbc:sqlite:" + dir.resolve("db.sqlite");
    try (Connection c = DriverManager.getConnection(url, SqlCipher.connectionProperties(key));
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(x TEXT)");
      s.execute("INSERT INTO t VALUES ('PLAINTEXT-MARKER-4711')");
    }
    assertThat(new String(Files.readAllBytes(dir.resolve("db.sqlite")), StandardCharsets.ISO_8859_1))
        .doesNotContain("PLAINTEXT-MARKER");
    try (Connection c = DriverManager.getConnection(url, SqlCipher.connectionProperties(key));
         ResultSet r = c.createStatement().executeQuery("SELECT x FROM t")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("PLAINTEXT-MARKER-4711");
    }
    byte[] wrong = KeySource.parse("ce".repeat(32), "t").shardKey("db");
    assertThatThrownBy(() -> {
      try (Connection c = DriverManager.getConnection(url, SqlCipher.connectionProperties(wrong))) {
        c.createStatement().executeQuery("SELECT x FROM t").close();
      }
    }).isInstanceOf(SQLException.class);
  }

  @Test
  void selfSignedCertificateIsGeneratedOnceWithPrivateKey() throws Exception {
    TlsMaterial tls = TlsMaterial.selfSigned(dir.resolve("tls"));
    assertThat(Files.readString(tls.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(tls.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.privateKey()))).isEqualTo("rw-------");
    String before = Files.readString(tls.certificate());
    assertThat(Files.readString(TlsMaterial.selfSigned(dir.resolve("tls")).certificate())).isEqualTo(before);
  }
}
