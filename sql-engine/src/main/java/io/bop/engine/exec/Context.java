package io.bop.engine.exec;

import io.bop.engine.Notice;
import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.errors.SqlError;
import io.bop.engine.mysql.MySqlSession;
import io.bop.engine.parser.Dialect;
import io.bop.engine.session.PgSettings;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What a running plan may ask of its session. */
public interface Context {
  Dialect dialect();

  String user();

  /** The current database; null in a MySQL session that has not chosen one. */
  String database();

  PgSettings settings();

  ZoneId zone();

  /** When the current transaction (or, outside one, statement) started: PostgreSQL's now(). */
  Instant transactionStart();

  /** The schema of the session's database, as this session sees it (its own uncommitted DDL included). */
  Catalog catalog() throws SqlError;

  /** What the PostgreSQL catalog relations show, read through the connection a plan runs on. */
  PgCatalog.Snapshot snapshot(Lease lease) throws SqlError;

  int sessionId();

  /**
   * A connection for a statement that only reads: the writer if this transaction has written, otherwise a
   * reader held until {@code release} runs.
   */
  Lease readConnection() throws SqlError;

  /** The writer connection inside a transaction, beginning one if needed; held until the transaction ends. */
  Lease writeConnection() throws SqlError;

  /** Marks the running statement's connection (null when it stops), so that a cancel request can interrupt it. */
  void running(Connection connection);

  /** Fails with 57014 if the current statement was cancelled; for work between SQLite steps (rows, COPY). */
  void checkCancelled() throws SqlError;

  /** Records that this transaction changed the schema; cached plans for the database become stale. */
  void schemaChanged();

  void notice(Notice notice);

  /** Whether the session is inside a BEGIN block (some statements, like VACUUM, may not run there). */
  boolean inTransactionBlock();

  Transactions transactions();

  /** The session's MySQL state (variables, diagnostics, LAST_INSERT_ID()); null in a PostgreSQL session. */
  MySqlSession mysql();

  /** Makes another database the session's current one (MySQL's USE). */
  void use(String database) throws SqlError;

  /** What statements about databases and other sessions may ask of the engine. */
  Admin admin();

  /** The engine's databases and sessions, as CREATE / DROP DATABASE, KILL and SHOW PROCESSLIST see them. */
  interface Admin {
    /** Creates an empty database; an error if one of that name exists. */
    void createDatabase(String name) throws SqlError;

    /** Drops a database and its data; an error if there is none of that name. */
    void dropDatabase(String name) throws SqlError;

    List<String> databases() throws SqlError;

    /** MySQL's KILL [QUERY]: interrupts a session's statement and, unless {@code queryOnly}, ends its connection. */
    void kill(int sessionId, boolean queryOnly) throws SqlError;

    /** Every open session, for SHOW PROCESSLIST. */
    List<SessionInfo> sessions();
  }

  /**
   * @param statement the statement it runs, or null if idle
   * @param since when that statement started, or when the session became idle
   */
  record SessionInfo(int id, String user, String database, String statement, Instant since) {}

  /** Transaction control as PostgreSQL's and MySQL's statements ask for it. */
  interface Transactions {
    /** BEGIN / START TRANSACTION; a notice, not an error, if one is already in progress. */
    void begin(String isolation, Boolean readOnly) throws SqlError;

    /** COMMIT; returns the command tag (ROLLBACK when committing a failed transaction). */
    String commit() throws SqlError;

    void rollback() throws SqlError;

    void savepoint(String name) throws SqlError;

    void release(String name) throws SqlError;

    void rollbackTo(String name) throws SqlError;
  }
}
