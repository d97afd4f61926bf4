package io.bop.wire.mysql;

import io.bop.engine.SerialExecutor;
import io.bop.engine.Session;
import io.bop.engine.errors.SqlError;
import io.bop.engine.mysql.SystemVariables;
import io.bop.engine.parser.Dialect;
import io.bop.wire.mysql.auth.Authenticator;
import io.bop.wire.mysql.auth.Handshake;
import io.bop.wire.mysql.auth.HandshakeResponse;
import io.bop.wire.mysql.auth.Scrambles;
import io.bop.wire.mysql.codec.Packet;
import io.bop.wire.mysql.codec.PacketDecoder;
import io.bop.wire.mysql.codec.PacketWriter;
import io.bop.wire.mysql.codec.Payloads;
import io.bop.wire.mysql.command.CommandHandler;
import io.bop.wire.mysql.command.Connection;
import io.bop.wire.mysql.protocol.Capabilities;
import io.bop.wire.mysql.protocol.ColumnDefinition;
import io.bop.wire.mysql.protocol.Responses;
import io.bop.wire.mysql.protocol.ServerStatus;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the handshake, the TLS upgrade and authentication on the event loop, then every command
 * in order on the connection's {@link SerialExecutor}, where blocking engine calls are allowed.
 */
final class MySqlConnection extends ChannelInboundHandlerAdapter implements Connection, PacketWriter.Writability {
  private static final Logger LOG = LoggerFactory.getLogger(MySqlConnection.class);

  /** The pipeline name of the packet decoder, which the TLS upgrade replaces. */
  static final String PACKETS = "packets";

  /** As MySQL's connect_timeout: a client must log in within this time. */
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  /** MySQL's ER_HANDSHAKE_ERROR, ER_ACCESS_DENIED_ERROR, ER_NET_PACKETS_OUT_OF_ORDER, ER_NET_PACKET_TOO_LARGE. */
  private static final int BAD_HANDSHAKE = 1043;
  private static final int ACCESS_DENIED = 1045;
  private static final int PACKETS_OUT_OF_ORDER = 1156;
  private static final int PACKET_TOO_LARGE = 1153;

  private enum Phase { HANDSHAKE, AUTHENTICATING, READY, CLOSED }

  private final MySqlServer server;
  private final SerialExecutor executor;
  private final int connectionId;
  private final byte[] nonce = Scrambles.nonce();
  /** Packets of the current read in the command phase, touched only on the event loop. */
  private final List<Packet> received = new ArrayList<>();
  private Channel channel;
  private PacketWriter out;
  private volatile Phase phase = Phase.HANDSHAKE;
  private boolean tls;
  private int capabilities;
  private HandshakeResponse response;
  private Authenticator authenticator;
  private Session session;
  private CommandHandler commands;

  /** @param eventLoop the channel's event loop, which hands work to the session's executor */
  MySqlConnection(MySqlServer server, Executor eventLoop) {
    this.server = server;
    this.executor = new SerialExecutor(server.engine().workers(), eventLoop);
    this.connectionId = server.engine().newSessionId();
  }

  // ================================================================================== handshake

  @Override public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    out = new PacketWriter(channel, this);
    server.register(this);
    int announced = Capabilities.SERVER | (server.settings().tls() != null ? Capabilities.SSL : 0);
    Handshake.write(out, SystemVariables.VERSION, connectionId, announced, ColumnDefinition.UTF8MB4,
        ServerStatus.AUTOCOMMIT, nonce, server.settings().auth());
    out.flush();
    ctx.executor().schedule(() -> {
      if (phase == Phase.HANDSHAKE || phase == Phase.AUTHENTICATING) {
        LOG.info("closing connection from {}: no login within {} s", channel.remoteAddress(), CONNECT_TIMEOUT_SECONDS);
        channel.close();
      }
    }, CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    ctx.fireChannelActive();
  }

  @Override public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Packet packet = (Packet) msg;
    if (phase == Phase.READY) {
      // Handled when the read completes (see channelReadComplete): pipelined commands that must go to the
      // executor cost one thread hand-off, not one each.
      received.add(packet);
      return;
    }
    try {
      if (phase == Phase.HANDSHAKE) {
        handshakeResponse(ctx, packet);
      } else if (phase == Phase.AUTHENTICATING) {
        authenticationPacket(packet);
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      refuse(BAD_HANDSHAKE, "08S01", "Bad handshake");
    } finally {
      packet.payload().release();
    }
  }

  @Override public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!received.isEmpty()) {
      List<Packet> packets = List.copyOf(received);
      received.clear();
      // Quick statements run here, while nothing waits on the executor; the rest there, in order.
      int handled = 0;
      if (executor.idle()) {
        while (handled < packets.size() && phase == Phase.READY && commands.handleOnIoThread(packets.get(handled))) {
          packets.get(handled++).payload().release();
        }
      }
      if (handled < packets.size()) {
        List<Packet> rest = packets.subList(handled, packets.size());
        executor.execute(() -> {
          for (Packet packet : rest) {
            try {
              if (phase == Phase.READY) {
                commands.handle(packet);
              }
            } finally {
              packet.payload().release();
            }
          }
        });
      }
    }
    ctx.fireChannelReadComplete();
  }

  private void handshakeResponse(ChannelHandlerContext ctx, Packet packet) {
    if (!inSequence(packet)) {
      return;
    }
    HandshakeResponse r = HandshakeResponse.read(packet.payload());
    capabilities = r.capabilities() & (Capabilities.SERVER | Capabilities.SSL);
    if (r.sslRequest()) {
      upgradeToTls(ctx);
      return;
    }
    response = r;
    phase = Phase.AUTHENTICATING;
    authenticator = new Authenticator(server.settings().auth(), server.credentials(), server.rsa(), tls, out,
        r.user(), nonce);
    authenticated(authenticator.start(r.plugin(), r.authResponse()));
  }

  /**
   * The client asked for TLS: the TLS handler goes in front, and the client's TLS handshake, which may already be
   * in this decoder's buffer, goes to it. (A new decoder follows the TLS handler; removing the old one hands its
   * unread bytes to the next handler, the TLS one.)
   */
  private void upgradeToTls(ChannelHandlerContext ctx) {
    if (server.settings().tls() == null || tls) {
      refuse(BAD_HANDSHAKE, "08S01", "Bad handshake");
      return;
    }
    tls = true;
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.addAfter(PACKETS, "tls", server.settings().tls().newHandler(ctx.alloc()));
    pipeline.addAfter("tls", "tls-" + PACKETS, new PacketDecoder(server.settings().maxPacketBytes()));
    pipeline.remove(PACKETS);
  }

  private void authenticationPacket(Packet packet) {
    if (!inSequence(packet)) {
      return;
    }
    authenticated(authenticator.next(Payloads.readRest(packet.payload())));
  }

  /** Whether a login packet continues the exchange's sequence; if not, the client is refused. */
  private boolean inSequence(Packet packet) {
    if (packet.sequenceId() != out.expectedClientSequenceId()) {
      refuse(PACKETS_OUT_OF_ORDER, "08S01", "Got packets out of order");
      return false;
    }
    out.answer(packet.sequenceId());
    return true;
  }

  private void authenticated(Authenticator.Outcome outcome) {
    switch (outcome) {
      case CONTINUE -> out.flush();
      case FAILURE -> refuse(ACCESS_DENIED, "28000", "Access denied for user '" + response.user() + "'@'" + host()
          + "' (using password: " + (response.authResponse().length > 0 ? "YES" : "NO") + ")");
      case SUCCESS -> {
        phase = Phase.READY;
        out.flush();
        // Opening the session may open a shard: not on the event loop. Commands that arrive meanwhile queue behind.
        executor.execute(this::openSession);
      }
    }
  }

  private void openSession() {
    try {
      session = server.engine().connect(Dialect.MYSQL, response.user(), response.database(), Map.of(), connectionId);
    } catch (SqlError e) {
      refuse(e.condition().mysqlErrno(), e.condition().mysqlState(), e.getMessage());
      return;
    }
    session.whenKilled(this::close);
    commands = new CommandHandler(this);
    Responses.ok(out, 0, 0, ServerStatus.AUTOCOMMIT, 0);
    out.flush();
  }

  /** Refuses a client during login: an ERR packet, then the connection closes. */
  private void refuse(int errno, String sqlState, String message) {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    LOG.info("closing connection from {}: {}", channel.remoteAddress(), message);
    Responses.error(out, errno, sqlState, message);
    out.flush();
    channel.close();
  }

  // ================================================================================== Connection

  @Override public PacketWriter out() {
    return out;
  }

  @Override public Session session() {
    return session;
  }

  @Override public int capabilities() {
    return capabilities;
  }

  @Override public Authenticator authenticator(String user) {
    return new Authenticator(server.settings().auth(), server.credentials(), server.rsa(), tls, out, user, nonce);
  }

  @Override public String host() {
    return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "localhost";
  }

  /** Closes the connection from the server side (COM_QUIT, KILL, shutdown): the session ends with it. */
  @Override public void close() {
    phase = Phase.CLOSED;
    if (channel != null) {
      channel.close();
    }
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
      return; // a statement answered on the I/O thread cannot wait for it; what it writes queues in the channel
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
    server.unregister(this);
    if (session != null) {
      session.cancel();
    }
    executor.execute(this::closeSession);
    synchronized (this) {
      notifyAll();
    }
  }

  private void closeSession() {
    if (commands != null) {
      commands.closeAll();
    }
    out.discard();
    if (session != null) {
      session.close();
    }
  }

  @Override public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (reason instanceof TooLongFrameException) {
      // Said from the executor, after the responses of packets before it.
      executor.execute(() -> {
        Responses.error(out, PACKET_TOO_LARGE, "08S01", reason.getMessage());
        out.flush();
        close();
      });
    } else if (reason instanceof javax.net.ssl.SSLException || reason instanceof java.io.IOException) {
      LOG.debug("connection from {} failed: {}", channel.remoteAddress(), reason.toString());
      ctx.close();
    } else {
      LOG.error("unexpected error on connection from {}", channel.remoteAddress(), cause);
      ctx.close();
    }
  }
}
