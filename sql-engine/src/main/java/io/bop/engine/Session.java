package io.bop.engine;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Context;
import io.bop.engine.exec.Database;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Lease;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqliteErrors;
import io.bop.engine.mysql.MySqlErrors;
import io.bop.engine.mysql.MySqlPlans;
import io.bop.engine.mysql.MySqlSession;
import io.bop.engine.parser.Dialect;
import io.bop.engine.session.PgSettings;
import io.bop.engine.types.SqlType;
import io.bop.replication.CommitOutcomeUnknownException;
import io.bop.replication.PendingCommit;
import io.bop.replication.Reader;
import io.bop.replication.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/**
 * One client's session on one database. A session is used by one thread at a time (its connection's ordered
 * executor); only {@link #cancel()} may be called from another.
 *
 * <p>Transactions follow PostgreSQL: outside a BEGIN block, the statements between two {@link #sync()} calls
 * form an implicit transaction (PostgreSQL commits at Sync and at the end of a simple query; MySQL's autocommit
 * syncs after each statement). Reads run on pooled reader connections and see every committed transaction as
 * of the statement's start (READ COMMITTED); the first write of a transaction takes the database's single writer
 * connection, and the rest of the transaction runs there, so writes are serialized and never conflict.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final Engine engine;
  private final int id;
  private final Dialect dialect;
  private final String user;
  private final PgSettings settings;
  /** The MySQL session state, or null for a PostgreSQL session. */
  private final MySqlSession mysql;
  private final SessionContext context = new SessionContext();
  /** The current database; null for a MySQL session before USE. */
  private Database database;
  private Runnable killHandler = () -> { };

  private boolean explicit;
  private boolean failed;
  private boolean readOnly;
  private Writer writer;
  private boolean schemaChanged;
  private Instant transactionStart;
  private final List<String> savepoints = new ArrayList<>();
  private final Set<SessionExecution> open = new LinkedHashSet<>();
  private final List<Notice> notices = new ArrayList<>();

  /** Lets a cancel from another thread interrupt the running statement only while it runs. */
  private final Object cancelLock = new Object();
  /** The cause of a cancel by statement_timeout or max_execution_time. */
  private static final String TIMEOUT = "statement timeout";
  private Connection running;
  private Thread runningThread;
  /** Why the work the client waits on is cancelled ("user request", "statement timeout"), or null. */
  private volatile String cancelCause;
  /** The statement timeout armed for the running statement, or null. */
  private ScheduledFuture<?> timeout;
  private volatile Thread waiting;
  private volatile boolean closed;
  /** The statement being run and since when, or null when idle (MySQL's SHOW PROCESSLIST). */
  private volatile String runningText;
  private volatile Instant runningSince = Instant.now();
  /** Work runs on an I/O thread, which must never wait: see {@link #runOnIoThread}. */
  private boolean onIoThread;

  Session(Engine engine, int id, Dialect dialect, String user, Database database) {
    this.engine = engine;
    this.id = id;
    this.dialect = dialect;
    this.user = user;
    this.database = database;
    this.settings = new PgSettings(user);
    this.mysql = dialect == Dialect.MYSQL ? new MySqlSession(engine.mysqlVariables(), id) : null;
  }

  public int id() {
    return id;
  }

  public Dialect dialect() {
    return dialect;
  }

  public String user() {
    return user;
  }

  /** The current database's name; null for a MySQL session that has not chosen one. */
  public String database() {
    return database == null ? null : database.name();
  }

  /**
   * Makes another database the current one (MySQL's USE and COM_INIT_DB). A transaction that has written stays
   * on its database: its writes and the new database's would not commit together.
   */
  public void use(String name) throws SqlError {
    Database next = engine.database(name).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_DATABASE, "Unknown database '" + name + "'"));
    if (writer != null && next != database) {
      throw new SqlError(Condition.ACTIVE_SQL_TRANSACTION, "cannot change the database of a transaction that has"
          + " written to database '" + database.name() + "'; COMMIT or ROLLBACK first");
    }
    database = next;
  }

  /**
   * Before its database {@code name} is dropped: the session commits what it wrote there (DROP DATABASE is DDL,
   * which MySQL commits around) and has no current database after.
   */
  void leaveDatabase(String name) throws SqlError {
    if (database != null && database.name().equals(name)) {
      explicit = false;
      commitWriter();
      database = null;
    }
  }

  /** What KILL does to this session besides interrupting its statement: the wire module closes the connection. */
  public void whenKilled(Runnable closeConnection) {
    this.killHandler = closeConnection;
  }

  /**
   * MySQL's KILL: interrupts the running statement and, unless only the query is killed, ends the connection. An
   * idle session's next statement is not affected, as in MySQL.
   */
  void kill(boolean queryOnly) {
    if (runningText != null) {
      cancel();
    }
    if (!queryOnly) {
      killHandler.run();
    }
  }

  /** The statement being run, or null when idle; for SHOW PROCESSLIST. */
  String runningText() {
    return runningText;
  }

  /** When the running statement started, or when the session became idle. */
  Instant runningSince() {
    return runningSince;
  }

  /** Parameters a PostgreSQL client is told about at startup (ParameterStatus). */
  public Map<String, String> reportedParameters() {
    return settings.reported();
  }

  /** Applies a startup or connection-string setting (PostgreSQL startup packet, {@code options=-c x=y}). */
  public void set(String name, String value) throws SqlError {
    settings.set(name, value);
  }

  /**
   * While {@code on}, the caller is an I/O thread serving many connections: the session does only what cannot
   * wait, running statements that proved {@linkplain Plan#quick() quick} and throwing {@link WouldBlock} before
   * anything that might wait (a lock, a busy connection pool, a commit), so the caller can hand that work to a
   * thread of its own.
   */
  public void runOnIoThread(boolean on) {
    onIoThread = on;
  }

  public TransactionState transactionState() {
    return !explicit ? TransactionState.IDLE : failed ? TransactionState.FAILED : TransactionState.ACTIVE;
  }

  /** Parses and translates every statement of a query string. */
  public List<Statement> prepareAll(String sql) throws SqlError {
    try {
      return engine.plans().prepareAll(context, sql);
    } catch (SqlError e) {
      throw failed(e);
    }
  }

  /**
   * Parses and translates one statement.
   *
   * @param declaredTypes the client's parameter types, null where it left one to the server
   */
  public Statement prepare(String sql, List<SqlType> declaredTypes) throws SqlError {
    try {
      return engine.plans().prepare(context, sql, declaredTypes);
    } catch (SqlError e) {
      throw failed(e);
    }
  }

  /** Runs a statement; rows, if any, are read from the returned execution, which must be closed. */
  public Execution execute(Statement statement, List<Object> parameters) throws SqlError {
    if (statement.isEmpty()) {
      return io.bop.engine.exec.Executions.command("");
    }
    notices.clear();
    try {
      engine.plans().refresh(context, statement);
      Plan plan = statement.plan();
      refuseIfFailed(plan);
      if (onIoThread && !plan.quick()) {
        throw WouldBlock.INSTANCE;
      }
      if (mysql != null) {
        mysqlStatementStarts(plan);
      }
      if (transactionStart == null) {
        transactionStart = Instant.now();
      }
      List<SqlType> types = statement.bindingTypes();
      if (parameters.size() != types.size()) {
        throw new SqlError(Condition.PROTOCOL_VIOLATION, "statement takes " + types.size() + " parameters, "
            + parameters.size() + " given");
      }
      runningText = statement.text();
      runningSince = Instant.now();
      long started = System.nanoTime();
      startTimeout(plan);
      Execution execution = plan.execute(context, types, parameters);
      SessionExecution tracked = new SessionExecution(this, plan, started, execution, List.copyOf(notices));
      open.add(tracked);
      return tracked;
    } catch (SqlError e) {
      if (open.isEmpty()) {
        stopTimeout();
      }
      throw failed(e);
    } catch (WouldBlock e) {
      stopTimeout(); // the statement starts again on another thread, and its time with it
      throw e;
    } finally {
      runningText = null;
    }
  }

  /**
   * MySQL's rules at the start of a statement: it clears the last statement's diagnostics (unless it shows
   * them); DDL commits an open transaction; with autocommit off, any other statement opens one.
   */
  private void mysqlStatementStarts(Plan plan) throws SqlError {
    if (!(plan instanceof MySqlPlans.ShowDiagnostics)) {
      mysql.clearDiagnostics();
    }
    if (plan instanceof DdlPlan) {
      if (explicit) {
        explicit = false;
        commitWriter();
      }
    } else if (!explicit && !mysql.autocommit()) {
      explicit = true;
    }
  }

  /** The MySQL session state: variables, diagnostics, LAST_INSERT_ID(); null for a PostgreSQL session. */
  public MySqlSession mysql() {
    return mysql;
  }

  /**
   * Back to the state of a new session, as MySQL's COM_RESET_CONNECTION asks: the transaction rolls back, open
   * executions close, variables return to their defaults; the id and the current database stay.
   */
  public void reset() throws SqlError {
    explicit = false;
    failed = false;
    readOnly = false;
    transactionStart = null;
    rollbackWriter();
    if (mysql != null) {
      mysql.reset();
    }
  }

  /** The columns of a table of a MySQL session's database, as a query of all of them has them (COM_FIELD_LIST). */
  public List<Column> tableColumns(String table) throws SqlError {
    Statement statement = prepare("SELECT * FROM " + io.bop.engine.mysql.MySqlDefinitions.quote(table), List.of());
    return statement.columns();
  }

  /**
   * Ends an implicit transaction: commits what it wrote, or rolls it back if a statement failed. Within a BEGIN
   * block this does nothing.
   */
  public void sync() throws SqlError {
    if (explicit) {
      endOfWork(); // a cancel is for the work the client is waiting on, which ends here
      return;
    }
    if (onIoThread && !failed && writer != null) {
      throw WouldBlock.INSTANCE; // the commit waits for the disk and the replicas
    }
    endOfWork();
    try {
      if (failed) {
        rollbackWriter();
      } else {
        commitWriter();
      }
    } catch (SqlError e) {
      throw mysql == null ? e : MySqlErrors.restate(e, database());
    } finally {
      failed = false;
      transactionEnded();
      readOnly = false;
    }
  }

  /**
   * Marks the current transaction failed after an error the engine did not raise itself (a malformed parameter,
   * say): PostgreSQL refuses further statements of the block until it ends.
   */
  public void fail() {
    if (dialect == Dialect.POSTGRESQL || !explicit) {
      failed = true;
    }
  }

  /**
   * Cancels the work the client is waiting on, up to the next {@link #sync()}: the running statement fails with
   * 57014, as does one that starts after the cancel. SQLite stops the step it is in, a function that waits
   * (pg_sleep) is interrupted, and an execution between steps fails at its next row. Safe from any thread.
   */
  public void cancel() {
    cancel("user request");
  }

  private void cancel(String cause) {
    synchronized (cancelLock) {
      cancelCause = cause;
      if (running != null) {
        try {
          ((SQLiteConnection) running).getDatabase().interrupt();
        } catch (SQLException e) {
          LOG.debug("interrupt failed", e);
        }
        if (runningThread != null) {
          runningThread.interrupt();
        }
      }
    }
    Thread t = waiting;
    if (t != null) {
      t.interrupt();
    }
  }

  /** The error of cancelled work, naming why. */
  private SqlError cancelled() {
    String cause = cancelCause;
    if (mysql != null && TIMEOUT.equals(cause)) {
      return new SqlError(Condition.STATEMENT_TIMEOUT,
          "Query execution was interrupted, maximum statement execution time exceeded");
    }
    return new SqlError(Condition.QUERY_CANCELED, "canceling statement due to " + (cause == null ? "user request"
        : cause));
  }

  /** Arms statement_timeout (for a MySQL client max_execution_time, which limits SELECTs) for a statement starting now. */
  private void startTimeout(Plan plan) {
    long millis = mysql == null ? settings.statementTimeoutMillis()
        : plan.columns() != null ? mysql.maxExecutionMillis() : 0;
    synchronized (cancelLock) {
      if (timeout == null && millis > 0) {
        timeout = engine.timers().schedule(this::timedOut, millis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void timedOut() {
    synchronized (cancelLock) {
      if (timeout != null) { // not disarmed meanwhile
        cancel(TIMEOUT);
      }
    }
  }

  private void stopTimeout() {
    synchronized (cancelLock) {
      if (timeout != null) {
        timeout.cancel(false);
        timeout = null;
      }
    }
  }

  /** The work the client waited on has ended: a cancel or timeout for it no longer applies. */
  private void endOfWork() {
    stopTimeout();
    cancelCause = null;
  }

  @Override public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeExecutions();
    try {
      rollbackWriter();
    } catch (SqlError e) {
      LOG.warn("session {}: rollback at close failed: {}", id, e.getMessage());
    }
    if (database != null) {
      database.sequences().forget(id);
    }
    engine.advisoryLocks().unlockAll(id);
    engine.advisoryLocks().transactionEnded(id);
    engine.unregister(this);
  }

  /** What ends with a transaction besides its writes: its start time and its transaction-level advisory locks. */
  private void transactionEnded() {
    transactionStart = null;
    engine.advisoryLocks().transactionEnded(id);
  }

  // ------------------------------------------------------------------------------ transaction internals

  private void refuseIfFailed(Plan plan) throws SqlError {
    if (failed && explicit && !plan.allowedInFailedTransaction()) {
      throw new SqlError(Condition.IN_FAILED_TRANSACTION,
          "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  /** An execution was closed: it is no longer open, and a MySQL session keeps what it leaves behind. */
  void closed(SessionExecution execution) {
    open.remove(execution);
    if (open.isEmpty()) {
      stopTimeout();
    }
    if (mysql != null) {
      mysql.warnings(execution.notices());
      mysql.finished(execution.columns() != null, execution.rowCount(), execution.lastInsertId());
    }
  }

  /**
   * Marks the transaction failed for an error of the client's statement; a cancellation is reported with its
   * cause, whichever layer noticed the interrupt. A MySQL client gets MySQL's words, and the error stays for
   * SHOW ERRORS.
   */
  SqlError failed(SqlError e) {
    fail();
    SqlError error = e.condition() == Condition.QUERY_CANCELED && cancelCause != null ? cancelled() : e;
    if (mysql == null) {
      return error;
    }
    SqlError restated = MySqlErrors.restate(error, database());
    mysql.error(restated);
    return restated;
  }

  private void closeExecutions() {
    for (SessionExecution execution : new ArrayList<>(open)) {
      execution.close();
    }
    open.clear();
  }

  private void commitWriter() throws SqlError {
    closeExecutions();
    if (writer == null) {
      return;
    }
    Writer w = writer;
    writer = null;
    savepoints.clear();
    if (!w.inTransaction()) {
      // SQLite rolled the whole transaction back by itself (an interrupt, a full disk) when a statement failed.
      schemaChanged = false;
      release(w);
      throw new SqlError(Condition.TRANSACTION_ROLLBACK, "the transaction was rolled back after an earlier error");
    }
    try {
      PendingCommit commit = w.commit();
      if (schemaChanged) {
        database.schemaChanged(); // before another transaction may take the writer
      }
      release(w); // the next transaction runs while this one's pages reach the disk and the replicas
      commit.await();
    } catch (CommitOutcomeUnknownException e) {
      throw new SqlError(Condition.TRANSACTION_RESOLUTION_UNKNOWN,
          "the commit may or may not have taken effect: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw SqliteErrors.map(e, null);
    } finally {
      schemaChanged = false;
      release(w);
    }
  }

  private void rollbackWriter() throws SqlError {
    closeExecutions();
    if (writer == null) {
      return;
    }
    Writer w = writer;
    writer = null;
    savepoints.clear();
    schemaChanged = false;
    try {
      w.rollback();
    } catch (SQLException e) {
      throw SqliteErrors.map(e, null);
    } finally {
      release(w);
    }
  }

  private void release(Writer w) {
    try {
      if (foreignKeysOff) {
        foreignKeys(w, true);
      }
    } catch (SQLException e) {
      LOG.warn("session {}: turning foreign key checks back on failed: {}", id, e.getMessage());
    }
    try {
      w.close();
    } catch (SQLException e) {
      LOG.warn("session {}: releasing the writer failed: {}", id, e.getMessage());
    }
  }

  private Writer writer() throws SqlError {
    if (writer != null) {
      return writer;
    }
    if (database == null) {
      throw new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected");
    }
    if (readOnly) {
      throw new SqlError(Condition.READ_ONLY_TRANSACTION, "cannot execute this statement in a read-only transaction");
    }
    waiting = Thread.currentThread();
    try {
      long lockTimeout = settings.lockTimeoutMillis();
      Writer w = database.shard().acquireWriter(lockTimeout > 0 ? Duration.ofMillis(lockTimeout) : engine.lockTimeout());
      try {
        database.ready(w.connection()); // connection setup must precede BEGIN
        if (mysql != null && !mysql.foreignKeyChecks()) {
          foreignKeys(w, false); // MySQL's foreign_key_checks = 0, as mysqldump's output sets it
        }
        w.begin();
      } catch (SQLException e) {
        release(w);
        throw e;
      }
      writer = w;
      return w;
    } catch (InterruptedException e) {
      throw cancelled();
    } catch (java.sql.SQLTimeoutException e) {
      if (settings.lockTimeoutMillis() > 0) {
        throw new SqlError(Condition.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
      }
      throw new SqlError(Condition.LOCK_NOT_AVAILABLE, "could not obtain lock on database \"" + database.name()
          + "\": another transaction kept writing for " + engine.lockTimeout().toSeconds() + " s");
    } catch (SQLException e) {
      throw SqliteErrors.map(e, null);
    } finally {
      waiting = null;
      Thread.interrupted();
    }
  }

  /** Whether the writer this session holds checks no foreign keys (MySQL's foreign_key_checks = 0). */
  private boolean foreignKeysOff;

  /** Turns foreign key checks on the writer on or off; SQLite takes this only outside a transaction. */
  private void foreignKeys(Writer w, boolean on) throws SQLException {
    try (java.sql.Statement s = w.connection().createStatement()) {
      s.execute(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
    }
    foreignKeysOff = !on;
  }

  /** The Context plans see. */
  final class SessionContext implements Context, Context.Transactions {
    @Override public Dialect dialect() {
      return dialect;
    }

    @Override public String user() {
      return user;
    }

    @Override public String database() {
      return database == null ? null : database.name();
    }

    /**
     * The database whose connections run the session's statements: the current one, or, for a MySQL session
     * without one, another, so that statements that read no table (SELECT 1, SHOW DATABASES) can still run.
     */
    private Database connectionSource() throws SqlError {
      return database != null ? database : engine.fallbackDatabase();
    }

    @Override public PgSettings settings() {
      return settings;
    }

    @Override public ZoneId zone() {
      return mysql != null ? mysql.zone() : settings.zone();
    }

    @Override public MySqlSession mysql() {
      return mysql;
    }

    @Override public void use(String name) throws SqlError {
      Session.this.use(name);
    }

    @Override public Admin admin() {
      return engine.admin(Session.this);
    }

    @Override public Instant transactionStart() {
      return transactionStart != null ? transactionStart : Instant.now();
    }

    @Override public Catalog catalog() throws SqlError {
      if (database == null) {
        return new Catalog(0, List.of());
      }
      if (onIoThread) {
        throw WouldBlock.INSTANCE; // loading it reads the schema
      }
      try {
        if (writer != null) {
          return catalogVia(writer.connection());
        }
        Reader reader = database.shard().acquireReader();
        try {
          return database.catalog(reader.connection());
        } finally {
          reader.close();
        }
      } catch (SQLException e) {
        throw SqliteErrors.map(e, null);
      } catch (InterruptedException e) {
        throw cancelled();
      }
    }

    /** The catalog as seen through a connection: this transaction's own if it changed the schema. */
    private Catalog catalogVia(Connection connection) throws SQLException {
      return schemaChanged ? io.bop.engine.catalog.CatalogLoader.load(connection, -1) : database.catalog(connection);
    }

    @Override public io.bop.engine.catalog.PgCatalog.Snapshot snapshot(Lease lease) throws SqlError {
      try {
        Catalog catalog = database == null ? catalog() : catalogVia(lease.connection());
        return new io.bop.engine.catalog.PgCatalog.Snapshot(catalog, database(), engine.databases(), user, settings);
      } catch (SQLException e) {
        throw SqliteErrors.map(e, null);
      }
    }

    @Override public int sessionId() {
      return id;
    }

    /** Whether plans made now describe the committed schema (and may be shared) or this transaction's. */
    boolean privateSchema() {
      return schemaChanged;
    }

    long generation() {
      return database == null ? 0 : database.generation();
    }

    @Override public Lease readConnection() throws SqlError {
      if (writer != null) {
        return new Lease(database, writer.connection(), () -> { });
      }
      Database source = connectionSource();
      if (onIoThread) {
        return readerNow(source);
      }
      waiting = Thread.currentThread();
      try {
        Reader reader = source.shard().acquireReader();
        return new Lease(source, reader.connection(), reader::close);
      } catch (InterruptedException e) {
        throw cancelled();
      } catch (SQLException e) {
        throw SqliteErrors.map(e, null);
      } finally {
        waiting = null;
        Thread.interrupted();
      }
    }

    /** A reader if one is free at once; an I/O thread must not wait for one. */
    private Lease readerNow(Database source) throws SqlError {
      try {
        Reader reader = source.shard().tryAcquireReader();
        if (reader == null) {
          throw WouldBlock.INSTANCE;
        }
        return new Lease(source, reader.connection(), reader::close);
      } catch (SQLException e) {
        throw SqliteErrors.map(e, null);
      }
    }

    @Override public Lease writeConnection() throws SqlError {
      if (onIoThread && writer == null) {
        throw WouldBlock.INSTANCE;
      }
      return new Lease(database, writer().connection(), () -> { });
    }

    @Override public void running(Connection connection) {
      synchronized (cancelLock) {
        running = connection;
        // an I/O thread is not interrupted: its statement is quick, and the thread serves others
        runningThread = connection == null || onIoThread ? null : Thread.currentThread();
        if (connection == null) {
          Thread.interrupted(); // a cancel that came as the statement ended must not hit the thread's next task
        }
      }
    }

    @Override public void checkCancelled() throws SqlError {
      if (cancelCause != null) {
        throw cancelled();
      }
    }

    @Override public void schemaChanged() {
      schemaChanged = true;
    }

    @Override public void notice(Notice notice) {
      notices.add(notice);
    }

    @Override public boolean inTransactionBlock() {
      return explicit;
    }

    @Override public Transactions transactions() {
      return this;
    }

    // -------------------------------------------------------------------- Transactions

    @Override public void begin(String isolation, Boolean readOnlyBlock) throws SqlError {
      if (explicit && mysql != null) {
        commit(); // MySQL's START TRANSACTION commits the transaction in progress
      } else if (explicit) {
        notice(Notice.warning("25001", "there is already a transaction in progress"));
        return;
      }
      if (isolation == null && mysql != null) {
        isolation = mysql.isolation();
      }
      explicit = true;
      failed = false;
      readOnly = Boolean.TRUE.equals(readOnlyBlock) && writer == null;
      if (transactionStart == null) {
        transactionStart = Instant.now();
      }
      String level = (isolation != null ? isolation : settings.get("default_transaction_isolation"))
          .toLowerCase(Locale.ROOT);
      if ((level.contains("serializable") || level.contains("repeatable")) && !readOnly) {
        // Run the whole block on the writer, so nothing it reads can change under it: serial execution gives both
        // levels' guarantees without the serialization failures PostgreSQL needs for its concurrency.
        writer();
      }
    }

    @Override public String commit() throws SqlError {
      if (!explicit) {
        if (mysql == null) {
          notice(Notice.warning("25P01", "there is no transaction in progress"));
        }
        return "COMMIT";
      }
      boolean wasFailed = failed;
      explicit = false;
      transactionEnded();
      readOnly = false;
      failed = false;
      if (wasFailed) {
        rollbackWriter();
        return "ROLLBACK";
      }
      commitWriter();
      return "COMMIT";
    }

    @Override public void rollback() throws SqlError {
      if (!explicit && mysql == null) {
        notice(Notice.warning("25P01", "there is no transaction in progress"));
      }
      explicit = false;
      failed = false;
      readOnly = false;
      transactionEnded();
      rollbackWriter();
    }

    @Override public void savepoint(String name) throws SqlError {
      if (!explicit) {
        throw new SqlError(Condition.NO_ACTIVE_SQL_TRANSACTION, "SAVEPOINT can only be used in transaction blocks");
      }
      execute(writer(), "SAVEPOINT " + quote(name));
      savepoints.add(name);
    }

    @Override public void release(String name) throws SqlError {
      requireSavepoint(name, "RELEASE SAVEPOINT");
      execute(writer, "RELEASE SAVEPOINT " + quote(name));
      savepoints.subList(lastIndexOf(name), savepoints.size()).clear();
    }

    @Override public void rollbackTo(String name) throws SqlError {
      requireSavepoint(name, "ROLLBACK TO SAVEPOINT");
      closeExecutions();
      execute(writer, "ROLLBACK TO SAVEPOINT " + quote(name));
      savepoints.subList(lastIndexOf(name) + 1, savepoints.size()).clear();
      failed = false;
    }

    private void requireSavepoint(String name, String statement) throws SqlError {
      if (!explicit) {
        throw new SqlError(Condition.NO_ACTIVE_SQL_TRANSACTION, statement + " can only be used in transaction blocks");
      }
      if (writer == null || lastIndexOf(name) < 0) {
        throw new SqlError(Condition.INVALID_SAVEPOINT, "savepoint \"" + name + "\" does not exist");
      }
    }

    private int lastIndexOf(String name) {
      for (int i = savepoints.size() - 1; i >= 0; i--) {
        if (savepoints.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    private void execute(Writer w, String sql) throws SqlError {
      try (java.sql.Statement s = w.connection().createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw SqliteErrors.map(e, null);
      }
    }

    private String quote(String name) {
      return "\"" + name.replace("\"", "\"\"") + "\"";
    }
  }

  SessionContext context() {
    return context;
  }
}
