package io.bop.engine.translate;

import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a part of a query can refer to: the relations of its FROM clause (tables, sub-queries, CTEs) and,
 * for correlated sub-queries, those of the enclosing queries. It exists to type expressions; resolving a name
 * it does not know is left to SQLite.
 */
final class Scope {
  /**
   * A column a query can see; a system column (tableoid) has a negative attnum, as in PostgreSQL, and is left out
   * of {@code *}.
   *
   * @param table the table it comes from, or null
   * @param tableOid that table's OID, 0 if none
   * @param attnum its position in that table, 0 if none
   * @param schema the database of that table, or null
   * @param alias the name the query gave that table, or null
   * @param attributes what the table declares about the column
   */
  record Column(String name, SqlType type, String table, int tableOid, int attnum, String schema, String alias,
      Set<io.bop.engine.Column.Attribute> attributes) {
    /** A column of no table, or of a table known by name only. */
    Column(String name, SqlType type, String table, int tableOid, int attnum) {
      this(name, type, table, tableOid, attnum, null, table, Set.of());
    }

    /** Column {@code column} of {@code table} as FROM item {@code alias} of a query on database {@code schema}. */
    static Column of(Table table, TableColumn column, String schema, String alias) {
      Set<io.bop.engine.Column.Attribute> attributes = EnumSet.noneOf(io.bop.engine.Column.Attribute.class);
      if (column.notNull()) {
        attributes.add(io.bop.engine.Column.Attribute.NOT_NULL);
      }
      if (column.generated()) {
        attributes.add(io.bop.engine.Column.Attribute.AUTO_INCREMENT);
      }
      for (Index index : table.indexes()) {
        boolean member = index.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
        boolean first = !index.columns().isEmpty() && index.columns().get(0).equalsIgnoreCase(column.name());
        if (index.primary() && member) {
          attributes.add(io.bop.engine.Column.Attribute.PRIMARY_KEY);
        } else if (!index.primary() && first) {
          attributes.add(index.unique() ? io.bop.engine.Column.Attribute.UNIQUE_KEY
              : io.bop.engine.Column.Attribute.MULTIPLE_KEY);
        }
      }
      return new Column(column.name(), column.type(), table.name(), table.oid(), column.number(), schema, alias,
          attributes);
    }

    /** The same column under another name (a column alias of its FROM item). */
    Column renamed(String newName) {
      return new Column(newName, type, table, tableOid, attnum, schema, alias, attributes);
    }
  }

  /** A FROM item: its alias (or table name) and columns; {@code hidden} columns are left out of {@code *}. */
  record Source(String alias, List<Column> columns, List<String> hidden) {}

  private final Scope parent;
  private final List<Source> sources = new ArrayList<>();
  private final Map<String, List<Column>> ctes;
  /**
   * Where the set-returning functions of the select list being rewritten go; null elsewhere. Child scopes share
   * it, so that probing an expression's type in a child scope sees the same functions.
   */
  Queries.SetReturning setReturning;

  Scope(Scope parent) {
    this.parent = parent;
    this.ctes = parent == null ? new HashMap<>() : new HashMap<>(parent.ctes);
    this.setReturning = parent == null ? null : parent.setReturning;
  }

  static Scope empty() {
    return new Scope(null);
  }

  Scope child() {
    return new Scope(this);
  }

  void add(Source source) {
    sources.add(source);
  }

  void defineCte(String name, List<Column> columns) {
    ctes.put(name.toLowerCase(Locale.ROOT), columns);
  }

  Optional<List<Column>> cte(String name) {
    return Optional.ofNullable(ctes.get(name.toLowerCase(Locale.ROOT)));
  }

  List<Source> sources() {
    return sources;
  }

  /** A column reference {@code c}, {@code t.c} or {@code s.t.c}, searched here and then outwards. */
  Optional<Column> resolve(List<String> names) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String column = names.get(names.size() - 1);
    String qualifier = names.size() >= 2 ? names.get(names.size() - 2) : null;
    for (Scope scope = this; scope != null; scope = scope.parent) {
      for (Source source : scope.sources) {
        if (qualifier != null && !source.alias().equalsIgnoreCase(qualifier)) {
          continue;
        }
        for (Column c : source.columns()) {
          if (c.name().equalsIgnoreCase(column)) {
            return Optional.of(c);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The source named {@code alias} in this scope or an enclosing one. */
  Optional<Source> source(String alias) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      for (Source source : scope.sources) {
        if (source.alias().equalsIgnoreCase(alias)) {
          return Optional.of(source);
        }
      }
    }
    return Optional.empty();
  }

  /** The columns {@code *} stands for: every source's, in FROM order, without join duplicates. */
  List<Column> star() {
    List<Column> all = new ArrayList<>();
    for (Source source : sources) {
      for (Column c : source.columns()) {
        if (c.attnum() >= 0 && !source.hidden().contains(c.name().toLowerCase(Locale.ROOT))) {
          all.add(c);
        }
      }
    }
    return all;
  }
}
