package io.bop.wire.mysql.command;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.Session;
import io.bop.engine.Statement;
import io.bop.engine.WouldBlock;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.RawText;
import io.bop.wire.mysql.auth.Authenticator;
import io.bop.wire.mysql.codec.Packet;
import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.bop.wire.mysql.protocol.Capabilities;
import io.bop.wire.mysql.protocol.ColumnDefinition;
import io.bop.wire.mysql.protocol.Command;
import io.bop.wire.mysql.protocol.Responses;
import io.bop.wire.mysql.protocol.ServerStatus;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command phase of a connection: each command packet, in order, on the connection's executor, where engine
 * calls may block, or, while they are quick, on the I/O thread that read them ({@link #handleOnIoThread}). A command starts a new packet sequence (its first packet has sequence id 0) and gets one
 * response, or none (COM_STMT_CLOSE, COM_STMT_SEND_LONG_DATA, COM_QUIT).
 */
public final class CommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

  /** MySQL's ER_EMPTY_QUERY. */
  private static final int EMPTY_QUERY = 1065;
  /** MySQL's ER_UNKNOWN_COM_ERROR. */
  private static final int UNKNOWN_COMMAND = 1047;
  /** MySQL's ER_NET_PACKETS_OUT_OF_ORDER. */
  private static final int PACKETS_OUT_OF_ORDER = 1156;
  /** MySQL's ER_MALFORMED_PACKET. */
  private static final int MALFORMED_PACKET = 1835;
  /** MySQL's ER_ACCESS_DENIED_ERROR. */
  private static final int ACCESS_DENIED = 1045;

  private static final int MULTI_STATEMENTS_ON = 0;

  private final Connection connection;
  private final PacketWriter out;
  private final ResultWriter results;
  private final PreparedStatements prepared;
  private boolean multiStatements;
  /** A COM_CHANGE_USER whose authentication goes on over further packets, else null. */
  private ChangeUser changingUser;
  /** Whether the packet being handled is on the I/O thread, where nothing may wait. */
  private boolean onIoThread;
  /** Set on the I/O thread by a command that left the packet, untouched, to the executor. */
  private boolean deferred;

  private record ChangeUser(Authenticator authenticator, String user, String database) {}

  public CommandHandler(Connection connection) {
    this.connection = connection;
    this.out = connection.out();
    this.results = new ResultWriter(out, connection.capabilities());
    this.prepared = new PreparedStatements(this, connection, results);
    this.multiStatements = (connection.capabilities() & Capabilities.MULTI_STATEMENTS) != 0;
  }

  /**
   * Handles a packet on the I/O thread that read it, saving two thread hand-offs, if it is a statement the session
   * can run without waiting; false leaves it, unread, to the executor. A statement that would wait has done nothing
   * yet (the session throws {@link WouldBlock} before anything happens), so it starts over there. Only commands
   * that can start over come here: one statement of COM_QUERY, COM_STMT_EXECUTE without long data or a cursor,
   * COM_PING.
   */
  public boolean handleOnIoThread(Packet packet) {
    ByteBuf payload = packet.payload();
    if (changingUser != null || packet.sequenceId() != 0 || !payload.isReadable() || !restartable(payload)) {
      return false;
    }
    Session session = connection.session();
    int start = payload.readerIndex();
    session.runOnIoThread(true);
    onIoThread = true;
    try {
      handle(packet);
    } catch (WouldBlock e) {
      deferred = true;
    } finally {
      onIoThread = false;
      session.runOnIoThread(false);
    }
    if (deferred) {
      deferred = false;
      payload.readerIndex(start);
      return false;
    }
    return true;
  }

  private boolean restartable(ByteBuf payload) {
    return switch (payload.getUnsignedByte(payload.readerIndex())) {
      case Command.QUERY, Command.PING -> true;
      case Command.STMT_EXECUTE -> payload.readableBytes() >= 10 && prepared.restartable(payload);
      default -> false;
    };
  }

  /** Handles one packet of the command phase; writes and flushes its response. */
  public void handle(Packet packet) {
    ByteBuf payload = packet.payload();
    try {
      if (changingUser != null) {
        continueChangeUser(packet);
      } else if (packet.sequenceId() != 0) {
        fatal(PACKETS_OUT_OF_ORDER, "08S01", "Got packets out of order");
      } else {
        out.answer(packet.sequenceId());
        command(payload.readUnsignedByte(), payload);
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      fatal(MALFORMED_PACKET, "HY000", "Malformed communication packet");
    } catch (WouldBlock e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("internal error in session {}", connection.session().id(), e);
      error(new SqlError(Condition.INTERNAL_ERROR, "internal error: " + e));
    }
    out.flush();
  }

  private void command(int command, ByteBuf p) {
    Session session = connection.session();
    switch (command) {
      case Command.QUERY -> query(statementText(p));
      case Command.STMT_PREPARE -> prepared.prepare(statementText(p));
      case Command.STMT_EXECUTE -> prepared.execute(p);
      case Command.STMT_FETCH -> prepared.fetch(p);
      case Command.STMT_SEND_LONG_DATA -> prepared.longData(p);
      case Command.STMT_RESET -> prepared.reset(p);
      case Command.STMT_CLOSE -> prepared.close(p.readIntLE());
      case Command.PING -> ok(0, 0, 0);
      case Command.QUIT -> connection.close();
      case Command.INIT_DB -> {
        try {
          session.use(new String(Payloads.readRest(p), StandardCharsets.UTF_8));
          ok(0, 0, 0);
        } catch (SqlError e) {
          error(e);
        }
      }
      case Command.FIELD_LIST -> fieldList(Payloads.readNulTerminatedString(p));
      case Command.SET_OPTION -> {
        multiStatements = p.readUnsignedShortLE() == MULTI_STATEMENTS_ON;
        results.endOfRows(Status.of(session), 0);
      }
      case Command.STATISTICS -> {
        out.begin().writeCharSequence("Uptime: 1  Threads: 1  Questions: 0  Slow queries: 0  Opens: 0"
            + "  Flush tables: 1  Open tables: 0  Queries per second avg: 0.000", StandardCharsets.US_ASCII);
        out.end();
      }
      case Command.RESET_CONNECTION -> {
        prepared.closeAll();
        try {
          session.reset();
          ok(0, 0, 0);
        } catch (SqlError e) {
          error(e);
        }
      }
      case Command.CHANGE_USER -> changeUser(p);
      default -> Responses.error(out, UNKNOWN_COMMAND, "08S01", "Unknown command");
    }
  }

  /** The rest of the packet as statement text; bytes of binary strings in it are kept (see RawText). */
  private static String statementText(ByteBuf p) {
    byte[] bytes = Payloads.readRest(p);
    return RawText.decode(bytes, 0, bytes.length);
  }

  // ===================================================================================== COM_QUERY

  /**
   * COM_QUERY: each statement of the text in turn, each committed before its response (MySQL's autocommit);
   * all but the last response say more results follow. An error ends the text there.
   */
  private void query(String sql) {
    Session session = connection.session();
    List<Statement> statements;
    try {
      statements = session.prepareAll(sql);
    } catch (SqlError e) {
      error(e);
      return;
    }
    if (statements.isEmpty()) {
      Responses.error(out, EMPTY_QUERY, "42000", "Query was empty");
      return;
    }
    if (statements.size() > 1 && !multiStatements) {
      error(new SqlError(Condition.SYNTAX_ERROR, "You have an error in your SQL syntax: several statements,"
          + " and the client did not enable multiple statements"));
      return;
    }
    if (statements.size() > 1 && onIoThread) {
      deferred = true; // a later statement that would wait could not start over once earlier ones ran
      return;
    }
    for (int i = 0; i < statements.size(); i++) {
      int more = i < statements.size() - 1 ? ServerStatus.MORE_RESULTS_EXISTS : 0;
      if (!run(statements.get(i), List.of(), more, false)) {
        return;
      }
    }
  }

  /**
   * Runs a statement and writes its response: rows, or OK. Returns false if it failed (its error is written).
   *
   * @param more MORE_RESULTS_EXISTS if statements follow, else 0
   */
  boolean run(Statement statement, List<Object> parameters, int more, boolean binary) {
    Session session = connection.session();
    try (Execution execution = session.execute(statement, parameters)) {
      List<Column> columns = execution.columns();
      if (columns != null) {
        results.metadata(columns, Status.of(session) | more);
        results.rows(execution, binary, binary ? ResultWriter.types(columns) : null, 0);
      }
      int warnings = execution.notices().size();
      long rows = execution.rowCount();
      long insertId = execution.lastInsertId();
      execution.close();
      session.sync();
      if (columns != null) {
        results.endOfRows(Status.of(session) | more, warnings);
      } else {
        ok(rows, insertId, warnings, more);
      }
      return true;
    } catch (SqlError e) {
      error(e);
      return false;
    }
  }

  // ===================================================================================== other commands

  /** COM_FIELD_LIST: the definitions of a table's columns, as the mysql client's completion asks for them. */
  private void fieldList(String table) {
    try {
      for (Column column : connection.session().tableColumns(table)) {
        ColumnDefinition.write(out.begin(), column, ColumnDefinition.of(column), true, null);
        out.end();
      }
      results.endOfRows(Status.of(connection.session()), 0);
    } catch (SqlError e) {
      error(e);
    }
  }

  /**
   * COM_CHANGE_USER: authenticates again, against the handshake's nonce; on success the session starts over (as
   * after COM_RESET_CONNECTION) in the database asked for.
   */
  private void changeUser(ByteBuf p) {
    String user = Payloads.readNulTerminatedString(p);
    byte[] response;
    if ((connection.capabilities() & Capabilities.SECURE_CONNECTION) != 0) {
      response = new byte[p.readUnsignedByte()];
      p.readBytes(response);
    } else {
      response = Payloads.readNulTerminatedString(p).getBytes(StandardCharsets.UTF_8);
    }
    String database = p.isReadable() ? Payloads.readNulTerminatedString(p) : "";
    String plugin = null;
    if (p.readableBytes() >= 2) {
      p.skipBytes(2); // the character set
      if ((connection.capabilities() & Capabilities.PLUGIN_AUTH) != 0 && p.isReadable()) {
        plugin = Payloads.readNulTerminatedString(p);
      }
    }
    Authenticator authenticator = connection.authenticator(user);
    changingUser = new ChangeUser(authenticator, user, database.isEmpty() ? null : database);
    authenticated(authenticator.start(plugin, response));
  }

  private void continueChangeUser(Packet packet) {
    if (packet.sequenceId() != out.expectedClientSequenceId()) {
      fatal(PACKETS_OUT_OF_ORDER, "08S01", "Got packets out of order");
      return;
    }
    out.answer(packet.sequenceId());
    authenticated(changingUser.authenticator().next(Payloads.readRest(packet.payload())));
  }

  private void authenticated(Authenticator.Outcome outcome) {
    if (outcome == Authenticator.Outcome.CONTINUE) {
      return;
    }
    ChangeUser change = changingUser;
    changingUser = null;
    if (outcome == Authenticator.Outcome.FAILURE) {
      fatal(ACCESS_DENIED, "28000", "Access denied for user '" + change.user() + "'@'" + connection.host()
          + "' (using password: YES)");
      return;
    }
    prepared.closeAll();
    try {
      connection.session().reset();
      if (change.database() != null) {
        connection.session().use(change.database());
      }
      ok(0, 0, 0);
    } catch (SqlError e) {
      error(e);
    }
  }

  // ===================================================================================== responses

  void ok(long rows, long insertId, int warnings) {
    ok(rows, insertId, warnings, 0);
  }

  private void ok(long rows, long insertId, int warnings, int more) {
    Responses.ok(out, rows, insertId, Status.of(connection.session()) | more, warnings);
  }

  /** An error of the engine; an implicit transaction it left rolls back first. */
  void error(SqlError e) {
    Session session = connection.session();
    try {
      session.fail();
      session.sync();
    } catch (SqlError rollback) {
      LOG.debug("rollback after an error failed: {}", rollback.getMessage());
    }
    Responses.error(out, e.condition().mysqlErrno(), e.condition().mysqlState(), e.getMessage());
  }

  /** A protocol violation: the client is told, and the connection closes. */
  private void fatal(int errno, String sqlState, String message) {
    Responses.error(out, errno, sqlState, message);
    out.flush();
    connection.close();
  }

  /** Closes what the connection's statements hold, as it closes. */
  public void closeAll() {
    prepared.closeAll();
  }
}
