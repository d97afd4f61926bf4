package io.bop.wire.pg;

import io.bop.engine.Engine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Listens for PostgreSQL clients and serves them from an {@link Engine}. */
public final class PgServer implements AutoCloseable {
  private final Engine engine;
  private final PgServerSettings settings;
  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> channelType;
  private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, Scram.Secrets> scramSecrets = new ConcurrentHashMap<>();
  private Channel listener;

  /**
   * @param group the I/O threads, shared with the node's other protocol servers
   * @param channelType the server socket channel class that goes with the group's transport (epoll or NIO)
   */
  public PgServer(Engine engine, PgServerSettings settings, EventLoopGroup group,
      Class<? extends ServerChannel> channelType) {
    this.engine = engine;
    this.settings = settings;
    this.group = group;
    this.channelType = channelType;
  }

  /** Binds the listening socket; returns once clients can connect. */
  public void start() throws InterruptedException {
    listener = new ServerBootstrap()
        .group(group)
        .channel(channelType)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override protected void initChannel(Channel ch) {
            ch.pipeline().addLast("frames", new FrameDecoder(settings.maxMessageBytes()));
            ch.pipeline().addLast("connection", new PgConnection(PgServer.this, ch.eventLoop()));
          }
        })
        .bind(settings.bindAddress(), settings.port()).sync().channel();
  }

  /** The port clients connect to (the bound one when the settings asked for port 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Stops listening and closes every client connection; the I/O threads belong to the caller. */
  @Override public void close() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    for (PgConnection connection : connections.values()) {
      connection.close();
    }
  }

  Engine engine() {
    return engine;
  }

  PgServerSettings settings() {
    return settings;
  }

  Optional<String> password(String user) {
    return engine.password(user);
  }

  /**
   * SCRAM secrets for a user, derived once. An unknown user gets throwaway secrets so the exchange looks the
   * same as for a wrong password.
   */
  Scram.Secrets scramSecrets(String user) {
    Optional<String> password = engine.password(user);
    if (password.isEmpty()) {
      return Scram.Secrets.derive(java.util.UUID.randomUUID().toString());
    }
    return scramSecrets.computeIfAbsent(user + '\0' + password.get(), key -> Scram.Secrets.derive(password.get()));
  }

  void register(int processId, PgConnection connection) {
    connections.put(processId, connection);
  }

  void unregister(int processId) {
    connections.remove(processId);
  }

  /** A CancelRequest: cancels the session's running statement if the secret matches; otherwise nothing. */
  void cancel(int processId, int secret) {
    PgConnection connection = connections.get(processId);
    if (connection != null) {
      connection.cancelIfSecretMatches(secret);
    }
  }
}
