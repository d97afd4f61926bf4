package io.bop.engine.catalog;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Stable object identifiers derived from an object's kind and name, so they survive restarts and agree on every
 * node without being stored. They fall in PostgreSQL's user range [16384, 2^31).
 */
public final class Oids {
  private Oids() {}

  public static final int PG_CATALOG_NAMESPACE = 11;
  public static final int PUBLIC_NAMESPACE = 2200;
  public static final int INFORMATION_SCHEMA_NAMESPACE = 13000;
  public static final int BOOTSTRAP_SUPERUSER = 10;
  public static final int HEAP_AM = 2;
  public static final int BTREE_AM = 403;

  /** @param kind the catalog the object belongs in, e.g. {@code pg_class}, {@code pg_constraint} */
  public static int of(String kind, String name) {
    CRC32C crc = new CRC32C();
    crc.update(kind.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    long range = Integer.MAX_VALUE - 16384L;
    return (int) (16384 + crc.getValue() % range);
  }

  public static int relation(String name) {
    return of("pg_class", name);
  }
}
