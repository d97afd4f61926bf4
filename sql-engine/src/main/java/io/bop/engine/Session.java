package io.bop.engine;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Context;
import io.bop.engine.exec.Database;
import io.bop.engine.exec.Lease;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqliteErrors;
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
  private final SessionContext context = new SessionContext();
  private Database database;

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
  private Connection running;
  private Thread runningThread;
  /** Why the work the client waits on is cancelled ("user request", "statement timeout"), or null. */
  private volatile String cancelCause;
  /** The statement timeout armed for the running statement, or null. */
  private ScheduledFuture<?> timeout;
  private volatile Thread waiting;
  private volatile boolean closed;
  /** Work runs on an I/O thread, which must never wait: see {@link #runOnIoThread}. */
  private boolean onIoThread;

  Session(Engine engine, int id, Dialect dialect, String user, Database database) {
    this.engine = engine;
    this.id = id;
    this.dialect = dialect;
    this.user = user;
    this.database = database;
    this.settings = new PgSettings(user);
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

  public String database() {
    return database.name();
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
      fail();
      throw e;
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
      fail();
      throw e;
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
      if (transactionStart == null) {
        transactionStart = Instant.now();
      }
      List<SqlType> types = statement.bindingTypes();
      if (parameters.size() != types.size()) {
        throw new SqlError(Condition.PROTOCOL_VIOLATION, "statement takes " + types.size() + " parameters, "
            + parameters.size() + " given");
      }
      long started = System.nanoTime();
      startTimeout();
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
    }
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
    return new SqlError(Condition.QUERY_CANCELED, "canceling statement due to " + (cause == null ? "user request"
        : cause));
  }

  /** Arms statement_timeout for a statement that starts now. */
  private void startTimeout() {
    long millis = settings.statementTimeoutMillis();
    synchronized (cancelLock) {
      if (timeout == null && millis > 0) {
        timeout = engine.timers().schedule(this::timedOut, millis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void timedOut() {
    synchronized (cancelLock) {
      if (timeout != null) { // not disarmed meanwhile
        cancel("statement timeout");
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
    database.sequences().forget(id);
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

  void closed(SessionExecution execution) {
    open.remove(execution);
    if (open.isEmpty()) {
      stopTimeout();
    }
  }

  /**
   * Marks the transaction failed for an error of the client's statement; a cancellation is reported with its
   * cause, whichever layer noticed the interrupt.
   */
  SqlError failed(SqlError e) {
    fail();
    return e.condition() == Condition.QUERY_CANCELED && cancelCause != null ? cancelled() : e;
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
      w.close();
    } catch (SQLException e) {
      LOG.warn("session {}: releasing the writer failed: {}", id, e.getMessage());
    }
  }

  private Writer writer() throws SqlError {
    if (writer != null) {
      return writer;
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

  /** The Context plans see. */
  final class SessionContext implements Context, Context.Transactions {
    @Override public Dialect dialect() {
      return dialect;
    }

    @Override public String user() {
      return user;
    }

    @Override public String database() {
      return database.name();
    }

    Database databaseObject() {
      return database;
    }

    @Override public PgSettings settings() {
      return settings;
    }

    @Override public ZoneId zone() {
      return settings.zone();
    }

    @Override public Instant transactionStart() {
      return transactionStart != null ? transactionStart : Instant.now();
    }

    @Override public Catalog catalog() throws SqlError {
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
        return new io.bop.engine.catalog.PgCatalog.Snapshot(catalogVia(lease.connection()), database.name(),
            engine.databases(), user, settings);
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
      return database.generation();
    }

    @Override public Lease readConnection() throws SqlError {
      if (writer != null) {
        return new Lease(database, writer.connection(), () -> { });
      }
      if (onIoThread) {
        return readerNow();
      }
      waiting = Thread.currentThread();
      try {
        Reader reader = database.shard().acquireReader();
        return new Lease(database, reader.connection(), reader::close);
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
    private Lease readerNow() throws SqlError {
      try {
        Reader reader = database.shard().tryAcquireReader();
        if (reader == null) {
          throw WouldBlock.INSTANCE;
        }
        return new Lease(database, reader.connection(), reader::close);
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
      if (explicit) {
        notice(Notice.warning("25001", "there is already a transaction in progress"));
        return;
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
        notice(Notice.warning("25P01", "there is no transaction in progress"));
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
      if (!explicit) {
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
