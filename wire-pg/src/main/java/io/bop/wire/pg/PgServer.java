package io.bop.wire.pg;

import io.bop.engine.Engine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Listens for PostgreSQL clients and serves them from an {@link Engine}. */
public final class PgServer implements AutoCloseable {
  private final Engine engine;
  private final PgServerSettings settings;
  private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, Scram.Secrets> scramSecrets = new ConcurrentHashMap<>();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel listener;

  public PgServer(Engine engine, PgServerSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  /** Binds the listening socket; returns once clients can connect. */
  public void start() throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    listener = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("frames", new FrameDecoder(settings.maxMessageBytes()));
            ch.pipeline().addLast("connection", new PgConnection(PgServer.this));
          }
        })
        .bind(settings.bindAddress(), settings.port()).sync().channel();
  }

  /** The port clients connect to (the bound one when the settings asked for port 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  @Override public void close() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
      boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
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
