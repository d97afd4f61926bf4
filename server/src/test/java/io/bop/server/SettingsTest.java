package io.bop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws Exception {
    Path file = dir.resolve("bop.conf");
    Files.writeString(file, "pg-port = 7000\nmysql-port = 7001\nuser = fromfile\n");
    Settings s = Settings.resolve(Map.of(Setting.PG_PORT, "5000"),
        Map.of("BOP_PG_PORT", "6000", "BOP_MYSQL_PORT", "6001"), file);
    assertThat(s.get(Setting.PG_PORT)).isEqualTo("5000");
    assertThat(s.get(Setting.MYSQL_PORT)).isEqualTo("6001");
    assertThat(s.get(Setting.USER)).isEqualTo("fromfile");
    assertThat(s.get(Setting.BIND)).isEqualTo("127.0.0.1");
    assertThat(s.origin(Setting.PG_PORT)).isEqualTo("flag --pg-port");
    assertThat(s.origin(Setting.MYSQL_PORT)).isEqualTo("environment BOP_MYSQL_PORT");
  }

  @Test
  void unknownConfigKeysAreRefused() throws Exception {
    Path file = dir.resolve("bop.conf");
    Files.writeString(file, "pg_port = 7000\n");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), file))
        .hasMessageContaining("unknown setting 'pg_port'");
  }

  @Test
  void numbersAreChecked() throws Exception {
    Settings s = Settings.resolve(Map.of(Setting.PG_PORT, "port"), Map.of(), null);
    assertThatThrownBy(() -> s.integer(Setting.PG_PORT)).hasMessageContaining("pg-port must be a number");
  }
}
