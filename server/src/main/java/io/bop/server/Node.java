package io.bop.server;

import io.bop.encryption.KeySource;
import io.bop.encryption.MasterKey;
import io.bop.encryption.TlsMaterial;
import io.bop.engine.Engine;
import io.bop.engine.EngineSettings;
import io.bop.replication.LocalCommitSink;
import io.bop.wire.mysql.MySqlServer;
import io.bop.wire.mysql.MySqlServerSettings;
import io.bop.wire.mysql.auth.AuthPlugin;
import io.bop.wire.pg.PgAuthMethod;
import io.bop.wire.pg.PgServer;
import io.bop.wire.pg.PgServerSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running bop node: the engine over its data folder, and the protocol servers in front of it. */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Engine engine;
  private final EventLoopGroup io;
  private final PgServer pg;
  private final MySqlServer mysql;

  private Node(Engine engine, EventLoopGroup io, PgServer pg, MySqlServer mysql) {
    this.engine = engine;
    this.io = io;
    this.pg = pg;
    this.mysql = mysql;
  }

  /**
   * Starts a node from settings named as in the config file ({@code data-dir}, {@code pg-port}, …), with the
   * process environment and defaults filling the rest: what tests and embedders use.
   */
  public static Node start(Map<String, String> settings) throws Exception {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    settings.forEach((name, value) -> flags.put(setting(name), value));
    return start(Settings.resolve(flags, System.getenv(), null));
  }

  private static Setting setting(String name) {
    for (Setting s : Setting.values()) {
      if (s.name.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown setting " + name);
  }

  static Node start(Settings settings) throws Exception {
    Path dataDir = Path.of(settings.get(Setting.DATA_DIR)).toAbsolutePath();
    Files.createDirectories(dataDir);
    KeySource keySource = keySource(settings, dataDir);
    refuseUnsafeExposure(settings, keySource);
    MasterKey key = keySource.load();
    if (isGenerated(settings)) {
      LOG.warn("encrypting with a generated key kept in the data folder ({}): anyone who can read the folder can "
          + "read the data; give a key with --key-file, --key-command or BOP_KEY", keySource.describe());
    }
    SslContext tls = tls(settings, dataDir);
    Engine engine = Engine.start(new EngineSettings(dataDir.resolve("databases"), key, new LocalCommitSink(),
        settings.integer(Setting.READERS), settings.integer(Setting.CACHE_MB) * 1024, settings.get(Setting.USER),
        settings.get(Setting.PASSWORD), settings.get(Setting.DATABASE),
        Duration.ofSeconds(settings.integer(Setting.LOCK_TIMEOUT))));
    // One set of I/O threads, one per core, for every protocol: the blocking work runs on session executors.
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    PgServer pg = new PgServer(engine, new PgServerSettings(settings.get(Setting.BIND), settings.integer(Setting.PG_PORT),
        tls, pgAuth(settings.get(Setting.PG_AUTH)), PgServerSettings.DEFAULT_MAX_MESSAGE_BYTES), io, channelType);
    MySqlServer mysql = new MySqlServer(engine, new MySqlServerSettings(settings.get(Setting.BIND),
        settings.integer(Setting.MYSQL_PORT), tls, mysqlAuth(settings.get(Setting.MYSQL_AUTH)),
        MySqlServerSettings.DEFAULT_MAX_PACKET_BYTES), io, channelType);
    String listening = settings.get(Setting.BIND) + ":" + settings.get(Setting.PG_PORT);
    try {
      pg.start();
      listening = settings.get(Setting.BIND) + ":" + settings.get(Setting.MYSQL_PORT);
      mysql.start();
    } catch (Exception e) {
      pg.close();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      engine.close();
      throw new IOException("could not listen on " + listening + ": " + e.getMessage(), e);
    }
    LOG.info("bop listening: PostgreSQL on {}:{}, MySQL on {}:{} (TLS available), data in {}",
        settings.get(Setting.BIND), pg.port(), settings.get(Setting.BIND), mysql.port(), dataDir);
    return new Node(engine, io, pg, mysql);
  }

  public int pgPort() {
    return pg.port();
  }

  public int mysqlPort() {
    return mysql.port();
  }

  private static KeySource keySource(Settings settings, Path dataDir) {
    if (settings.get(Setting.KEY) != null) {
      return KeySource.of(settings.get(Setting.KEY), settings.origin(Setting.KEY));
    }
    if (settings.get(Setting.KEY_FILE) != null) {
      return KeySource.file(Path.of(settings.get(Setting.KEY_FILE)));
    }
    if (settings.get(Setting.KEY_COMMAND) != null) {
      return KeySource.command(settings.get(Setting.KEY_COMMAND));
    }
    return KeySource.generatedFile(dataDir.resolve("bop.key"));
  }

  private static boolean isGenerated(Settings settings) {
    return settings.get(Setting.KEY) == null && settings.get(Setting.KEY_FILE) == null
        && settings.get(Setting.KEY_COMMAND) == null;
  }

  /** Listening beyond this machine with the documented password or a key stored beside the data is refused. */
  private static void refuseUnsafeExposure(Settings settings, KeySource keySource) throws IOException {
    InetAddress address = InetAddress.getByName(settings.get(Setting.BIND));
    if (address.isLoopbackAddress()) {
      return;
    }
    if (Setting.PASSWORD.defaultValue.equals(settings.get(Setting.PASSWORD))) {
      throw new IllegalArgumentException("refusing to listen on " + settings.get(Setting.BIND)
          + " with the default password: set a password with --password, BOP_PASSWORD or 'password' in the config file");
    }
    if (isGenerated(settings)) {
      throw new IllegalArgumentException("refusing to listen on " + settings.get(Setting.BIND)
          + " with a key stored beside the data: give the master key with --key-file, --key-command or BOP_KEY");
    }
  }

  private static SslContext tls(Settings settings, Path dataDir) throws IOException {
    TlsMaterial material;
    if (settings.get(Setting.TLS_CERT) != null || settings.get(Setting.TLS_KEY) != null) {
      if (settings.get(Setting.TLS_CERT) == null || settings.get(Setting.TLS_KEY) == null) {
        throw new IllegalArgumentException("give both --tls-cert and --tls-key, or neither");
      }
      material = new TlsMaterial(Path.of(settings.get(Setting.TLS_CERT)), Path.of(settings.get(Setting.TLS_KEY)));
    } else {
      material = TlsMaterial.selfSigned(dataDir.resolve("tls"));
    }
    return SslContextBuilder.forServer(material.certificate().toFile(), material.privateKey().toFile()).build();
  }

  private static PgAuthMethod pgAuth(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "scram-sha-256", "scram" -> PgAuthMethod.SCRAM_SHA_256;
      case "md5" -> PgAuthMethod.MD5;
      case "password" -> PgAuthMethod.PASSWORD;
      default -> throw new IllegalArgumentException("pg-auth must be scram-sha-256, md5 or password, not " + name);
    };
  }

  private static AuthPlugin mysqlAuth(String name) {
    AuthPlugin plugin = AuthPlugin.byName(name);
    if (plugin == null) {
      throw new IllegalArgumentException("mysql-auth must be caching_sha2_password or mysql_native_password, not "
          + name);
    }
    return plugin;
  }

  /** Stops accepting clients, ends their sessions (rolling back open transactions) and closes the databases. */
  @Override public void close() throws Exception {
    pg.close();
    mysql.close();
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    engine.close();
  }
}
