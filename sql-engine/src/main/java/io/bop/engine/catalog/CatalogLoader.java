package io.bop.engine.catalog;

import io.bop.engine.types.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a {@link Catalog} from a database connection: SQLite's schema joined with bop's metadata. */
public final class CatalogLoader {
  private CatalogLoader() {}

  private record ColumnMeta(String type, String defaultText, String identity, String comment) {}

  private record ConstraintMeta(String name, String kind, List<String> columns, String definition) {}

  /** bop's metadata rows, by table name. */
  private record MetadataRows(Map<String, Map<String, ColumnMeta>> columns,
      Map<String, List<ConstraintMeta>> constraints, Map<String, String> comments) {

    /** The rows of one table, or of all tables if {@code table} is null. */
    static MetadataRows read(Connection connection, String table) throws SQLException {
      MetadataRows m = new MetadataRows(new TreeMap<>(String.CASE_INSENSITIVE_ORDER),
          new TreeMap<>(String.CASE_INSENSITIVE_ORDER), new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
      if (!exists(connection, "_bop_columns")) {
        return m;
      }
      String where = " WHERE ?1 IS NULL OR table_name = ?1 COLLATE NOCASE";
      List<String> parameters = java.util.Collections.singletonList(table);
      query(connection, "SELECT table_name, column_name, type, default_text, identity, comment FROM _bop_columns"
          + where, parameters, r -> m.columns.computeIfAbsent(r.getString(1),
              k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(r.getString(2),
              new ColumnMeta(r.getString(3), r.getString(4), r.getString(5), r.getString(6))));
      query(connection, "SELECT table_name, name, kind, columns, definition FROM _bop_constraints" + where, parameters,
          r -> m.constraints.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new ConstraintMeta(
              r.getString(2), r.getString(3), split(r.getString(4)), r.getString(5))));
      query(connection, "SELECT table_name, comment FROM _bop_tables" + where, parameters,
          r -> m.comments.put(r.getString(1), r.getString(2)));
      return m;
    }

    Table table(Connection connection, String name, boolean view) throws SQLException {
      return loadTable(connection, name, view, columns.getOrDefault(name, Map.of()),
          constraints.getOrDefault(name, List.of()), comments.get(name));
    }
  }

  public static Catalog load(Connection connection, long generation) throws SQLException {
    MetadataRows metadata = MetadataRows.read(connection, null);
    List<String[]> objects = new ArrayList<>();
    query(connection, "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name",
        r -> objects.add(new String[] {r.getString(1), r.getString(2)}));
    List<Table> tables = new ArrayList<>();
    for (String[] object : objects) {
      if (!Metadata.isInternal(object[1])) {
        tables.add(metadata.table(connection, object[1], object[0].equals("view")));
      }
    }
    return new Catalog(generation, tables, sequences(connection));
  }

  /** A sequence of CREATE SEQUENCE, as the connection sees it now. */
  public static Optional<Sequence> sequence(Connection connection, String name) throws SQLException {
    return sequences(connection, name).stream().findFirst();
  }

  private static List<Sequence> sequences(Connection connection) throws SQLException {
    return sequences(connection, null);
  }

  private static List<Sequence> sequences(Connection connection, String name) throws SQLException {
    List<Sequence> sequences = new ArrayList<>();
    if (exists(connection, "_bop_sequences")) {
      query(connection, "SELECT name, type, start_value, increment, min_value, max_value, cache, cycle, owner_table,"
          + " owner_column FROM _bop_sequences WHERE ?1 IS NULL OR name = ?1",
          java.util.Collections.singletonList(name), r -> sequences.add(new Sequence(r.getString(1),
              SqlType.parse(r.getString(2)), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7),
              r.getBoolean(8), r.getString(9), r.getString(10), Sequence.Kind.STANDALONE)));
    }
    return sequences;
  }

  /** One table or view as {@link #load} describes it, if there is one of that name (matched without case). */
  public static Optional<Table> table(Connection connection, String name) throws SQLException {
    List<String[]> objects = new ArrayList<>();
    query(connection, "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view')"
        + " AND name = ? COLLATE NOCASE", List.of(name), r -> objects.add(new String[] {r.getString(1), r.getString(2)}));
    if (objects.isEmpty() || Metadata.isInternal(objects.get(0)[1])) {
      return Optional.empty();
    }
    String found = objects.get(0)[1];
    return Optional.of(MetadataRows.read(connection, found).table(connection, found, objects.get(0)[0].equals("view")));
  }

  private static Table loadTable(Connection connection, String name, boolean view, Map<String, ColumnMeta> meta,
      List<ConstraintMeta> constraints, String comment) throws SQLException {
    List<TableColumn> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    Map<Integer, String> pkOrder = new TreeMap<>();
    String[] rowidCandidate = new String[1];
    query(connection, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
        List.of(name), r -> {
          String column = r.getString(2);
          if (r.getInt(7) != 0) {
            return; // hidden columns of virtual tables
          }
          ColumnMeta m = meta.get(column);
          String declared = m != null ? m.type() : r.getString(3);
          SqlType type = declared == null || declared.isBlank() ? SqlType.TEXT : SqlType.parse(declared);
          if (type == null) {
            type = SqlType.TEXT;
          }
          int pk = r.getInt(6);
          if (pk > 0) {
            pkOrder.put(pk, column);
            if ("INTEGER".equals(r.getString(3))) {
              rowidCandidate[0] = column;
            }
          }
          columns.add(new TableColumn(column, columns.size() + 1, type, r.getInt(4) != 0 || pk > 0 && !view,
              m != null ? m.defaultText() : r.getString(5), m != null ? m.identity() : TableColumn.NO_IDENTITY,
              m != null ? m.comment() : null));
        });
    primaryKey.addAll(pkOrder.values());
    String rowidAlias = primaryKey.size() == 1 && rowidCandidate[0] != null ? rowidCandidate[0] : null;
    if (view) {
      return new Table(name, true, columns, List.of(), List.of(), List.of(), null, comment);
    }
    Map<String, ConstraintMeta> constraintsByKind = new HashMap<>();
    for (ConstraintMeta c : constraints) {
      constraintsByKind.putIfAbsent(c.kind() + ":" + String.join(",", c.columns()).toLowerCase(Locale.ROOT), c);
      constraintsByKind.putIfAbsent(c.kind() + "@" + c.name(), c);
    }
    List<Index> indexes = new ArrayList<>();
    ConstraintMeta pk = constraints.stream().filter(c -> c.kind().equals("p")).findFirst().orElse(null);
    // A serial column without a declared primary key is SQLite's row id, but no primary key to PostgreSQL.
    boolean undeclared = pk == null && rowidAlias != null
        && columns.stream().anyMatch(c -> c.name().equals(rowidAlias) && c.generated());
    if (!primaryKey.isEmpty() && !undeclared) {
      indexes.add(new Index(pk != null ? pk.name() : name + "_pkey", name, true, true, true, primaryKey,
          primaryKey.stream().map(c -> false).toList(), null));
    }
    List<String[]> indexList = new ArrayList<>();
    query(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", List.of(name),
        r -> indexList.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)}));
    for (String[] idx : indexList) {
      if (idx[2].equals("pk")) {
        continue; // described above from the table's pk columns
      }
      List<String> indexColumns = new ArrayList<>();
      List<Boolean> descending = new ArrayList<>();
      query(connection, "SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", List.of(idx[0]),
          r -> {
            indexColumns.add(r.getString(1) == null ? "expression" : r.getString(1));
            descending.add(r.getInt(2) != 0);
          });
      boolean unique = idx[1].equals("1");
      ConstraintMeta constraint = constraintsByKind.get("u@" + idx[0]);
      String indexName = idx[2].equals("u") && constraint == null
          ? constraintName(constraintsByKind, "u", indexColumns, name + "_" + String.join("_", indexColumns) + "_key")
          : idx[0];
      indexes.add(new Index(indexName, name, unique, false, constraint != null || idx[2].equals("u"), indexColumns,
          descending, idx[3].equals("1") ? partialWhere(connection, idx[0]) : null));
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    Map<Integer, ForeignKeyBuilder> fkById = new TreeMap<>();
    query(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?)"
        + " ORDER BY id, seq", List.of(name), r -> {
          ForeignKeyBuilder b = fkById.computeIfAbsent(r.getInt(1), id -> new ForeignKeyBuilder());
          b.referenced = r.getString(3);
          b.columns.add(r.getString(4));
          b.referencedColumns.add(r.getString(5));
          b.onUpdate = r.getString(6);
          b.onDelete = r.getString(7);
        });
    for (ForeignKeyBuilder b : fkById.values()) {
      List<String> refColumns = b.referencedColumns.stream().anyMatch(c -> c == null)
          ? List.of() : List.copyOf(b.referencedColumns);
      String fkName = constraintName(constraintsByKind, "f", b.columns,
          name + "_" + String.join("_", b.columns) + "_fkey");
      foreignKeys.add(new ForeignKey(fkName, name, List.copyOf(b.columns), b.referenced, refColumns, b.onUpdate, b.onDelete));
    }
    for (ConstraintMeta c : constraints) {
      if (c.kind().equals("o")) {
        columns.replaceAll(column -> column.name().equalsIgnoreCase(c.columns().get(0)) ? new TableColumn(column.name(),
            column.number(), column.type(), column.notNull(), column.defaultText(), column.identity(), column.comment(),
            c.definition()) : column);
      }
    }
    List<Check> checks = constraints.stream().filter(c -> c.kind().equals("c"))
        .map(c -> new Check(c.name(), name, c.definition())).toList();
    return new Table(name, false, columns, indexes, foreignKeys, checks, rowidAlias, comment);
  }

  private static String constraintName(Map<String, ConstraintMeta> byKind, String kind, List<String> columns,
      String fallback) {
    ConstraintMeta c = byKind.get(kind + ":" + String.join(",", columns).toLowerCase(Locale.ROOT));
    return c != null ? c.name() : fallback;
  }

  private static final class ForeignKeyBuilder {
    final List<String> columns = new ArrayList<>();
    final List<String> referencedColumns = new ArrayList<>();
    String referenced;
    String onUpdate;
    String onDelete;
  }

  private static String partialWhere(Connection connection, String index) throws SQLException {
    String[] sql = new String[1];
    query(connection, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", List.of(index),
        r -> sql[0] = r.getString(1));
    if (sql[0] == null) {
      return null;
    }
    int where = sql[0].toUpperCase(Locale.ROOT).lastIndexOf(" WHERE ");
    return where < 0 ? null : sql[0].substring(where + 7).strip();
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    boolean[] found = new boolean[1];
    query(connection, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", List.of(table), r -> found[0] = true);
    return found[0];
  }

  private static List<String> split(String columns) {
    return columns == null || columns.isEmpty() ? List.of() : Arrays.asList(columns.split(","));
  }

  /** What is done with each row of a query. */
  @FunctionalInterface
  public interface RowHandler {
    void row(ResultSet r) throws SQLException;
  }

  private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
    query(connection, sql, List.of(), handler);
  }

  /** Runs a query with text parameters, handing over each row. */
  public static void query(Connection connection, String sql, List<String> parameters, RowHandler handler)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setString(i + 1, parameters.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          handler.row(r);
        }
      }
    }
  }
}
