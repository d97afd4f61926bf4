package io.bop.engine.translate;

import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Metadata;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Plan;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

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

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  private static String checkedName(SqlIdentifier id) throws SqlError {
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

  /** A column as it will be created. */
  private static final class NewColumn {
    String name;
    SqlType type;
    boolean notNull;
    boolean primaryKey;
    String identity = TableColumn.NO_IDENTITY;
    String defaultText;
    String defaultSql;
    String comment;
    final List<String> inline = new ArrayList<>();
  }

  /** A constraint as it will be created and recorded. */
  private record NewConstraint(String name, String kind, List<String> columns, String sql, String definition) {}

  Plan createTable(BopCreateTable create) throws SqlError {
    if (create.temporary()) {
      throw Expressions.unsupported("temporary tables");
    }
    String table = checkedName(create.name());
    if (create.query() != null) {
      return createTableAs(create, table);
    }
    Map<String, NewColumn> columns = new LinkedHashMap<>();
    List<NewConstraint> constraints = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    String primaryKeyName = null;
    for (SqlNode node : create.columns()) {
      BopColumnDefinition definition = (BopColumnDefinition) node;
      NewColumn column = column(table, definition, constraints);
      if (columns.put(column.name.toLowerCase(Locale.ROOT), column) != null) {
        throw new SqlError(Condition.DUPLICATE_OBJECT, "column \"" + column.name + "\" specified more than once");
      }
      if (column.primaryKey) {
        if (!primaryKey.isEmpty()) {
          throw new SqlError(Condition.INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + table
              + "\" are not allowed");
        }
        primaryKey.add(column.name);
        primaryKeyName = definition.constraint(BopColumnConstraint.Kind.PRIMARY_KEY).map(BopColumnConstraint::name)
            .map(SqlIdentifier::getSimple).orElse(null);
      }
    }
    for (SqlNode node : create.constraints()) {
      BopTableConstraint constraint = (BopTableConstraint) node;
      List<String> keys = keyColumns(constraint, columns, table);
      String name = constraint.name() == null ? null : constraint.name().getSimple();
      switch (constraint.kind()) {
        case PRIMARY_KEY -> {
          if (!primaryKey.isEmpty()) {
            throw new SqlError(Condition.INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + table
                + "\" are not allowed");
          }
          primaryKey.addAll(keys);
          primaryKeyName = name;
        }
        case UNIQUE -> constraints.add(unique(table, name, keys));
        case CHECK -> constraints.add(check(table, name, constraint.check(), columns));
        case FOREIGN_KEY -> constraints.add(foreignKey(table, name, keys, constraint.references()));
        case INDEX -> constraints.add(new NewConstraint(name != null ? name : table + "_" + String.join("_", keys) + "_idx",
            "index", keys, null, null));
      }
    }
    for (String key : primaryKey) {
      columns.get(key.toLowerCase(Locale.ROOT)).notNull = true;
    }
    NewColumn rowid = rowidAlias(columns, primaryKey);
    for (NewColumn column : columns.values()) {
      if (!column.identity.isEmpty() && column != rowid) {
        throw Expressions.unsupported("an identity or serial column that is not the table's only primary key column ("
            + column.name + ")");
      }
    }
    String pkName = primaryKeyName != null ? primaryKeyName : table + "_pkey";
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
    List<String> parts = new ArrayList<>();
    for (NewColumn column : columns.values()) {
      StringBuilder c = new StringBuilder(quote(column.name)).append(' ');
      if (column == rowid) {
        // Only a column declared exactly INTEGER becomes SQLite's row id; its real type is in the metadata.
        c.append("INTEGER PRIMARY KEY").append(column.identity.isEmpty() ? "" : " AUTOINCREMENT");
      } else {
        c.append(column.type.declaration());
      }
      if (column.notNull && column != rowid) {
        c.append(" NOT NULL");
      }
      if (column.defaultSql != null) {
        c.append(" DEFAULT (").append(column.defaultSql).append(')');
      }
      column.inline.forEach(clause -> c.append(' ').append(clause));
      parts.add(c.toString());
    }
    if (!primaryKey.isEmpty() && rowid == null) {
      parts.add("CONSTRAINT " + quote(pkName) + " PRIMARY KEY (" + quotedList(primaryKey) + ")");
    }
    for (NewConstraint c : constraints) {
      if (c.kind().equals("c") || c.kind().equals("f")) {
        parts.add(c.sql());
      }
    }
    sql.append(String.join(", ", parts)).append(')');
    List<String> statements = new ArrayList<>();
    statements.add(sql.toString());
    for (NewConstraint c : constraints) {
      if (c.kind().equals("u") || c.kind().equals("index")) {
        statements.add(c.sql() != null ? c.sql()
            : "CREATE INDEX " + quote(c.name()) + " ON " + quote(table) + " (" + quotedList(c.columns()) + ")");
      }
    }
    List<TableColumn> metadata = new ArrayList<>();
    int number = 1;
    for (NewColumn c : columns.values()) {
      metadata.add(new TableColumn(c.name, number++, c.type, c.notNull, c.defaultText, c.identity, c.comment));
    }
    List<NewConstraint> recorded = new ArrayList<>(constraints.stream().filter(c -> !c.kind().equals("index")).toList());
    if (!primaryKey.isEmpty()) {
      recorded.add(new NewConstraint(pkName, "p", primaryKey, null, null));
    }
    boolean ifNotExists = create.ifNotExists();
    return new DdlPlan("CREATE TABLE", steps -> {
      if (steps.exists("table", table) || steps.exists("view", table)) {
        if (ifNotExists) {
          steps.notice("relation \"" + table + "\" already exists, skipping");
          return;
        }
        throw new SqlError(Condition.DUPLICATE_TABLE, "relation \"" + table + "\" already exists");
      }
      for (String statement : statements) {
        steps.execute(statement);
      }
      for (TableColumn column : metadata) {
        Metadata.putColumn(steps.connection(), table, column);
      }
      for (NewConstraint c : recorded) {
        Metadata.putConstraint(steps.connection(), table, c.name(), c.kind(), c.columns(), c.definition());
      }
    });
  }

  private NewColumn column(String table, BopColumnDefinition definition, List<NewConstraint> constraints)
      throws SqlError {
    NewColumn column = new NewColumn();
    column.name = definition.name().getSimple();
    String typeName = definition.typeName().name().replace("\"", "").toLowerCase(Locale.ROOT);
    column.type = Expressions.type(definition.type());
    if (TypeNames.isSerial(typeName)) {
      column.identity = TableColumn.SERIAL;
      column.notNull = true;
      column.defaultText = "nextval('" + table + "_" + column.name + "_seq'::regclass)";
    }
    for (SqlNode node : definition.constraints()) {
      BopColumnConstraint clause = (BopColumnConstraint) node;
      String name = clause.name() == null ? null : clause.name().getSimple();
      switch (clause.kind()) {
        case NOT_NULL -> column.notNull = true;
        case NULL -> column.notNull = false;
        case PRIMARY_KEY -> column.primaryKey = true;
        case UNIQUE -> constraints.add(unique(table, name, List.of(column.name)));
        case DEFAULT -> {
          column.defaultText = source.of(clause.expression()) != null ? source.of(clause.expression())
              : SqliteDialect.unparse(clause.expression());
          column.defaultSql = storedExpression(clause.expression(), Scope.empty(), column.type);
        }
        case CHECK -> constraints.add(check(table, name, clause.expression(), Map.of(column.name.toLowerCase(Locale.ROOT),
            column)));
        case REFERENCES -> constraints.add(foreignKey(table, name, List.of(column.name), clause.references()));
        case GENERATED_ALWAYS_AS_IDENTITY -> column.identity = TableColumn.ALWAYS;
        case GENERATED_BY_DEFAULT_AS_IDENTITY -> column.identity = TableColumn.BY_DEFAULT;
        case AUTO_INCREMENT -> column.identity = TableColumn.AUTO_INCREMENT;
        case COMMENT -> column.comment = ((org.apache.calcite.sql.SqlLiteral) clause.expression()).getValueAs(String.class);
        case ON_UPDATE -> throw Expressions.unsupported("ON UPDATE in a column definition");
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

  /** The INTEGER PRIMARY KEY: the primary key if it is one integer column (all serial and identity columns are). */
  private static NewColumn rowidAlias(Map<String, NewColumn> columns, List<String> primaryKey) {
    if (primaryKey.size() == 1) {
      NewColumn c = columns.get(primaryKey.get(0).toLowerCase(Locale.ROOT));
      if (c.type.kind().isInteger() && !c.type.unsigned()) {
        return c;
      }
    }
    if (primaryKey.isEmpty()) {
      for (NewColumn c : columns.values()) {
        if (!c.identity.isEmpty()) {
          return c;
        }
      }
    }
    return null;
  }

  private static List<String> keyColumns(BopTableConstraint constraint, Map<String, NewColumn> columns, String table)
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
      NewColumn column = columns.get(last(id).toLowerCase(Locale.ROOT));
      if (column == null) {
        throw new SqlError(Condition.UNDEFINED_COLUMN, "column \"" + last(id) + "\" named in key does not exist");
      }
      keys.add(column.name);
    }
    return keys;
  }

  private static NewConstraint unique(String table, String name, List<String> columns) {
    String n = name != null ? name : table + "_" + String.join("_", columns) + "_key";
    return new NewConstraint(n, "u", columns,
        "CREATE UNIQUE INDEX " + quote(n) + " ON " + quote(table) + " (" + quotedList(columns) + ")", null);
  }

  private NewConstraint check(String table, String name, SqlNode condition, Map<String, NewColumn> columns)
      throws SqlError {
    Scope scope = Scope.empty();
    List<Scope.Column> visible = new ArrayList<>();
    for (NewColumn c : columns.values()) {
      visible.add(new Scope.Column(c.name, c.type, table, 0, 0));
    }
    scope.add(new Scope.Source(table, visible, List.of()));
    String n = name != null ? name : table + "_" + (columns.size() == 1 ? columns.values().iterator().next().name + "_"
        : "") + "check";
    String text = source.of(condition) != null ? source.of(condition) : SqliteDialect.unparse(condition);
    return new NewConstraint(n, "c", List.of(), "CONSTRAINT " + quote(n) + " CHECK ("
        + storedExpression(condition, scope, SqlType.BOOLEAN) + ")", text);
  }

  private NewConstraint foreignKey(String table, String name, List<String> columns, BopReferences references)
      throws SqlError {
    String referenced = checkedName(references.table());
    List<String> referencedColumns = new ArrayList<>();
    if (references.columns() != null) {
      for (SqlNode c : references.columns()) {
        referencedColumns.add(last((SqlIdentifier) c));
      }
    }
    if (!referenced.equalsIgnoreCase(table)) {
      Table target = r.catalog.table(referenced).orElseThrow(() ->
          new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + referenced + "\" does not exist"));
      if (referencedColumns.isEmpty()) {
        Index pk = target.primaryKey().orElseThrow(() -> new SqlError(Condition.INVALID_FOREIGN_KEY,
            "there is no primary key for referenced table \"" + referenced + "\""));
        referencedColumns.addAll(pk.columns());
      }
    }
    String n = name != null ? name : table + "_" + String.join("_", columns) + "_fkey";
    StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(n)).append(" FOREIGN KEY (")
        .append(quotedList(columns)).append(") REFERENCES ").append(quote(referenced));
    if (!referencedColumns.isEmpty()) {
      sql.append(" (").append(quotedList(referencedColumns)).append(')');
    }
    if (references.onDelete() != null) {
      sql.append(" ON DELETE ").append(references.onDelete().sql);
    }
    if (references.onUpdate() != null) {
      sql.append(" ON UPDATE ").append(references.onUpdate().sql);
    }
    return new NewConstraint(n, "f", columns, sql.toString(), null);
  }

  /** An expression stored in the schema (a default or a check), in SQLite's terms. */
  private String storedExpression(SqlNode expression, Scope scope, SqlType type) throws SqlError {
    boolean before = r.definition;
    r.definition = true;
    try {
      Typed typed = r.expressions.rewrite(expression, scope, type);
      return SqliteDialect.unparse(typed.node());
    } finally {
      r.definition = before;
    }
  }

  private Plan createTableAs(BopCreateTable create, String table) throws SqlError {
    Queries.Result query = r.queries.query(create.query(), null);
    List<String> definitions = new ArrayList<>();
    List<TableColumn> metadata = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Typed column : query.columns()) {
      SqlType type = column.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT : column.type();
      definitions.add(quote(column.name()) + " " + type.declaration());
      metadata.add(new TableColumn(column.name(), metadata.size() + 1, type, false, null, TableColumn.NO_IDENTITY, null));
      names.add(quote(column.name()));
    }
    String createSql = "CREATE TABLE " + quote(table) + " (" + String.join(", ", definitions) + ")";
    if (!r.arguments().isEmpty()) {
      throw Expressions.unsupported("parameters or session values in CREATE TABLE AS");
    }
    String insertSql = "INSERT INTO " + quote(table) + " (" + String.join(", ", names) + ") "
        + SqliteDialect.unparse(query.node());
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
      for (TableColumn column : metadata) {
        Metadata.putColumn(steps.connection(), table, column);
      }
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
        return new DdlPlan("DROP " + kind.toUpperCase(Locale.ROOT), steps -> {
          for (String name : names) {
            if (!steps.exists(kind, name)) {
              if (ifExists) {
                steps.notice(kind + " \"" + name + "\" does not exist, skipping");
                continue;
              }
              throw new SqlError(Condition.UNDEFINED_TABLE, kind.equals("table")
                  ? "table \"" + name + "\" does not exist" : "view \"" + name + "\" does not exist");
            }
            steps.execute("DROP " + kind.toUpperCase(Locale.ROOT) + " " + quote(name));
            Metadata.dropTable(steps.connection(), name);
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

  private static String quotedList(List<String> names) {
    return String.join(", ", names.stream().map(Ddl::quote).toList());
  }
}
