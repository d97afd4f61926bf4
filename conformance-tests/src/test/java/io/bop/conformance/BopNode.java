package io.bop.conformance;

import io.bop.server.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A bop node for a test class: started on free ports in a fresh data folder before the class, stopped and
 * deleted after it, also when tests fail. Tests that need a node of their own use {@link #start} and
 * {@link #stop} directly.
 */
public final class BopNode implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> settings = new HashMap<>();
  private Node node;
  private Path dataDir;

  public BopNode with(String setting, String value) {
    settings.put(setting, value);
    return this;
  }

  @Override public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  public BopNode start() throws Exception {
    dataDir = Files.createTempDirectory("bop-test");
    Map<String, String> all = new HashMap<>(settings);
    all.put("data-dir", dataDir.toString());
    all.putIfAbsent("pg-port", "0");
    all.putIfAbsent("mysql-port", "0");
    node = Node.start(all);
    return this;
  }

  /** Stops the node and deletes its data folder. */
  public void stop() throws Exception {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      deleteRecursively(dataDir);
    }
  }

  public Node node() {
    return node;
  }

  public Path dataDir() {
    return dataDir;
  }

  public int pgPort() {
    return node.pgPort();
  }

  public int mysqlPort() {
    return node.mysqlPort();
  }

  /** A pgjdbc URL for database {@code bop}, with extra URL parameters ({@code sslmode=require}, …). */
  public String jdbcUrl(String parameters) {
    return "jdbc:postgresql://127.0.0.1:" + pgPort() + "/bop" + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  public Connection connect() throws SQLException {
    return connect("");
  }

  /** A MySQL JDBC URL ({@code jdbc:mysql:} or {@code jdbc:mariadb:}) for database {@code bop}, with URL parameters. */
  public String mysqlUrl(String scheme, String parameters) {
    return "jdbc:" + scheme + "://127.0.0.1:" + mysqlPort() + "/bop" + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  /** A mysql-connector-j connection as user bop. */
  public Connection connectMysql(String parameters) throws SQLException {
    return DriverManager.getConnection(mysqlUrl("mysql", parameters), "bop", "bop");
  }

  public Connection connect(String parameters) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "bop");
    p.setProperty("password", "bop");
    return DriverManager.getConnection(jdbcUrl(parameters), p);
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
