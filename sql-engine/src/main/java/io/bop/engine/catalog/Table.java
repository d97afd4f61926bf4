package io.bop.engine.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table or view of a database.
 *
 * @param view whether it is a view
 * @param rowidAlias the INTEGER PRIMARY KEY column SQLite uses as the row id, or null
 */
public record Table(String name, boolean view, List<TableColumn> columns, List<Index> indexes,
    List<ForeignKey> foreignKeys, List<Check> checks, String rowidAlias, String comment) {

  public Optional<TableColumn> column(String name) {
    for (TableColumn c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public Optional<Index> primaryKey() {
    return indexes.stream().filter(Index::primary).findFirst();
  }

  public int oid() {
    return Oids.relation(name);
  }
}
