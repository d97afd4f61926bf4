package io.bop.engine.bench;

import io.bop.encryption.KeySource;
import io.bop.engine.Engine;
import io.bop.engine.EngineSettings;
import io.bop.engine.Session;
import io.bop.engine.Statement;
import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.Dialect;
import io.bop.engine.translate.Translator;
import io.bop.engine.types.SqlType;
import io.bop.replication.LocalCommitSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the statement cache saves: preparing a statement any session prepared before (a cache hit) against
 * parsing and translating it. Run with {@code mvn -pl sql-engine -Pbench verify} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementCacheBenchmark {
  @Param({
      "SELECT name, balance FROM accounts WHERE id = $1",
      "SELECT a.name, sum(t.amount) FROM accounts a JOIN transfers t ON t.account_id = a.id"
          + " WHERE a.active AND t.created > $1 GROUP BY a.name ORDER BY 2 DESC LIMIT 10",
      "INSERT INTO transfers (account_id, amount, created) VALUES ($1, $2, now()) RETURNING id"})
  public String sql;

  private Path dir;
  private Engine engine;
  private Session session;
  private Catalog catalog;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("bop-bench");
    engine = Engine.start(new EngineSettings(dir, KeySource.parse("ab".repeat(32), "bench"), new LocalCommitSink(),
        2, 4096, "bop", "bop", "bop", Duration.ofSeconds(5)));
    session = engine.connect(Dialect.POSTGRESQL, "bop", "bop", Map.of());
    for (String ddl : List.of(
        "CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL, balance numeric(12,2), active boolean)",
        "CREATE TABLE transfers (id bigserial PRIMARY KEY, account_id int REFERENCES accounts(id), amount numeric,"
            + " created timestamptz)")) {
      for (Statement s : session.prepareAll(ddl)) {
        session.execute(s, List.of()).close();
      }
    }
    session.sync();
    catalog = new Catalog(1, List.of(
        table("accounts", "id", new TableColumn("id", 1, SqlType.INTEGER, true, null, TableColumn.SERIAL, null),
            new TableColumn("name", 2, SqlType.TEXT, true, null, "", null),
            new TableColumn("balance", 3, SqlType.NUMERIC.withLength(12, 2), false, null, "", null),
            new TableColumn("active", 4, SqlType.BOOLEAN, false, null, "", null)),
        table("transfers", "id", new TableColumn("id", 1, SqlType.BIGINT, true, null, TableColumn.SERIAL, null),
            new TableColumn("account_id", 2, SqlType.INTEGER, false, null, "", null),
            new TableColumn("amount", 3, SqlType.NUMERIC, false, null, "", null),
            new TableColumn("created", 4, SqlType.TIMESTAMPTZ, false, null, "", null))));
  }

  private static Table table(String name, String key, TableColumn... columns) {
    return new Table(name, false, List.of(columns), List.of(new Index(name + "_pkey", name, true, true, true,
        List.of(key), List.of(false), null)), List.of(), List.of(), key, null);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    session.close();
    engine.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The statement cache's hit path: what every repeated statement costs before it runs. */
  @Benchmark
  public Statement cacheHit() throws SqlError {
    return session.prepare(sql, List.of());
  }

  /** What a miss costs: parse with the generated Calcite parser, then translate to SQLite. */
  @Benchmark
  public Plan parseAndTranslate() throws SqlError {
    Translator.Parsed parsed = Translator.parse(Dialect.POSTGRESQL, sql).get(0);
    return Translator.translate(Dialect.POSTGRESQL, parsed, catalog, "bop");
  }
}
