package io.bop.engine.translate;

import static io.bop.engine.translate.TableDefinition.quote;
import static io.bop.engine.translate.TableDefinition.quotedList;

import io.bop.engine.catalog.CatalogLoader;
import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Table;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.translate.TableDefinition.CheckConstraint;
import io.bop.engine.types.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work of one ALTER TABLE on the writer, inside the statement's transaction. What only changes how rows are
 * checked (types, defaults, NOT NULL, CHECK, FOREIGN KEY) is written into the table's CREATE TABLE text in place;
 * what changes how rows are stored (the row id, the primary key's index) rebuilds the table. Existing rows are
 * checked with queries first, so that a violation reads as PostgreSQL reports it.
 */
final class TableChange {
  /** The name the old table takes while a rebuild copies it; bop's prefix keeps it from users. */
  private static final String REBUILT = Metadata.PREFIX + "rebuild";
  private static final Pattern TABLE_NAME = Pattern.compile("^(CREATE\\s+TABLE\\s+)(\"(?:[^\"]|\"\")*\"|[^\\s(]+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VIEW_ERROR = Pattern.compile("error in view (.+) after drop column");

  private final DdlPlan.Steps steps;
  private final Connection connection;
  /** The table's name now (RENAME TO changes it). */
  String table;

  TableChange(DdlPlan.Steps steps, String table) {
    this.steps = steps;
    this.connection = steps.connection();
    this.table = table;
  }

  void execute(String sql) throws SQLException {
    steps.execute(sql);
  }

  void notice(String message) {
    steps.notice(message);
  }

  /** The table as it is now. */
  TableDefinition definition() throws SQLException, SqlError {
    return TableDefinition.load(connection, table).orElseThrow(() -> noTable(table));
  }

  /** The table as the catalog describes it now, indexes included. */
  Table catalogTable(String name) throws SQLException, SqlError {
    return CatalogLoader.table(connection, name).filter(t -> !t.view()).orElseThrow(() -> noTable(name));
  }

  static SqlError noTable(String name) {
    return new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
  }

  // ===================================================================================== writing

  /** Replaces {@code before} with {@code after}, copying the rows by column name where a rebuild is needed. */
  void write(TableDefinition before, TableDefinition after) throws SQLException, SqlError {
    write(before, after, Map.of());
  }

  /** @param conversions per column of {@code after}, the expression over the old row that gives its new value */
  void write(TableDefinition before, TableDefinition after, Map<String, String> conversions)
      throws SQLException, SqlError {
    after.validate();
    if (before.layout().equals(after.layout())) {
      replaceText(after.name, after.createSql());
    } else {
      rebuild(before, after, conversions);
    }
    after.record(connection);
  }

  /**
   * Writes new CREATE TABLE text over the old. SQLite reads its schema from that text, and rereads it when the
   * schema version changes; the edit is part of the transaction, so ROLLBACK undoes it.
   */
  private void replaceText(String name, String sql) throws SQLException {
    editSchema(() -> update("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", sql, name));
  }

  private interface Edit {
    void run() throws SQLException;
  }

  private void editSchema(Edit edit) throws SQLException {
    long[] version = new long[1];
    query("PRAGMA schema_version", List.of(), r -> version[0] = r.getLong(1));
    execute("PRAGMA writable_schema = ON");
    try {
      edit.run();
      execute("PRAGMA schema_version = " + (version[0] + 1));
    } finally {
      execute("PRAGMA writable_schema = OFF");
    }
  }

  /**
   * Copies the table into a new one of the new layout. SQLite's own recipe renames the new table over the old,
   * but with foreign keys enforced (which a transaction cannot turn off) dropping the old table would delete the
   * rows other tables reference, and renaming would point their references at it. So the old table is renamed
   * out of the way in the schema text alone, which leaves the references to the name, and the new one created
   * under the name.
   */
  private void rebuild(TableDefinition before, TableDefinition after, Map<String, String> conversions)
      throws SQLException {
    List<String[]> dependents = new ArrayList<>();
    query("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger')"
        + " AND sql IS NOT NULL", List.of(before.name), r -> dependents.add(new String[] {r.getString(1),
        r.getString(2), r.getString(3)}));
    for (String[] d : dependents) {
      execute("DROP " + d[0].toUpperCase(Locale.ROOT) + " " + quote(d[1]));
    }
    String[] oldSql = new String[1];
    query("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", List.of(before.name),
        r -> oldSql[0] = r.getString(1));
    Matcher m = TABLE_NAME.matcher(oldSql[0]);
    if (!m.find()) {
      throw new SQLException("not a CREATE TABLE: " + oldSql[0]);
    }
    String renamed = m.group(1) + quote(REBUILT) + oldSql[0].substring(m.end());
    String autoindex = "sqlite_autoindex_" + before.name;
    editSchema(() -> {
      update("UPDATE sqlite_schema SET name = ?1, tbl_name = ?1, sql = ?2 WHERE type = 'table' AND name = ?3",
          REBUILT, renamed, before.name);
      // the indexes of PRIMARY KEY and UNIQUE clauses are named after their table
      update("UPDATE sqlite_schema SET name = 'sqlite_autoindex_' || ?1 || substr(name, length(?2) + 1),"
          + " tbl_name = ?1 WHERE type = 'index' AND tbl_name = ?3", REBUILT, autoindex, before.name);
    });
    execute(after.createSql());
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (TableDefinition.Column c : after.columns) {
      names.add(quote(c.name));
      String conversion = conversions.get(c.name.toLowerCase(Locale.ROOT));
      values.add(conversion != null ? conversion : before.column(c.name).map(old -> quote(old.name)).orElse("NULL"));
    }
    execute("INSERT INTO " + quote(after.name) + " (" + String.join(", ", names) + ") SELECT "
        + String.join(", ", values) + " FROM " + quote(REBUILT) + " AS " + quote(after.name));
    execute("DROP TABLE " + quote(REBUILT));
    for (String[] d : dependents) {
      execute(d[2]);
    }
  }

  // ===================================================================================== checks of existing rows

  /** Refuses NOT NULL where a row holds NULL. */
  void requireNoNulls(List<String> columns) throws SQLException, SqlError {
    for (String column : columns) {
      if (exists("SELECT 1 FROM " + quote(table) + " WHERE " + quote(column) + " IS NULL")) {
        throw new SqlError(Condition.NOT_NULL_VIOLATION, "column \"" + column + "\" of relation \"" + table
            + "\" contains null values");
      }
    }
  }

  /** Refuses a unique index named {@code index} over {@code columns} where two rows share a key. */
  void requireUnique(TableDefinition definition, String index, List<String> columns) throws SQLException, SqlError {
    String keys = quotedList(columns);
    List<Object> key = firstRow("SELECT " + keys + " FROM " + quote(table) + " WHERE "
        + String.join(" AND ", columns.stream().map(c -> quote(c) + " IS NOT NULL").toList()) + " GROUP BY " + keys
        + " HAVING count(*) > 1", columns.size());
    if (key != null) {
      throw new SqlError(Condition.UNIQUE_VIOLATION, "could not create unique index \"" + index + "\"",
          "Key (" + String.join(", ", columns) + ")=(" + display(definition, columns, key) + ") is duplicated.", null,
          0, null);
    }
  }

  void requireCheck(CheckConstraint check) throws SQLException, SqlError {
    if (exists("SELECT 1 FROM " + quote(table) + " WHERE NOT (" + check.sql() + ")")) {
      throw new SqlError(Condition.CHECK_VIOLATION, "check constraint \"" + check.name() + "\" of relation \"" + table
          + "\" is violated by some row");
    }
  }

  /** Refuses a foreign key that a row of the table violates (a key with a NULL in it refers to nothing). */
  void requireReferences(TableDefinition definition, ForeignKey fk) throws SQLException, SqlError {
    List<String> match = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      match.add("p." + quote(fk.referencedColumns().get(i)) + " = c." + quote(fk.columns().get(i)));
    }
    List<Object> key = firstRow("SELECT " + String.join(", ", fk.columns().stream().map(c -> "c." + quote(c)).toList())
        + " FROM " + quote(table) + " AS c WHERE " + String.join(" AND ", fk.columns().stream()
        .map(c -> "c." + quote(c) + " IS NOT NULL").toList()) + " AND NOT EXISTS (SELECT 1 FROM "
        + quote(fk.referencedTable()) + " AS p WHERE " + String.join(" AND ", match) + ")", fk.columns().size());
    if (key != null) {
      throw new SqlError(Condition.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table
          + "\" violates foreign key constraint \"" + fk.name() + "\"", "Key (" + String.join(", ", fk.columns())
          + ")=(" + display(definition, fk.columns(), key) + ") is not present in table \"" + fk.referencedTable()
          + "\".", null, 0, null);
    }
  }

  /** Key values as PostgreSQL prints them in an error's detail. */
  private static String display(TableDefinition definition, List<String> columns, List<Object> values) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Object value = Values.fromStorage(definition.column(columns.get(i)).orElseThrow().type, values.get(i),
          ZoneOffset.UTC);
      texts.add(value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value));
    }
    return String.join(", ", texts);
  }

  // ===================================================================================== names and dependents

  /** Whether a table, view, index or primary key (an index to PostgreSQL) has that name. */
  boolean relationExists(String name) throws SQLException {
    return exists("SELECT 1 FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE UNION ALL SELECT 1 FROM _bop_constraints"
        + " WHERE kind = 'p' AND name = ?1 COLLATE NOCASE", name);
  }

  /** A name not yet taken: {@code base}, else {@code base1}, {@code base2}, …, as PostgreSQL picks them. */
  static String free(String base, NameTaken taken) throws SQLException {
    String name = base;
    for (int i = 1; taken.test(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** Whether a name is taken. */
  @FunctionalInterface
  interface NameTaken {
    boolean test(String name) throws SQLException;
  }

  /** The names of every constraint of the table, unique constraints included. */
  List<String> constraintNames(TableDefinition definition) throws SQLException, SqlError {
    List<String> names = new ArrayList<>(definition.constraintNames());
    catalogTable(definition.name).indexes().stream().filter(i -> i.constraint() && !i.primary())
        .forEach(i -> names.add(i.name()));
    return names;
  }

  /** A foreign key of another table (or of this one) that refers to this table. */
  record Reference(String table, ForeignKey foreignKey) {
    String describe() {
      return "constraint " + foreignKey.name() + " on table " + table;
    }
  }

  /** The foreign keys that refer to this table, with their referenced columns resolved. */
  List<Reference> references(Predicate<ForeignKey> filter) throws SQLException, SqlError {
    List<String> children = new ArrayList<>();
    query("SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
        + " AND f.\"table\" = ? COLLATE NOCASE", List.of(table), r -> children.add(r.getString(1)));
    if (children.isEmpty()) {
      return List.of();
    }
    List<String> primaryKey = definition().primaryKey;
    List<Reference> references = new ArrayList<>();
    for (String child : children) {
      for (ForeignKey fk : catalogTable(child).foreignKeys()) {
        if (fk.referencedTable().equalsIgnoreCase(table)) {
          ForeignKey resolved = fk.referencedColumns().isEmpty() ? new ForeignKey(fk.name(), child, fk.columns(),
              fk.referencedTable(), primaryKey, fk.onUpdate(), fk.onDelete()) : fk;
          if (filter.test(resolved)) {
            references.add(new Reference(child, resolved));
          }
        }
      }
    }
    return references;
  }

  /**
   * Drops the foreign keys that depend on what is being dropped with CASCADE, or refuses to drop it without, as
   * PostgreSQL does.
   */
  void dropDependents(List<Reference> references, String what, String dependency, boolean cascade)
      throws SQLException, SqlError {
    if (references.isEmpty()) {
      return;
    }
    if (!cascade) {
      throw dependents(what, references.stream().map(r -> r.describe() + " depends on " + dependency).toList());
    }
    for (Reference reference : references) {
      notice("drop cascades to " + reference.describe());
      TableDefinition child = TableDefinition.load(connection, reference.table()).orElseThrow();
      TableDefinition without = child.copy();
      without.foreignKeys.removeIf(fk -> fk.name().equals(reference.foreignKey().name()));
      write(child, without);
    }
  }

  /**
   * Drops a column with SQLite's own DROP COLUMN, which refuses while a view uses the column: with CASCADE the
   * view goes, as in PostgreSQL.
   */
  void dropColumn(String column, boolean cascade) throws SQLException, SqlError {
    while (true) {
      try {
        execute("ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column));
        Metadata.dropOwnedSequences(steps.connection(), table, column);
        return;
      } catch (SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher view = VIEW_ERROR.matcher(message);
        if (message.contains("no other columns exist")) {
          throw Expressions.unsupported("dropping the last column of a table");
        }
        if (!view.find()) {
          throw e;
        }
        dropView(view.group(1), "column " + column + " of table " + table, cascade);
      }
    }
  }

  private static SqlError dependents(String what, List<String> details) {
    return new SqlError(Condition.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop " + what
        + " because other objects depend on it", String.join("\n", details),
        "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
  }

  /** Drops the views that no longer compile once {@code what} was dropped (CASCADE), or refuses to drop it. */
  void dropBrokenViews(String what, boolean cascade) throws SQLException, SqlError {
    for (String view = brokenView(); view != null; view = brokenView()) {
      dropView(view, what, cascade);
    }
  }

  private String brokenView() throws SQLException {
    List<String> views = new ArrayList<>();
    query("SELECT name FROM sqlite_schema WHERE type = 'view'", List.of(), r -> views.add(r.getString(1)));
    for (String view : views) {
      try (PreparedStatement s = connection.prepareStatement("SELECT * FROM " + quote(view) + " LIMIT 0")) {
        s.getMetaData();
      } catch (SQLException e) {
        return view;
      }
    }
    return null;
  }

  private void dropView(String view, String what, boolean cascade) throws SQLException, SqlError {
    if (!cascade) {
      throw dependents(what, List.of("view " + view + " depends on " + what));
    }
    notice("drop cascades to view " + view);
    execute("DROP VIEW " + quote(view));
    Metadata.dropTable(connection, view);
  }

  /** The indexes (not the primary key's) whose keys or predicate use a column. */
  List<String> indexesUsing(String column) throws SQLException {
    List<String> names = new ArrayList<>();
    query("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        List.of(table), r -> {
          if (TableDefinition.quotedIdentifiers(r.getString(2)).stream().skip(2).anyMatch(column::equalsIgnoreCase)) {
            names.add(r.getString(1));
          }
        });
    return names;
  }

  // ===================================================================================== queries

  private void query(String sql, List<String> parameters, CatalogLoader.RowHandler handler) throws SQLException {
    CatalogLoader.query(connection, sql, parameters, handler);
  }

  boolean exists(String sql, String... parameters) throws SQLException {
    boolean[] found = new boolean[1];
    query(sql + " LIMIT 1", List.of(parameters), r -> found[0] = true);
    return found[0];
  }

  private List<Object> firstRow(String sql, int columns) throws SQLException {
    List<Object> row = new ArrayList<>();
    query(sql + " LIMIT 1", List.of(), r -> {
      for (int i = 1; i <= columns; i++) {
        row.add(r.getObject(i));
      }
    });
    return row.isEmpty() ? null : row;
  }

  private void update(String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      s.executeUpdate();
    }
  }

  Connection connection() {
    return connection;
  }
}
