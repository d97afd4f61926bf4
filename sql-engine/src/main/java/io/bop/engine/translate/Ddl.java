package io.bop.engine.translate;

import static io.bop.engine.translate.TableDefinition.quote;
import static io.bop.engine.translate.TableDefinition.quotedList;

import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.Dialect;
import io.bop.engine.parser.ast.BopColumnConstraint;
import io.bop.engine.parser.ast.BopColumnDefinition;
import io.bop.engine.parser.ast.BopCreateIndex;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopCreateView;
import io.bop.engine.parser.ast.BopDrop;
import io.bop.engine.parser.ast.BopMaintenance;
import io.bop.engine.parser.ast.BopTruncate;
import io.bop.engine.parser.ast.DropBehavior;
import io.bop.engine.parser.ast.BopReferences;
import io.bop.engine.parser.ast.BopTableConstraint;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.engine.types.TypeNames;
import io.bop.engine.translate.TableDefinition.CheckConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * CREATE and DROP. Tables are created with each column's declared type as its SQLite type (which gives SQLite
 * the right affinity), constraints named as PostgreSQL names them, and everything SQLite cannot hold recorded
 * in bop's {@link Metadata} tables in the same transaction.
 */
final class Ddl {
  private final Rewriter r;
  private final SourceText source;

  Ddl(Rewriter r, SourceText source) {
    this.r = r;
    this.source = source;
  }

  static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  static String checkedName(SqlIdentifier id) throws SqlError {
    if (id.names.size() > 1 && !id.names.get(id.names.size() - 2).equalsIgnoreCase("public")) {
      throw new SqlError(Condition.UNDEFINED_OBJECT, "schema \"" + id.names.get(id.names.size() - 2)
          + "\" does not exist");
    }
    String name = last(id);
    if (Metadata.isInternal(name)) {
      throw new SqlError(Condition.INSUFFICIENT_PRIVILEGE, "the name \"" + name + "\" is reserved for bop");
    }
    return name;
  }

  // ===================================================================================== CREATE TABLE

  /** A unique constraint or a (MySQL) index declared with a table: a SQLite index of its own. */
  record Key(String name, List<String> columns, boolean unique) {
    String createSql(String table) {
      return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table) + " ("
          + quotedList(columns) + ")";
    }
  }

  Plan createTable(BopCreateTable create) throws SqlError {
    if (create.temporary()) {
      throw Expressions.unsupported("temporary tables");
    }
    String table = checkedName(create.name());
    if (create.query() != null) {
      return createTableAs(create, table);
    }
    TableDefinition definition = new TableDefinition(table);
    List<Key> keys = new ArrayList<>();
    for (SqlNode node : create.columns()) {
      BopColumnDefinition columnDefinition = (BopColumnDefinition) node;
      TableDefinition.Column column = column(definition, columnDefinition, keys);
      if (r.dialect == Dialect.MYSQL) {
        column.collation = MySqlDdl.collation(columnDefinition, column.type, create);
      }
      if (definition.column(column.name).isPresent()) {
        throw new SqlError(Condition.DUPLICATE_COLUMN, "column \"" + column.name + "\" specified more than once");
      }
      definition.columns.add(column);
      Optional<BopColumnConstraint> primaryKey = columnDefinition.constraint(BopColumnConstraint.Kind.PRIMARY_KEY);
      if (primaryKey.isPresent()) {
        setPrimaryKey(definition, List.of(column.name), primaryKey.get().name());
      }
    }
    for (SqlNode node : create.constraints()) {
      BopTableConstraint constraint = (BopTableConstraint) node;
      List<String> columns = keyColumns(constraint, definition, false);
      SqlIdentifier name = constraint.name();
      switch (constraint.kind()) {
        case PRIMARY_KEY -> setPrimaryKey(definition, columns, name);
        case UNIQUE -> keys.add(unique(table, name, columns));
        case CHECK -> definition.checks.add(check(definition, name, constraint.check()));
        case FOREIGN_KEY -> definition.foreignKeys.add(foreignKey(table, name, columns, constraint.references()));
        case INDEX -> keys.add(index(table, name, columns));
      }
    }
    for (int i = 0; i < definition.foreignKeys.size(); i++) {
      definition.foreignKeys.set(i, resolved(definition.foreignKeys.get(i), definition));
    }
    definition.validate();
    String sql = definition.createSql();
    boolean ifNotExists = create.ifNotExists();
    List<String> options = r.dialect == Dialect.MYSQL ? MySqlDdl.optionStatements(create, table) : List.of();
    String comment = r.dialect == Dialect.MYSQL ? MySqlDdl.comment(create) : null;
    return new DdlPlan("CREATE TABLE", steps -> {
      if (steps.exists("table", table) || steps.exists("view", table)) {
        if (ifNotExists) {
          steps.notice("relation \"" + table + "\" already exists, skipping");
          return;
        }
        throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + table + "\" already exists");
      }
      steps.execute(sql);
      definition.record(steps.connection());
      for (String option : options) {
        steps.execute(option);
      }
      for (Key key : keys) {
        steps.execute(key.createSql(table));
        if (key.unique()) {
          Metadata.putConstraint(steps.connection(), table, key.name(), "u", key.columns(), null);
        }
      }
      if (comment != null) {
        Metadata.setTableComment(steps.connection(), table, comment);
      }
    });
  }

  /** Makes {@code columns} the primary key, which also makes them NOT NULL. */
  static void setPrimaryKey(TableDefinition table, List<String> columns, SqlIdentifier name) throws SqlError {
    if (!table.primaryKey.isEmpty()) {
      throw new SqlError(Condition.INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + table.name
          + "\" are not allowed");
    }
    table.primaryKey.addAll(columns);
    table.primaryKeyName = name == null ? null : name.getSimple();
    for (String key : columns) {
      table.column(key).orElseThrow().notNull = true;
    }
  }

  /**
   * A column definition of CREATE TABLE or ALTER TABLE ADD COLUMN; its CHECK and REFERENCES clauses are added to
   * {@code table}, its UNIQUE clause to {@code keys}. The column itself is not added, nor its PRIMARY KEY.
   */
  TableDefinition.Column column(TableDefinition table, BopColumnDefinition definition, List<Key> keys)
      throws SqlError {
    TableDefinition.Column column = new TableDefinition.Column(definition.name().getSimple(),
        Expressions.type(definition.type()));
    String typeName = definition.typeName().name().replace("\"", "").toLowerCase(Locale.ROOT);
    if (TypeNames.isSerial(typeName)) {
      column.identity = TableColumn.SERIAL;
      column.notNull = true;
      column.defaultText = "nextval('" + table.name + "_" + column.name + "_seq'::regclass)";
    }
    TableDefinition alone = new TableDefinition(table.name);
    alone.columns.add(column);
    for (SqlNode node : definition.constraints()) {
      BopColumnConstraint clause = (BopColumnConstraint) node;
      SqlIdentifier name = clause.name();
      switch (clause.kind()) {
        case NOT_NULL -> column.notNull = true;
        case NULL -> column.notNull = false;
        case PRIMARY_KEY -> { } // the caller's: it may make the column the row id
        case UNIQUE -> keys.add(unique(table.name, name, List.of(column.name)));
        case DEFAULT -> {
          column.defaultText = written(clause.expression());
          column.defaultSql = storedExpression(clause.expression(), Scope.empty(), column.type);
        }
        case CHECK -> table.checks.add(check(alone, name, clause.expression()));
        case REFERENCES -> table.foreignKeys.add(foreignKey(table.name, name, List.of(column.name),
            clause.references()));
        case GENERATED_ALWAYS_AS_IDENTITY -> column.identity = TableColumn.ALWAYS;
        case GENERATED_BY_DEFAULT_AS_IDENTITY -> column.identity = TableColumn.BY_DEFAULT;
        case AUTO_INCREMENT -> column.identity = TableColumn.AUTO_INCREMENT;
        case COMMENT -> column.comment = ((SqlLiteral) clause.expression()).getValueAs(String.class);
        case ON_UPDATE -> column.onUpdate = onUpdate(clause.expression(), column);
      }
    }
    if (!column.identity.isEmpty()) {
      column.notNull = true;
      if (!column.type.kind().isInteger()) {
        throw new SqlError(Condition.DATATYPE_MISMATCH, "identity column type must be smallint, integer, or bigint");
      }
    }
    return column;
  }

  /** MySQL's ON UPDATE value, as written; MySQL takes only the current time, for a DATETIME or TIMESTAMP column. */
  private String onUpdate(SqlNode value, TableDefinition.Column column) throws SqlError {
    String name = value instanceof SqlCall call ? call.getOperator().getName()
        : value instanceof SqlIdentifier id ? id.getSimple() : "";
    boolean now = List.of("current_timestamp", "now", "localtime", "localtimestamp")
        .contains(name.toLowerCase(Locale.ROOT));
    if (!now || column.type.kind() != TypeKind.TIMESTAMP && column.type.kind() != TypeKind.TIMESTAMPTZ) {
      throw new SqlError(Condition.INVALID_TABLE_DEFINITION, "Invalid ON UPDATE clause for '" + column.name
          + "' column");
    }
    return written(value);
  }

  /** The columns of a key constraint, as the table names them; PostgreSQL words a missing one differently in ALTER. */
  static List<String> keyColumns(BopTableConstraint constraint, TableDefinition table, boolean alter)
      throws SqlError {
    List<String> keys = new ArrayList<>();
    if (constraint.columns() == null) {
      return keys;
    }
    for (SqlNode node : constraint.columns()) {
      SqlNode key = node instanceof SqlCall call && call.getKind() == SqlKind.DESCENDING ? call.operand(0) : node;
      if (!(key instanceof SqlIdentifier id)) {
        throw Expressions.unsupported("an expression in a key constraint");
      }
      String name = last(id);
      TableDefinition.Column column = table.column(name).orElseThrow(() ->
          alter && constraint.kind() == BopTableConstraint.Kind.PRIMARY_KEY ? TableDefinition.noColumn(name, table.name)
          : new SqlError(Condition.UNDEFINED_COLUMN, constraint.kind() == BopTableConstraint.Kind.FOREIGN_KEY
              ? "column \"" + name + "\" referenced in foreign key constraint does not exist"
              : "column \"" + name + "\" named in key does not exist"));
      keys.add(column.name);
    }
    return keys;
  }

  static Key unique(String table, SqlIdentifier name, List<String> columns) {
    return new Key(name != null ? name.getSimple() : table + "_" + String.join("_", columns) + "_key", columns, true);
  }

  static Key index(String table, SqlIdentifier name, List<String> columns) {
    return new Key(name != null ? name.getSimple() : table + "_" + String.join("_", columns) + "_idx", columns, false);
  }

  /**
   * A CHECK on {@code table}'s columns. Unnamed, it is named as PostgreSQL names it: after the column if it
   * mentions exactly one, else after the table alone.
   */
  CheckConstraint check(TableDefinition table, SqlIdentifier name, SqlNode condition) throws SqlError {
    Scope scope = scope(table);
    Set<String> mentioned = new LinkedHashSet<>();
    condition.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlIdentifier id) {
        scope.resolve(id.names).ifPresent(c -> mentioned.add(c.name()));
        return null;
      }
    });
    String n = name != null ? name.getSimple()
        : table.name + "_" + (mentioned.size() == 1 ? mentioned.iterator().next() + "_" : "") + "check";
    return new CheckConstraint(n, storedExpression(condition, scope, SqlType.BOOLEAN), written(condition));
  }

  /** What an expression over a row of {@code table} can name. */
  static Scope scope(TableDefinition table) {
    Scope scope = Scope.empty();
    List<Scope.Column> visible = new ArrayList<>();
    for (TableDefinition.Column c : table.columns) {
      visible.add(new Scope.Column(c.name, c.type, table.name, 0, 0));
    }
    scope.add(new Scope.Source(table.name, visible, List.of()));
    return scope;
  }

  /** A FOREIGN KEY as written: the referenced columns are left empty if none were named. */
  static ForeignKey foreignKey(String table, SqlIdentifier name, List<String> columns, BopReferences references)
      throws SqlError {
    String referenced = checkedName(references.table());
    List<String> referencedColumns = new ArrayList<>();
    if (references.columns() != null) {
      for (SqlNode c : references.columns()) {
        referencedColumns.add(last((SqlIdentifier) c));
      }
    }
    String n = name != null ? name.getSimple() : table + "_" + String.join("_", columns) + "_fkey";
    return new ForeignKey(n, table, columns, referenced, referencedColumns,
        references.onUpdate() == null ? "NO ACTION" : references.onUpdate().sql,
        references.onDelete() == null ? "NO ACTION" : references.onDelete().sql);
  }

  /**
   * A foreign key of a new table, checked against the catalog unless it refers to the table itself. MySQL lets a
   * foreign key name the columns of a table that does not exist yet (mysqldump creates tables in name order, with
   * foreign_key_checks off); such a key is taken as written.
   */
  private ForeignKey resolved(ForeignKey fk, TableDefinition table) throws SqlError {
    if (fk.referencedTable().equalsIgnoreCase(table.name)) {
      return fk;
    }
    Optional<Table> target = r.catalog.table(fk.referencedTable()).filter(t -> !t.view());
    if (target.isEmpty() && r.dialect == Dialect.MYSQL && !fk.referencedColumns().isEmpty()) {
      return fk;
    }
    return referencing(fk, table, target.orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + fk.referencedTable() + "\" does not exist")));
  }

  /**
   * {@code fk} with the referenced table's names and its referenced columns filled in (the primary key if none
   * were named), refused as PostgreSQL refuses it unless they are the table's primary key or a unique key of
   * types {@code source}'s columns compare with.
   */
  static ForeignKey referencing(ForeignKey fk, TableDefinition source, Table target) throws SqlError {
    List<String> key = new ArrayList<>();
    if (fk.referencedColumns().isEmpty()) {
      key.addAll(target.primaryKey().orElseThrow(() -> new SqlError(Condition.INVALID_FOREIGN_KEY,
          "there is no primary key for referenced table \"" + target.name() + "\"")).columns());
    }
    for (String c : fk.referencedColumns()) {
      key.add(target.column(c).orElseThrow(() -> new SqlError(Condition.UNDEFINED_COLUMN,
          "column \"" + c + "\" referenced in foreign key constraint does not exist")).name());
    }
    if (key.size() != fk.columns().size()) {
      throw new SqlError(Condition.INVALID_FOREIGN_KEY,
          "number of referencing and referenced columns for foreign key disagree");
    }
    Set<String> wanted = lowerCase(key);
    boolean unique = target.indexes().stream()
        .anyMatch(i -> i.unique() && i.where() == null && lowerCase(i.columns()).equals(wanted));
    if (!unique) {
      throw new SqlError(Condition.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys for"
          + " referenced table \"" + target.name() + "\"");
    }
    for (int i = 0; i < key.size(); i++) {
      SqlType from = source.column(fk.columns().get(i)).orElseThrow().type;
      SqlType to = target.column(key.get(i)).orElseThrow().type();
      if (!comparable(from.kind(), to.kind())) {
        throw new SqlError(Condition.DATATYPE_MISMATCH, "foreign key constraint \"" + fk.name()
            + "\" cannot be implemented", "Key columns \"" + fk.columns().get(i) + "\" and \"" + key.get(i)
            + "\" are of incompatible types: " + from.pgFormat() + " and " + to.pgFormat() + ".", null, 0, null);
      }
    }
    return new ForeignKey(fk.name(), fk.table(), fk.columns(), target.name(), key, fk.onUpdate(), fk.onDelete());
  }

  /** Whether values of the two kinds compare, as a foreign key needs. */
  private static boolean comparable(TypeKind a, TypeKind b) {
    return a == b || a.isNumeric() && b.isNumeric() || a.isText() && b.isText();
  }

  static Set<String> lowerCase(List<String> names) {
    Set<String> set = new HashSet<>();
    names.forEach(n -> set.add(n.toLowerCase(Locale.ROOT)));
    return set;
  }

  /** An expression as the user wrote it. */
  String written(SqlNode expression) {
    String text = source.of(expression);
    return text != null ? text : SqliteDialect.unparse(expression);
  }

  /** An expression stored in the schema (a default or a check), in SQLite's terms. */
  String storedExpression(SqlNode expression, Scope scope, SqlType type) throws SqlError {
    return SqliteDialect.unparse(definitionExpression(expression, scope, type).node());
  }

  /**
   * An expression SQLite evaluates on its own, with no parameters: values the session would supply are computed
   * by SQLite.
   */
  Typed definitionExpression(SqlNode expression, Scope scope, SqlType type) throws SqlError {
    boolean before = r.definition;
    r.definition = true;
    try {
      return r.expressions.rewrite(expression, scope, type);
    } finally {
      r.definition = before;
    }
  }

  private Plan createTableAs(BopCreateTable create, String table) throws SqlError {
    Queries.Result query = r.queries.query(create.query(), null);
    TableDefinition definition = new TableDefinition(table);
    for (Typed column : query.columns()) {
      definition.columns.add(new TableDefinition.Column(column.name(),
          column.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT : column.type()));
    }
    if (!r.arguments().isEmpty()) {
      throw Expressions.unsupported("parameters or session values in CREATE TABLE AS");
    }
    String createSql = definition.createSql();
    String insertSql = "INSERT INTO " + quote(table) + " (" + quotedList(definition.columns.stream()
        .map(c -> c.name).toList()) + ") " + SqliteDialect.unparse(query.node());
    boolean ifNotExists = create.ifNotExists();
    return new DdlPlan("SELECT", steps -> {
      if (steps.exists("table", table)) {
        if (ifNotExists) {
          steps.notice("relation \"" + table + "\" already exists, skipping");
          return;
        }
        throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + table + "\" already exists");
      }
      steps.execute(createSql);
      steps.execute(insertSql);
      definition.record(steps.connection());
    });
  }

  // ===================================================================================== CREATE INDEX, VIEW

  Plan createIndex(BopCreateIndex create) throws SqlError {
    String table = checkedName(create.table());
    Table t = r.catalog.table(table).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
    Scope scope = Scope.empty();
    List<Scope.Column> columns = new ArrayList<>();
    for (TableColumn c : t.columns()) {
      columns.add(new Scope.Column(c.name(), c.type(), t.name(), t.oid(), c.number()));
    }
    scope.add(new Scope.Source(t.name(), columns, List.of()));
    List<String> keys = new ArrayList<>();
    List<String> keyNames = new ArrayList<>();
    for (SqlNode key : create.keys()) {
      boolean descending = false;
      SqlNode expression = key;
      while (expression instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
          || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
        descending |= call.getKind() == SqlKind.DESCENDING;
        expression = call.operand(0);
      }
      Typed typed = r.expressions.rewrite(expression, scope);
      keys.add((expression instanceof SqlIdentifier ? SqliteDialect.unparse(typed.node())
          : "(" + SqliteDialect.unparse(typed.node()) + ")") + (descending ? " DESC" : ""));
      keyNames.add(expression instanceof SqlIdentifier id ? last(id) : "expr");
    }
    String name = create.name() != null ? checkedName(create.name())
        : table + "_" + String.join("_", keyNames) + "_idx";
    String where = create.where() == null ? "" : " WHERE " + storedExpression(create.where(), scope, SqlType.BOOLEAN);
    String sql = "CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(t.name())
        + " (" + String.join(", ", keys) + ")" + where;
    boolean ifNotExists = create.ifNotExists();
    return new DdlPlan("CREATE INDEX", steps -> {
      if (steps.exists("index", name)) {
        if (ifNotExists) {
          steps.notice("relation \"" + name + "\" already exists, skipping");
          return;
        }
        throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
      }
      steps.execute(sql);
    });
  }

  Plan createView(BopCreateView create) throws SqlError {
    if (create.temporary()) {
      throw Expressions.unsupported("temporary views");
    }
    String view = checkedName(create.name());
    boolean before = r.definition;
    r.definition = true;
    Queries.Result query;
    try {
      query = r.queries.query(create.query(), null);
    } finally {
      r.definition = before;
    }
    if (r.arguments().stream().anyMatch(a -> a instanceof io.bop.engine.exec.Argument.Parameter)) {
      throw new SqlError(Condition.SYNTAX_ERROR, "there is no parameter $1");
    }
    List<String> names = new ArrayList<>();
    List<TableColumn> metadata = new ArrayList<>();
    for (int i = 0; i < query.columns().size(); i++) {
      Typed column = query.columns().get(i);
      String name = create.columns() != null && i < create.columns().size()
          ? ((SqlIdentifier) create.columns().get(i)).getSimple() : column.name();
      names.add(quote(name));
      SqlType type = column.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT : column.type();
      metadata.add(new TableColumn(name, i + 1, type, false, null, TableColumn.NO_IDENTITY, null));
    }
    String sql = "CREATE VIEW " + quote(view) + " (" + String.join(", ", names) + ") AS "
        + SqliteDialect.unparse(query.node());
    String written = written(create.query());
    boolean ifNotExists = create.ifNotExists();
    boolean orReplace = create.orReplace();
    return new DdlPlan("CREATE VIEW", steps -> {
      if (steps.exists("view", view) || steps.exists("table", view)) {
        if (orReplace && steps.exists("view", view)) {
          steps.execute("DROP VIEW " + quote(view));
          Metadata.dropTable(steps.connection(), view);
        } else if (ifNotExists) {
          steps.notice("relation \"" + view + "\" already exists, skipping");
          return;
        } else {
          throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + view + "\" already exists");
        }
      }
      steps.execute(sql);
      for (TableColumn column : metadata) {
        Metadata.putColumn(steps.connection(), view, column);
      }
      Metadata.putConstraint(steps.connection(), view, view, "v", List.of(), written); // for SHOW CREATE VIEW
    });
  }

  // ===================================================================================== DROP

  Plan drop(BopDrop drop) throws SqlError {
    List<String> names = new ArrayList<>();
    for (SqlNode n : drop.names()) {
      names.add(checkedName((SqlIdentifier) n));
    }
    boolean ifExists = drop.ifExists();
    switch (drop.objectType()) {
      case TABLE, VIEW -> {
        String kind = drop.objectType() == BopDrop.ObjectType.TABLE ? "table" : "view";
        boolean cascade = drop.behavior() == DropBehavior.CASCADE;
        return new DdlPlan("DROP " + kind.toUpperCase(Locale.ROOT), steps -> {
          // Tables dropped together may refer to each other: references are checked when the transaction commits.
          steps.execute("PRAGMA defer_foreign_keys = ON");
          for (String name : names) {
            if (!steps.exists(kind, name)) {
              if (ifExists) {
                steps.notice(kind + " \"" + name + "\" does not exist, skipping");
                continue;
              }
              throw new SqlError(Condition.UNDEFINED_TABLE, kind.equals("table")
                  ? "table \"" + name + "\" does not exist" : "view \"" + name + "\" does not exist");
            }
            TableChange change = new TableChange(steps, name);
            String what = kind + " " + name;
            change.dropDependents(change.references(fk -> names.stream().noneMatch(fk.table()::equalsIgnoreCase)),
                what, what, cascade);
            steps.execute("DROP " + kind.toUpperCase(Locale.ROOT) + " " + quote(name));
            Metadata.dropTable(steps.connection(), name);
            change.dropBrokenViews(what, cascade);
          }
        });
      }
      case INDEX -> {
        List<String> constraintIndexes = new ArrayList<>();
        for (Table t : r.catalog.tables()) {
          for (Index index : t.indexes()) {
            if (index.constraint() && names.stream().anyMatch(n -> n.equalsIgnoreCase(index.name()))) {
              constraintIndexes.add(index.name() + "\0" + t.name());
            }
          }
        }
        return new DdlPlan("DROP INDEX", steps -> {
          for (String name : names) {
            for (String c : constraintIndexes) {
              String[] parts = c.split("\0");
              if (parts[0].equalsIgnoreCase(name)) {
                throw new SqlError(Condition.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + name
                    + " because constraint " + parts[0] + " on table " + parts[1] + " requires it",
                    null, "You can drop constraint " + parts[0] + " on table " + parts[1] + " instead.", 0, null);
              }
            }
            if (!steps.exists("index", name)) {
              if (ifExists) {
                steps.notice("index \"" + name + "\" does not exist, skipping");
                continue;
              }
              throw new SqlError(Condition.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
            }
            steps.execute("DROP INDEX " + quote(name));
          }
        });
      }
      case SEQUENCE -> {
        return new SequenceDdl(r).drop(names, ifExists);
      }
      default -> throw Expressions.unsupported("DROP " + drop.objectType());
    }
  }

  // ===================================================================================== TRUNCATE, VACUUM

  Plan truncate(BopTruncate truncate) throws SqlError {
    List<String> tables = new ArrayList<>();
    for (SqlNode n : truncate.tables()) {
      String name = checkedName((SqlIdentifier) n);
      Table t = r.catalog.table(name).filter(x -> !x.view()).orElseThrow(() ->
          new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
      tables.add(t.name());
    }
    boolean cascade = truncate.behavior() == DropBehavior.CASCADE;
    // A table referencing a truncated one goes too (CASCADE) or makes TRUNCATE fail, as in PostgreSQL.
    for (int i = 0; i < tables.size(); i++) {
      for (Table other : r.catalog.tables()) {
        String truncated = tables.get(i);
        boolean references = other.foreignKeys().stream()
            .anyMatch(fk -> fk.referencedTable().equalsIgnoreCase(truncated));
        if (references && tables.stream().noneMatch(other.name()::equalsIgnoreCase)) {
          if (!cascade) {
            throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "cannot truncate a table referenced in a foreign key"
                + " constraint", "Table \"" + other.name() + "\" references \"" + tables.get(i) + "\".",
                "Truncate table \"" + other.name() + "\" at the same time, or use TRUNCATE ... CASCADE.", 0, null);
          }
          tables.add(other.name());
        }
      }
    }
    boolean restart = truncate.restartIdentity();
    return new DdlPlan("TRUNCATE TABLE", false, steps -> {
      // The tables go together, so references between them are checked when the transaction commits.
      steps.execute("PRAGMA defer_foreign_keys = ON");
      for (int i = 0; i < tables.size(); i++) {
        steps.execute("DELETE FROM " + quote(tables.get(i)));
        if (restart && steps.exists("table", "sqlite_sequence")) {
          steps.execute("DELETE FROM sqlite_sequence WHERE name = '" + tables.get(i).replace("'", "''") + "'");
        }
      }
    });
  }

  /** VACUUM and ANALYZE: both update SQLite's statistics; the file itself is never vacuumed (it is replicated). */
  Plan maintenance(BopMaintenance statement) throws SqlError {
    List<String> tables = new ArrayList<>();
    for (SqlNode n : statement.tables()) {
      String name = checkedName((SqlIdentifier) n);
      tables.add(r.catalog.table(name).orElseThrow(() ->
          new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist")).name());
    }
    boolean vacuum = statement.kind() == BopMaintenance.Kind.VACUUM;
    return new DdlPlan(vacuum ? "VACUUM" : "ANALYZE", false, steps -> {
      if (vacuum && steps.inTransactionBlock()) {
        throw new SqlError(Condition.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
      }
      if (tables.isEmpty()) {
        steps.execute("ANALYZE");
      }
      for (String table : tables) {
        steps.execute("ANALYZE " + quote(table));
      }
    });
  }

}
