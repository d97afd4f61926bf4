package io.bop.engine.translate;

import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqlitePlan;
import io.bop.engine.parser.ast.BopDelete;
import io.bop.engine.parser.ast.BopInsert;
import io.bop.engine.parser.ast.BopOnConflict;
import io.bop.engine.parser.ast.BopUpdate;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * INSERT, UPDATE and DELETE. SQLite shares PostgreSQL's RETURNING and ON CONFLICT; the translation types the
 * values against the target columns and converts them to their storage form.
 */
final class Dml {
  private final Rewriter r;

  Dml(Rewriter r) {
    this.r = r;
  }

  private Table target(SqlIdentifier name) throws SqlError {
    String table = name.names.get(name.names.size() - 1);
    Table t = r.catalog.table(table).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
    if (t.view()) {
      throw new SqlError(Condition.WRONG_OBJECT_TYPE, "cannot change view \"" + t.name() + "\"");
    }
    return t;
  }

  private static Scope tableScope(Table table, String alias) {
    Scope scope = Scope.empty();
    scope.add(new Scope.Source(alias != null ? alias : table.name(), columns(table), List.of()));
    return scope;
  }

  private static List<Scope.Column> columns(Table table) {
    List<Scope.Column> columns = new ArrayList<>();
    for (TableColumn c : table.columns()) {
      columns.add(new Scope.Column(c.name(), c.type(), table.name(), table.oid(), c.number()));
    }
    return columns;
  }

  // ===================================================================================== INSERT

  Plan insert(BopInsert insert) throws SqlError {
    Table table = target(insert.table());
    List<TableColumn> targets = new ArrayList<>();
    if (insert.getTargetColumnList() != null) {
      for (SqlNode c : insert.getTargetColumnList()) {
        String name = ((SqlIdentifier) c).names.get(((SqlIdentifier) c).names.size() - 1);
        targets.add(table.column(name).orElseThrow(() -> new SqlError(Condition.UNDEFINED_COLUMN,
            "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist")));
      }
    } else {
      targets.addAll(table.columns());
    }
    StringBuilder sql = new StringBuilder(switch (insert.verb()) {
      case INSERT -> "INSERT INTO ";
      case INSERT_IGNORE -> "INSERT OR IGNORE INTO ";
      case REPLACE -> "REPLACE INTO ";
    });
    sql.append(SqliteDialect.unparse(new SqlIdentifier(table.name(), Expressions.POS)));
    if (insert.alias() != null) {
      sql.append(" AS ").append(SqliteDialect.unparse(insert.alias()));
    }
    if (insert.isDefaultValues()) {
      sql.append(" DEFAULT VALUES");
    } else {
      SqlNode source = insert.getSource();
      List<TableColumn> written = new ArrayList<>(targets);
      SqlNode rewritten = source.getKind() == SqlKind.VALUES ? values((SqlCall) source, written)
          : selectSource(source, written);
      sql.append(" (");
      for (int i = 0; i < written.size(); i++) {
        sql.append(i > 0 ? ", " : "").append(SqliteDialect.unparse(new SqlIdentifier(written.get(i).name(), Expressions.POS)));
      }
      sql.append(") ").append(SqliteDialect.unparse(rewritten));
      if (insert.onConflict() != null && source.getKind() != SqlKind.VALUES && !hasWhere(rewritten)) {
        // SQLite reads "SELECT … ON CONFLICT" as a join constraint unless the SELECT has a WHERE.
        sql.append(" WHERE true");
      }
    }
    if (insert.onConflict() != null) {
      sql.append(onConflict(insert.onConflict(), table, insert.alias()));
    }
    List<Typed> returning = returning(insert.returning(), table, insert.alias() == null ? null
        : insert.alias().getSimple(), sql);
    return new SqlitePlan(sql.toString(), r.arguments(), r.parameterTypes(),
        returning == null ? null : Queries.describe(returning), true, "INSERT", List.copyOf(r.catalogRelations),
        r.times());
  }

  /**
   * VALUES rows, each value typed by its column. SQLite has no DEFAULT inside VALUES: a column that is DEFAULT
   * in every row is left out of the column list, so SQLite applies its default.
   */
  private SqlNode values(SqlCall values, List<TableColumn> targets) throws SqlError {
    List<List<SqlNode>> rows = new ArrayList<>();
    for (SqlNode row : values.getOperandList()) {
      List<SqlNode> fields = row instanceof SqlCall c && c.getKind() == SqlKind.ROW ? c.getOperandList() : List.of(row);
      if (fields.size() > targets.size()) {
        throw new SqlError(Condition.SYNTAX_ERROR, "INSERT has more expressions than target columns");
      }
      rows.add(fields);
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      final int column = i;
      boolean allDefault = rows.stream().allMatch(f -> column >= f.size() || f.get(column).getKind() == SqlKind.DEFAULT);
      boolean anyDefault = rows.stream().anyMatch(f -> column < f.size() && f.get(column).getKind() == SqlKind.DEFAULT);
      if (!allDefault) {
        if (anyDefault) {
          throw Expressions.unsupported("DEFAULT in some rows of a multi-row VALUES but not others");
        }
        keep.add(i);
      }
    }
    List<SqlNode> rewrittenRows = new ArrayList<>();
    Scope scope = Scope.empty();
    for (List<SqlNode> fields : rows) {
      List<SqlNode> rewritten = new ArrayList<>();
      for (int i : keep) {
        rewritten.add(value(fields.get(i), targets.get(i), scope));
      }
      rewrittenRows.add(SqlStdOperatorTable.ROW.createCall(Expressions.POS, rewritten));
    }
    List<TableColumn> kept = keep.stream().map(targets::get).toList();
    targets.clear();
    targets.addAll(kept);
    if (targets.isEmpty()) {
      throw Expressions.unsupported("INSERT with only DEFAULT values; write DEFAULT VALUES");
    }
    return SqlStdOperatorTable.VALUES.createCall(Expressions.POS, rewrittenRows);
  }

  private SqlNode selectSource(SqlNode query, List<TableColumn> targets) throws SqlError {
    Queries.Result result = r.queries.query(query, null);
    if (result.columns().size() > targets.size()) {
      throw new SqlError(Condition.SYNTAX_ERROR, "INSERT has more expressions than target columns");
    }
    while (targets.size() > result.columns().size()) {
      targets.remove(targets.size() - 1);
    }
    if (result.node() instanceof SqlSelect select && needsConversion(result.columns(), targets)) {
      List<SqlNode> items = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        items.add(convertForColumn(result.columns().get(i), targets.get(i).type()));
      }
      select.setSelectList(new SqlNodeList(items, Expressions.POS));
    }
    return result.node();
  }

  private static boolean needsConversion(List<Typed> values, List<TableColumn> targets) {
    for (int i = 0; i < targets.size(); i++) {
      if (conversionNeeded(values.get(i).type(), targets.get(i).type())) {
        return true;
      }
    }
    return false;
  }

  /** Whether SQLite's column affinity alone would store a value of {@code from} wrongly for {@code to}. */
  private static boolean conversionNeeded(SqlType from, SqlType to) {
    TypeKind f = from.kind();
    TypeKind t = to.kind();
    if (f == t || f == TypeKind.UNKNOWN && t.isText() || t == TypeKind.UNKNOWN) {
      return false;
    }
    if (t.isNumeric() && (f.isNumeric() || f == TypeKind.BOOLEAN)) {
      return t.isInteger() && !f.isInteger() && f != TypeKind.BOOLEAN;
    }
    if (t.isText() && f.isText()) {
      return false;
    }
    return true;
  }

  private SqlNode value(SqlNode value, TableColumn column, Scope scope) throws SqlError {
    if (value instanceof SqlLiteral literal && literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR
        && column.type().kind().isText()) {
      // Assigning a string checks it against the column, as PostgreSQL does (varchar(n) length, char(n) padding).
      return Expressions.storageLiteral(io.bop.engine.types.Values.toStorage(column.type(),
          literal.getValueAs(String.class), java.time.ZoneOffset.UTC));
    }
    BigDecimal number = Expressions.numericLiteral(value);
    if (number != null && column.type().kind().isInteger()) {
      // Assigning a number checks it against the column's range, as PostgreSQL and MySQL do (SQLite saturates).
      return Expressions.storageLiteral(io.bop.engine.types.Values.toStorage(column.type(), number,
          java.time.ZoneOffset.UTC));
    }
    Typed typed = r.expressions.rewrite(value, scope, column.type());
    return convertForColumn(typed, column.type());
  }

  private SqlNode convertForColumn(Typed typed, SqlType type) throws SqlError {
    if (typed.node() instanceof Placeholder || typed.node() instanceof SqlLiteral
        || !conversionNeeded(typed.type(), type)) {
      return typed.node();
    }
    return r.expressions.convert(typed, type);
  }

  private static boolean hasWhere(SqlNode query) {
    return query instanceof SqlSelect s && s.getWhere() != null;
  }

  private String onConflict(BopOnConflict conflict, Table table, SqlIdentifier alias) throws SqlError {
    StringBuilder sql = new StringBuilder(" ON CONFLICT");
    List<String> targetColumns = new ArrayList<>();
    if (conflict.targetColumns() != null) {
      for (SqlNode c : conflict.targetColumns()) {
        targetColumns.add(SqliteDialect.unparse(r.expressions.rewrite(c, tableScope(table, null)).node()));
      }
    } else if (conflict.targetConstraint() != null) {
      String name = conflict.targetConstraint().getSimple();
      var index = table.indexes().stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new SqlError(Condition.UNDEFINED_OBJECT,
              "constraint \"" + name + "\" for table \"" + table.name() + "\" does not exist"));
      for (String c : index.columns()) {
        targetColumns.add(SqliteDialect.unparse(new SqlIdentifier(c, Expressions.POS)));
      }
    }
    if (!targetColumns.isEmpty()) {
      sql.append(" (").append(String.join(", ", targetColumns)).append(")");
      if (conflict.targetWhere() != null) {
        sql.append(" WHERE ").append(SqliteDialect.unparse(
            r.expressions.condition(conflict.targetWhere(), tableScope(table, null))));
      }
    }
    if (conflict.action() == BopOnConflict.Action.DO_NOTHING) {
      return sql.append(" DO NOTHING").toString();
    }
    // DO UPDATE sees the target row (by table name or alias) and the proposed row as "excluded".
    Scope scope = tableScope(table, alias == null ? null : alias.getSimple());
    scope.add(new Scope.Source("excluded", columns(table), List.of()));
    sql.append(" DO UPDATE SET ");
    List<String> assignments = assignments(conflict.updateColumns(), conflict.updateValues(), table, scope);
    sql.append(String.join(", ", assignments));
    if (conflict.updateWhere() != null) {
      sql.append(" WHERE ").append(SqliteDialect.unparse(r.expressions.condition(conflict.updateWhere(), scope)));
    }
    return sql.toString();
  }

  private List<String> assignments(SqlNodeList columns, SqlNodeList values, Table table, Scope scope)
      throws SqlError {
    List<String> out = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      SqlNode target = columns.get(i);
      SqlNode value = values.get(i);
      if (target instanceof SqlNodeList rowTargets) {
        List<String> names = new ArrayList<>();
        for (SqlNode t : rowTargets) {
          names.add(SqliteDialect.unparse(new SqlIdentifier(column(table, (SqlIdentifier) t).name(), Expressions.POS)));
        }
        out.add("(" + String.join(", ", names) + ") = " + SqliteDialect.unparse(r.expressions.rewrite(value, scope).node()));
        continue;
      }
      TableColumn column = column(table, (SqlIdentifier) target);
      String name = SqliteDialect.unparse(new SqlIdentifier(column.name(), Expressions.POS));
      if (value.getKind() == SqlKind.DEFAULT) {
        throw Expressions.unsupported("SET " + column.name() + " = DEFAULT");
      }
      String assigned = SqliteDialect.unparse(value(value, column, scope));
      out.add(name + " = " + assigned);
      changes.put(column.name().toLowerCase(Locale.ROOT), name + " IS NOT " + assigned);
    }
    for (TableColumn column : table.columns()) {
      if (column.onUpdate() != null && !changes.containsKey(column.name().toLowerCase(Locale.ROOT))) {
        // MySQL's ON UPDATE CURRENT_TIMESTAMP: the column takes the time when the others change value
        String name = SqliteDialect.unparse(new SqlIdentifier(column.name(), Expressions.POS));
        String now = SqliteDialect.unparse(value(SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(Expressions.POS),
            column, scope));
        String changed = changes.isEmpty() ? "1" : String.join(" OR ", changes.values());
        out.add(name + " = CASE WHEN " + changed + " THEN " + now + " ELSE " + name + " END");
      }
    }
    return out;
  }

  private static TableColumn column(Table table, SqlIdentifier id) throws SqlError {
    String name = id.names.get(id.names.size() - 1);
    return table.column(name).orElseThrow(() -> new SqlError(Condition.UNDEFINED_COLUMN,
        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist"));
  }

  private List<Typed> returning(SqlNodeList items, Table table, String alias, StringBuilder sql) throws SqlError {
    if (items == null) {
      return null;
    }
    SqlSelect select = new SqlSelect(Expressions.POS, null, items, new SqlIdentifier(table.name(), Expressions.POS),
        null, null, null, null, null, null, null, null);
    Scope scope = tableScope(table, alias);
    List<Typed> columns = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        for (Scope.Column c : scope.star()) {
          out.add(SqliteDialect.unparse(new SqlIdentifier(c.name(), Expressions.POS)));
          columns.add(new Typed(new SqlIdentifier(c.name(), Expressions.POS), c.type(), c.name(), c));
        }
        continue;
      }
      String name = null;
      SqlNode expression = item;
      if (item.getKind() == SqlKind.AS) {
        expression = ((SqlCall) item).operand(0);
        name = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
      }
      Typed typed = r.expressions.rewrite(expression, scope);
      out.add(SqliteDialect.unparse(unqualified(typed.node(), table, alias)));
      columns.add(new Typed(typed.node(), typed.type(), name != null ? name : typed.name(), typed.origin()));
    }
    sql.append(" RETURNING ").append(String.join(", ", out));
    return columns;
  }

  /** SQLite's RETURNING sees only the target table, by bare column names: {@code e.name} becomes {@code name}. */
  private static SqlNode unqualified(SqlNode node, Table table, String alias) {
    return node.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() == 2 && (id.names.get(0).equalsIgnoreCase(table.name())
            || alias != null && id.names.get(0).equalsIgnoreCase(alias))) {
          return new SqlIdentifier(id.names.get(1), Expressions.POS);
        }
        return id;
      }
    });
  }

  // ===================================================================================== UPDATE, DELETE

  /** MySQL's ORDER BY and LIMIT of UPDATE and DELETE, which only MySQL has (see MySqlTranslator). */
  private static void refuseOrderAndLimit(SqlNodeList orderBy, SqlNode limit, String statement) throws SqlError {
    if (orderBy != null || limit != null) {
      throw Expressions.unsupported("ORDER BY and LIMIT in " + statement);
    }
  }

  Plan update(BopUpdate update) throws SqlError {
    refuseOrderAndLimit(update.orderBy(), update.limit(), "UPDATE");
    Table table = target(update.table());
    String alias = update.getAlias() == null ? null : update.getAlias().getSimple();
    Scope scope = tableScope(table, alias);
    StringBuilder sql = new StringBuilder("UPDATE ")
        .append(SqliteDialect.unparse(new SqlIdentifier(table.name(), Expressions.POS)));
    if (alias != null) {
      sql.append(" AS ").append(SqliteDialect.unparse(new SqlIdentifier(alias, Expressions.POS)));
    }
    String from = null;
    if (update.from() != null) {
      // The FROM items see the target table, and SET and WHERE see both.
      scope = scope.child();
      from = SqliteDialect.unparse(r.queries.from(update.from(), scope));
    }
    sql.append(" SET ").append(String.join(", ", assignments(update.getTargetColumnList(),
        update.getSourceExpressionList(), table, scope)));
    if (from != null) {
      sql.append(" FROM ").append(from);
    }
    if (update.getCondition() != null) {
      sql.append(" WHERE ").append(SqliteDialect.unparse(r.expressions.condition(update.getCondition(), scope)));
    }
    List<Typed> returning = returning(update.returning(), table, alias, sql);
    return new SqlitePlan(sql.toString(), r.arguments(), r.parameterTypes(),
        returning == null ? null : Queries.describe(returning), true, "UPDATE", List.copyOf(r.catalogRelations),
        r.times());
  }

  Plan delete(BopDelete delete) throws SqlError {
    refuseOrderAndLimit(delete.orderBy(), delete.limit(), "DELETE");
    Table table = target(delete.table());
    String alias = delete.getAlias() == null ? null : delete.getAlias().getSimple();
    Scope scope = tableScope(table, alias);
    StringBuilder sql = new StringBuilder("DELETE FROM ")
        .append(SqliteDialect.unparse(new SqlIdentifier(table.name(), Expressions.POS)));
    if (alias != null) {
      sql.append(" AS ").append(SqliteDialect.unparse(new SqlIdentifier(alias, Expressions.POS)));
    }
    SqlNode condition = delete.getCondition();
    if (delete.using() != null) {
      // SQLite has no DELETE … USING: the same rows are those for which a matching USING row exists.
      SqlSelect exists = new SqlSelect(Expressions.POS, null,
          new SqlNodeList(List.of(SqlLiteral.createExactNumeric("1", Expressions.POS)), Expressions.POS),
          delete.using(), condition, null, null, null, null, null, null, null);
      condition = SqlStdOperatorTable.EXISTS.createCall(Expressions.POS, exists);
    }
    if (condition != null) {
      sql.append(" WHERE ").append(SqliteDialect.unparse(r.expressions.condition(condition, scope)));
    }
    List<Typed> returning = returning(delete.returning(), table, alias, sql);
    return new SqlitePlan(sql.toString(), r.arguments(), r.parameterTypes(),
        returning == null ? null : Queries.describe(returning), true, "DELETE", List.copyOf(r.catalogRelations),
        r.times());
  }
}
