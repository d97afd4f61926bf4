package io.bop.engine;

import io.bop.engine.catalog.Metadata;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Database;
import io.bop.engine.functions.AdvisoryLocks;
import io.bop.engine.functions.Functions;
import io.bop.engine.parser.Dialect;
import io.bop.replication.Shard;
import io.bop.replication.ShardSettings;
import io.bop.replication.ShardStore;
import io.bop.replication.Writer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL engine of one node: its databases, the statement cache, and the sessions clients open. Wire modules
 * authenticate clients with {@link #password}, open sessions with {@link #connect}, and run blocking session
 * work on {@link #workers()}.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineSettings settings;
  private final ShardStore shards;
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionIds = new AtomicInteger(1000);
  private final Plans plans = new Plans();
  private final ExecutorService workers;
  private final AdvisoryLocks advisoryLocks = new AdvisoryLocks();
  /** Fires statement timeouts; its tasks only cancel, so one thread serves every session. */
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread t = new Thread(task, "bop-timeouts");
    t.setDaemon(true);
    return t;
  });

  private Engine(EngineSettings settings, ShardStore shards) {
    this.settings = settings;
    this.shards = shards;
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread t = new Thread(task, "bop-session-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens the data folder, creating the default database on first start. */
  public static Engine start(EngineSettings settings) throws IOException, SQLException {
    ShardSettings shardSettings = new ShardSettings(settings.readersPerDatabase(), settings.cacheSizeKib(),
        ShardSettings.defaults().checkpointThresholdFrames(), connection -> { });
    Engine engine = new Engine(settings, new ShardStore(settings.dataDir(), settings.masterKey(),
        settings.commitSink(), shardSettings));
    if (engine.shards.find(settings.defaultDatabase()).isEmpty()) {
      engine.createDatabase(settings.defaultDatabase());
      LOG.info("created database \"{}\"", settings.defaultDatabase());
    }
    return engine;
  }

  /** The password of a known user; authentication itself is the wire protocol's business. */
  public Optional<String> password(String user) {
    return settings.user().equals(user) ? Optional.of(settings.password()) : Optional.empty();
  }

  /**
   * Opens a session on a database.
   *
   * @param parameters startup settings the client sent (PostgreSQL: TimeZone, application_name, …)
   */
  public Session connect(Dialect dialect, String user, String database, Map<String, String> parameters)
      throws SqlError {
    Database db = database(database).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_DATABASE, "database \"" + database + "\" does not exist"));
    Session session = new Session(this, sessionIds.incrementAndGet(), dialect, user, db);
    try {
      for (Map.Entry<String, String> p : parameters.entrySet()) {
        if (p.getKey().equals("options")) {
          applyOptions(session, p.getValue());
        } else {
          session.set(p.getKey(), p.getValue());
        }
      }
    } catch (SqlError e) {
      session.close();
      throw e;
    }
    sessions.put(session.id(), session);
    return session;
  }

  /** PostgreSQL's {@code options} startup parameter: {@code -c name=value} and {@code --name=value} pairs. */
  private static void applyOptions(Session session, String options) throws SqlError {
    String[] words = options.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String assignment = words[i].equals("-c") && i + 1 < words.length ? words[++i]
          : words[i].startsWith("--") ? words[i].substring(2) : words[i].startsWith("-c") ? words[i].substring(2) : null;
      if (assignment != null && assignment.contains("=")) {
        int eq = assignment.indexOf('=');
        session.set(assignment.substring(0, eq).replace('-', '_'), assignment.substring(eq + 1));
      }
    }
  }

  public Optional<Session> session(int id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** pg_cancel_backend: cancels the statement session {@code id} is running; false if there is no such session. */
  private boolean cancel(int id) {
    Session session = sessions.get(id);
    if (session != null) {
      session.cancel();
    }
    return session != null;
  }

  AdvisoryLocks advisoryLocks() {
    return advisoryLocks;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  /** Threads for blocking session work; wire modules order each connection's tasks with a {@link SerialExecutor}. */
  public ExecutorService workers() {
    return workers;
  }

  public List<String> databases() throws SQLException {
    return shards.names();
  }

  /** Creates an empty database (a new shard with bop's metadata tables). */
  public void createDatabase(String name) throws SQLException {
    Shard shard = shards.create(name);
    Database db = open(name, shard);
    try (Writer writer = acquire(shard)) {
      db.ready(writer.connection());
      writer.begin();
      Metadata.create(writer.connection());
      writer.commit().await();
    }
  }

  private static Writer acquire(Shard shard) throws SQLException {
    try {
      return shard.acquireWriter(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      throw new SQLException("could not acquire the writer of a new database", e);
    }
  }

  Optional<Database> database(String name) throws SqlError {
    Database db = databases.get(name);
    if (db != null) {
      return Optional.of(db);
    }
    try {
      Optional<Shard> shard = shards.find(name);
      return shard.map(s -> open(name, s));
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, "could not open database \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private Database open(String name, Shard shard) {
    return databases.computeIfAbsent(name, n -> new Database(n, shard, this::setUpConnection));
  }

  private void setUpConnection(Database database, Connection connection) {
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      // Sorts and temporary tables stay in memory: a temp file would hold plaintext on disk.
      s.execute("PRAGMA temp_store = MEMORY");
      Functions.install(connection, database, this::cancel, advisoryLocks);
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up a connection of database " + database.name(), e);
    }
  }

  Plans plans() {
    return plans;
  }

  Duration lockTimeout() {
    return settings.lockTimeout();
  }

  void unregister(Session session) {
    sessions.remove(session.id());
  }

  @Override public void close() throws SQLException, IOException {
    for (Session session : List.copyOf(sessions.values())) {
      session.cancel();
    }
    workers.shutdown();
    timers.shutdownNow();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("sessions still running at shutdown; closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Sessions whose clients did not disconnect: roll back what they left open.
    List.copyOf(sessions.values()).forEach(Session::close);
    databases.values().forEach(Database::close);
    shards.close();
  }
}
