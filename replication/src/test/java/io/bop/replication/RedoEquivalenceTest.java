package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature in one test: random transactions through {@link Writer}, their captured commits applied with
 * {@link PageRedo} to a copy of the starting file, give the same database. A small page cache makes big
 * transactions spill frames before COMMIT, a low checkpoint threshold and forced TRUNCATE checkpoints make the WAL
 * restart and shrink to nothing many times.
 */
class RedoEquivalenceTest {
  private static final long SEED = 20240611L;
  private static final int TRANSACTIONS = 240;

  @TempDir Path tempDir;

  private final Random random = new Random(SEED);
  private long nextId = 1;
  private boolean indexed;

  @Test
  void redoOfCapturedCommitsReproducesTheDatabase() throws Exception {
    ShardSettings settings = new ShardSettings(2, 256, 150, connection -> {});
    try (ShardFixture fixture = new ShardFixture(tempDir, settings)) {
      fixture.write("CREATE TABLE t(id INTEGER PRIMARY KEY, txt TEXT, b BLOB, n REAL)",
          "CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID");
      Set<Integer> walSalts = new HashSet<>();
      int emptyCommits = 0;
      int truncations = 0;
      for (int i = 1; i <= TRANSACTIONS; i++) {
        if (i % 50 == 0) {
          try (Writer writer = fixture.writer()) {
            Sql.execute(writer.connection(), "PRAGMA wal_checkpoint(TRUNCATE)");
          }
          assertThat(fixture.walSalt1()).isNull();
          truncations++;
        }
        try (Writer writer = fixture.writer()) {
          writer.begin();
          Outcome outcome = randomTransaction(writer.connection());
          if (outcome == Outcome.ROLL_BACK) {
            writer.rollback();
            continue;
          }
          Optional<ShardCommit> commit = writer.commit().await();
          if (outcome != Outcome.MAY_CHANGE) {
            assertThat(commit.isEmpty()).as("transaction %d (seed %d) changed nothing", i, SEED)
                .isEqualTo(outcome == Outcome.NO_CHANGE);
          }
          if (commit.isEmpty()) {
            emptyCommits++;
          } else {
            walSalts.add(fixture.walSalt1());
          }
        }
      }

      List<ShardCommit> commits = fixture.sink.commits;
      assertThat(commits).extracting(ShardCommit::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, commits.size()).boxed().toList());
      assertThat(emptyCommits).isPositive();
      assertThat(truncations).isGreaterThanOrEqualTo(4);
      assertThat(walSalts).as("WAL restarts seen by capture").hasSizeGreaterThan(8);

      fixture.assertFollowerMatchesShard();
      Map<String, List<String>> expected = fixture.followerContents();
      assertThat(expected.get("t")).hasSizeGreaterThan(100);

      // Redo is idempotent: replaying a suffix again, as after a crash during apply, changes nothing.
      for (ShardCommit commit : commits.subList(commits.size() / 2, commits.size())) {
        PageRedo.apply(fixture.follower, commit);
      }
      assertThat(fixture.followerContents()).isEqualTo(expected);
    }
  }

  private enum Outcome { CHANGE, MAY_CHANGE, NO_CHANGE, ROLL_BACK }

  private Outcome randomTransaction(Connection connection) throws SQLException {
    int kind = random.nextInt(100);
    if (kind < 35) {
      insertRows(connection, 1 + random.nextInt(40));
    } else if (kind < 47) {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE t SET txt = ?, n = n * 2 WHERE id % ? = ?")) {
        update.setString(1, randomText());
        update.setInt(2, 7);
        update.setInt(3, random.nextInt(7));
        update.executeUpdate();
      }
      return Outcome.MAY_CHANGE;
    } else if (kind < 57) {
      Sql.execute(connection, "DELETE FROM t WHERE id % 5 = " + random.nextInt(5));
      return Outcome.MAY_CHANGE;
    } else if (kind < 64) {
      Sql.execute(connection, indexed ? "DROP INDEX t_n" : "CREATE INDEX t_n ON t(n, txt)");
      indexed = !indexed;
    } else if (kind < 68) {
      Sql.execute(connection, "CREATE TABLE t2 AS SELECT * FROM t");
      Sql.execute(connection, "DROP TABLE t");
      Sql.execute(connection, "ALTER TABLE t2 RENAME TO t");
      indexed = false;
    } else if (kind < 78) {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO kv VALUES (?, ?)")) {
        for (int i = random.nextInt(20); i >= 0; i--) {
          upsert.setString(1, "k" + random.nextInt(300));
          upsert.setBytes(2, randomBytes(random.nextInt(600)));
          upsert.executeUpdate();
        }
      }
    } else if (kind < 83) {
      // A savepoint rolled back inside a transaction that commits.
      insertRows(connection, 3);
      Sql.execute(connection, "SAVEPOINT sp");
      insertRows(connection, 30);
      Sql.execute(connection, "ROLLBACK TO sp");
      Sql.execute(connection, "RELEASE sp");
    } else if (kind < 90) {
      Sql.queryString(connection, "SELECT count(*) FROM t");
      Sql.execute(connection, "UPDATE t SET n = 0 WHERE 0");
      return Outcome.NO_CHANGE;
    } else {
      // Big enough to spill past the 256 KiB cache, leaving uncommitted frames behind in the WAL.
      insertRows(connection, random.nextBoolean() ? 5 : 400);
      return Outcome.ROLL_BACK;
    }
    return Outcome.CHANGE;
  }

  private void insertRows(Connection connection, int rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t(id, txt, b, n) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        insert.setLong(1, nextId++);
        insert.setString(2, randomText());
        insert.setBytes(3, randomBytes(random.nextInt(2000)));
        if (random.nextInt(10) == 0) {
          insert.setNull(4, java.sql.Types.REAL);
        } else {
          insert.setDouble(4, random.nextGaussian() * 1e6);
        }
        insert.executeUpdate();
      }
    }
  }

  private String randomText() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(300); i > 0; i--) {
      text.append(random.nextInt(8) == 0 ? 'ж' : (char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
