package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.encryption.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardStoreTest {
  @TempDir Path directory;
  private final MasterKey masterKey = new MasterKey(new byte[MasterKey.LENGTH]);

  private ShardStore store() throws Exception {
    return new ShardStore(directory, masterKey, new LocalCommitSink(), ShardSettings.defaults());
  }

  @Test
  void createsListsOpensAndDropsShards() throws Exception {
    try (ShardStore store = store()) {
      Shard shop = store.create("Shop");
      store.create("日本");
      assertThat(store.names()).containsExactly("Shop", "日本");
      assertThat(store.open("Shop")).isSameAs(shop);
      assertThat(store.find("shop")).isEmpty();

      assertThatThrownBy(() -> store.create("Shop")).isInstanceOf(SQLException.class)
          .hasMessageContaining("already exists")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P04"));
      assertThatThrownBy(() -> store.open("missing")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));

      store.drop("Shop");
      assertThat(store.names()).containsExactly("日本");
      assertThat(store.find("Shop")).isEmpty();
      assertThatThrownBy(() -> shop.acquireReader()).hasMessageContaining("closed");
      try (Stream<Path> files = Files.list(directory)) {
        assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("-53hop"));
      }
    }
  }

  @Test
  void aClosedShardIsReopenedWithItsData() throws Exception {
    try (ShardStore store = store()) {
      Shard shard = store.create("s");
      try (Writer writer = shard.acquireWriter(Duration.ofSeconds(1))) {
        writer.begin();
        Sql.execute(writer.connection(), "CREATE TABLE t(x)");
        Sql.execute(writer.connection(), "INSERT INTO t VALUES (1)");
        assertThat(writer.commit().await()).hasValueSatisfying(commit -> {
          assertThat(commit.shard()).isEqualTo("s");
          assertThat(commit.sequence()).isEqualTo(1);
        });
      }
      shard.close();
      Shard reopened = store.open("s");
      assertThat(reopened).isNotSameAs(shard);
      try (Reader reader = reopened.acquireReader()) {
        assertThat(Sql.queryString(reader.connection(), "SELECT x FROM t")).isEqualTo("1");
      }
    }
  }

  @Test
  void aShardOpensOnlyWithItsOwnKey() throws Exception {
    try (ShardStore store = store()) {
      store.create("s");
    }
    byte[] otherKey = new byte[MasterKey.LENGTH];
    otherKey[0] = 1;
    try (ShardStore store = new ShardStore(directory, new MasterKey(otherKey), new LocalCommitSink(),
        ShardSettings.defaults())) {
      assertThatThrownBy(() -> store.open("s")).isInstanceOf(SQLException.class);
    }
  }
}
