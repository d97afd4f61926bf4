package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardFileNamesTest {

  @Test
  void namesMapToSafeFileNamesAndBack() {
    List<String> names = List.of("shop", "Shop", "SHOP", "a.b", "../etc/passwd", "-2d", "a-b", "日本語", "😀 x",
        "a\u0000b", "x".repeat(63), "é", "e\u0301");
    for (String name : names) {
      String file = ShardFileNames.fileName(name);
      assertThat(file).matches("[a-z0-9_-]+\\.db");
      assertThat(ShardFileNames.shardName(file)).contains(name);
    }
    assertThat(names.stream().map(ShardFileNames::fileName).distinct()).hasSameSizeAs(names);
    assertThat(ShardFileNames.fileName("shop_1")).isEqualTo("shop_1.db");
    assertThat(ShardFileNames.fileName("Shop")).isEqualTo("-53hop.db");
  }

  @Test
  void onlyCanonicalFileNamesAreShards() {
    assertThat(ShardFileNames.shardName("-61.db")).isEmpty();
    assertThat(ShardFileNames.shardName("-4A.db")).isEmpty();
    assertThat(ShardFileNames.shardName("Shop.db")).isEmpty();
    assertThat(ShardFileNames.shardName("-ff.db")).as("not UTF-8").isEmpty();
    assertThat(ShardFileNames.shardName("shop.db-wal")).isEmpty();
    assertThat(ShardFileNames.shardName(".db")).isEmpty();
    assertThat(ShardFileNames.shardName("bop-shards.lock")).isEmpty();
  }

  @Test
  void rejectsEmptyAndOverlongNames() {
    assertThatThrownBy(() -> ShardFileNames.fileName("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ShardFileNames.fileName("日".repeat(21))).hasSize(21 * 9 + 3);
    assertThatThrownBy(() -> ShardFileNames.fileName("日".repeat(28))).hasMessageContaining("too long");
  }
}
