package io.bop.wire.mysql.command;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.Session;
import io.bop.engine.Statement;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.bop.wire.mysql.protocol.ServerStatus;
import io.bop.wire.mysql.protocol.Values;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary protocol's prepared statements: COM_STMT_PREPARE, EXECUTE (with parameter types sent once and kept),
 * SEND_LONG_DATA, FETCH from a read-only cursor, RESET and CLOSE. Statement ids are per connection.
 */
final class PreparedStatements {
  /** COM_STMT_EXECUTE's flag for a read-only cursor, read with COM_STMT_FETCH. */
  private static final int CURSOR_TYPE_READ_ONLY = 1;
  /** The unsigned bit of a parameter type's flags byte. */
  private static final int UNSIGNED = 0x80;

  /** A prepared statement and what the client gave it so far. */
  private static final class Prepared {
    final Statement statement;
    final int parameterCount;
    int[] parameterTypes;
    boolean[] unsignedParameters;
    final ByteArrayOutputStream[] longData;
    /** The cursor COM_STMT_FETCH reads, while one is open. */
    Execution cursor;

    Prepared(Statement statement) {
      this.statement = statement;
      this.parameterCount = statement.parameterTypes().size();
      this.parameterTypes = new int[parameterCount];
      this.unsignedParameters = new boolean[parameterCount];
      this.longData = new ByteArrayOutputStream[parameterCount];
    }

    void closeCursor() {
      if (cursor != null) {
        cursor.close();
        cursor = null;
      }
    }
  }

  private final CommandHandler handler;
  private final Connection connection;
  private final PacketWriter out;
  private final ResultWriter results;
  private final Map<Integer, Prepared> statements = new HashMap<>();
  private int nextId = 1;

  PreparedStatements(CommandHandler handler, Connection connection, ResultWriter results) {
    this.handler = handler;
    this.connection = connection;
    this.out = connection.out();
    this.results = results;
  }

  /** COM_STMT_PREPARE: an OK with the statement's id and counts, then its parameters' and columns' definitions. */
  void prepare(String sql) {
    Statement statement;
    try {
      statement = connection.session().prepare(sql, List.of());
    } catch (SqlError e) {
      handler.error(e);
      return;
    }
    int id = nextId++;
    Prepared prepared = new Prepared(statement);
    statements.put(id, prepared);
    List<Column> columns = statement.columns() == null ? List.of() : statement.columns();
    ByteBuf b = out.begin();
    b.writeByte(0).writeIntLE(id).writeShortLE(columns.size()).writeShortLE(prepared.parameterCount).writeByte(0)
        .writeShortLE(0);
    out.end();
    if (prepared.parameterCount > 0) {
      List<Column> parameters = new ArrayList<>();
      for (SqlType type : statement.parameterTypes()) {
        parameters.add(Column.of("?", type.kind() == TypeKind.UNKNOWN ? SqlType.VARCHAR : type));
      }
      results.definitions(parameters, Status.of(connection.session()));
    }
    if (!columns.isEmpty()) {
      results.definitions(columns, Status.of(connection.session()));
    }
  }

  /**
   * Whether a COM_STMT_EXECUTE can be handled again from its start if it has to wait: it sends no long data and
   * opens no cursor, which it would consume or replace.
   */
  boolean restartable(ByteBuf execute) {
    Prepared prepared = statements.get(execute.getIntLE(execute.readerIndex() + 1));
    return prepared != null && prepared.cursor == null && (execute.getUnsignedByte(execute.readerIndex() + 5)
        & CURSOR_TYPE_READ_ONLY) == 0 && java.util.Arrays.stream(prepared.longData).allMatch(d -> d == null);
  }

  private Prepared statement(int id, String command) throws SqlError {
    Prepared prepared = statements.get(id);
    if (prepared == null) {
      throw new SqlError(Condition.INVALID_PREPARED_STATEMENT, "Unknown prepared statement handler (" + id
          + ") given to " + command);
    }
    return prepared;
  }

  /**
   * COM_STMT_EXECUTE: the parameters (a NULL bitmap, the types if the client sends them anew, the values not
   * sent as long data), then the result in the binary protocol, or an open cursor if the client asked for one.
   */
  void execute(ByteBuf p) {
    Prepared prepared;
    List<Object> parameters;
    boolean cursor;
    try {
      prepared = statement(p.readIntLE(), "mysqld_stmt_execute");
      cursor = (p.readUnsignedByte() & CURSOR_TYPE_READ_ONLY) != 0;
      p.readIntLE(); // iteration count, always 1
      parameters = parameters(prepared, p);
    } catch (SqlError e) {
      handler.error(e);
      return;
    }
    prepared.closeCursor();
    clearLongData(prepared);
    List<Column> columns = prepared.statement.columns();
    if (cursor && columns != null) {
      openCursor(prepared, parameters);
    } else {
      handler.run(prepared.statement, parameters, 0, true);
    }
  }

  private List<Object> parameters(Prepared prepared, ByteBuf p) {
    int count = prepared.parameterCount;
    List<Object> values = new ArrayList<>(count);
    if (count == 0) {
      return values;
    }
    byte[] nulls = new byte[(count + 7) / 8];
    p.readBytes(nulls);
    if (p.readUnsignedByte() == 1) {
      for (int i = 0; i < count; i++) {
        prepared.parameterTypes[i] = p.readUnsignedByte();
        prepared.unsignedParameters[i] = (p.readUnsignedByte() & UNSIGNED) != 0;
      }
    }
    List<SqlType> types = prepared.statement.parameterTypes();
    for (int i = 0; i < count; i++) {
      Object value;
      if ((nulls[i / 8] & (1 << (i % 8))) != 0) {
        value = null;
      } else if (prepared.longData[i] != null) {
        value = prepared.longData[i].toByteArray();
      } else {
        value = Values.readParameter(p, prepared.parameterTypes[i], prepared.unsignedParameters[i]);
      }
      values.add(forEngine(value, types.get(i)));
    }
    return values;
  }

  /**
   * A parameter as the engine takes it for a parameter of {@code type}: numbers stay numbers where a number is
   * expected, bytes stay bytes where bytes are, and the rest is text, read as the type wants (a date, a number).
   */
  private static Object forEngine(Object value, SqlType type) {
    if (value == null) {
      return null;
    }
    TypeKind kind = type.kind();
    if (value instanceof byte[] bytes) {
      return kind == TypeKind.BYTEA ? bytes : new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Number && (kind.isNumeric() || kind == TypeKind.BOOLEAN)) {
      return value;
    }
    return kind == TypeKind.BYTEA ? value.toString().getBytes(StandardCharsets.UTF_8) : value.toString();
  }

  /**
   * Opens a read-only cursor: the column definitions, then an EOF whose status says a cursor exists; the rows
   * wait for COM_STMT_FETCH. The implicit transaction stays open with it, since committing would close it.
   */
  private void openCursor(Prepared prepared, List<Object> parameters) {
    Session session = connection.session();
    try {
      Execution execution = session.execute(prepared.statement, parameters);
      prepared.cursor = execution;
      results.metadata(execution.columns(), Status.of(session) | ServerStatus.CURSOR_EXISTS);
      if (results.deprecateEof()) {
        results.endOfRows(Status.of(session) | ServerStatus.CURSOR_EXISTS, 0);
      }
    } catch (SqlError e) {
      handler.error(e);
    }
  }

  /** COM_STMT_FETCH: the next rows of the cursor; the last batch says the last row was sent and ends it. */
  void fetch(ByteBuf p) {
    Session session = connection.session();
    try {
      Prepared prepared = statement(p.readIntLE(), "mysqld_stmt_fetch");
      long rows = p.readUnsignedIntLE();
      if (prepared.cursor == null) {
        throw new SqlError(Condition.INVALID_CURSOR_NAME, "The statement has no open cursor");
      }
      Execution cursor = prepared.cursor;
      boolean more = results.rows(cursor, true, ResultWriter.types(cursor.columns()), rows);
      if (more) {
        results.endOfRows(Status.of(session) | ServerStatus.CURSOR_EXISTS, 0);
        return;
      }
      prepared.closeCursor();
      session.sync();
      results.endOfRows(Status.of(session) | ServerStatus.LAST_ROW_SENT, 0);
    } catch (SqlError e) {
      handler.error(e);
    }
  }

  /** COM_STMT_SEND_LONG_DATA: a piece of a parameter's value; no response. */
  void longData(ByteBuf p) {
    Prepared prepared = statements.get(p.readIntLE());
    int parameter = p.readUnsignedShortLE();
    if (prepared == null || parameter >= prepared.parameterCount) {
      return; // MySQL reports this at the next execute; the value stays unset there
    }
    if (prepared.longData[parameter] == null) {
      prepared.longData[parameter] = new ByteArrayOutputStream();
    }
    prepared.longData[parameter].writeBytes(Payloads.readRest(p));
  }

  /** COM_STMT_RESET: forgets long data and closes the cursor. */
  void reset(ByteBuf p) {
    try {
      Prepared prepared = statement(p.readIntLE(), "mysqld_stmt_reset");
      clearLongData(prepared);
      prepared.closeCursor();
      handler.ok(0, 0, 0);
    } catch (SqlError e) {
      handler.error(e);
    }
  }

  private static void clearLongData(Prepared prepared) {
    java.util.Arrays.fill(prepared.longData, null);
  }

  /** COM_STMT_CLOSE; no response. */
  void close(int id) {
    Prepared prepared = statements.remove(id);
    if (prepared != null) {
      prepared.closeCursor();
    }
  }

  void closeAll() {
    statements.values().forEach(Prepared::closeCursor);
    statements.clear();
  }
}
