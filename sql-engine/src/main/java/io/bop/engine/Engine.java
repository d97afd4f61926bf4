package io.bop.engine;

import io.bop.engine.catalog.Metadata;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Context;
import io.bop.engine.exec.Database;
import io.bop.engine.functions.AdvisoryLocks;
import io.bop.engine.functions.Functions;
import io.bop.engine.mysql.SystemVariables;
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
  private final SystemVariables mysqlVariables = new SystemVariables();
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
   * @param database the database; for MySQL, null opens a session without one until USE
   * @param parameters startup settings the client sent (PostgreSQL: TimeZone, application_name, …)
   */
  public Session connect(Dialect dialect, String user, String database, Map<String, String> parameters)
      throws SqlError {
    return connect(dialect, user, database, parameters, newSessionId());
  }

  /** An id for a session to be opened: MySQL tells it in its handshake, before the client has logged in. */
  public int newSessionId() {
    return sessionIds.incrementAndGet();
  }

  /** Opens a session with an id {@link #newSessionId()} gave. */
  public Session connect(Dialect dialect, String user, String database, Map<String, String> parameters, int id)
      throws SqlError {
    Database db = database == null && dialect == Dialect.MYSQL ? null : database(database).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_DATABASE, dialect == Dialect.MYSQL ? "Unknown database '" + database + "'"
            : "database \"" + database + "\" does not exist"));
    Session session = new Session(this, id, dialect, user, db);
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

  /** MySQL's global system variables, which its sessions start from. */
  SystemVariables mysqlVariables() {
    return mysqlVariables;
  }

  /**
   * A database whose connections can run statements that read no table, for a MySQL session that has no
   * current one: the default database, or else any.
   */
  Database fallbackDatabase() throws SqlError {
    Optional<Database> db = database(settings.defaultDatabase());
    if (db.isEmpty()) {
      try {
        for (String name : databases()) {
          db = database(name);
          if (db.isPresent()) {
            break;
          }
        }
      } catch (SQLException e) {
        throw new SqlError(Condition.INTERNAL_ERROR, "could not list databases: " + e.getMessage(), e);
      }
    }
    return db.orElseThrow(() -> new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected"));
  }

  /** Drops a database: its sessions lose it, its connections close, its files are deleted. */
  void dropDatabase(String name) throws SqlError {
    try {
      if (shards.find(name).isEmpty()) {
        throw new SqlError(Condition.UNDEFINED_DATABASE, "database \"" + name + "\" does not exist");
      }
      Database db = databases.remove(name);
      if (db != null) {
        db.close();
      }
      shards.drop(name);
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, "could not drop database \"" + name + "\": " + e.getMessage(), e);
    }
  }

  /** What statements of {@code session} may ask of the engine. */
  Context.Admin admin(Session session) {
    return new Context.Admin() {
      @Override public void createDatabase(String name) throws SqlError {
        try {
          if (shards.find(name).isPresent()) {
            throw new SqlError(Condition.DUPLICATE_DATABASE, "database \"" + name + "\" already exists");
          }
          Engine.this.createDatabase(name);
        } catch (SQLException e) {
          throw new SqlError(Condition.INTERNAL_ERROR, "could not create database \"" + name + "\": " + e.getMessage(),
              e);
        } catch (IllegalArgumentException e) {
          throw new SqlError(Condition.INVALID_PARAMETER_VALUE, e.getMessage());
        }
      }

      @Override public void dropDatabase(String name) throws SqlError {
        session.leaveDatabase(name);
        Engine.this.dropDatabase(name);
      }

      @Override public List<String> databases() throws SqlError {
        try {
          return Engine.this.databases();
        } catch (SQLException e) {
          throw new SqlError(Condition.INTERNAL_ERROR, "could not list databases: " + e.getMessage(), e);
        }
      }

      @Override public void kill(int sessionId, boolean queryOnly) throws SqlError {
        Session target = sessions.get(sessionId);
        if (target == null) {
          throw new SqlError(Condition.UNKNOWN_THREAD, "Unknown thread id: " + sessionId);
        }
        target.kill(queryOnly);
      }

      @Override public List<Context.SessionInfo> sessions() {
        return sessions.values().stream().sorted(java.util.Comparator.comparingInt(Session::id))
            .map(s -> new Context.SessionInfo(s.id(), s.user(), s.database(), s.runningText(), s.runningSince()))
            .toList();
      }
    };
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
