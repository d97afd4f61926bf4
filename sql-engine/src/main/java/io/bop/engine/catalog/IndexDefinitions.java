package io.bop.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/** Index and constraint definitions as PostgreSQL prints them (pg_get_indexdef, pg_get_constraintdef). */
public final class IndexDefinitions {
  private IndexDefinitions() {}

  public static String of(Table table, Index index) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < index.columns().size(); i++) {
      columns.add(quote(index.columns().get(i)) + (index.descending().get(i) ? " DESC" : ""));
    }
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON public."
        + quote(table.name()) + " USING btree (" + String.join(", ", columns) + ")"
        + (index.where() != null ? " WHERE " + index.where() : "");
  }

  public static String foreignKey(ForeignKey fk) {
    StringBuilder s = new StringBuilder("FOREIGN KEY (").append(quoted(fk.columns())).append(") REFERENCES ")
        .append(quote(fk.referencedTable()));
    if (!fk.referencedColumns().isEmpty()) {
      s.append('(').append(quoted(fk.referencedColumns())).append(')');
    }
    if (!"NO ACTION".equalsIgnoreCase(fk.onUpdate())) {
      s.append(" ON UPDATE ").append(fk.onUpdate());
    }
    if (!"NO ACTION".equalsIgnoreCase(fk.onDelete())) {
      s.append(" ON DELETE ").append(fk.onDelete());
    }
    return s.toString();
  }

  public static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(IndexDefinitions::quote).toList());
  }

  /** An identifier as PostgreSQL prints it: bare if lower-case and plain, else double-quoted. */
  public static String quote(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
