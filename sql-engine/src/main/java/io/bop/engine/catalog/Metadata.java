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

  private static final List<String> CREATE = List.of(
      "CREATE TABLE IF NOT EXISTS _bop_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
          + " type TEXT NOT NULL, default_text TEXT, identity TEXT NOT NULL DEFAULT '', comment TEXT,"
          + " PRIMARY KEY (table_name, column_name)) WITHOUT ROWID",
      // kind: p primary key, u unique, f foreign key, c check, o a column's ON UPDATE, v a view's query; columns
      // comma-separated; definition: a check's condition, the ON UPDATE value, the view's query as written
      "CREATE TABLE IF NOT EXISTS _bop_constraints (table_name TEXT NOT NULL, name TEXT NOT NULL,"
          + " kind TEXT NOT NULL, columns TEXT NOT NULL DEFAULT '', definition TEXT,"
          + " PRIMARY KEY (table_name, name)) WITHOUT ROWID",
      "CREATE TABLE IF NOT EXISTS _bop_tables (table_name TEXT PRIMARY KEY, comment TEXT) WITHOUT ROWID");

  /** Creates the metadata tables in a new database (inside a write transaction). */
  public static void create(Connection writer) throws SQLException {
    try (Statement s = writer.createStatement()) {
      for (String ddl : CREATE) {
        s.executeUpdate(ddl);
      }
    }
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

  public static void putTableComment(Connection writer, String table, String comment) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement(
        "INSERT OR REPLACE INTO _bop_tables (table_name, comment) VALUES (?, ?)")) {
      s.setString(1, table);
      s.setString(2, comment);
      s.executeUpdate();
    }
  }

  public static void dropTable(Connection writer, String table) throws SQLException {
    for (String metadata : List.of("_bop_columns", "_bop_constraints", "_bop_tables")) {
      update(writer, "DELETE FROM " + metadata + " WHERE table_name = ?", table);
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
  }

  /** Renames a column and its mentions in the table's constraint rows. */
  public static void renameColumn(Connection writer, String table, String column, String newName)
      throws SQLException {
    update(writer, "UPDATE _bop_columns SET column_name = ?3 WHERE table_name = ?1 AND column_name = ?2", table,
        column, newName);
    // columns is a comma-separated list: pad it with commas so that every name is matched whole
    update(writer, "UPDATE _bop_constraints SET columns = trim(replace(',' || columns || ',', ',' || ?2 || ',',"
        + " ',' || ?3 || ','), ',') WHERE table_name = ?1", table, column, newName);
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

  public static void dropConstraint(Connection writer, String table, String name) throws SQLException {
    update(writer, "DELETE FROM _bop_constraints WHERE table_name = ? AND name = ?", table, name);
  }
}
