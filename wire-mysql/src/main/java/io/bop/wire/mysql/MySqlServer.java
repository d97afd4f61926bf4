package io.bop.wire.mysql;

import io.bop.engine.Engine;
import io.bop.wire.mysql.auth.Authenticator;
import io.bop.wire.mysql.auth.RsaKeys;
import io.bop.wire.mysql.codec.PacketDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Listens for MySQL clients and serves them from an {@link Engine}. */
public final class MySqlServer implements AutoCloseable {
  private final Engine engine;
  private final MySqlServerSettings settings;
  private final EventLoopGroup group;
  private final Class<? extends ServerChannel> channelType;
  private final RsaKeys rsa = RsaKeys.generate();
  private final Set<MySqlConnection> connections = ConcurrentHashMap.newKeySet();
  /** caching_sha2_password's cache: user and password hash of each full authentication since the start. */
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  private Channel listener;

  /**
   * @param group the I/O threads, shared with the node's other protocol servers
   * @param channelType the server socket channel class that goes with the group's transport (epoll or NIO)
   */
  public MySqlServer(Engine engine, MySqlServerSettings settings, EventLoopGroup group,
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
            ch.pipeline().addLast(MySqlConnection.PACKETS, new PacketDecoder(settings.maxPacketBytes()));
            ch.pipeline().addLast("connection", new MySqlConnection(MySqlServer.this, ch.eventLoop()));
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
    connections.forEach(MySqlConnection::close);
  }

  Engine engine() {
    return engine;
  }

  MySqlServerSettings settings() {
    return settings;
  }

  RsaKeys rsa() {
    return rsa;
  }

  void register(MySqlConnection connection) {
    connections.add(connection);
  }

  void unregister(MySqlConnection connection) {
    connections.remove(connection);
  }

  /** The users' passwords, and caching_sha2_password's record of full authentications. */
  Authenticator.Credentials credentials() {
    return new Authenticator.Credentials() {
      @Override public Optional<String> password(String user) {
        return engine.password(user);
      }

      @Override public boolean verifiedBefore(String user, String password) {
        return verified.contains(key(user, password));
      }

      @Override public void verified(String user, String password) {
        verified.add(key(user, password));
      }
    };
  }

  /** The cache key: the user and a hash of the password, so a changed password misses it. */
  private static String key(String user, String password) {
    return user + '\0' + java.util.HexFormat.of().formatHex(sha256(password.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
