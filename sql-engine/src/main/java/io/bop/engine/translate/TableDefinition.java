package io.bop.engine.translate;

import io.bop.engine.catalog.CatalogLoader;
import io.bop.engine.catalog.Check;
import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table as bop lays it out in SQLite, and the one place its CREATE TABLE text is written. CREATE TABLE builds
 * one from the statement; ALTER TABLE loads one from the database, changes it and writes it back. Unique
 * constraints and indexes are separate SQLite objects and not part of it.
 */
final class TableDefinition {
  private static final Pattern CHECK = Pattern.compile(
      "CONSTRAINT\\s+(\"(?:[^\"]|\"\")*\"|\\S+)\\s+CHECK\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A column as {@link #createSql} writes it, up to its collation if it has one. */
  private static final Pattern COLUMN_COLLATION = Pattern.compile(
      "(\"(?:[^\"]|\"\")*\")\\s+[^'\"(]*(?:\\([^)]*\\))?\\s+COLLATE\\s+(\\w+).*", Pattern.DOTALL);

  /** A column; the default both in SQLite's terms and as the user wrote it. */
  static final class Column {
    String name;
    SqlType type;
    boolean notNull;
    String defaultText;
    String defaultSql;
    String identity = TableColumn.NO_IDENTITY;
    String comment;
    /** The SQLite collation of a MySQL string column, else null. */
    String collation;
    /** MySQL's ON UPDATE value as written, else null. */
    String onUpdate;

    Column(String name, SqlType type) {
      this.name = name;
      this.type = type;
    }

    Column copy() {
      Column c = new Column(name, type);
      c.notNull = notNull;
      c.defaultText = defaultText;
      c.defaultSql = defaultSql;
      c.identity = identity;
      c.comment = comment;
      c.collation = collation;
      c.onUpdate = onUpdate;
      return c;
    }
  }

  /** A CHECK constraint: its condition in SQLite's terms and as the user wrote it. */
  record CheckConstraint(String name, String sql, String definition) {}

  String name;
  final List<Column> columns = new ArrayList<>();
  final List<String> primaryKey = new ArrayList<>();
  /** The primary key's name; null means PostgreSQL's default, {@code <table>_pkey}. */
  String primaryKeyName;
  final List<CheckConstraint> checks = new ArrayList<>();
  final List<ForeignKey> foreignKeys = new ArrayList<>();

  TableDefinition(String name) {
    this.name = name;
  }

  TableDefinition copy() {
    TableDefinition t = new TableDefinition(name);
    columns.forEach(c -> t.columns.add(c.copy()));
    t.primaryKey.addAll(primaryKey);
    t.primaryKeyName = primaryKeyName;
    t.checks.addAll(checks);
    t.foreignKeys.addAll(foreignKeys);
    return t;
  }

  /** A copy without the primary key; its columns stay NOT NULL, as in PostgreSQL. */
  TableDefinition withoutPrimaryKey() {
    TableDefinition t = copy();
    t.primaryKey.clear();
    t.primaryKeyName = null;
    return t;
  }

  Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name.equalsIgnoreCase(name)).findFirst();
  }

  String primaryKeyName() {
    return primaryKeyName != null ? primaryKeyName : name + "_pkey";
  }

  /** The names of the constraints the table text holds. */
  List<String> constraintNames() {
    List<String> names = new ArrayList<>();
    if (!primaryKey.isEmpty()) {
      names.add(primaryKeyName());
    }
    checks.forEach(c -> names.add(c.name()));
    foreignKeys.forEach(f -> names.add(f.name()));
    return names;
  }

  /**
   * SQLite's row id column (its INTEGER PRIMARY KEY): the primary key if it is one integer column, else the
   * serial or identity column of a table without a primary key.
   */
  Column rowid() {
    if (primaryKey.size() == 1) {
      Column c = column(primaryKey.get(0)).orElseThrow();
      // An unsigned key fits the (signed 64-bit) row id as long as its values are generated.
      if (c.type.kind().isInteger() && (!c.type.unsigned() || !c.identity.isEmpty())) {
        return c;
      }
    }
    if (primaryKey.isEmpty()) {
      for (Column c : columns) {
        if (!c.identity.isEmpty()) {
          return c;
        }
      }
    }
    return null;
  }

  /** Refuses what SQLite cannot hold: generated values come from the row id, of which there is one. */
  void validate() throws SqlError {
    Column rowid = rowid();
    for (Column column : columns) {
      if (!column.identity.isEmpty() && column != rowid) {
        throw Expressions.unsupported("an identity or serial column that is not the table's only primary key column ("
            + column.name + ")");
      }
    }
  }

  /**
   * What fixes how SQLite stores the rows: the columns in order, the row id and the primary key's index. Two
   * definitions of the same layout differ only in text that SQLite reads when it writes a row (types, defaults,
   * NOT NULL, CHECK, FOREIGN KEY), so one can replace the other's text in place.
   */
  String layout() {
    Column rowid = rowid();
    StringBuilder s = new StringBuilder();
    columns.forEach(c -> s.append(c.name.toLowerCase(Locale.ROOT)).append(','));
    if (rowid != null) {
      s.append("|rowid ").append(rowid.name.toLowerCase(Locale.ROOT)).append(rowid.identity.isEmpty() ? "" : " auto");
    } else if (!primaryKey.isEmpty()) {
      s.append("|key ").append(String.join(",", primaryKey).toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }

  String createSql() {
    Column rowid = rowid();
    List<String> parts = new ArrayList<>();
    for (Column column : columns) {
      StringBuilder c = new StringBuilder(quote(column.name)).append(' ');
      if (column == rowid) {
        // Only a column declared exactly INTEGER becomes SQLite's row id; its real type is in the metadata.
        c.append("INTEGER PRIMARY KEY").append(column.identity.isEmpty() ? "" : " AUTOINCREMENT");
      } else {
        c.append(sqliteType(column.type));
        c.append(column.collation != null ? " COLLATE " + column.collation : "");
        c.append(column.notNull ? " NOT NULL" : "");
      }
      if (column.defaultSql != null) {
        c.append(" DEFAULT (").append(column.defaultSql).append(')');
      }
      parts.add(c.toString());
    }
    if (!primaryKey.isEmpty() && rowid == null) {
      parts.add("CONSTRAINT " + quote(primaryKeyName()) + " PRIMARY KEY (" + quotedList(primaryKey) + ")");
    }
    for (CheckConstraint check : checks) {
      parts.add("CONSTRAINT " + quote(check.name()) + " CHECK (" + check.sql() + ")");
    }
    for (ForeignKey fk : foreignKeys) {
      StringBuilder f = new StringBuilder("CONSTRAINT ").append(quote(fk.name())).append(" FOREIGN KEY (")
          .append(quotedList(fk.columns())).append(") REFERENCES ").append(quote(fk.referencedTable()));
      if (!fk.referencedColumns().isEmpty()) {
        f.append(" (").append(quotedList(fk.referencedColumns())).append(')');
      }
      if (!fk.onDelete().equals("NO ACTION")) {
        f.append(" ON DELETE ").append(fk.onDelete());
      }
      if (!fk.onUpdate().equals("NO ACTION")) {
        f.append(" ON UPDATE ").append(fk.onUpdate());
      }
      parts.add(f.toString());
    }
    return "CREATE TABLE " + quote(name) + " (" + String.join(", ", parts) + ")";
  }

  /**
   * The type SQLite is told, which gives the column its affinity; the type itself is in the metadata. SQLite takes
   * only numbers as type arguments, and last: MySQL's ENUM and SET are TEXT, and UNSIGNED is left out.
   */
  private static String sqliteType(SqlType type) {
    if (!type.values().isEmpty()) {
      return "TEXT";
    }
    return type.unsigned() ? new SqlType(type.kind(), type.name(), type.length(), type.scale(), false, List.of())
        .declaration() : type.declaration();
  }

  /** Writes the columns and the constraints of the table text to bop's metadata, replacing what was there. */
  void record(Connection writer) throws SQLException {
    Metadata.dropDefinition(writer, name);
    int number = 1;
    for (Column c : columns) {
      Metadata.putColumn(writer, name, new TableColumn(c.name, number++, c.type, c.notNull, c.defaultText, c.identity,
          c.comment));
    }
    if (!primaryKey.isEmpty()) {
      Metadata.putConstraint(writer, name, primaryKeyName(), "p", primaryKey, null);
    }
    for (CheckConstraint check : checks) {
      Metadata.putConstraint(writer, name, check.name(), "c", List.of(), check.definition());
    }
    for (Column c : columns) {
      if (c.onUpdate != null) {
        Metadata.putConstraint(writer, name, c.name + "_on_update", "o", List.of(c.name), c.onUpdate);
      }
    }
    for (ForeignKey fk : foreignKeys) {
      Metadata.putConstraint(writer, name, fk.name(), "f", fk.columns(), null);
    }
  }

  /** The table of that name as the database holds it now, if there is one. */
  static Optional<TableDefinition> load(Connection connection, String table) throws SQLException {
    Optional<Table> found = CatalogLoader.table(connection, table);
    if (found.isEmpty() || found.get().view()) {
      return Optional.empty();
    }
    Table t = found.get();
    TableDefinition d = new TableDefinition(t.name());
    Map<String, String> defaults = new HashMap<>();
    String sql;
    try (PreparedStatement s = connection.prepareStatement("SELECT name, dflt_value FROM pragma_table_xinfo(?)")) {
      s.setString(1, t.name());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          defaults.put(r.getString(1).toLowerCase(Locale.ROOT), r.getString(2));
        }
      }
    }
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      s.setString(1, t.name());
      try (ResultSet r = s.executeQuery()) {
        sql = r.next() ? r.getString(1) : "";
      }
    }
    for (TableColumn c : t.columns()) {
      Column column = new Column(c.name(), c.type());
      column.notNull = c.notNull();
      column.defaultText = c.defaultText();
      column.defaultSql = defaults.get(c.name().toLowerCase(Locale.ROOT));
      column.identity = c.identity();
      column.comment = c.comment();
      column.onUpdate = c.onUpdate();
      d.columns.add(column);
    }
    t.primaryKey().ifPresent(pk -> {
      d.primaryKey.addAll(pk.columns());
      d.primaryKeyName = pk.name();
    });
    Map<String, String> definitions = new HashMap<>();
    for (Check check : t.checks()) {
      definitions.put(check.name(), check.expression());
    }
    for (String part : bodyParts(sql)) {
      Matcher collated = COLUMN_COLLATION.matcher(part);
      if (collated.matches()) {
        d.column(unquote(collated.group(1))).ifPresent(c -> c.collation = collated.group(2));
      }
      Matcher m = CHECK.matcher(part);
      if (m.matches()) {
        String checkName = unquote(m.group(1));
        d.checks.add(new CheckConstraint(checkName, m.group(2), definitions.get(checkName)));
      }
    }
    d.foreignKeys.addAll(t.foreignKeys());
    return Optional.of(d);
  }

  /** The comma-separated parts of a CREATE TABLE's parenthesized body, as written. */
  static List<String> bodyParts(String sql) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote; // a doubled quote closes and opens again
        continue;
      }
      switch (c) {
        case '\'', '"', '`' -> quote = c;
        case '[' -> quote = ']';
        case '(' -> start = depth++ == 0 ? i + 1 : start;
        case ')' -> {
          if (--depth == 0) {
            parts.add(sql.substring(start, i).strip());
            return parts;
          }
        }
        case ',' -> {
          if (depth == 1) {
            parts.add(sql.substring(start, i).strip());
            start = i + 1;
          }
        }
        default -> { }
      }
    }
    return parts;
  }

  /** The double-quoted identifiers of a piece of SQLite SQL written by bop (which quotes every identifier). */
  static List<String> quotedIdentifiers(String sql) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < sql.length() && (sql.charAt(end) != c || end + 1 < sql.length() && sql.charAt(end + 1) == c)) {
          end += sql.charAt(end) == c ? 2 : 1;
        }
        if (c == '"') {
          names.add(sql.substring(i + 1, Math.min(end, sql.length())).replace("\"\"", "\""));
        }
        i = end;
      }
    }
    return names;
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String quotedList(List<String> names) {
    return String.join(", ", names.stream().map(TableDefinition::quote).toList());
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
  }

  /** The error for a column the table does not have. */
  static SqlError noColumn(String column, String table) {
    return new SqlError(Condition.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table
        + "\" does not exist");
  }
}
