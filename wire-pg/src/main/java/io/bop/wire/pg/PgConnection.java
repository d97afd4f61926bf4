package io.bop.wire.pg;

import io.bop.engine.Column;
import io.bop.engine.Copy;
import io.bop.engine.Execution;
import io.bop.engine.Notice;
import io.bop.engine.SerialExecutor;
import io.bop.engine.Session;
import io.bop.engine.Statement;
import io.bop.engine.TransactionState;
import io.bop.engine.WouldBlock;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the startup and authentication exchange on the event loop, then every message in
 * order on the connection's {@link SerialExecutor}, where blocking engine calls are allowed.
 */
final class PgConnection extends ChannelInboundHandlerAdapter implements MessageWriter.Writability {
  private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
  private static final int PROTOCOL_3_0 = 196608;
  private static final SecureRandom RANDOM = new SecureRandom();

  private enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

  /**
   * A COPY FROM STDIN in progress: CopyData goes through the decoder into the statement until CopyDone.
   *
   * @param rest the simple query's statements after the COPY, or null if an Execute started it
   * @param portal the portal an Execute started it in, or null
   */
  private record CopyReceiving(Execution execution, Copy.In in, CopyDecoder decoder, Iterator<Statement> rest,
      Portal portal) {}

  /** A bound statement; its execution starts at the first Execute and may span several (PortalSuspended). */
  private static final class Portal {
    final Statement statement;
    final List<Object> parameters;
    final short[] resultFormats;
    Execution execution;
    boolean done;

    Portal(Statement statement, List<Object> parameters, short[] resultFormats) {
      this.statement = statement;
      this.parameters = parameters;
      this.resultFormats = resultFormats;
    }
  }

  private final PgServer server;
  private final SerialExecutor executor;
  /** Frames of the current read, touched only on the event loop. */
  private final List<Frame> received = new ArrayList<>();
  private Channel channel;
  private MessageWriter out;
  private Phase phase = Phase.STARTUP;
  private boolean tls;
  private String user;
  private String database;
  private Map<String, String> startupParameters;
  private Scram scram;
  private boolean scramStarted;
  private byte[] md5Salt;
  private Session session;
  private int secret;

  // Extended-protocol state; touched only on the executor.
  private final Map<String, Statement> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private boolean skipUntilSync;
  /** Query and Sync messages not yet answered with ReadyForQuery: while any is, a cancel request applies. */
  private final AtomicInteger awaitingReady = new AtomicInteger();
  /** A simple query is running, perhaps paused in a COPY FROM STDIN: an error ends it with ReadyForQuery. */
  private boolean inSimpleQuery;
  /** The COPY FROM STDIN receiving data, or null. */
  private CopyReceiving copyIn;
  /**
   * A simple query's statements from the one that would have waited on the I/O thread, after others had run there:
   * the query cannot start over, so these continue on the executor. Null otherwise.
   */
  private Iterator<Statement> unfinished;

  /** @param eventLoop the channel's event loop, which hands work to the session's executor */
  PgConnection(PgServer server, Executor eventLoop) {
    this.server = server;
    this.executor = new SerialExecutor(server.engine().workers(), eventLoop);
  }

  /** As PostgreSQL's authentication_timeout: a client must finish logging in within this time. */
  private static final int AUTHENTICATION_TIMEOUT_SECONDS = 60;

  @Override public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    out = new MessageWriter(channel, this);
    ctx.executor().schedule(() -> {
      if (phase == Phase.STARTUP || phase == Phase.AUTHENTICATING) {
        fatal(Condition.INVALID_AUTHORIZATION, "canceling authentication due to timeout");
      }
    }, AUTHENTICATION_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    ctx.fireChannelActive();
  }

  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Frame frame = (Frame) msg;
    if (phase == Phase.READY) {
      // Handed to the session's executor in one task per read (see channelReadComplete): a client's pipelined
      // Bind/Execute/Sync costs one thread hand-off, not three. The event-loop task is the backstop for a read
      // whose completion is not signalled (a handler may fire channelRead outside a read, as TLS can).
      received.add(frame);
      if (received.size() == 1) {
        ctx.executor().execute(this::handOff);
      }
      if (frame.type() == 'Q' || frame.type() == 'S') {
        awaitingReady.incrementAndGet();
      }
      return;
    }
    try {
      if (phase == Phase.STARTUP) {
        handleStartup(ctx, frame.body());
      } else if (phase == Phase.AUTHENTICATING) {
        handleAuthentication(frame);
      }
    } catch (ProtocolError e) {
      fatal(e.condition, e.getMessage());
    } finally {
      frame.body().release();
    }
  }

  @Override public void channelReadComplete(ChannelHandlerContext ctx) {
    handOff();
    ctx.fireChannelReadComplete();
  }

  /**
   * Handles the frames received so far: on this I/O thread as long as the session is idle and the work cannot wait
   * (a quick read costs less than the thread hand-offs), the rest on the session's executor, in one task.
   */
  private void handOff() {
    if (received.isEmpty()) {
      return;
    }
    List<Frame> frames = List.copyOf(received);
    received.clear();
    int handled = session != null && executor.idle() ? handleOnIoThread(frames) : 0;
    Iterator<Statement> statements = unfinished;
    unfinished = null;
    if (handled < frames.size() || statements != null) {
      List<Frame> rest = frames.subList(handled, frames.size());
      executor.execute(() -> {
        if (statements != null) {
          handle((byte) 'Q', () -> runStatements(statements));
        }
        rest.forEach(this::handleAndRelease);
      });
    }
  }

  /**
   * Handles frames until one would wait, which is then handled again from its start elsewhere, or until one leaves
   * {@link #unfinished} statements; returns how many were handled. COPY data is stateful, so it is never started
   * over: it goes to the executor.
   */
  private int handleOnIoThread(List<Frame> frames) {
    session.runOnIoThread(true);
    try {
      for (int i = 0; i < frames.size(); i++) {
        Frame frame = frames.get(i);
        if (copyIn != null) {
          return i;
        }
        int start = frame.body().readerIndex();
        try {
          handleMessage(frame);
        } catch (WouldBlock e) {
          frame.body().readerIndex(start);
          return i;
        }
        frame.body().release();
        if (unfinished != null) {
          return i + 1;
        }
      }
      return frames.size();
    } finally {
      session.runOnIoThread(false);
    }
  }

  private void handleAndRelease(Frame frame) {
    try {
      handleMessage(frame);
    } finally {
      frame.body().release();
    }
  }

  /** Closes the connection from the server side (shutdown): the session ends as if the client had left. */
  void close() {
    if (channel != null) {
      channel.close();
    }
  }

  /** A startup or authentication failure, reported with severity FATAL before closing. */
  private static final class ProtocolError extends Exception {
    final Condition condition;

    ProtocolError(Condition condition, String message) {
      super(message, null, false, false);
      this.condition = condition;
    }
  }

  // ================================================================================== startup

  private void handleStartup(ChannelHandlerContext ctx, ByteBuf body) throws ProtocolError {
    int code = body.readInt();
    switch (code) {
      case FrameDecoder.SSL_REQUEST -> {
        if (server.settings().tls() != null && !tls) {
          tls = true;
          // startTls: our 'S' goes out in clear, everything after it through TLS.
          SslHandler ssl = server.settings().tls().newHandler(ctx.alloc());
          ctx.pipeline().addFirst("tls", new SslHandler(ssl.engine(), true));
          ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
        } else {
          ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
        }
      }
      case FrameDecoder.GSSENC_REQUEST -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
      case FrameDecoder.CANCEL_REQUEST -> {
        int processId = body.readInt();
        int key = body.readInt();
        server.cancel(processId, key);
        phase = Phase.CLOSED;
        ctx.close();
      }
      default -> startup(code, body);
    }
  }

  private void startup(int version, ByteBuf body) throws ProtocolError {
    if (version >> 16 != 3) {
      throw new ProtocolError(Condition.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
          + (version >> 16) + "." + (version & 0xffff) + ": server supports 3.0 to 3.0");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> unrecognized = new ArrayList<>();
    while (body.isReadable()) {
      String name = readCString(body);
      if (name.isEmpty()) {
        break;
      }
      String value = readCString(body);
      if (name.startsWith("_pq_.")) {
        unrecognized.add(name);
      } else {
        parameters.put(name, value);
      }
    }
    user = parameters.remove("user");
    if (user == null || user.isEmpty()) {
      throw new ProtocolError(Condition.INVALID_AUTHORIZATION, "no PostgreSQL user name specified in startup packet");
    }
    database = parameters.remove("database");
    if (database == null || database.isEmpty()) {
      database = user;
    }
    if (parameters.containsKey("replication") && !"false".equals(parameters.get("replication"))) {
      throw new ProtocolError(Condition.FEATURE_NOT_SUPPORTED, "replication connections are not supported");
    }
    startupParameters = parameters;
    if (version != PROTOCOL_3_0 || !unrecognized.isEmpty()) {
      out.negotiateProtocolVersion(PROTOCOL_3_0, unrecognized);
    }
    phase = Phase.AUTHENTICATING;
    switch (server.settings().auth()) {
      case SCRAM_SHA_256 -> {
        scram = new Scram(server.scramSecrets(user));
        out.authenticationSasl(List.of(Scram.MECHANISM));
      }
      case MD5 -> {
        md5Salt = new byte[4];
        RANDOM.nextBytes(md5Salt);
        out.authentication(5, md5Salt);
      }
      case PASSWORD -> {
        if (!tls) {
          throw new ProtocolError(Condition.INVALID_AUTHORIZATION,
              "password authentication requires an encrypted connection (use sslmode=require)");
        }
        out.authentication(3, null);
      }
    }
    out.flush();
  }

  // ================================================================================== authentication

  private void handleAuthentication(Frame frame) throws ProtocolError {
    if (frame.type() != 'p') {
      throw new ProtocolError(Condition.PROTOCOL_VIOLATION, "expected password response, got message type "
          + FrameDecoder.printable(frame.type()));
    }
    ByteBuf body = frame.body();
    try {
      switch (server.settings().auth()) {
        case SCRAM_SHA_256 -> scramStep(body);
        case MD5 -> {
          String response = readCString(body);
          passwordChecked(server.password(user).map(p -> md5Response(p, user, md5Salt).equals(response)).orElse(false));
        }
        case PASSWORD -> {
          String response = readCString(body);
          passwordChecked(server.password(user).map(p -> MessageDigest.isEqual(
              p.getBytes(StandardCharsets.UTF_8), response.getBytes(StandardCharsets.UTF_8))).orElse(false));
        }
      }
    } catch (Scram.ScramException | IndexOutOfBoundsException e) {
      throw new ProtocolError(Condition.PROTOCOL_VIOLATION, e instanceof Scram.ScramException
          ? e.getMessage() : "malformed authentication message");
    }
  }

  private void scramStep(ByteBuf body) throws Scram.ScramException, ProtocolError {
    if (!scramStarted) {
      String mechanism = readCString(body);
      if (!Scram.MECHANISM.equals(mechanism)) {
        throw new ProtocolError(Condition.PROTOCOL_VIOLATION,
            "client selected an invalid SASL authentication mechanism");
      }
      int length = body.readInt();
      String clientFirst = body.readCharSequence(length, StandardCharsets.UTF_8).toString();
      scramStarted = true;
      out.authentication(11, scram.clientFirst(clientFirst).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } else {
      String clientFinal = body.readCharSequence(body.readableBytes(), StandardCharsets.UTF_8).toString();
      String serverFinal = scram.clientFinal(clientFinal);
      boolean known = server.password(user).isPresent();
      if (serverFinal != null && known) {
        out.authentication(12, serverFinal.getBytes(StandardCharsets.UTF_8));
      }
      passwordChecked(serverFinal != null && known);
    }
  }

  static String md5Response(String password, String user, byte[] salt) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      String inner = HexFormat.of().formatHex(md5.digest((password + user).getBytes(StandardCharsets.UTF_8)));
      md5.update(inner.getBytes(StandardCharsets.US_ASCII));
      md5.update(salt);
      return "md5" + HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void passwordChecked(boolean ok) throws ProtocolError {
    if (!ok) {
      LOG.info("password authentication failed for user \"{}\" from {}", user, channel.remoteAddress());
      throw new ProtocolError(Condition.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }
    phase = Phase.READY;
    // Opening the session may open a shard: not on the event loop. Messages that arrive meanwhile queue behind.
    executor.execute(this::openSession);
  }

  private void openSession() {
    try {
      session = server.engine().connect(Dialect.POSTGRESQL, user, database, startupParameters);
    } catch (SqlError e) {
      fatal(e.condition(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("could not open a session for {}", channel.remoteAddress(), e);
      fatal(Condition.INTERNAL_ERROR, "could not open a session: " + e.getMessage());
      return;
    }
    secret = RANDOM.nextInt();
    server.register(session.id(), this);
    out.authentication(0, null);
    session.reportedParameters().forEach(out::parameterStatus);
    out.backendKeyData(session.id(), secret);
    out.readyForQuery('I');
    out.flush();
  }

  /** A CancelRequest for this connection: cancels what the client waits on, if anything, when the secret matches. */
  boolean cancelIfSecretMatches(int key) {
    if (key == secret && session != null && awaitingReady.get() > 0) {
      session.cancel();
      return true;
    }
    return false;
  }

  // ================================================================================== messages

  private void handleMessage(Frame frame) {
    if (phase != Phase.READY || session == null) {
      return;
    }
    ByteBuf body = frame.body();
    byte type = frame.type();
    if (skipUntilSync && type != 'S' && type != 'X') {
      return;
    }
    handle(type, () -> {
      if (copyIn != null) {
        copyMessage(type, body);
        return;
      }
      switch (type) {
        case 'Q' -> simpleQuery(readCString(body));
        case 'P' -> parse(body);
        case 'B' -> bind(body);
        case 'D' -> describe(body);
        case 'E' -> execute(body);
        case 'C' -> close(body);
        case 'H' -> out.flush();
        case 'S' -> sync();
        case 'X' -> terminate();
        case 'd', 'c', 'f' -> { } // COPY messages outside COPY: PostgreSQL ignores them too
        case 'F' -> throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "the fastpath function call protocol is not supported");
        default -> {
          fatal(Condition.PROTOCOL_VIOLATION, "invalid frontend message type " + (type & 0xff));
          return;
        }
      }
    });
  }

  /** Something a message asks for, which fails with an error for the client. */
  private interface Action {
    void run() throws SqlError;
  }

  /** Does what a message of this type asks, answering its failure as PostgreSQL does. */
  private void handle(byte type, Action action) {
    try {
      action.run();
    } catch (SqlError e) {
      failed(type, e);
    } catch (WouldBlock e) {
      throw e;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      fatal(Condition.PROTOCOL_VIOLATION, "invalid message format");
    } catch (RuntimeException e) {
      LOG.error("internal error in session {}", session.id(), e);
      failed(type, new SqlError(Condition.INTERNAL_ERROR, "internal error: " + e));
    }
  }

  /**
   * After an error: a simple query ends there (its implicit transaction rolls back now, before ReadyForQuery);
   * extended-protocol messages are skipped until the client's Sync ends the transaction.
   */
  private void failed(byte type, SqlError e) {
    if (copyIn != null) {
      copyIn.execution().close();
      copyIn = null;
    }
    session.fail();
    error(e);
    if (inSimpleQuery) {
      sync();
    } else {
      skipUntilSync = true;
    }
  }

  private void simpleQuery(String sql) throws SqlError {
    inSimpleQuery = true;
    statements.remove("");
    closePortal("");
    List<Statement> parsed = session.prepareAll(sql);
    if (parsed.isEmpty()) {
      out.emptyQueryResponse();
    }
    runStatements(parsed.iterator());
  }

  /** Runs a simple query's statements in turn; a COPY FROM STDIN pauses them until its data has arrived. */
  private void runStatements(Iterator<Statement> statements) throws SqlError {
    boolean ran = false;
    Statement next = null;
    try {
      while (statements.hasNext()) {
        next = statements.next();
        Execution execution = session.execute(next, List.of());
        next = null;
        ran = true;
        if (receiveCopy(execution, statements, null)) {
          return;
        }
        try {
          if (execution.columns() != null && execution.copy() == null) {
            rowDescription(execution.columns(), new short[0]);
          }
          sendRows(execution, new short[0], 0);
          finish(execution);
        } finally {
          execution.close();
        }
      }
      sync();
    } catch (WouldBlock e) {
      if (!ran) {
        throw e;
      }
      List<Statement> rest = new ArrayList<>();
      if (next != null) {
        rest.add(next);
      }
      statements.forEachRemaining(rest::add);
      unfinished = rest.iterator();
    }
  }

  // ================================================================================== COPY

  /** Starts receiving the data of a COPY FROM STDIN, if the execution is one. */
  private boolean receiveCopy(Execution execution, Iterator<Statement> rest, Portal portal) {
    if (!(execution.copy() instanceof Copy.In in)) {
      return false;
    }
    copyIn = new CopyReceiving(execution, in, new CopyDecoder(in.format(), in::row), rest, portal);
    out.copyResponse('G', in.columnNames().size());
    out.flush();
    return true;
  }

  private void copyMessage(byte type, ByteBuf body) throws SqlError {
    CopyReceiving copy = copyIn;
    switch (type) {
      case 'd' -> copy.decoder().decode(body);
      case 'c' -> {
        copy.decoder().end();
        copy.in().end();
        copyIn = null;
        finish(copy.execution());
        copy.execution().close();
        if (copy.portal() != null) {
          copy.portal().done = true;
        } else {
          runStatements(copy.rest());
        }
      }
      case 'f' -> throw new SqlError(Condition.QUERY_CANCELED, "COPY from stdin failed: " + readCString(body));
      case 'H' -> { } // ignored during COPY FROM STDIN, as PostgreSQL does, and so is Sync: it gets no answer
      case 'S' -> awaitingReady.decrementAndGet();
      case 'X' -> terminate();
      default -> throw new SqlError(Condition.PROTOCOL_VIOLATION, String.format(
          "unexpected message type 0x%02X during COPY from stdin", type & 0xff));
    }
  }

  /** The rows of a COPY TO STDOUT, one CopyData message per line. */
  private void sendCopy(Execution execution, Copy.Out copy) throws SqlError {
    CopyEncoder encoder = new CopyEncoder(copy.format());
    List<Column> columns = execution.columns();
    out.copyResponse('H', columns.size());
    if (copy.format().header()) {
      out.copyData(encoder.header(copy.columnNames()));
    }
    Object[] row;
    while ((row = execution.next()) != null) {
      out.copyData(encoder.row(columns, row));
    }
    out.copyDone();
  }

  private void parse(ByteBuf body) throws SqlError {
    String name = readCString(body);
    String sql = readCString(body);
    int count = body.readUnsignedShort();
    List<SqlType> declared = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int oid = body.readInt();
      declared.add(oid == 0 ? null : typeOfOid(oid));
    }
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new SqlError(Condition.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
    }
    statements.put(name, session.prepare(sql, declared));
    out.parseComplete();
  }

  private static SqlType typeOfOid(int oid) {
    TypeKind element = TypeKind.ofPgArrayOid(oid);
    if (element != null) {
      return SqlType.arrayOf(SqlType.of(element, element.name().toLowerCase(java.util.Locale.ROOT)));
    }
    TypeKind kind = TypeKind.ofPgOid(oid);
    return kind == TypeKind.UNKNOWN ? null : SqlType.of(kind, kind.name().toLowerCase(java.util.Locale.ROOT));
  }

  private void bind(ByteBuf body) throws SqlError {
    String portalName = readCString(body);
    String statementName = readCString(body);
    Statement statement = statement(statementName);
    short[] parameterFormats = readFormats(body);
    int count = body.readUnsignedShort();
    if (count != statement.parameterTypes().size()) {
      throw new SqlError(Condition.PROTOCOL_VIOLATION, "bind message supplies " + count
          + " parameters, but prepared statement \"" + statementName + "\" requires "
          + statement.parameterTypes().size());
    }
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = body.readInt();
      if (length < 0) {
        values.add(null);
        continue;
      }
      ByteBuf value = body.readSlice(length);
      if (format(parameterFormats, i) == 0) {
        values.add(value.toString(StandardCharsets.UTF_8));
      } else {
        SqlType type = statement.parameterTypes().get(i);
        try {
          values.add(PgValues.readBinary(value, type));
        } catch (RuntimeException e) {
          throw new SqlError(Condition.INVALID_BINARY_REPRESENTATION,
              "incorrect binary data format in bind parameter " + (i + 1));
        }
        if (value.isReadable()) {
          throw new SqlError(Condition.INVALID_BINARY_REPRESENTATION,
              "incorrect binary data format in bind parameter " + (i + 1));
        }
      }
    }
    short[] resultFormats = readFormats(body);
    if (!portalName.isEmpty() && portals.containsKey(portalName)) {
      throw new SqlError(Condition.INVALID_CURSOR_NAME, "cursor \"" + portalName + "\" already exists");
    }
    closePortal(portalName);
    portals.put(portalName, new Portal(statement, values, resultFormats));
    out.bindComplete();
  }

  private void describe(ByteBuf body) throws SqlError {
    byte kind = body.readByte();
    String name = readCString(body);
    if (kind == 'S') {
      Statement statement = statement(name);
      int[] oids = statement.parameterTypes().stream().mapToInt(SqlType::pgOid).toArray();
      out.parameterDescription(oids);
      describeRows(statement.columns(), new short[0]);
    } else if (kind == 'P') {
      Portal portal = portal(name);
      describeRows(portal.execution != null ? portal.execution.columns() : portal.statement.columns(),
          portal.resultFormats);
    } else {
      throw new SqlError(Condition.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + kind);
    }
  }

  private void describeRows(List<Column> columns, short[] formats) {
    if (columns == null) {
      out.noData();
    } else {
      rowDescription(columns, formats);
    }
  }

  private void execute(ByteBuf body) throws SqlError {
    Portal portal = portal(readCString(body));
    int maxRows = body.readInt();
    if (portal.statement.isEmpty()) {
      out.emptyQueryResponse();
      return;
    }
    if (portal.done) {
      out.commandComplete(portal.execution == null ? "SELECT 0" : portal.execution.commandTag());
      return;
    }
    if (portal.execution == null) {
      portal.execution = session.execute(portal.statement, portal.parameters);
      if (receiveCopy(portal.execution, null, portal)) {
        return;
      }
    }
    if (sendRows(portal.execution, portal.resultFormats, maxRows)) {
      out.portalSuspended();
    } else {
      portal.done = true;
      finish(portal.execution);
      portal.execution.close();
    }
  }

  private void close(ByteBuf body) {
    byte kind = body.readByte();
    String name = readCString(body);
    if (kind == 'S') {
      statements.remove(name);
    } else {
      closePortal(name);
    }
    out.closeComplete();
  }

  private void sync() {
    try {
      session.sync(); // first: where it would wait on the I/O thread, nothing has changed yet
    } catch (SqlError e) {
      error(e);
    }
    skipUntilSync = false;
    inSimpleQuery = false;
    if (session.transactionState() == TransactionState.IDLE) {
      // Portals live until their transaction ends; outside a block, that is now.
      new ArrayList<>(portals.keySet()).forEach(this::closePortal);
    }
    readyForQuery();
  }

  private void terminate() {
    phase = Phase.CLOSED;
    out.flush();
    closeSession();
    channel.close();
  }

  // ================================================================================== results

  /** Sends rows until the end or {@code maxRows} (0 = all); returns true if rows remain. */
  private boolean sendRows(Execution execution, short[] formats, int maxRows) throws SqlError {
    if (execution.copy() instanceof Copy.Out copy) {
      sendCopy(execution, copy);
      return false;
    }
    List<Column> columns = execution.columns();
    if (columns == null) {
      return false;
    }
    int sent = 0;
    Object[] row;
    while ((maxRows <= 0 || sent < maxRows) && (row = execution.next()) != null) {
      dataRow(columns, formats, row);
      sent++;
    }
    if (maxRows > 0 && sent == maxRows) {
      return true;
    }
    return false;
  }

  private void finish(Execution execution) {
    for (Notice notice : execution.notices()) {
      out.errorOrNotice('N', notice.severity(), notice.sqlState(), notice.message(), Map.of());
    }
    out.commandComplete(execution.commandTag());
    execution.changedParameters().forEach(out::parameterStatus);
  }

  private void rowDescription(List<Column> columns, short[] formats) {
    ByteBuf b = out.begin('T');
    b.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      SqlType type = column.type();
      MessageWriter.cstring(b, column.name());
      b.writeInt(column.tableOid());
      b.writeShort(column.attnum());
      b.writeInt(type.pgOid());
      b.writeShort(type.kind().pgLength());
      b.writeInt(type.pgTypmod());
      b.writeShort(format(formats, i));
    }
    out.end();
  }

  private void dataRow(List<Column> columns, short[] formats, Object[] row) throws SqlError {
    ByteBuf b = out.begin('D');
    b.writeShort(row.length);
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        b.writeInt(-1);
        continue;
      }
      int lengthAt = b.writerIndex();
      b.writeInt(0);
      SqlType type = columns.get(i).type();
      if (format(formats, i) == 0) {
        b.writeCharSequence(PgValues.text(type, value), StandardCharsets.UTF_8);
      } else {
        try {
          PgValues.writeBinary(b, type, value);
        } catch (RuntimeException e) {
          out.end();
          throw new SqlError(Condition.INVALID_BINARY_REPRESENTATION, "value \"" + value
              + "\" in column \"" + columns.get(i).name() + "\" is not a valid " + type.pgFormat());
        }
      }
      b.setInt(lengthAt, b.writerIndex() - lengthAt - 4);
    }
    out.end();
  }

  private void readyForQuery() {
    awaitingReady.decrementAndGet();
    out.readyForQuery(switch (session.transactionState()) {
      case IDLE -> 'I';
      case ACTIVE -> 'T';
      case FAILED -> 'E';
    });
    out.flush();
  }

  private void error(SqlError e) {
    Map<Character, String> fields = new LinkedHashMap<>();
    putIfPresent(fields, 'D', e.detail());
    putIfPresent(fields, 'H', e.hint());
    putIfPresent(fields, 'P', e.position() > 0 ? Integer.toString(e.position()) : null);
    putIfPresent(fields, 'W', e.context());
    SqlError.Subject subject = e.subject();
    if (subject != null) {
      putIfPresent(fields, 's', subject.table() != null ? "public" : null);
      putIfPresent(fields, 't', subject.table());
      putIfPresent(fields, 'c', subject.column());
      putIfPresent(fields, 'n', subject.constraint());
    }
    out.errorOrNotice('E', "ERROR", e.condition().pgState(), e.getMessage(), fields);
  }

  private static void putIfPresent(Map<Character, String> fields, char code, String value) {
    if (value != null) {
      fields.put(code, value);
    }
  }

  /** Reports a fatal error and closes the connection, as PostgreSQL does for protocol violations. */
  private void fatal(Condition condition, String message) {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    LOG.info("closing connection from {}: {}", channel.remoteAddress(), message);
    out.errorOrNotice('E', "FATAL", condition.pgState(), message, Map.of());
    out.flush();
    channel.close();
  }

  // ================================================================================== helpers

  private Statement statement(String name) throws SqlError {
    Statement statement = statements.get(name);
    if (statement == null) {
      throw new SqlError(Condition.INVALID_PREPARED_STATEMENT, name.isEmpty()
          ? "unnamed prepared statement does not exist" : "prepared statement \"" + name + "\" does not exist");
    }
    return statement;
  }

  private Portal portal(String name) throws SqlError {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new SqlError(Condition.INVALID_CURSOR_NAME, name.isEmpty()
          ? "unnamed portal does not exist" : "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  private void closePortal(String name) {
    Portal portal = portals.remove(name);
    if (portal != null && portal.execution != null) {
      portal.execution.close();
    }
  }

  private static short[] readFormats(ByteBuf body) {
    int count = body.readUnsignedShort();
    short[] formats = new short[count];
    for (int i = 0; i < count; i++) {
      formats[i] = body.readShort();
    }
    return formats;
  }

  private static short format(short[] formats, int index) {
    return formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[index];
  }

  private static String readCString(ByteBuf body) {
    int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
    if (end < 0) {
      throw new IllegalArgumentException("unterminated string");
    }
    String s = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
    body.readerIndex(end + 1);
    return s;
  }

  // ================================================================================== channel events

  @Override public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    synchronized (this) {
      notifyAll();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override public void awaitWritable() {
    if (channel.eventLoop().inEventLoop()) {
      return; // the I/O thread cannot wait for itself; what it writes queues in the channel
    }
    synchronized (this) {
      while (!channel.isWritable() && channel.isActive()) {
        try {
          wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override public void channelInactive(ChannelHandlerContext ctx) {
    phase = Phase.CLOSED;
    if (session != null) {
      session.cancel();
    }
    executor.execute(this::closeSession);
    synchronized (this) {
      notifyAll();
    }
  }

  private void closeSession() {
    new ArrayList<>(portals.keySet()).forEach(this::closePortal);
    statements.clear();
    out.discard();
    if (session != null) {
      server.unregister(session.id());
      session.close();
    }
  }

  @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException) {
      Throwable reason = cause.getClass() == DecoderException.class && cause.getCause() != null
          ? cause.getCause() : cause;
      String message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
      if (reason instanceof javax.net.ssl.SSLException) {
        LOG.info("closing connection from {}: TLS error: {}", channel.remoteAddress(), message);
        ctx.close();
        return;
      }
      executor.execute(() -> fatal(Condition.PROTOCOL_VIOLATION, message));
    } else if (cause instanceof java.io.IOException) {
      LOG.debug("connection from {} failed: {}", channel.remoteAddress(), cause.toString());
      ctx.close();
    } else {
      LOG.error("unexpected error on connection from {}", channel.remoteAddress(), cause);
      ctx.close();
    }
  }
}
