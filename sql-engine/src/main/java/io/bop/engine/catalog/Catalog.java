package io.bop.engine.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of one database's schema. Names match case-insensitively, as SQLite resolves them.
 *
 * @param generation the schema generation it was loaded at
 */
public final class Catalog {
  private final long generation;
  private final Map<String, Table> tables;

  public Catalog(long generation, Collection<Table> tables) {
    this.generation = generation;
    Map<String, Table> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tables.forEach(t -> byName.put(t.name(), t));
    this.tables = Collections.unmodifiableMap(byName);
  }

  public long generation() {
    return generation;
  }

  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** Tables and views in name order. */
  public Collection<Table> tables() {
    return tables.values();
  }
}
