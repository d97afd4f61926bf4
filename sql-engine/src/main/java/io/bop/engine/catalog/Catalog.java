package io.bop.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
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
  private final Map<String, Sequence> sequences;

  public Catalog(long generation, Collection<Table> tables) {
    this(generation, tables, List.of());
  }

  /** @param sequences those of CREATE SEQUENCE; serial and identity columns' are added from the tables */
  public Catalog(long generation, Collection<Table> tables, Collection<Sequence> sequences) {
    this.generation = generation;
    Map<String, Table> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tables.forEach(t -> byName.put(t.name(), t));
    this.tables = Collections.unmodifiableMap(byName);
    List<Sequence> all = new ArrayList<>(sequences);
    for (Table t : tables) {
      for (TableColumn c : t.columns()) {
        if (c.isIdentity() || c.identity().equals(TableColumn.SERIAL)) {
          all.add(Sequence.of(t, c));
        }
      }
    }
    Map<String, Sequence> sequencesByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    all.forEach(q -> sequencesByName.put(q.name(), q));
    this.sequences = Collections.unmodifiableMap(sequencesByName);
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

  public Optional<Sequence> sequence(String name) {
    return Optional.ofNullable(sequences.get(name));
  }

  /** All sequences in name order: CREATE SEQUENCE's and those of serial and identity columns. */
  public Collection<Sequence> sequences() {
    return sequences.values();
  }

  /** The sequence owned by a column (a serial or identity column's, or one OWNED BY it), if any. */
  public Optional<Sequence> ownedSequence(String table, String column) {
    return sequences.values().stream().filter(q -> table.equalsIgnoreCase(q.ownerTable())
        && column.equalsIgnoreCase(q.ownerColumn())).findFirst();
  }
}
