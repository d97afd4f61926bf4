package io.bop.engine.translate;

import static io.bop.engine.translate.TableDefinition.noColumn;
import static io.bop.engine.translate.TableDefinition.quote;

import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.IndexDefinitions;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.ast.BopAlterTable;
import io.bop.engine.parser.ast.BopAlterTableAction;
import io.bop.engine.parser.ast.BopColumnConstraint;
import io.bop.engine.parser.ast.BopColumnDefinition;
import io.bop.engine.parser.ast.BopTableConstraint;
import io.bop.engine.parser.ast.DropBehavior;
import io.bop.engine.translate.TableDefinition.CheckConstraint;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * ALTER TABLE, as PostgreSQL does it. Every action is translated first, against the columns the actions before it
 * leave (so a CHECK may name a column added by the same statement), and then run in order against the table as
 * the database holds it at that moment; {@link TableChange} does the writing.
 */
final class AlterTable {
  private final Rewriter r;
  private final Ddl ddl;

  /** One translated action. */
  @FunctionalInterface
  private interface Action {
    void run(TableChange change) throws SQLException, SqlError;
  }

  AlterTable(Rewriter r, Ddl ddl) {
    this.r = r;
    this.ddl = ddl;
  }

  Plan alter(BopAlterTable alter) throws SqlError {
    String name = Ddl.checkedName(alter.name());
    Optional<Table> found = r.catalog.table(name);
    if (found.isEmpty()) {
      if (alter.ifExists()) {
        return new DdlPlan("ALTER TABLE", false, steps ->
            steps.notice("relation \"" + name + "\" does not exist, skipping"));
      }
      throw TableChange.noTable(name);
    }
    if (found.get().view()) {
      throw Expressions.unsupported("ALTER TABLE on a view (" + found.get().name() + ")");
    }
    // Everything an ALTER TABLE computes is computed by SQLite, with no parameters.
    r.definition = true;
    TableDefinition shape = new TableDefinition(found.get().name());
    for (TableColumn c : found.get().columns()) {
      shape.columns.add(new TableDefinition.Column(c.name(), c.type()));
    }
    List<Action> actions = new ArrayList<>();
    for (SqlNode node : alter.actions()) {
      actions.add(action((BopAlterTableAction) node, shape));
    }
    return new DdlPlan("ALTER TABLE", steps -> {
      TableChange change = new TableChange(steps, shape.name);
      for (Action action : actions) {
        action.run(change);
      }
    });
  }

  /** Translates one action; {@code shape} follows the columns it adds, drops, renames and retypes. */
  private Action action(BopAlterTableAction a, TableDefinition shape) throws SqlError {
    String name = a.name() == null ? null : a.name().getSimple();
    boolean cascade = a.behavior() == DropBehavior.CASCADE;
    return switch (a.kind()) {
      case ADD_COLUMN -> addColumn(a.column(), a.ifExists(), shape);
      case ADD_CONSTRAINT -> addConstraint(a.constraint(), shape);
      case DROP_COLUMN -> {
        shape.columns.removeIf(c -> c.name.equalsIgnoreCase(name));
        yield change -> dropColumn(change, name, a.ifExists(), cascade);
      }
      case DROP_CONSTRAINT -> change -> dropConstraint(change, name, a.ifExists(), cascade);
      case ALTER_COLUMN_TYPE -> alterType(name, Expressions.type(a.type()), a.expression(), shape);
      case SET_DEFAULT, DROP_DEFAULT -> {
        SqlType type = column(shape, name).type;
        String text = a.kind() == BopAlterTableAction.Kind.SET_DEFAULT ? ddl.written(a.expression()) : null;
        String sql = text == null ? null : ddl.storedExpression(a.expression(), Scope.empty(), type);
        yield change -> setDefault(change, name, text, sql);
      }
      case SET_NOT_NULL, DROP_NOT_NULL -> {
        boolean notNull = a.kind() == BopAlterTableAction.Kind.SET_NOT_NULL;
        yield change -> setNotNull(change, name, notNull);
      }
      case RENAME_COLUMN -> {
        String newName = a.newName().getSimple();
        shape.column(name).ifPresent(c -> c.name = newName);
        yield change -> renameColumn(change, name, newName);
      }
      case RENAME_CONSTRAINT -> {
        String newName = a.newName().getSimple();
        yield change -> renameConstraint(change, name, newName);
      }
      case RENAME_TABLE -> {
        String newName = Ddl.checkedName(a.newName());
        yield change -> renameTable(change, newName);
      }
      case MODIFY_COLUMN -> modifyColumn(a.column().name().getSimple(), a.column(), shape);
      case CHANGE_COLUMN -> {
        String newName = a.column().name().getSimple();
        boolean renames = !newName.equals(column(shape, name).name);
        column(shape, name).name = newName;
        Action modify = modifyColumn(newName, a.column(), shape);
        yield change -> {
          if (renames) {
            renameColumn(change, name, newName);
          }
          modify.run(change);
        };
      }
      case DROP_INDEX -> change -> dropIndex(change, name);
      case DROP_PRIMARY_KEY -> change -> dropConstraint(change, change.definition().primaryKeyName(), false, false);
      case DROP_FOREIGN_KEY -> change -> dropConstraint(change, name, false, false);
      case DISABLE_KEYS, ENABLE_KEYS -> change -> { }; // MySQL's hint for bulk loads; SQLite keeps its indexes current
    };
  }

  /**
   * MySQL's MODIFY (and CHANGE, after its rename): the column takes the new definition's type, NULL or NOT NULL,
   * default, comment and collation; whether its values are generated cannot change.
   */
  private Action modifyColumn(String name, BopColumnDefinition definition, TableDefinition shape) throws SqlError {
    TableDefinition.Column wanted = ddl.column(new TableDefinition(shape.name), definition, new ArrayList<>());
    wanted.collation = MySqlDdl.collation(definition, wanted.type, null);
    Action retype = alterType(name, wanted.type, null, shape);
    return change -> {
      retype.run(change);
      TableDefinition before = change.definition();
      TableDefinition after = before.copy();
      TableDefinition.Column column = column(after, name);
      if (!column.identity.isEmpty() != !wanted.identity.isEmpty()) {
        throw Expressions.unsupported("adding or removing AUTO_INCREMENT of an existing column (" + column.name + ")");
      }
      if (wanted.notNull && !column.notNull) {
        change.requireNoNulls(List.of(column.name));
      }
      column.notNull = wanted.notNull || contains(before.primaryKey, column.name) || !column.identity.isEmpty();
      if (column.identity.isEmpty()) {
        column.defaultText = wanted.defaultText;
        column.defaultSql = wanted.defaultSql;
      }
      column.comment = wanted.comment;
      column.collation = wanted.collation;
      change.write(before, after);
    };
  }

  /** MySQL's DROP INDEX within ALTER TABLE: a unique key is a constraint, any other index only an index. */
  private static void dropIndex(TableChange change, String name) throws SQLException, SqlError {
    TableDefinition table = change.definition();
    Optional<Index> index = change.catalogTable(table.name).indexes().stream()
        .filter(i -> i.name().equalsIgnoreCase(name) && !i.primary()).findFirst();
    if (index.isEmpty()) {
      throw new SqlError(Condition.UNDEFINED_OBJECT, "index \"" + name + "\" of relation \"" + table.name
          + "\" does not exist");
    }
    if (index.get().constraint()) {
      dropConstraint(change, index.get().name(), false, false);
    } else {
      change.execute("DROP INDEX " + quote(index.get().name()));
    }
  }

  private static TableDefinition.Column column(TableDefinition table, String name) throws SqlError {
    return table.column(name).orElseThrow(() -> noColumn(name, table.name));
  }

  // ===================================================================================== ADD COLUMN

  private Action addColumn(BopColumnDefinition definition, boolean ifNotExists, TableDefinition shape)
      throws SqlError {
    TableDefinition clauses = new TableDefinition(shape.name);
    List<Ddl.Key> keys = new ArrayList<>();
    TableDefinition.Column column = ddl.column(clauses, definition, keys);
    Set<String> named = new HashSet<>();
    for (SqlNode node : definition.constraints()) {
      BopColumnConstraint clause = (BopColumnConstraint) node;
      if (clause.name() != null) {
        named.add(clause.name().getSimple());
      }
    }
    Optional<BopColumnConstraint> primaryKey = definition.constraint(BopColumnConstraint.Kind.PRIMARY_KEY);
    String primaryKeyName = primaryKey.map(BopColumnConstraint::name).map(SqlIdentifier::getSimple).orElse(null);
    if (shape.column(column.name).isEmpty()) {
      shape.columns.add(column.copy());
    }
    return change -> {
      if (!addColumn(change, column, clauses, named, ifNotExists)) {
        return;
      }
      for (Ddl.Key key : keys) {
        addKey(change, key, named.contains(key.name()));
      }
      if (primaryKey.isPresent()) {
        addPrimaryKey(change, List.of(column.name), primaryKeyName);
      }
    };
  }

  /** Adds the column with its CHECK and REFERENCES clauses; false if it exists and IF NOT EXISTS was said. */
  private static boolean addColumn(TableChange change, TableDefinition.Column column, TableDefinition clauses,
      Set<String> named, boolean ifNotExists) throws SQLException, SqlError {
    TableDefinition before = change.definition();
    if (before.column(column.name).isPresent()) {
      String message = "column \"" + column.name + "\" of relation \"" + before.name + "\" already exists";
      if (ifNotExists) {
        change.notice(message + ", skipping");
        return false;
      }
      throw new SqlError(Condition.DUPLICATE_COLUMN, message);
    }
    TableDefinition wanted = before.copy();
    wanted.columns.add(column.copy());
    wanted.validate();
    String table = quote(before.name);
    change.execute("ALTER TABLE " + table + " ADD COLUMN " + quote(column.name) + " " + column.type.declaration());
    // The rows there are get their values now, each its own: serial numbers, volatile defaults
    String value = !column.identity.isEmpty() ? "rowid" : column.defaultSql != null ? "(" + column.defaultSql + ")"
        : null;
    if (value != null) {
      change.execute("UPDATE " + table + " SET " + quote(column.name) + " = " + value);
    }
    TableDefinition added = change.definition();
    TableDefinition after = added.copy();
    after.columns.set(after.columns.size() - 1, column.copy());
    if (column.notNull) {
      change.requireNoNulls(List.of(column.name));
    }
    for (CheckConstraint check : clauses.checks) {
      after.checks.add(checked(change, after, check, named.contains(check.name())));
    }
    for (ForeignKey fk : clauses.foreignKeys) {
      after.foreignKeys.add(referencing(change, after, fk, named.contains(fk.name())));
    }
    change.write(added, after);
    return true;
  }

  // ===================================================================================== ADD CONSTRAINT

  private Action addConstraint(BopTableConstraint constraint, TableDefinition shape) throws SqlError {
    SqlIdentifier name = constraint.name();
    boolean named = name != null;
    List<String> columns = Ddl.keyColumns(constraint, shape, true);
    return switch (constraint.kind()) {
      case PRIMARY_KEY -> change -> addPrimaryKey(change, columns, named ? name.getSimple() : null);
      case UNIQUE -> {
        Ddl.Key key = Ddl.unique(shape.name, name, columns);
        yield change -> addKey(change, key, named);
      }
      case INDEX -> {
        Ddl.Key key = Ddl.index(shape.name, name, columns);
        yield change -> addKey(change, key, named);
      }
      case CHECK -> {
        CheckConstraint check = ddl.check(shape, name, constraint.check());
        yield change -> {
          TableDefinition before = change.definition();
          TableDefinition after = before.copy();
          after.checks.add(checked(change, before, check, named));
          change.write(before, after);
        };
      }
      case FOREIGN_KEY -> {
        ForeignKey fk = Ddl.foreignKey(shape.name, name, columns, constraint.references());
        yield change -> {
          TableDefinition before = change.definition();
          TableDefinition after = before.copy();
          after.foreignKeys.add(referencing(change, before, fk, named));
          change.write(before, after);
        };
      }
    };
  }

  private static void addPrimaryKey(TableChange change, List<String> columns, String name)
      throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition after = before.copy();
    List<String> keys = new ArrayList<>();
    for (String c : columns) {
      keys.add(column(before, c).name);
    }
    Ddl.setPrimaryKey(after, keys, null);
    after.primaryKeyName = indexName(change, name != null ? name : before.name + "_pkey", name != null);
    change.requireUnique(before, after.primaryKeyName, keys);
    change.requireNoNulls(keys);
    change.write(before, after);
  }

  /** Adds a unique constraint or an index. */
  private static void addKey(TableChange change, Ddl.Key key, boolean named) throws SQLException, SqlError {
    TableDefinition before = change.definition();
    Ddl.Key k = new Ddl.Key(indexName(change, key.name(), named), key.columns(), key.unique());
    if (k.unique()) {
      change.requireUnique(before, k.name(), k.columns());
    }
    change.execute(k.createSql(before.name));
    if (k.unique()) {
      Metadata.putConstraint(change.connection(), before.name, k.name(), "u", k.columns(), null);
    }
  }

  /** The CHECK named for the table and checked against the rows there are. */
  private static CheckConstraint checked(TableChange change, TableDefinition table, CheckConstraint check,
      boolean named) throws SQLException, SqlError {
    CheckConstraint c = new CheckConstraint(constraintName(change, table, check.name(), named), check.sql(),
        check.definition());
    change.requireCheck(c);
    return c;
  }

  /** The foreign key named for the table, checked against the table it refers to and the rows there are. */
  private static ForeignKey referencing(TableChange change, TableDefinition table, ForeignKey fk, boolean named)
      throws SQLException, SqlError {
    String name = constraintName(change, table, fk.name(), named);
    ForeignKey resolved = Ddl.referencing(new ForeignKey(name, table.name, fk.columns(), fk.referencedTable(),
        fk.referencedColumns(), fk.onUpdate(), fk.onDelete()), table, change.catalogTable(fk.referencedTable()));
    change.requireReferences(table, resolved);
    return resolved;
  }

  /**
   * The name of a new constraint: one the user gave must be free; one bop chose is numbered until it is, as
   * PostgreSQL numbers it.
   */
  private static String constraintName(TableChange change, TableDefinition table, String name, boolean named)
      throws SQLException, SqlError {
    Set<String> taken = Ddl.lowerCase(change.constraintNames(table));
    if (!named) {
      return TableChange.free(name, n -> taken.contains(n.toLowerCase(Locale.ROOT)));
    }
    if (taken.contains(name.toLowerCase(Locale.ROOT))) {
      throw new SqlError(Condition.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \"" + table.name
          + "\" already exists");
    }
    return name;
  }

  /** The name of a new index (a primary key or unique constraint is one to PostgreSQL): see constraintName. */
  private static String indexName(TableChange change, String name, boolean named) throws SQLException, SqlError {
    if (!named) {
      return TableChange.free(name, change::relationExists);
    }
    if (change.relationExists(name)) {
      throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
    return name;
  }

  // ===================================================================================== DROP

  private static void dropColumn(TableChange change, String name, boolean ifExists, boolean cascade)
      throws SQLException, SqlError {
    TableDefinition before = change.definition();
    Optional<TableDefinition.Column> found = before.column(name);
    if (found.isEmpty()) {
      if (ifExists) {
        change.notice("column \"" + name + "\" of relation \"" + before.name + "\" does not exist, skipping");
        return;
      }
      throw noColumn(name, before.name);
    }
    String column = found.get().name;
    String what = "column " + column + " of table " + before.name;
    // The table's own constraints on the column go with it; other tables' references to it only with CASCADE.
    change.dropDependents(change.references(fk -> contains(fk.referencedColumns(), column)
        && !(fk.table().equalsIgnoreCase(before.name) && contains(fk.columns(), column))), what, what, cascade);
    TableDefinition current = change.definition();
    TableDefinition.Column rowid = current.rowid();
    if (contains(current.primaryKey, column) || rowid != null && rowid.name.equalsIgnoreCase(column)) {
      // SQLite drops no key column: first the table is rebuilt without the key (or the row id) the column is
      TableDefinition withoutKey = current.withoutPrimaryKey();
      column(withoutKey, column).identity = TableColumn.NO_IDENTITY;
      change.write(current, withoutKey);
      current = change.definition();
    }
    for (String index : change.indexesUsing(column)) {
      change.execute("DROP INDEX " + quote(index));
      Metadata.dropConstraint(change.connection(), current.name, index);
    }
    TableDefinition after = current.copy();
    after.checks.removeIf(c -> contains(TableDefinition.quotedIdentifiers(c.sql()), column));
    after.foreignKeys.removeIf(fk -> contains(fk.columns(), column));
    change.write(current, after);
    change.dropColumn(column, cascade);
    change.definition().record(change.connection());
  }

  private static void dropConstraint(TableChange change, String name, boolean ifExists, boolean cascade)
      throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition after = before.copy();
    Optional<Index> key = keyConstraint(change, before, name);
    if (key.isPresent()) {
      String index = key.get().name();
      TableDefinition.Column rowid = before.rowid();
      if (key.get().primary() && rowid != null && !rowid.identity.isEmpty()) {
        throw Expressions.unsupported("dropping the primary key of a serial or identity column (" + rowid.name
            + "), which stays unique as SQLite's row id");
      }
      Set<String> columns = Ddl.lowerCase(key.get().columns());
      change.dropDependents(change.references(fk -> Ddl.lowerCase(fk.referencedColumns()).equals(columns)),
          "constraint " + index + " on table " + before.name, "index " + index, cascade);
      if (key.get().primary()) {
        TableDefinition current = change.definition();
        change.write(current, current.withoutPrimaryKey());
      } else {
        change.execute("DROP INDEX " + quote(index));
        Metadata.dropConstraint(change.connection(), before.name, index);
      }
    } else if (after.checks.removeIf(c -> c.name().equalsIgnoreCase(name))
        || after.foreignKeys.removeIf(fk -> fk.name().equalsIgnoreCase(name))) {
      change.write(before, after);
    } else if (ifExists) {
      change.notice("constraint \"" + name + "\" of relation \"" + before.name + "\" does not exist, skipping");
    } else {
      throw new SqlError(Condition.UNDEFINED_OBJECT, "constraint \"" + name + "\" of relation \"" + before.name
          + "\" does not exist");
    }
  }

  /** The primary key or unique constraint of that name: an index to PostgreSQL. */
  private static Optional<Index> keyConstraint(TableChange change, TableDefinition table, String name)
      throws SQLException, SqlError {
    return change.catalogTable(table.name).indexes().stream()
        .filter(i -> i.constraint() && i.name().equalsIgnoreCase(name)).findFirst();
  }

  // ===================================================================================== ALTER COLUMN

  private Action alterType(String name, SqlType type, SqlNode using, TableDefinition shape) throws SqlError {
    TableDefinition.Column column = column(shape, name);
    boolean bounded = type.length() >= 0 && (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR);
    SqlType unbounded = bounded ? type.withLength(-1, -1) : type;
    Typed value;
    if (using != null) {
      value = ddl.definitionExpression(using, Ddl.scope(shape), type);
    } else if (assignable(column.type.kind(), type.kind())) {
      value = new Typed(new SqlIdentifier(column.name, Expressions.POS), column.type, column.name);
    } else {
      throw new SqlError(Condition.DATATYPE_MISMATCH, "column \"" + column.name + "\" cannot be cast automatically"
          + " to type " + type.pgFormat(), null, "You might need to specify \"USING " + IndexDefinitions.quote(
          column.name) + "::" + type.pgFormat() + "\".", 0, null);
    }
    String full = SqliteDialect.unparse(r.expressions.convert(value, unbounded));
    String conversion = bounded ? SqliteDialect.unparse(r.expressions.convert(value, type)) : full;
    String tooLong = bounded ? "length(rtrim(" + full + ")) > " + type.length() : null;
    column.type = type;
    return change -> {
      TableDefinition before = change.definition();
      TableDefinition.Column old = column(before, name);
      if (tooLong != null && change.exists("SELECT 1 FROM " + quote(before.name) + " WHERE " + tooLong)) {
        throw new SqlError(Condition.STRING_DATA_RIGHT_TRUNCATION, "value too long for type " + type.pgFormat());
      }
      if (!old.identity.isEmpty() && !type.kind().isInteger()) {
        throw new SqlError(Condition.DATATYPE_MISMATCH, "identity column type must be smallint, integer, or bigint");
      }
      TableDefinition after = before.copy();
      column(after, name).type = type;
      if (!before.layout().equals(after.layout())) {
        change.write(before, after, Map.of(old.name.toLowerCase(Locale.ROOT), conversion));
        return;
      }
      change.write(before, after);
      if (!conversion.equals(quote(old.name))) {
        change.execute("UPDATE " + quote(before.name) + " SET " + quote(old.name) + " = " + conversion);
      }
    };
  }

  /** Whether PostgreSQL converts a column's values to the new type without USING (an assignment cast). */
  private static boolean assignable(TypeKind from, TypeKind to) {
    return from == to || to.isText() || from.isNumeric() && to.isNumeric()
        || temporal(from) && temporal(to);
  }

  private static boolean temporal(TypeKind kind) {
    return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ;
  }

  private static void setDefault(TableChange change, String name, String text, String sql)
      throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition after = before.copy();
    TableDefinition.Column column = column(after, name);
    generatedRefused(column, before.name, text == null ? "Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead."
        : null, "changing the default of a serial column");
    if (column.defaultSql == null && sql != null) {
      // A row older than the column holds no value for it, and SQLite reads the column's default in its place: so
      // far NULL. Rewritten, such rows keep reading NULL once the default is set.
      change.execute("UPDATE " + quote(before.name) + " SET " + quote(column.name) + " = NULL WHERE "
          + quote(column.name) + " IS NULL");
    }
    column.defaultText = text;
    column.defaultSql = sql;
    change.write(before, after);
  }

  private static void setNotNull(TableChange change, String name, boolean notNull) throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition after = before.copy();
    TableDefinition.Column column = column(after, name);
    if (notNull) {
      change.requireNoNulls(List.of(column.name));
    } else if (contains(before.primaryKey, column.name)) {
      throw new SqlError(Condition.INVALID_TABLE_DEFINITION, "column \"" + column.name + "\" is in a primary key");
    } else {
      generatedRefused(column, before.name, null, "dropping NOT NULL of a serial column");
    }
    column.notNull = notNull;
    change.write(before, after);
  }

  /**
   * Identity columns refuse changes to their default and NULLs as in PostgreSQL; serial columns are SQLite's row
   * id, which has no default to change and is never NULL.
   */
  private static void generatedRefused(TableDefinition.Column column, String table, String hint, String serial)
      throws SqlError {
    if (column.identity.equals(TableColumn.ALWAYS) || column.identity.equals(TableColumn.BY_DEFAULT)) {
      throw new SqlError(Condition.SYNTAX_ERROR, "column \"" + column.name + "\" of relation \"" + table
          + "\" is an identity column", null, hint, 0, null);
    }
    if (!column.identity.isEmpty()) {
      throw Expressions.unsupported(serial + " (" + column.name + ")");
    }
  }

  // ===================================================================================== RENAME

  private static void renameColumn(TableChange change, String name, String newName) throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition.Column column = before.column(name).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist"));
    if (before.column(newName).filter(c -> c != column).isPresent()) {
      throw new SqlError(Condition.DUPLICATE_COLUMN, "column \"" + newName + "\" of relation \"" + before.name
          + "\" already exists");
    }
    // SQLite renames the column in the table, its indexes, views and the foreign keys that refer to it.
    change.execute("ALTER TABLE " + quote(before.name) + " RENAME COLUMN " + quote(column.name) + " TO "
        + quote(newName));
    Metadata.renameColumn(change.connection(), before.name, column.name, newName);
    TableDefinition after = change.definition();
    after.checks.replaceAll(c -> new CheckConstraint(c.name(), c.sql(),
        renamed(c.definition(), column.name, newName)));
    after.record(change.connection());
  }

  private static void renameConstraint(TableChange change, String name, String newName)
      throws SQLException, SqlError {
    TableDefinition before = change.definition();
    TableDefinition after = before.copy();
    Optional<Index> key = keyConstraint(change, before, name);
    if (key.isPresent()) {
      indexName(change, newName, true);
      if (key.get().primary()) {
        after.primaryKeyName = newName;
        change.write(before, after);
      } else {
        change.execute("DROP INDEX " + quote(key.get().name()));
        change.execute(new Ddl.Key(newName, key.get().columns(), true).createSql(before.name));
        Metadata.renameConstraint(change.connection(), before.name, key.get().name(), newName);
      }
      return;
    }
    boolean found = before.constraintNames().stream().anyMatch(name::equalsIgnoreCase);
    if (!found) {
      throw new SqlError(Condition.UNDEFINED_OBJECT, "constraint \"" + name + "\" for table \"" + before.name
          + "\" does not exist");
    }
    constraintName(change, before, newName, true);
    after.checks.replaceAll(c -> c.name().equalsIgnoreCase(name) ? new CheckConstraint(newName, c.sql(),
        c.definition()) : c);
    after.foreignKeys.replaceAll(fk -> fk.name().equalsIgnoreCase(name) ? new ForeignKey(newName, fk.table(),
        fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onUpdate(), fk.onDelete()) : fk);
    change.write(before, after);
  }

  private static void renameTable(TableChange change, String newName) throws SQLException, SqlError {
    TableDefinition before = change.definition();
    if (change.relationExists(newName)) {
      throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + newName + "\" already exists");
    }
    // SQLite renames the table in its indexes, views and the foreign keys that refer to it.
    change.execute("ALTER TABLE " + quote(before.name) + " RENAME TO " + quote(newName));
    Metadata.renameTable(change.connection(), before.name, newName);
    change.table = newName;
  }

  /**
   * A CHECK condition as the user wrote it, with a column's new name: PostgreSQL prints conditions from their
   * parsed form, which follows renames. Function names (a word before a parenthesis) and strings are kept.
   */
  static String renamed(String condition, String column, String newName) {
    if (condition == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < condition.length()) {
      char c = condition.charAt(i);
      int end = i + 1;
      if (c == '\'' || c == '"') {
        while (end < condition.length() && (condition.charAt(end) != c
            || end + 1 < condition.length() && condition.charAt(end + 1) == c)) {
          end += condition.charAt(end) == c ? 2 : 1;
        }
        end = Math.min(end + 1, condition.length());
      } else if (Character.isLetter(c) || c == '_') {
        while (end < condition.length() && (Character.isLetterOrDigit(condition.charAt(end))
            || condition.charAt(end) == '_' || condition.charAt(end) == '$')) {
          end++;
        }
      }
      String token = condition.substring(i, end);
      String name = c == '"' ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
          : Character.isLetter(c) || c == '_' ? token.toLowerCase(Locale.ROOT) : null;
      boolean call = condition.substring(end).stripLeading().startsWith("(");
      out.append(name != null && !call && name.equals(column) ? IndexDefinitions.quote(newName) : token);
      i = end;
    }
    return out.toString();
  }

  private static boolean contains(List<String> names, String name) {
    return names.stream().anyMatch(name::equalsIgnoreCase);
  }
}
