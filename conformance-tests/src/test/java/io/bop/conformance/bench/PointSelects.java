package io.bop.conformance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * pgjdbc point selects, as an application runs them: prepared {@code SELECT v FROM bench_kv WHERE id = ?} with
 * random keys from N threads, one connection each. Prints one line: {@code label ops/s}.
 *
 * <p>Usage: {@code PointSelects label jdbcUrl user password threads seconds rows}
 */
public final class PointSelects {
  private PointSelects() {}

  public static void main(String[] args) throws Exception {
    String label = args[0];
    String url = args[1];
    String user = args[2];
    String password = args[3];
    int threads = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    int rows = Integer.parseInt(args[6]);
    load(url, user, password, rows);
    run(url, user, password, threads, Math.max(2, seconds / 5), rows); // warm-up: JIT, caches, prepared statements
    double opsPerSecond = run(url, user, password, threads, seconds, rows);
    System.out.printf("%s %.0f%n", label, opsPerSecond);
  }

  private static void load(String url, String user, String password, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_kv");
      s.execute("CREATE TABLE bench_kv (id integer PRIMARY KEY, v varchar(100) NOT NULL)");
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_kv (id, v) VALUES (?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          p.setInt(1, i);
          p.setString(2, "value-" + i + "-" + "x".repeat(40));
          p.addBatch();
          if (i % 1000 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      c.commit();
    }
  }

  private static double run(String url, String user, String password, int threads, int seconds, int rows)
      throws Exception {
    LongAdder ops = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, user, password);
            PreparedStatement p = c.prepareStatement("SELECT v FROM bench_kv WHERE id = ?")) {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (!stop.get()) {
            p.setInt(1, 1 + random.nextInt(rows));
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                throw new IllegalStateException("missing row");
              }
            }
            ops.increment();
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      workers.add(worker);
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a worker failed", failures.get(0));
    }
    return ops.sum() / elapsed;
  }
}
