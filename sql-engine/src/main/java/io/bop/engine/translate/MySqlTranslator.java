package io.bop.engine.translate;

import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DatabasePlans;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqlitePlan;
import io.bop.engine.mysql.MySqlPlans;
import io.bop.engine.mysql.SystemVariables;
import io.bop.engine.parser.ast.BopAlterTable;
import io.bop.engine.parser.ast.BopAlterTableAction;
import io.bop.engine.parser.ast.BopCreateDatabase;
import io.bop.engine.parser.ast.BopCreateIndex;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopCreateView;
import io.bop.engine.parser.ast.BopDelete;
import io.bop.engine.parser.ast.BopDrop;
import io.bop.engine.parser.ast.BopInsert;
import io.bop.engine.parser.ast.BopKill;
import io.bop.engine.parser.ast.BopLockTables;
import io.bop.engine.parser.ast.BopOnConflict;
import io.bop.engine.parser.ast.BopOperators;
import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopSetVariables;
import io.bop.engine.parser.ast.BopShow;
import io.bop.engine.parser.ast.BopTransaction;
import io.bop.engine.parser.ast.BopUpdate;
import io.bop.engine.parser.ast.BopUse;
import io.bop.engine.parser.ast.BopVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * MySQL's statements, and MySQL's meaning of the statements both dialects share where it differs: SET of
 * variables, SHOW, USE, KILL, LOCK TABLES, CREATE / DROP DATABASE, INSERT's generated keys and ON DUPLICATE KEY
 * UPDATE, UPDATE and DELETE with ORDER BY and LIMIT. {@link Translator} asks here first for a MySQL statement;
 * null means "as PostgreSQL".
 */
final class MySqlTranslator {
  private static final org.apache.calcite.sql.parser.SqlParserPos POS = Expressions.POS;
  private final Rewriter r;

  MySqlTranslator(Rewriter r) {
    this.r = r;
  }

  Plan translate(SqlNode node) throws SqlError {
    if (Queries.isQuery(node)) {
      SqlNode rewritten = node.accept(HAVING_WITHOUT_GROUP_BY);
      if (calculatesFoundRows(rewritten)) {
        return calcFoundRows((SqlOrderBy) rewritten);
      }
      return rewritten == node ? null : Translator.query(r, rewritten);
    }
    if (node instanceof BopShow show) {
      return new MySqlShow(r).plan(show);
    }
    if (node instanceof BopUse use) {
      return new MySqlPlans.Use(use.database().getSimple());
    }
    if (node instanceof BopKill kill) {
      if (!(kill.id() instanceof SqlLiteral id)) {
        throw Expressions.unsupported("KILL of a parameter");
      }
      return new MySqlPlans.Kill(id.longValue(true), kill.queryOnly());
    }
    if (node instanceof BopLockTables lock) {
      if (lock.tables() != null) {
        for (SqlNode table : lock.tables()) {
          table((SqlIdentifier) table);
        }
      }
      return new MySqlPlans.Nothing(lock.tables() == null ? "UNLOCK TABLES" : "LOCK TABLES");
    }
    if (node instanceof BopSetVariables set) {
      return set(set.targets().getList(), set.values().getList());
    }
    if (node instanceof BopSessionStatement statement) {
      return session(statement);
    }
    if (node instanceof BopTransaction t && t.kind().name().startsWith("SET_")) {
      return transactionCharacteristics(t);
    }
    if (node instanceof BopCreateDatabase create) {
      return new DatabasePlans.Create(create.name().getSimple(), create.ifNotExists());
    }
    if (node instanceof BopDrop drop && (drop.objectType() == BopDrop.ObjectType.DATABASE
        || drop.objectType() == BopDrop.ObjectType.SCHEMA)) {
      return new DatabasePlans.Drop(Translator.names(drop.names()), drop.ifExists());
    }
    boolean tableStatement = node instanceof BopCreateTable || node instanceof BopCreateIndex
        || node instanceof BopCreateView || node instanceof BopDrop || node instanceof BopAlterTable
        || node instanceof BopInsert || node instanceof BopUpdate || node instanceof BopDelete;
    if (tableStatement && r.database == null) {
      throw new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected");
    }
    if (node instanceof BopAlterTable alter && onlyKeySwitches(alter)) {
      table(alter.name());
      return new MySqlPlans.Nothing("ALTER TABLE");
    }
    if (node instanceof BopInsert insert) {
      return insert(insert);
    }
    if (node instanceof BopUpdate update && (update.orderBy() != null || update.limit() != null)) {
      return new Dml(r).update(new BopUpdate(update.getParserPosition(), update.table(), update.getAlias(),
          update.getTargetColumnList(), update.getSourceExpressionList(), null,
          limited(update.table(), update.getAlias(), update.getCondition(), update.orderBy(), update.limit()),
          update.returning(), null, null));
    }
    if (node instanceof BopDelete delete && (delete.orderBy() != null || delete.limit() != null)) {
      return new Dml(r).delete(new BopDelete(delete.getParserPosition(), delete.table(), delete.getAlias(), null,
          limited(delete.table(), delete.getAlias(), delete.getCondition(), delete.orderBy(), delete.limit()),
          delete.returning(), null, null));
    }
    return null;
  }

  /** SELECT SQL_CALC_FOUND_ROWS ... LIMIT (without LIMIT, FOUND_ROWS() counts the rows returned anyway). */
  private static boolean calculatesFoundRows(SqlNode query) {
    return query instanceof SqlOrderBy orderBy && orderBy.fetch != null && orderBy.query instanceof SqlSelect select
        && select.getHints() != null && select.getHints().getList().stream()
            .anyMatch(h -> ((SqlHint) h).getName().equals("SQL_CALC_FOUND_ROWS"));
  }

  private Plan calcFoundRows(SqlOrderBy query) throws SqlError {
    SqlSelect count = new SqlSelect(POS, null, SqlNodeList.of(SqlStdOperatorTable.COUNT.createCall(POS,
        SqlIdentifier.star(POS))), SqlStdOperatorTable.AS.createCall(POS, query.query, new SqlIdentifier("found", POS)),
        null, null, null, null, null, null, null, null);
    return new MySqlPlans.CalcFoundRows(Translator.query(r, query), Translator.query(r, count));
  }

  private Table table(SqlIdentifier name) throws SqlError {
    String table = name.names.get(name.names.size() - 1);
    return r.catalog.table(table).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
  }

  // ===================================================================================== SET

  /** A single {@code SET [scope] name = value} (the form PostgreSQL shares), as MySQL's SET of variables. */
  private Plan session(BopSessionStatement s) throws SqlError {
    if (s.kind() != BopSessionStatement.Kind.SET) {
      throw new SqlError(Condition.SYNTAX_ERROR, "You have an error in your SQL syntax near '"
          + s.kind().name() + "'");
    }
    String name = String.join(".", s.name().names);
    if (name.equals("timezone")) {
      name = "time_zone";
    }
    BopSessionStatement.Scope scope = s.scope() == BopSessionStatement.Scope.LOCAL ? BopSessionStatement.Scope.SESSION
        : s.scope();
    if (s.values().size() != 1) {
      throw new SqlError(Condition.SYNTAX_ERROR, "SET " + name + " takes one value");
    }
    return set(List.of(new BopVariable(s.name().getParserPosition(), BopVariable.Kind.SYSTEM, scope, name)),
        List.of(s.values().get(0)));
  }

  /**
   * SET of variables: the values are computed by one query (identifiers such as ON or utf8mb4 are their names as
   * text), then assigned in order.
   */
  private Plan set(List<SqlNode> targets, List<SqlNode> values) throws SqlError {
    List<MySqlPlans.Target> out = new ArrayList<>();
    List<SqlNode> computed = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      BopVariable v = (BopVariable) targets.get(i);
      SqlNode value = values.get(i);
      boolean reset = value.getKind() == SqlKind.DEFAULT;
      String name = v.name().toLowerCase(Locale.ROOT);
      String collation = null;
      MySqlPlans.TargetKind kind;
      if (v.kind() == BopVariable.Kind.USER) {
        kind = MySqlPlans.TargetKind.USER;
        name = v.name();
      } else if (name.equals("names") || name.equals("character set")) {
        kind = MySqlPlans.TargetKind.NAMES;
        if (value instanceof SqlCall call && call.getOperator() == BopOperators.COLLATE) {
          collation = ((SqlIdentifier) call.operand(1)).getSimple();
          value = call.operand(0);
        }
      } else {
        name = SystemVariables.definition(name).name();
        kind = v.scope() == BopSessionStatement.Scope.GLOBAL ? MySqlPlans.TargetKind.GLOBAL
            : MySqlPlans.TargetKind.SESSION;
      }
      out.add(new MySqlPlans.Target(kind, name, reset, collation));
      if (!reset) {
        computed.add(value instanceof SqlIdentifier id && id.isSimple() && kind != MySqlPlans.TargetKind.USER
            ? Expressions.charLiteral(id.getSimple()) : value);
      }
    }
    return new MySqlPlans.SetVariables(out, computed.isEmpty() ? null : values(computed));
  }

  /** A query of one row: the values, in order. */
  private Plan values(List<SqlNode> values) throws SqlError {
    SqlSelect select = new SqlSelect(POS, null, new SqlNodeList(values, POS), null, null, null, null, null, null,
        null, null, null);
    Queries.Result result = r.queries.query(select, null);
    return new SqlitePlan(SqliteDialect.unparse(result.node()), r.arguments(), r.parameterTypes(),
        Queries.describe(result.columns()), false, "SELECT", List.copyOf(r.catalogRelations), r.times());
  }

  /** SET [SESSION | GLOBAL] TRANSACTION {ISOLATION LEVEL level | READ ONLY | READ WRITE}, ...: its variables. */
  private Plan transactionCharacteristics(BopTransaction t) throws SqlError {
    BopSessionStatement.Scope scope = t.kind() == BopTransaction.Kind.SET_GLOBAL_TRANSACTION
        ? BopSessionStatement.Scope.GLOBAL : BopSessionStatement.Scope.SESSION;
    List<SqlNode> targets = new ArrayList<>();
    List<SqlNode> values = new ArrayList<>();
    for (BopTransaction.Mode mode : t.modes()) {
      if (mode.isIsolationLevel()) {
        targets.add(new BopVariable(POS, BopVariable.Kind.SYSTEM, scope, "transaction_isolation"));
        values.add(Expressions.charLiteral(mode.sql.substring("ISOLATION LEVEL ".length()).replace(' ', '-')));
      } else if (mode == BopTransaction.Mode.READ_ONLY || mode == BopTransaction.Mode.READ_WRITE) {
        targets.add(new BopVariable(POS, BopVariable.Kind.SYSTEM, scope, "transaction_read_only"));
        values.add(Expressions.charLiteral(mode == BopTransaction.Mode.READ_ONLY ? "ON" : "OFF"));
      }
    }
    return set(targets, values);
  }

  // ===================================================================================== INSERT, UPDATE, DELETE

  /**
   * INSERT as MySQL means it: a NOT NULL column without default left out is an error (strict mode); ON DUPLICATE
   * KEY UPDATE reads the proposed row as {@code VALUES(column)} or through the row alias; the last insert id is the
   * first generated key.
   */
  private Plan insert(BopInsert insert) throws SqlError {
    Table table = table(insert.table());
    if (insert.getTargetColumnList() != null) {
      requireDefaults(table, insert.getTargetColumnList());
    }
    BopOnConflict conflict = insert.onConflict();
    if (conflict != null && conflict.action() == BopOnConflict.Action.DO_UPDATE && conflict.targetColumns() == null
        && conflict.targetConstraint() == null) {
      SqlShuttle proposedRow = proposedRow(insert.rowAlias());
      conflict = new BopOnConflict(conflict.getParserPosition(), null, null, null, BopOnConflict.Action.DO_UPDATE,
          conflict.updateColumns(), (SqlNodeList) conflict.updateValues().accept(proposedRow), null);
      insert = new BopInsert(insert.getParserPosition(), insert.verb(), insert.table(), insert.alias(),
          insert.getTargetColumnList(), insert.getSource(), null, conflict, insert.returning());
    }
    boolean generatesKeys = table.columns().stream().anyMatch(TableColumn::generated);
    return new MySqlPlans.Insert(new Dml(r).insert(insert), generatesKeys);
  }

  private static void requireDefaults(Table table, SqlNodeList targets) throws SqlError {
    for (TableColumn c : table.columns()) {
      boolean given = targets.getList().stream().anyMatch(t -> t instanceof SqlIdentifier id
          && id.names.get(id.names.size() - 1).equalsIgnoreCase(c.name()));
      if (!given && c.notNull() && c.defaultText() == null && !c.generated()) {
        throw new SqlError(Condition.NO_DEFAULT_FOR_FIELD, "Field '" + c.name() + "' doesn't have a default value");
      }
    }
  }

  /** {@code VALUES(column)} and {@code alias.column} of the row alias become SQLite's {@code excluded.column}. */
  private static SqlShuttle proposedRow(SqlIdentifier rowAlias) {
    return new SqlShuttle() {
      @Override public SqlNode visit(SqlCall call) {
        if (call.getKind() != SqlKind.OTHER_FUNCTION || !Expressions.functionName(call.getOperator()).equals("values")
            || call.operandCount() != 1 || !(call.operand(0) instanceof SqlIdentifier column)) {
          return super.visit(call);
        }
        return excluded(column);
      }

      @Override public SqlNode visit(SqlIdentifier id) {
        return rowAlias != null && id.names.size() == 2 && id.names.get(0).equalsIgnoreCase(rowAlias.getSimple())
            ? excluded(id) : id;
      }
    };
  }

  private static SqlIdentifier excluded(SqlIdentifier column) {
    return new SqlIdentifier(List.of("excluded", column.names.get(column.names.size() - 1)), POS);
  }

  /**
   * The rows UPDATE or DELETE with ORDER BY and LIMIT change, which SQLite (as built) cannot limit itself:
   * {@code rowid IN (SELECT rowid FROM table WHERE condition ORDER BY ... LIMIT n)}.
   */
  private static SqlNode limited(SqlIdentifier table, SqlIdentifier alias, SqlNode condition, SqlNodeList orderBy,
      SqlNode limit) {
    SqlNode from = alias == null ? table : SqlStdOperatorTable.AS.createCall(POS, table, alias);
    SqlSelect select = new SqlSelect(POS, null, SqlNodeList.of(new SqlIdentifier("rowid", POS)), from, condition,
        null, null, null, null, null, null, null);
    SqlNode rows = new SqlOrderBy(POS, select, orderBy == null ? SqlNodeList.EMPTY : orderBy, null, limit);
    return SqlStdOperatorTable.IN.createCall(POS, new SqlIdentifier("rowid", POS), rows);
  }

  /**
   * MySQL lets HAVING filter the rows of a query without GROUP BY and aggregates, naming select items by their
   * aliases; SQLite does not. Such a HAVING joins the WHERE clause, with each alias replaced by its expression.
   */
  private static final SqlShuttle HAVING_WITHOUT_GROUP_BY = new SqlShuttle() {
    @Override public SqlNode visit(SqlCall call) {
      SqlNode visited = super.visit(call);
      if (!(visited instanceof SqlSelect select) || select.getHaving() == null || select.getGroup() != null
          || aggregates(select.getSelectList())) {
        return visited;
      }
      java.util.Map<String, SqlNode> aliases = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (SqlNode item : select.getSelectList()) {
        if (item.getKind() == SqlKind.AS) {
          aliases.put(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple(), ((SqlCall) item).operand(0));
        }
      }
      SqlNode having = select.getHaving().accept(new SqlShuttle() {
        @Override public SqlNode visit(SqlIdentifier id) {
          return id.isSimple() && aliases.containsKey(id.getSimple()) ? aliases.get(id.getSimple()) : id;
        }
      });
      SqlSelect copy = (SqlSelect) select.clone(select.getParserPosition());
      copy.setHaving(null);
      copy.setWhere(select.getWhere() == null ? having
          : SqlStdOperatorTable.AND.createCall(POS, select.getWhere(), having));
      return copy;
    }
  };

  private static boolean aggregates(SqlNodeList items) {
    boolean[] found = {false};
    items.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlCall call) {
        if (call.getOperator().isAggregator()) {
          found[0] = true;
        }
        return Queries.isQuery(call) ? null : super.visit(call);
      }
    });
    return found[0];
  }

  private static boolean onlyKeySwitches(BopAlterTable alter) {
    return alter.actions().getList().stream().allMatch(a -> ((BopAlterTableAction) a).kind()
        == BopAlterTableAction.Kind.DISABLE_KEYS || ((BopAlterTableAction) a).kind() == BopAlterTableAction.Kind.ENABLE_KEYS);
  }
}
