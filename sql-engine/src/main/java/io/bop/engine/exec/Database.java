package io.bop.engine.exec;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.CatalogLoader;
import io.bop.replication.Shard;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The engine's view of one shard: its schema generation and catalog snapshot, and per-connection state
 * (prepared statements, registered functions) created the first time the engine borrows a connection.
 */
public final class Database {
  private final String name;
  private final Shard shard;
  private final BiConsumer<Database, Connection> connectionSetup;
  private final AtomicLong generation = new AtomicLong();
  private volatile Catalog catalog;
  private final Map<Connection, StatementCache> statements = new ConcurrentHashMap<>();
  private final Sequences sequences = new Sequences();

  /**
   * @param connectionSetup prepares a connection the first time it is used (functions bound to this database)
   */
  public Database(String name, Shard shard, BiConsumer<Database, Connection> connectionSetup) {
    this.name = name;
    this.shard = shard;
    this.connectionSetup = connectionSetup;
  }

  public String name() {
    return name;
  }

  public Shard shard() {
    return shard;
  }

  public Sequences sequences() {
    return sequences;
  }

  public long generation() {
    return generation.get();
  }

  /** Called after a transaction that changed the schema committed. */
  public void schemaChanged() {
    generation.incrementAndGet();
  }

  /** The committed schema, loaded through {@code connection} if the cached one is stale. */
  public Catalog catalog(Connection connection) throws SQLException {
    Catalog current = catalog;
    long g = generation.get();
    if (current != null && current.generation() == g) {
      return current;
    }
    current = CatalogLoader.load(connection, g);
    catalog = current;
    return current;
  }

  /** Sets up a connection on first use; must run outside a transaction (some pragmas are ignored inside one). */
  public void ready(Connection connection) {
    statements(connection);
  }

  /**
   * The last loaded catalog, for functions that run inside a statement and must not query their own connection
   * (pg_get_indexdef and friends); null before any was loaded.
   */
  public Catalog cachedCatalog() {
    return catalog;
  }

  StatementCache statements(Connection connection) {
    StatementCache cache = statements.get(connection);
    if (cache == null) {
      connectionSetup.accept(this, connection);
      cache = new StatementCache(connection);
      statements.put(connection, cache);
    }
    return cache;
  }

  /** Before the shard closes: finalize every cached statement so nothing holds the file open. */
  public void close() {
    statements.values().forEach(StatementCache::clear);
    statements.clear();
  }
}
