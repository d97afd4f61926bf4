package io.bop.engine.mysql;

import io.bop.engine.catalog.Check;
import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tables written as MySQL's SHOW CREATE TABLE writes them, so that what it prints runs again in bop, in MySQL and
 * in MariaDB (mysqldump copies it into its dumps).
 */
public final class MySqlDefinitions {
  private MySqlDefinitions() {}

  /** An identifier in backquotes. */
  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * @param nextAutoIncrement the AUTO_INCREMENT table option, 0 for none
   */
  public static String createTable(Table table, long nextAutoIncrement) {
    List<String> lines = new ArrayList<>();
    for (TableColumn c : table.columns()) {
      lines.add(column(c));
    }
    List<Index> indexes = new ArrayList<>(table.indexes());
    indexes.sort((a, b) -> Integer.compare(rank(a), rank(b)));
    for (Index index : indexes) {
      String columns = quoted(index.columns(), index.descending());
      lines.add(index.primary() ? "PRIMARY KEY (" + columns + ")"
          : (index.unique() ? "UNIQUE KEY " : "KEY ") + quote(index.name()) + " (" + columns + ")");
    }
    for (ForeignKey fk : table.foreignKeys()) {
      StringBuilder line = new StringBuilder("CONSTRAINT ").append(quote(fk.name())).append(" FOREIGN KEY (")
          .append(quoted(fk.columns(), null)).append(") REFERENCES ").append(quote(fk.referencedTable()));
      if (!fk.referencedColumns().isEmpty()) {
        line.append(" (").append(quoted(fk.referencedColumns(), null)).append(')');
      }
      if (!"NO ACTION".equalsIgnoreCase(fk.onDelete()) && fk.onDelete() != null) {
        line.append(" ON DELETE ").append(fk.onDelete().toUpperCase(Locale.ROOT));
      }
      if (!"NO ACTION".equalsIgnoreCase(fk.onUpdate()) && fk.onUpdate() != null) {
        line.append(" ON UPDATE ").append(fk.onUpdate().toUpperCase(Locale.ROOT));
      }
      lines.add(line.toString());
    }
    for (Check check : table.checks()) {
      lines.add("CONSTRAINT " + quote(check.name()) + " CHECK (" + check.expression() + ")");
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (\n  ")
        .append(String.join(",\n  ", lines)).append("\n) ENGINE=InnoDB");
    if (nextAutoIncrement > 1) {
      sql.append(" AUTO_INCREMENT=").append(nextAutoIncrement);
    }
    sql.append(" DEFAULT CHARSET=utf8mb4 COLLATE=").append(SystemVariables.COLLATION);
    if (table.comment() != null) {
      sql.append(" COMMENT=").append(string(table.comment()));
    }
    return sql.toString();
  }

  /** A view, with its query as its CREATE VIEW wrote it. */
  public static String createView(Table view, String user, String query) {
    return "CREATE ALGORITHM=UNDEFINED DEFINER=" + quote(user) + "@`%` SQL SECURITY DEFINER VIEW "
        + quote(view.name()) + " AS " + query;
  }

  /** The primary key first, then unique keys, then the rest, as MySQL lists them. */
  private static int rank(Index index) {
    return index.primary() ? 0 : index.unique() ? 1 : 2;
  }

  private static String column(TableColumn c) {
    StringBuilder line = new StringBuilder(quote(c.name())).append(' ').append(MySqlTypes.columnType(c.type()));
    if (c.notNull()) {
      line.append(" NOT NULL");
    }
    String value = defaultClause(c);
    if (value != null) {
      line.append(" DEFAULT ").append(value);
    }
    if (c.onUpdate() != null) {
      line.append(" ON UPDATE ").append(c.onUpdate());
    }
    if (c.generated()) {
      line.append(" AUTO_INCREMENT");
    }
    if (c.comment() != null) {
      line.append(" COMMENT ").append(string(c.comment()));
    }
    return line.toString();
  }

  /**
   * The DEFAULT clause's value: a literal quoted as MySQL quotes it ({@code '0'}), CURRENT_TIMESTAMP, another
   * expression in parentheses; NULL for a nullable column without one, except text and blob columns, which
   * MySQL prints without; null for none.
   */
  private static String defaultClause(TableColumn c) {
    String text = c.defaultText();
    if (c.generated()) {
      return null;
    }
    if (text == null || text.equalsIgnoreCase("NULL")) {
      boolean large = c.type().kind() == TypeKind.TEXT || c.type().kind() == TypeKind.BYTEA
          || c.type().kind() == TypeKind.JSON;
      return c.notNull() || large ? null : "NULL";
    }
    String t = text.strip();
    if (t.startsWith("'")) {
      return t;
    }
    if (t.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
      return "'" + t + "'";
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "true":
        return "'1'";
      case "false":
        return "'0'";
      case "current_timestamp", "current_timestamp()", "now()", "localtimestamp", "localtimestamp()":
        return "CURRENT_TIMESTAMP";
      default:
        return t.toLowerCase(Locale.ROOT).startsWith("current_timestamp") ? t.toUpperCase(Locale.ROOT) : "(" + t + ")";
    }
  }

  private static String quoted(List<String> names, List<Boolean> descending) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(quote(names.get(i)) + (descending != null && descending.get(i) ? " DESC" : ""));
    }
    return String.join(",", out);
  }

  /** A string literal in MySQL's quoting. */
  public static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
