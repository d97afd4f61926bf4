package io.bop.engine.translate;

import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
   */
  record Column(String name, SqlType type, String table, int tableOid, int attnum) {}

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
