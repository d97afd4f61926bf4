package io.bop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeTest {
  @TempDir Path dir;

  @Test
  void refusesToListenBeyondLoopbackWithTheDefaultPassword() {
    assertThatThrownBy(() -> Node.start(Map.of("data-dir", dir.toString(), "bind", "0.0.0.0", "pg-port", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default password")
        .hasMessageContaining("--password, BOP_PASSWORD");
  }

  @Test
  void refusesToListenBeyondLoopbackWithAKeyStoredBesideTheData() {
    assertThatThrownBy(() -> Node.start(Map.of("data-dir", dir.toString(), "bind", "0.0.0.0", "pg-port", "0",
        "password", "a real one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--key-file");
  }

  @Test
  void embeddedDefaultsGenerateAPrivateKeyAndACertificate() throws Exception {
    try (Node node = Node.start(Map.of("data-dir", dir.toString(), "pg-port", "0"))) {
      assertThat(node.pgPort()).isPositive();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bop.key"))))
        .isEqualTo("rw-------");
    assertThat(dir.resolve("tls/server.crt")).exists();
    assertThat(dir.resolve("databases")).isDirectory();
  }
}
