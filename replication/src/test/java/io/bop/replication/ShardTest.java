package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capture and the shard's invariants on real encrypted SQLite files. */
class ShardTest {
  @TempDir Path tempDir;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private ShardFixture fixture(int cacheSizeKib, int checkpointThresholdFrames) throws Exception {
    ShardFixture fixture = new ShardFixture(tempDir, new ShardSettings(2, cacheSizeKib, checkpointThresholdFrames,
        connection -> {}));
    fixture.write("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
    return fixture;
  }

  @Test
  void aTransactionThatWritesNothingPublishesNothing() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      int published = fixture.sink.commits.size();
      assertThat(fixture.write("SELECT count(*) FROM t", "UPDATE t SET v = 'x' WHERE 0")).isEmpty();
      assertThat(fixture.sink.commits).hasSize(published);
      assertThat(fixture.write("INSERT INTO t(v) VALUES ('after')")).isPresent();
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void aRolledBackTransactionPublishesNothingEvenWhenItSpilledFrames() throws Exception {
    try (ShardFixture fixture = fixture(64, 1000)) {
      int published = fixture.sink.commits.size();
      long walBefore = Files.size(fixture.walFile());
      try (Writer writer = fixture.writer()) {
        writer.begin();
        Sql.execute(writer.connection(), insertRandomRows(500));
        writer.rollback();
        assertThat(writer.inTransaction()).isFalse();
      }
      assertThat(Files.size(fixture.walFile())).as("spilled, rolled-back frames").isGreaterThan(walBefore);
      assertThat(fixture.write("SELECT 1")).isEmpty();
      assertThat(fixture.write("INSERT INTO t(v) VALUES ('small')")).isPresent();
      assertThat(fixture.sink.commits).hasSize(published + 1);
      assertThat(fixture.count("t")).isEqualTo(1);
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void aRollbackSqliteDoesByItselfEndsTheTransaction() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000); Writer writer = fixture.writer()) {
      writer.begin();
      Sql.execute(writer.connection(), "INSERT INTO t VALUES (1, 'a')");
      assertThatThrownBy(() -> Sql.execute(writer.connection(), "INSERT OR ROLLBACK INTO t VALUES (1, 'b')"))
          .isInstanceOf(SQLException.class);
      assertThat(writer.inTransaction()).isFalse();
      writer.begin();
      Sql.execute(writer.connection(), "INSERT INTO t VALUES (2, 'c')");
      assertThat(writer.commit().await()).isPresent();
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void captureFollowsAWalRestartAfterACheckpoint() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1)) {
      fixture.write(insertRandomRows(100));
      Integer saltBefore = fixture.walSalt1();
      long sizeBefore = Files.size(fixture.walFile());
      // The checkpoint before the next transaction copies every frame, so this small write restarts the WAL.
      fixture.write("INSERT INTO t(v) VALUES ('after restart')");
      assertThat(fixture.walSalt1()).isNotEqualTo(saltBefore);
      assertThat(Files.size(fixture.walFile())).as("stale frames stay behind").isEqualTo(sizeBefore);
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void captureFollowsAWalTruncatedToNothing() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      fixture.write("INSERT INTO t(v) VALUES ('before')");
      try (Writer writer = fixture.writer()) {
        Sql.execute(writer.connection(), "PRAGMA wal_checkpoint(TRUNCATE)");
      }
      assertThat(Files.size(fixture.walFile())).isZero();
      assertThat(fixture.write("SELECT 1")).isEmpty();
      assertThat(fixture.write("INSERT INTO t(v) VALUES ('after truncation')")).isPresent();
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void aCommitOutsideBeginAndCommitIsCaughtAndStopsWrites() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000); Writer writer = fixture.writer()) {
      Sql.execute(writer.connection(), "INSERT INTO t(v) VALUES ('autocommit')");
      assertThatThrownBy(writer::begin).isInstanceOf(SQLException.class)
          .hasMessageContaining("outside begin()/commit()");
      assertThatThrownBy(writer::begin).hasMessageContaining("accepts no writes");
    }
  }

  @Test
  void everyConnectionHasAutomaticCheckpointsOff() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000);
        Writer writer = fixture.writer();
        Reader reader = fixture.shard.acquireReader()) {
      assertThat(Sql.queryString(writer.connection(), "PRAGMA wal_autocheckpoint")).isEqualTo("0");
      assertThat(Sql.queryString(writer.connection(), "PRAGMA synchronous")).isEqualTo("1");
      assertThat(Sql.queryString(writer.connection(), "PRAGMA cache_size")).isEqualTo("-16384");
      assertThat(Sql.queryString(reader.connection(), "PRAGMA wal_autocheckpoint")).isEqualTo("0");
      assertThatThrownBy(() -> Sql.execute(reader.connection(), "INSERT INTO t(v) VALUES ('x')"))
          .hasMessageContaining("readonly");
    }
  }

  @Test
  void closingKeepsTheWalAndReopeningCheckpointsIt() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      fixture.write("INSERT INTO t(v) VALUES ('kept in the WAL')");
      try (Reader reader = fixture.shard.acquireReader()) {
        reader.connection().createStatement().executeQuery("SELECT * FROM t").close();
      }
      fixture.store.close();
      assertThat(Files.size(fixture.walFile())).isGreaterThan(WalCapture.HEADER_SIZE);

      fixture.reopen();
      assertThat(Files.size(fixture.walFile())).isZero();
      assertThat(fixture.count("t")).isEqualTo(1);
    }
  }

  @Test
  void thereIsOneWriterLeaseAtATime() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      Writer writer = fixture.writer();
      Connection first = writer.connection();
      writer.begin();
      assertThatThrownBy(() -> fixture.shard.acquireWriter(Duration.ofMillis(100)))
          .isInstanceOf(SQLTimeoutException.class).hasMessageContaining("waiting for the writer");
      Future<Connection> waiting = threads.submit(() -> {
        try (Writer next = fixture.shard.acquireWriter(Duration.ofSeconds(10))) {
          assertThat(next.inTransaction()).as("closing the first lease rolled back").isFalse();
          return next.connection();
        }
      });
      Thread.sleep(100);
      assertThat(waiting).isNotDone();
      writer.close();
      assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the same single connection").isSameAs(first);
      assertThatThrownBy(() -> new ShardStore(fixture.directory, fixture.masterKey, fixture.sink, fixture.settings))
          .hasMessageContaining("already used by another shard store");
    }
  }

  @Test
  void aFailedPublishMakesTheOutcomeUnknownAndStopsWrites() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      fixture.sink.failure = new IllegalStateException("no quorum");
      try (Writer writer = fixture.writer()) {
        writer.begin();
        Sql.execute(writer.connection(), "INSERT INTO t(v) VALUES ('maybe')");
        assertThatThrownBy(() -> writer.commit().await()).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasRootCauseMessage("no quorum")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08007"));
        assertThatThrownBy(writer::begin).hasMessageContaining("accepts no writes");
      }
      fixture.sink.failure = null;
      assertThatThrownBy(fixture::writer).isInstanceOf(SQLException.class).hasMessageContaining("accepts no writes");
      assertThat(fixture.count("t")).as("reads go on").isEqualTo(1);
    }
  }

  @Test
  void concurrentCommitsAreEachAcknowledgedOnceDurableAndAllSurvive() throws Exception {
    try (ShardFixture fixture = fixture(16384, 50)) {
      List<Future<?>> committers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        committers.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            assertThat(fixture.write("INSERT INTO t(v) VALUES ('row')")).isPresent();
          }
          return null;
        }));
      }
      for (Future<?> committer : committers) {
        committer.get(60, TimeUnit.SECONDS);
      }
      assertThat(fixture.sink.commits).extracting(ShardCommit::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 401).boxed().toList());
      fixture.assertFollowerMatchesShard();
      fixture.close();
      fixture.reopen();
      assertThat(fixture.count("t")).isEqualTo(400);
    }
  }

  @Test
  void noCheckpointCopiesACommitBeforeItIsAcknowledged() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1)) {
      CompletableFuture<Void> acknowledgements = new CompletableFuture<>();
      fixture.sink.acknowledgements = acknowledgements;
      Writer writer = fixture.writer();
      writer.begin();
      Sql.execute(writer.connection(), insertRandomRows(100));
      PendingCommit pending = writer.commit();
      writer.close();
      Integer salt = fixture.walSalt1();
      Future<?> next = threads.submit(() -> fixture.write("INSERT INTO t(v) VALUES ('next')"));
      Thread.sleep(200);
      assertThat(next).as("the next transaction waits for the acknowledgement before it checkpoints").isNotDone();
      assertThat(fixture.walSalt1()).as("nothing was checkpointed, so the WAL did not restart").isEqualTo(salt);
      acknowledgements.complete(null);
      assertThat(pending.await()).isPresent();
      next.get(10, TimeUnit.SECONDS);
      assertThat(fixture.walSalt1()).as("checkpointed, then restarted").isNotEqualTo(salt);
      fixture.assertFollowerMatchesShard();
    }
  }

  @Test
  void noPlaintextReachesAnyFile() throws Exception {
    String marker = "PLAINTEXT-MARKER-7f3a";
    byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
    try (ShardFixture fixture = fixture(16384, 1000)) {
      ShardCommit commit = fixture.write("INSERT INTO t(v) VALUES ('" + marker.repeat(50) + "')").orElseThrow();
      try (Reader reader = fixture.shard.acquireReader()) {
        assertThat(Sql.queryString(reader.connection(), "SELECT v FROM t")).startsWith(marker);
      }
      assertThat(commit.pages()).allSatisfy(page -> assertThat(contains(page.image(), markerBytes)).isFalse());
      assertThat(contains(Files.readAllBytes(fixture.walFile()), markerBytes)).isFalse();
      try (Writer writer = fixture.writer()) {
        Sql.execute(writer.connection(), "PRAGMA wal_checkpoint(TRUNCATE)");
      }
      // The main file and -shm are read only once SQLite has closed them (§1.6).
      fixture.store.close();
      try (Stream<Path> files = Files.list(fixture.directory)) {
        List<Path> all = files.toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : all) {
          assertThat(contains(Files.readAllBytes(file), markerBytes)).as(file.toString()).isFalse();
        }
      }
      fixture.reopen();
      assertThat(fixture.count("t")).isEqualTo(1);
    }
  }

  @Test
  void readersSeeCommittedDataWhileTheWriterWorks() throws Exception {
    try (ShardFixture fixture = fixture(16384, 1000)) {
      fixture.write("INSERT INTO t(v) VALUES ('committed')");
      Writer writer = fixture.writer();
      writer.begin();
      try (PreparedStatement insert = writer.connection().prepareStatement("INSERT INTO t(v) VALUES (?)")) {
        insert.setString(1, "uncommitted");
        insert.executeUpdate();
      }
      Future<Long> concurrentRead = threads.submit(() -> fixture.count("t"));
      assertThat(concurrentRead.get(5, TimeUnit.SECONDS)).isEqualTo(1);

      Reader snapshot = fixture.shard.acquireReader();
      snapshot.connection().setAutoCommit(false);
      assertThat(Sql.queryString(snapshot.connection(), "SELECT count(*) FROM t")).isEqualTo("1");
      writer.commit().await();
      assertThat(Sql.queryString(snapshot.connection(), "SELECT count(*) FROM t")).as("its snapshot").isEqualTo("1");
      Reader second = fixture.shard.acquireReader();
      assertThat(Sql.queryString(second.connection(), "SELECT count(*) FROM t")).isEqualTo("2");

      // Both pooled connections are leased: a third reader waits until one comes back, reset.
      CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> {
        try (Reader reader = fixture.shard.acquireReader()) {
          return reader.connection().getAutoCommit() + " " + Sql.queryString(reader.connection(),
              "SELECT count(*) FROM t");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, threads);
      Thread.sleep(100);
      assertThat(third).isNotDone();
      snapshot.close();
      assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("true 2");
      second.close();
      writer.close();
    }
  }

  @Test
  void theConnectionInitializerRunsOnTheWriterAndEveryReader() throws Exception {
    ShardSettings settings = new ShardSettings(2, 1024, 1000,
        connection -> {
          try {
            Sql.execute(connection, "CREATE TEMP VIEW answer AS SELECT 42 AS value");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    try (ShardFixture fixture = new ShardFixture(tempDir, settings);
        Writer writer = fixture.writer();
        Reader first = fixture.shard.acquireReader();
        Reader second = fixture.shard.acquireReader()) {
      for (Connection connection : List.of(writer.connection(), first.connection(), second.connection())) {
        assertThat(Sql.queryString(connection, "SELECT value FROM answer")).isEqualTo("42");
      }
      assertThat(first.connection()).isNotSameAs(second.connection());
    }
  }

  /** One statement inserting rows of 2000 random hex characters into t. */
  private static String insertRandomRows(int rows) {
    return "INSERT INTO t(v) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
        + ") SELECT hex(randomblob(1000)) FROM n";
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
