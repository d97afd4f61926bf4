package io.bop.engine.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * bop's own tables inside each database file, for what SQLite's schema cannot hold. They are written in the
 * same transaction as the DDL they describe, so the two never disagree, and they replicate with the pages.
 */
public final class Metadata {
  private Metadata() {}

  /** Names starting with this are bop's; users cannot create them and catalogs do not show them. */
  public static final String PREFIX = "_bop_";

  /** CREATE SEQUENCE's sequences and their values; owner_* name the column OWNED BY, if any. */
  private static final String SEQUENCES = "CREATE TABLE IF NOT EXISTS _bop_sequences (name TEXT PRIMARY KEY"
      + " COLLATE NOCASE, type TEXT NOT NULL, start_value INTEGER NOT NULL, increment INTEGER NOT NULL,"
      + " min_value INTEGER NOT NULL, max_value INTEGER NOT NULL, cache INTEGER NOT NULL, cycle INTEGER NOT NULL,"
      + " owner_table TEXT, owner_column TEXT, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL,"
      + " generation INTEGER NOT NULL) WITHOUT ROWID";

  private static final List<String> CREATE = List.of(
      "CREATE TABLE IF NOT EXISTS _bop_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
          + " type TEXT NOT NULL, default_text TEXT, identity TEXT NOT NULL DEFAULT '', comment TEXT,"
          + " PRIMARY KEY (table_name, column_name)) WITHOUT ROWID",
      // kind: p primary key, u unique, f foreign key, c check, o a column's ON UPDATE, v a view's query; columns
      // comma-separated; definition: a check's condition, the ON UPDATE value, the view's query as written
      "CREATE TABLE IF NOT EXISTS _bop_constraints (table_name TEXT NOT NULL, name TEXT NOT NULL,"
          + " kind TEXT NOT NULL, columns TEXT NOT NULL DEFAULT '', definition TEXT,"
          + " PRIMARY KEY (table_name, name)) WITHOUT ROWID",
      "CREATE TABLE IF NOT EXISTS _bop_tables (table_name TEXT PRIMARY KEY, comment TEXT) WITHOUT ROWID",
      SEQUENCES);

  /** Creates the metadata tables in a new database (inside a write transaction). */
  public static void create(Connection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      for (String ddl : CREATE) {
        s.executeUpdate(ddl);
      }
    }
  }

  /**
   * Records a sequence's definition; a new one starts at its start value, an existing one keeps its value. The
   * table is created here too, for databases made before bop had it.
   */
  public static void putSequence(Connection writer, Sequence q) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.executeUpdate(SEQUENCES);
    }
    try (PreparedStatement s = writer.prepareStatement("INSERT INTO _bop_sequences (name, type, start_value,"
        + " increment, min_value, max_value, cache, cycle, owner_table, owner_column, last_value, is_called,"
        + " generation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?3, 0, random())"
        + " ON CONFLICT (name) DO UPDATE SET type = ?2,"
        + " start_value = ?3, increment = ?4, min_value = ?5, max_value = ?6, cache = ?7, cycle = ?8,"
        + " owner_table = ?9, owner_column = ?10")) {
      s.setString(1, q.name());
      s.setString(2, q.type().declaration());
      s.setLong(3, q.start());
      s.setLong(4, q.increment());
      s.setLong(5, q.minimum());
      s.setLong(6, q.maximum());
      s.setLong(7, q.cache());
      s.setBoolean(8, q.cycle());
      s.setString(9, q.ownerTable());
      s.setString(10, q.ownerColumn());
      s.executeUpdate();
    }
  }

  public static void setSequenceValue(Connection writer, String name, SequenceValues.Value value)
      throws SQLException {
    try (PreparedStatement s = writer.prepareStatement(
        "UPDATE _bop_sequences SET last_value = ?, is_called = ?, generation = ? WHERE name = ?")) {
      s.setLong(1, value.last());
      s.setBoolean(2, value.called());
      s.setLong(3, value.generation());
      s.setString(4, name);
      s.executeUpdate();
    }
  }

  public static void dropSequence(Connection writer, String name) throws SQLException {
    update(writer, "DELETE FROM _bop_sequences WHERE name = ?", name);
  }

  public static void renameSequence(Connection writer, String name, String newName) throws SQLException {
    update(writer, "UPDATE _bop_sequences SET name = ?2 WHERE name = ?1", name, newName);
  }

  public static boolean isInternal(String name) {
    return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || name.regionMatches(true, 0, "sqlite_", 0, 7);
  }

  public static void putColumn(Connection writer, String table, TableColumn column) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement("INSERT OR REPLACE INTO _bop_columns"
        + " (table_name, column_name, type, default_text, identity, comment) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, table);
      s.setString(2, column.name());
      s.setString(3, column.type().declaration());
      s.setString(4, column.defaultText());
      s.setString(5, column.identity());
      s.setString(6, column.comment());
      s.executeUpdate();
    }
  }

  /**
   * @param kind {@code p}, {@code u}, {@code f} or {@code c}
   * @param columns the constrained columns
   * @param definition a CHECK's condition as written, else null
   */
  public static void putConstraint(Connection writer, String table, String name, String kind, List<String> columns,
      String definition) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement("INSERT OR REPLACE INTO _bop_constraints"
        + " (table_name, name, kind, columns, definition) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, table);
      s.setString(2, name);
      s.setString(3, kind);
      s.setString(4, String.join(",", columns));
      s.setString(5, definition);
      s.executeUpdate();
    }
  }

  /** Forgets a table, and drops the sequences its columns own. */
  public static void dropTable(Connection writer, String table) throws SQLException {
    for (String metadata : List.of("_bop_columns", "_bop_constraints", "_bop_tables")) {
      update(writer, "DELETE FROM " + metadata + " WHERE table_name = ?", table);
    }
    dropOwnedSequences(writer, table, null);
  }

  /** Drops the sequences OWNED BY a column of the table, or by {@code column} if it is not null. */
  public static void dropOwnedSequences(Connection writer, String table, String column) throws SQLException {
    if (hasSequences(writer)) {
      try (PreparedStatement s = writer.prepareStatement("DELETE FROM _bop_sequences WHERE owner_table = ?1"
          + " COLLATE NOCASE AND (?2 IS NULL OR owner_column = ?2 COLLATE NOCASE)")) {
        s.setString(1, table);
        s.setString(2, column);
        s.executeUpdate();
      }
    }
  }

  private static boolean hasSequences(Connection writer) throws SQLException {
    try (Statement s = writer.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = '_bop_sequences'")) {
      return r.next();
    }
  }

  /** The query of a view as its CREATE VIEW wrote it, or null if it was not kept. */
  public static String viewQuery(Connection connection, String view) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT definition FROM _bop_constraints WHERE table_name = ? AND kind = 'v'")) {
      s.setString(1, view);
      try (java.sql.ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** Forgets a table's columns and the constraints its CREATE TABLE text holds (all but unique constraints). */
  public static void dropDefinition(Connection writer, String table) throws SQLException {
    update(writer, "DELETE FROM _bop_columns WHERE table_name = ?", table);
    update(writer, "DELETE FROM _bop_constraints WHERE table_name = ? AND kind IN ('p', 'c', 'f', 'o')", table);
  }

  public static void renameTable(Connection writer, String table, String newName) throws SQLException {
    for (String metadata : List.of("_bop_columns", "_bop_constraints", "_bop_tables")) {
      update(writer, "UPDATE " + metadata + " SET table_name = ?2 WHERE table_name = ?1", table, newName);
    }
    if (hasSequences(writer)) {
      update(writer, "UPDATE _bop_sequences SET owner_table = ?2 WHERE owner_table = ?1 COLLATE NOCASE", table,
          newName);
    }
  }

  /** Renames a column and its mentions in the table's constraint rows. */
  public static void renameColumn(Connection writer, String table, String column, String newName)
      throws SQLException {
    update(writer, "UPDATE _bop_columns SET column_name = ?3 WHERE table_name = ?1 AND column_name = ?2", table,
        column, newName);
    // columns is a comma-separated list: pad it with commas so that every name is matched whole
    update(writer, "UPDATE _bop_constraints SET columns = trim(replace(',' || columns || ',', ',' || ?2 || ',',"
        + " ',' || ?3 || ','), ',') WHERE table_name = ?1", table, column, newName);
    if (hasSequences(writer)) {
      update(writer, "UPDATE _bop_sequences SET owner_column = ?3 WHERE owner_table = ?1 COLLATE NOCASE"
          + " AND owner_column = ?2 COLLATE NOCASE", table, column, newName);
    }
  }

  public static void renameConstraint(Connection writer, String table, String name, String newName)
      throws SQLException {
    update(writer, "UPDATE _bop_constraints SET name = ?3 WHERE table_name = ?1 AND name = ?2", table, name, newName);
  }

  private static void update(Connection writer, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      s.executeUpdate();
    }
  }

  /** COMMENT ON TABLE; a null comment removes it. */
  public static void setTableComment(Connection writer, String table, String comment) throws SQLException {
    update(writer, "INSERT INTO _bop_tables (table_name, comment) VALUES (?1, ?2)"
        + " ON CONFLICT (table_name) DO UPDATE SET comment = ?2", table, comment);
  }

  /** COMMENT ON COLUMN; false if the metadata has no such column. */
  public static boolean setColumnComment(Connection writer, String table, String column, String comment)
      throws SQLException {
    try (PreparedStatement s = writer.prepareStatement("UPDATE _bop_columns SET comment = ?"
        + " WHERE table_name = ? COLLATE NOCASE AND column_name = ? COLLATE NOCASE")) {
      s.setString(1, comment);
      s.setString(2, table);
      s.setString(3, column);
      return s.executeUpdate() > 0;
    }
  }

  public static void dropConstraint(Connection writer, String table, String name) throws SQLException {
    update(writer, "DELETE FROM _bop_constraints WHERE table_name = ? AND name = ?", table, name);
  }
}
