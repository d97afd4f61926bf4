package io.bop.engine;

import io.bop.encryption.KeySource;
import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import io.bop.replication.LocalCommitSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An engine over a fresh data folder per test, and helpers to run SQL through sessions. */
abstract class EngineFixture {
  protected Path dir;
  protected Engine engine;

  @BeforeEach
  void startEngine() throws Exception {
    dir = Files.createTempDirectory("bop-engine");
    engine = Engine.start(new EngineSettings(dir, KeySource.parse("ab".repeat(32), "test"), new LocalCommitSink(), 4,
        2048, "bop", "bop", "bop", Duration.ofSeconds(2)));
  }

  @AfterEach
  void stopEngine() throws Exception {
    engine.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  protected Session session() throws SqlError {
    return engine.connect(Dialect.POSTGRESQL, "bop", "bop", Map.of());
  }

  /** Runs a query string as a simple-protocol query: every statement, then the implicit commit. */
  protected static List<List<Object>> run(Session session, String sql, Object... parameters) throws SqlError {
    List<List<Object>> rows = new ArrayList<>();
    try {
      for (Statement statement : session.prepareAll(sql)) {
        try (Execution execution = session.execute(statement, List.of(parameters))) {
          Object[] row;
          while ((row = execution.next()) != null) {
            rows.add(java.util.Arrays.asList(row));
          }
        }
      }
    } catch (SqlError e) {
      session.fail();
      session.sync();
      throw e;
    }
    session.sync();
    return rows;
  }

  /** The single value of a one-row, one-column query. */
  protected static Object value(Session session, String sql, Object... parameters) throws SqlError {
    List<List<Object>> rows = run(session, sql, parameters);
    return rows.get(0).get(0);
  }
}
