package io.bop.engine.translate;

import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.parser.Dialect;
import io.bop.engine.parser.ast.BopOperators;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** Rewrites queries: SELECT, set operations, VALUES and WITH, with the columns they produce. */
final class Queries {
  private static final org.apache.calcite.sql.parser.SqlParserPos POS = Expressions.POS;
  private final Rewriter r;

  /** A rewritten query and its output columns (type and PostgreSQL column name each). */
  record Result(SqlNode node, List<Typed> columns) {}

  Queries(Rewriter r) {
    this.r = r;
  }

  static boolean isQuery(SqlNode node) {
    return switch (node.getKind()) {
      case SELECT, ORDER_BY, WITH, UNION, INTERSECT, EXCEPT, VALUES, EXPLICIT_TABLE -> true;
      default -> false;
    };
  }

  Result query(SqlNode node, Scope outer) throws SqlError {
    switch (node.getKind()) {
      case SELECT:
        return select((SqlSelect) node, outer);
      case ORDER_BY:
        return orderBy((SqlOrderBy) node, outer);
      case WITH:
        return with((SqlWith) node, outer);
      case UNION:
      case INTERSECT:
      case EXCEPT:
        return setOperation((SqlCall) node, outer);
      case VALUES:
        return values((SqlCall) node, outer);
      case EXPLICIT_TABLE: // TABLE t
        return select(new SqlSelect(POS, null, SqlNodeList.SINGLETON_STAR, ((SqlCall) node).operand(0), null, null,
            null, null, null, null, null, null, null), outer);
      default:
        throw Expressions.unsupported("query " + node.getKind());
    }
  }

  // ===================================================================================== SELECT

  private Result select(SqlSelect select, Scope outer) throws SqlError {
    Scope scope = outer == null ? Scope.empty() : outer.child();
    scope.setReturning = null;
    SqlSelect copy = (SqlSelect) select.clone(select.getParserPosition());
    copy.setFrom(select.getFrom() == null ? null : from(select.getFrom(), scope));
    List<Typed> columns = new ArrayList<>();
    List<SqlNode> items = new ArrayList<>();
    SetReturning setReturning = new SetReturning();
    scope.setReturning = setReturning;
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        for (Scope.Column c : star(id, scope)) {
          String qualifier = sourceAliasOf(c, id, scope);
          SqlIdentifier ref = qualifier == null ? new SqlIdentifier(c.name(), POS)
              : new SqlIdentifier(List.of(qualifier, c.name()), POS);
          items.add(ref);
          columns.add(new Typed(ref, c.type(), c.name(), c));
        }
        continue;
      }
      String alias = null;
      SqlNode expression = item;
      if (item.getKind() == SqlKind.AS) {
        SqlCall as = (SqlCall) item;
        expression = as.operand(0);
        alias = ((SqlIdentifier) as.operand(1)).getSimple();
      }
      Typed typed = r.expressions.rewrite(expression, scope);
      String name = alias != null ? alias : r.mysql != null ? r.mysql.columnName(expression, typed) : typed.name();
      items.add(alias != null ? SqlStdOperatorTable.AS.createCall(POS, typed.node(), new SqlIdentifier(alias, POS))
          : typed.node());
      columns.add(new Typed(typed.node(), typed.type(), name, typed.origin()));
    }
    scope.setReturning = null;
    copy.setFrom(setReturning.joinedTo(copy.getFrom()));
    copy.setSelectList(new SqlNodeList(items, POS));
    copy.setWhere(r.expressions.condition(select.getWhere(), scope));
    if (select.getGroup() != null) {
      copy.setGroupBy(new SqlNodeList(groupItems(select.getGroup(), scope, columns), POS));
    }
    copy.setHaving(r.expressions.condition(select.getHaving(), scope));
    if (select.getWindowList() != null && select.getWindowList().size() > 0) {
      List<SqlNode> windows = new ArrayList<>();
      for (SqlNode w : select.getWindowList()) {
        windows.add(r.expressions.window((SqlWindow) w, scope));
      }
      copy.setOperand(6, new SqlNodeList(windows, POS)); // SqlSelect has no setter for its WINDOW clause
    }
    if (select.getOrderList() != null) {
      copy.setOrderBy(orderList(select.getOrderList(), scope, columns));
    }
    copy.setOffset(limit(select.getOffset(), scope));
    copy.setFetch(limit(select.getFetch(), scope));
    return new Result(copy, columns);
  }

  /** GROUP BY items; an output column's alias or ordinal is left for SQLite, which allows both. */
  private List<SqlNode> groupItems(SqlNodeList group, Scope scope, List<Typed> columns) throws SqlError {
    List<SqlNode> out = new ArrayList<>();
    for (SqlNode item : group) {
      if (item instanceof SqlIdentifier id && id.isSimple() && scope.resolve(id.names).isEmpty()
          && columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(id.getSimple()))) {
        out.add(item);
      } else if (item instanceof SqlLiteral) {
        out.add(item);
      } else {
        out.add(r.expressions.rewrite(item, scope).node());
      }
    }
    return out;
  }

  private List<Scope.Column> star(SqlIdentifier star, Scope scope) throws SqlError {
    if (star.names.size() == 1) {
      return scope.star();
    }
    String alias = star.names.get(star.names.size() - 2);
    Optional<Scope.Source> source = scope.source(alias);
    if (source.isEmpty()) {
      throw new SqlError(Condition.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + alias + "\"");
    }
    return source.get().columns().stream().filter(c -> c.attnum() >= 0).toList();
  }

  private static String sourceAliasOf(Scope.Column column, SqlIdentifier star, Scope scope) {
    if (star.names.size() > 1) {
      return star.names.get(star.names.size() - 2);
    }
    for (Scope.Source source : scope.sources()) {
      if (source.columns().contains(column)) {
        return source.alias().isEmpty() ? null : source.alias();
      }
    }
    return null;
  }

  /**
   * The set-returning function of one select list ({@code SELECT unnest(a) FROM t}). SQLite computes it as a
   * table-valued function joined to the FROM clause, where it sees the other FROM items as LATERAL would; the
   * same call written twice is one function, as PostgreSQL runs equal calls in step.
   */
  static final class SetReturning {
    private static final String ALIAS = "bop_set";
    private SqlNode source;
    private String key;

    /** The alias under which the rows of {@code function} are joined. */
    String alias(SqlNode function) throws SqlError {
      String text = SqliteDialect.unparse(function);
      if (key == null) {
        key = text;
        source = SqlStdOperatorTable.AS.createCall(POS, function, new SqlIdentifier(ALIAS, POS));
      } else if (!key.equals(text)) {
        throw Expressions.unsupported("more than one set-returning function in a select list");
      }
      return ALIAS;
    }

    SqlNode joinedTo(SqlNode from) {
      if (source == null || from == null) {
        return from == null ? source : from;
      }
      return new SqlJoin(POS, from, SqlLiteral.createBoolean(false, POS), JoinType.COMMA.symbol(POS), source,
          JoinConditionType.NONE.symbol(POS), null);
    }
  }

  // ===================================================================================== FROM

  /** Rewrites a FROM clause, adding its items to {@code scope}. */
  SqlNode from(SqlNode from, Scope scope) throws SqlError {
    switch (from.getKind()) {
      case IDENTIFIER:
        return table((SqlIdentifier) from, null, null, scope);
      case AS: {
        SqlCall as = (SqlCall) from;
        SqlNode target = as.operand(0);
        SqlIdentifier alias = (SqlIdentifier) as.operand(1);
        List<String> columnNames = new ArrayList<>();
        for (int i = 2; i < as.operandCount(); i++) {
          columnNames.add(((SqlIdentifier) as.operand(i)).getSimple());
        }
        if (target instanceof SqlIdentifier table) {
          return table(table, alias.getSimple(), columnNames, scope);
        }
        if (isTableFunction(target)) {
          return tableFunction(target, alias.getSimple(), columnNames, scope);
        }
        Result sub = derived(target, scope);
        scope.add(new Scope.Source(alias.getSimple(), renamed(sub.columns(), columnNames, alias.getSimple()), List.of()));
        List<SqlNode> operands = new ArrayList<>(as.getOperandList());
        operands.set(0, sub.node());
        return SqlStdOperatorTable.AS.createCall(POS, operands);
      }
      case JOIN:
        return join((SqlJoin) from, scope);
      case COLLECTION_TABLE:
      case UNNEST:
        return tableFunction(from, null, List.of(), scope);
      case OTHER:
        if (isTableFunction(from)) {
          return tableFunction(from, null, List.of(), scope);
        }
        throw Expressions.unsupported("FROM item " + from);
      case LATERAL:
        throw Expressions.unsupported("LATERAL");
      default:
        if (isQuery(from)) {
          Result sub = derived(from, scope);
          scope.add(new Scope.Source("", renamed(sub.columns(), List.of(), ""), List.of()));
          return sub.node();
        }
        throw Expressions.unsupported("FROM item " + from.getKind());
    }
  }

  /** A sub-query in FROM sees the enclosing query's outer scopes but not its sibling FROM items. */
  private Result derived(SqlNode query, Scope scope) throws SqlError {
    return query(query, scope.child());
  }

  private static boolean isTableFunction(SqlNode node) {
    return node.getKind() == SqlKind.COLLECTION_TABLE || node.getKind() == SqlKind.UNNEST
        || node instanceof SqlCall call && call.getOperator() == BopOperators.WITH_ORDINALITY;
  }

  /**
   * A set-returning function in FROM, as a sub-query over SQLite's table-valued equivalent. As in PostgreSQL, a
   * single-column function's column is named after the alias, or else after the function; WITH ORDINALITY adds
   * the row number as a last column.
   */
  private SqlNode tableFunction(SqlNode node, String alias, List<String> columnNames, Scope scope) throws SqlError {
    SqlCall call = (SqlCall) node;
    boolean ordinality = call.getOperator() == BopOperators.WITH_ORDINALITY
        || call.getOperator() == SqlStdOperatorTable.UNNEST_WITH_ORDINALITY;
    if (call.getOperator() == BopOperators.WITH_ORDINALITY) {
      call = (SqlCall) call.operand(0);
    }
    SqlCall function = call.getKind() == SqlKind.COLLECTION_TABLE ? (SqlCall) call.operand(0) : call;
    String name = call.getKind() == SqlKind.UNNEST ? "unnest" : Expressions.functionName(function.getOperator());
    if (name.equals("pg_get_keywords") && !ordinality) {
      return table(new SqlIdentifier(List.of("pg_catalog", PgCatalog.KEYWORDS), POS), alias != null ? alias : name,
          columnNames, scope);
    }
    List<Typed> args = new ArrayList<>();
    for (SqlNode operand : function.getOperandList()) {
      args.add(r.expressions.rewrite(operand, scope.child(), null));
    }
    List<SqlNode> nodes = args.stream().map(Typed::node).toList();
    String column = !columnNames.isEmpty() ? columnNames.get(0) : alias != null ? alias : name;
    String ordinalColumn = columnNames.size() > 1 ? columnNames.get(1) : "ordinality";
    String value;
    String source;
    String ordinal = "row_number() OVER ()";
    SqlType type;
    switch (name) {
      case "generate_series" -> {
        if (args.size() < 2) {
          throw new SqlError(Condition.UNDEFINED_FUNCTION, "function generate_series with " + args.size()
              + " arguments does not exist");
        }
        type = Expressions.arithmeticType(args.get(0).type(), args.get(1).type());
        value = "value";
        source = "generate_series(" + (nodes.size() > 2 ? "{0}, {1}, {2}" : "{0}, {1}") + ")";
      }
      case "unnest" -> {
        Typed array = args.get(0);
        type = array.type().kind() == TypeKind.ARRAY ? array.type().element() : SqlType.TEXT;
        value = "value";
        source = "json_each({0})";
        ordinal = "key + 1";
      }
      case "pg_partition_ancestors" -> {
        // Nothing is partitioned: a relation's only ancestor is itself.
        type = SqlType.of(TypeKind.OID, "regclass");
        value = "{0}";
        source = null;
      }
      default -> throw Expressions.unsupported("the function " + name + " in FROM");
    }
    String select = "SELECT " + value + " AS " + quoted(column)
        + (ordinality ? ", " + ordinal + " AS " + quoted(ordinalColumn) : "") + (source == null ? "" : " FROM " + source);
    List<Scope.Column> columns = new ArrayList<>(List.of(new Scope.Column(column, type, null, 0, 0)));
    if (ordinality) {
      columns.add(new Scope.Column(ordinalColumn, SqlType.BIGINT, null, 0, 0));
    }
    String sourceAlias = alias != null ? alias : name;
    scope.add(new Scope.Source(sourceAlias, columns, List.of()));
    return SqlStdOperatorTable.AS.createCall(POS, Template.call(select, nodes), new SqlIdentifier(sourceAlias, POS));
  }

  private static String quoted(String name) {
    return SqliteDialect.unparse(new SqlIdentifier(name, POS));
  }

  private static List<Scope.Column> renamed(List<Typed> columns, List<String> names, String table) {
    List<Scope.Column> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Typed t = columns.get(i);
      String name = i < names.size() ? names.get(i) : t.name();
      Scope.Column origin = t.origin();
      // a system column selected by a sub-query is an ordinary column of its result
      out.add(new Scope.Column(name, t.type(), origin == null ? null : origin.table(),
          origin == null ? 0 : origin.tableOid(), origin == null ? 0 : Math.max(origin.attnum(), 0)));
    }
    return out;
  }

  /** PostgreSQL's attnum of the system column tableoid. */
  private static final int TABLEOID_ATTNUM = -6;

  /** A table name in FROM: a CTE, a PostgreSQL catalog relation, or a table of the database. */
  private SqlNode table(SqlIdentifier name, String alias, List<String> columnNames, Scope scope) throws SqlError {
    List<String> names = name.names;
    String table = names.get(names.size() - 1);
    String schema = names.size() > 1 ? names.get(names.size() - 2) : null;
    String sourceAlias = alias != null ? alias : table;
    SqlNode rewritten;
    List<Scope.Column> columns;
    Optional<List<Scope.Column>> cte = schema == null ? scope.cte(table) : Optional.empty();
    Optional<PgCatalog.Relation> relation = cte.isPresent() ? Optional.empty() : r.catalogRelation(schema, table);
    if (cte.isPresent()) {
      rewritten = new SqlIdentifier(table, POS);
      columns = cte.get();
    } else if (relation.isPresent()) {
      r.catalogRelations.add(relation.get().qualifiedName());
      rewritten = new SqlIdentifier(List.of("temp", relation.get().qualifiedName()), POS);
      columns = new ArrayList<>(relation.get().columns().stream()
          .map(c -> new Scope.Column(c.name(), c.type(), null, 0, 0)).toList());
      if (relation.get().tableOid() != 0) {
        columns.add(new Scope.Column("tableoid", SqlType.OID, null, 0, TABLEOID_ATTNUM));
      }
      if (alias == null) {
        alias = table;
      }
    } else {
      if (r.database == null && schema == null) {
        throw new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected");
      }
      if (schema != null && !schema.equalsIgnoreCase("public") && !schema.equalsIgnoreCase(r.database)) {
        throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + String.join(".", names) + "\" does not exist");
      }
      Table t = r.catalog.table(table).orElseThrow(() ->
          new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
      rewritten = new SqlIdentifier(t.name(), POS);
      columns = new ArrayList<>();
      for (TableColumn c : t.columns()) {
        columns.add(Scope.Column.of(t, c, r.database, sourceAlias));
      }
    }
    if (columnNames != null && !columnNames.isEmpty()) {
      List<Scope.Column> renamed = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Scope.Column c = columns.get(i);
        renamed.add(i < columnNames.size() ? c.renamed(columnNames.get(i)) : c);
      }
      columns = renamed;
    }
    scope.add(new Scope.Source(sourceAlias, columns, List.of()));
    if (alias == null) {
      return rewritten;
    }
    List<SqlNode> operands = new ArrayList<>(List.of(rewritten, new SqlIdentifier(alias, POS)));
    if (columnNames != null && !columnNames.isEmpty()) {
      // SQLite has no column aliases on a table: select it as a sub-query with the new names.
      List<SqlNode> items = new ArrayList<>();
      for (int i = 0; i < columnNames.size() && i < columns.size(); i++) {
        items.add(SqlStdOperatorTable.AS.createCall(POS, new SqlIdentifier(originalName(name, i, relation, cte), POS),
            new SqlIdentifier(columnNames.get(i), POS)));
      }
      SqlSelect renaming = new SqlSelect(POS, null, new SqlNodeList(items, POS), rewritten, null, null, null, null,
          null, null, null, null);
      operands.set(0, renaming);
    }
    return SqlStdOperatorTable.AS.createCall(POS, operands);
  }

  private String originalName(SqlIdentifier name, int index, Optional<PgCatalog.Relation> relation,
      Optional<List<Scope.Column>> cte) {
    if (cte.isPresent()) {
      return cte.get().get(index).name();
    }
    if (relation.isPresent()) {
      return relation.get().columns().get(index).name();
    }
    return r.catalog.table(name.names.get(name.names.size() - 1)).map(t -> t.columns().get(index).name()).orElse("");
  }

  private SqlNode join(SqlJoin join, Scope scope) throws SqlError {
    SqlNode left = from(join.getLeft(), scope);
    int before = scope.sources().size();
    SqlNode right = from(join.getRight(), scope);
    List<String> hidden = new ArrayList<>();
    SqlNode condition = join.getCondition();
    if (join.getConditionType() == JoinConditionType.USING && condition instanceof SqlNodeList using) {
      for (SqlNode c : using) {
        hidden.add(((SqlIdentifier) c).getSimple().toLowerCase(Locale.ROOT));
      }
    } else if (join.isNatural() && before > 0 && scope.sources().size() > before) {
      Scope.Source rightSource = scope.sources().get(scope.sources().size() - 1);
      for (Scope.Column c : rightSource.columns()) {
        for (int i = 0; i < before; i++) {
          if (scope.sources().get(i).columns().stream().anyMatch(x -> x.name().equalsIgnoreCase(c.name()))) {
            hidden.add(c.name().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    if (!hidden.isEmpty() && scope.sources().size() > before) {
      int last = scope.sources().size() - 1;
      Scope.Source s = scope.sources().get(last);
      scope.sources().set(last, new Scope.Source(s.alias(), s.columns(), hidden));
    }
    SqlNode rewrittenCondition = join.getConditionType() == JoinConditionType.ON
        ? r.expressions.condition(condition, scope) : condition;
    return new SqlJoin(POS, left, join.isNaturalNode(), join.getJoinTypeNode(), right, join.getConditionTypeNode(),
        rewrittenCondition);
  }

  // ===================================================================================== the rest

  private Result orderBy(SqlOrderBy orderBy, Scope outer) throws SqlError {
    Result inner = query(orderBy.query, outer);
    Scope scope = outer == null ? Scope.empty() : outer.child();
    if (orderBy.query instanceof SqlSelect s && s.getFrom() != null) {
      // ORDER BY may name input columns of a plain SELECT, not only its outputs.
      from(s.getFrom(), scope);
    }
    SqlNodeList order = orderList(orderBy.orderList, scope, inner.columns());
    // Calcite writes ORDER BY unless the list is the EMPTY instance itself, so LIMIT alone needs that instance.
    return new Result(new SqlOrderBy(POS, inner.node(), order.isEmpty() ? SqlNodeList.EMPTY : order,
        limit(orderBy.offset, scope), limit(orderBy.fetch, scope)), inner.columns());
  }

  /**
   * ORDER BY items. An output column's name or ordinal stays as written (SQLite resolves both); PostgreSQL sorts
   * NULLs as larger than any value, SQLite as smaller, so each item states its NULLS ordering.
   */
  SqlNodeList orderList(SqlNodeList items, Scope scope, List<Typed> outputs) throws SqlError {
    if (items == null) {
      return null;
    }
    List<SqlNode> out = new ArrayList<>();
    for (SqlNode item : items) {
      boolean descending = false;
      Boolean nullsFirst = null;
      SqlNode expression = item;
      while (expression instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
          || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
        if (call.getKind() == SqlKind.DESCENDING) {
          descending = true;
        } else if (nullsFirst == null) {
          nullsFirst = call.getKind() == SqlKind.NULLS_FIRST;
        }
        expression = call.operand(0);
      }
      SqlNode rewritten;
      if (expression instanceof SqlLiteral
          || expression instanceof SqlIdentifier id && id.isSimple() && scope.resolve(id.names).isEmpty()
          && outputs.stream().anyMatch(c -> c.name().equalsIgnoreCase(id.getSimple()))) {
        rewritten = expression;
      } else {
        rewritten = r.expressions.rewrite(expression, scope).node();
      }
      if (descending) {
        rewritten = SqlStdOperatorTable.DESC.createCall(POS, rewritten);
      }
      boolean first = nullsFirst != null ? nullsFirst : r.dialect == Dialect.POSTGRESQL && descending;
      if (nullsFirst != null || r.dialect == Dialect.POSTGRESQL) {
        rewritten = (first ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST).createCall(POS, rewritten);
      }
      out.add(rewritten);
    }
    return out.isEmpty() ? SqlNodeList.EMPTY : new SqlNodeList(out, POS);
  }

  private SqlNode limit(SqlNode node, Scope scope) throws SqlError {
    return node == null ? null : r.expressions.rewrite(node, scope, SqlType.BIGINT).node();
  }

  private Result with(SqlWith with, Scope outer) throws SqlError {
    Scope scope = outer == null ? Scope.empty() : outer.child();
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode node : with.withList) {
      SqlWithItem item = (SqlWithItem) node;
      String name = item.name.getSimple();
      List<String> columnNames = new ArrayList<>();
      if (item.columnList != null) {
        for (SqlNode c : item.columnList) {
          columnNames.add(((SqlIdentifier) c).getSimple());
        }
      }
      Result body = recursiveCte(item, scope, name, columnNames);
      scope.defineCte(name, renamed(body.columns(), columnNames, name));
      items.add(new SqlWithItem(POS, item.name, item.columnList, body.node(), item.recursive));
    }
    Result body = query(with.body, scope);
    return new Result(new SqlWith(POS, new SqlNodeList(items, POS), body.node()), body.columns());
  }

  /** A recursive CTE refers to itself: its first branch defines the columns the rest can see. */
  private Result recursiveCte(SqlWithItem item, Scope scope, String name, List<String> columnNames) throws SqlError {
    if (item.query.getKind() == SqlKind.UNION) {
      SqlCall union = (SqlCall) item.query;
      Result seed = query(union.operand(0), scope);
      Scope inner = scope.child();
      inner.defineCte(name, renamed(seed.columns(), columnNames, name));
      Result rest = query(union.operand(1), inner);
      return new Result(union.getOperator().createCall(POS, seed.node(), rest.node()), seed.columns());
    }
    return query(item.query, scope);
  }

  private Result setOperation(SqlCall call, Scope outer) throws SqlError {
    Result left = compoundMember(query(call.operand(0), outer));
    Result right = compoundMember(query(call.operand(1), outer));
    List<Typed> columns = new ArrayList<>();
    for (int i = 0; i < left.columns().size(); i++) {
      Typed l = left.columns().get(i);
      SqlType type = l.type().kind() == TypeKind.UNKNOWN && i < right.columns().size() ? right.columns().get(i).type()
          : l.type();
      columns.add(new Typed(l.node(), type, l.name(), l.origin()));
    }
    return new Result(call.getOperator().createCall(POS, left.node(), right.node()), columns);
  }

  /** SQLite allows no parentheses around the members of a compound SELECT, which Calcite writes around VALUES. */
  private static Result compoundMember(Result member) {
    if (member.node().getKind() != SqlKind.VALUES) {
      return member;
    }
    SqlSelect select = new SqlSelect(POS, null, SqlNodeList.SINGLETON_STAR, member.node(), null, null, null, null, null,
        null, null, null);
    return new Result(select, member.columns());
  }

  /**
   * The outermost query's columns as PostgreSQL shows them: reg* types (regclass, regtype) as names, records as
   * {@code (1,2)}. Inside the query they stay OIDs and JSON objects, so they compare, join and take fields apart.
   */
  static Result shown(Result result) {
    SqlSelect select = result.node() instanceof SqlSelect s ? s
        : result.node() instanceof SqlOrderBy o && o.query instanceof SqlSelect s ? s : null;
    if (select == null || result.columns().stream().noneMatch(c -> isRegType(c.type()) || c.type().isRecord())) {
      return result;
    }
    List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
    for (int i = 0; i < items.size(); i++) {
      Typed column = result.columns().get(i);
      SqlNode item = items.get(i);
      SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      SqlNode shown = isRegType(column.type()) ? Expressions.sqlite("bop_regname",
          List.of(Expressions.charLiteral(column.type().name()), expression))
          : column.type().isRecord() ? Template.call(RECORD_TEXT, expression) : null;
      if (shown != null) {
        items.set(i, SqlStdOperatorTable.AS.createCall(POS, shown, new SqlIdentifier(column.name(), POS)));
      }
    }
    select.setSelectList(new SqlNodeList(items, POS));
    return result;
  }

  /** PostgreSQL's text form of a record: fields in order, quoted where they hold a delimiter, NULL as nothing. */
  private static final String RECORD_TEXT = "'(' || (SELECT group_concat(CASE WHEN value IS NULL THEN ''"
      + " WHEN value = '' OR value GLOB '*[ \",()\\]*' THEN '\"' || replace(replace(value, '\\', '\\\\'), '\"',"
      + " '\"\"') || '\"' ELSE value END, ',') FROM json_each({0})) || ')'";

  private static boolean isRegType(SqlType type) {
    return type.kind() == TypeKind.OID && type.name().startsWith("reg");
  }

  private Result values(SqlCall values, Scope outer) throws SqlError {
    Scope scope = outer == null ? Scope.empty() : outer;
    List<SqlNode> rows = new ArrayList<>();
    List<Typed> columns = new ArrayList<>();
    for (SqlNode row : values.getOperandList()) {
      List<SqlNode> fields = row instanceof SqlCall c && c.getKind() == SqlKind.ROW ? c.getOperandList() : List.of(row);
      List<SqlNode> rewritten = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        SqlType expected = i < columns.size() ? columns.get(i).type() : null;
        Typed t = r.expressions.rewrite(fields.get(i), scope, expected);
        rewritten.add(t.node());
        if (i >= columns.size()) {
          columns.add(new Typed(t.node(), t.type(), "column" + (i + 1)));
        } else if (columns.get(i).type().kind() == TypeKind.UNKNOWN) {
          columns.set(i, new Typed(t.node(), t.type(), "column" + (i + 1)));
        }
      }
      rows.add(SqlStdOperatorTable.ROW.createCall(POS, rewritten));
    }
    return new Result(SqlStdOperatorTable.VALUES.createCall(POS, rows), columns);
  }

  /** A query whose first output column is named {@code alias}, so an enclosing query can refer to it. */
  static SqlNode aliasFirstColumn(SqlNode query, String alias) {
    if (query instanceof SqlOrderBy orderBy) {
      return new SqlOrderBy(POS, aliasFirstColumn(orderBy.query, alias), orderBy.orderList, orderBy.offset, orderBy.fetch);
    }
    if (query instanceof SqlSelect select) {
      SqlSelect copy = (SqlSelect) select.clone(select.getParserPosition());
      List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
      SqlNode first = items.get(0);
      SqlNode expression = first.getKind() == SqlKind.AS ? ((SqlCall) first).operand(0) : first;
      items.set(0, SqlStdOperatorTable.AS.createCall(POS, expression, new SqlIdentifier(alias, POS)));
      copy.setSelectList(new SqlNodeList(items, POS));
      return copy;
    }
    if (query instanceof SqlCall call && (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
        || call.getKind() == SqlKind.EXCEPT)) {
      // A set operation takes its column names from its first branch.
      return call.getOperator().createCall(POS, aliasFirstColumn(call.operand(0), alias), call.operand(1));
    }
    return Template.call("SELECT column1 AS " + SqliteDialect.unparse(new SqlIdentifier(alias, POS)) + " FROM ({0})",
        query);
  }

  /** Result columns as clients see them: untyped literals become text. */
  static List<io.bop.engine.Column> describe(List<Typed> columns) {
    List<io.bop.engine.Column> out = new ArrayList<>();
    for (Typed t : columns) {
      SqlType type = t.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT : t.type();
      Scope.Column origin = t.origin();
      boolean tableColumn = origin != null && origin.tableOid() != 0;
      out.add(origin == null ? io.bop.engine.Column.of(t.name(), type)
          : new io.bop.engine.Column(t.name(), type, origin.table(), tableColumn ? origin.tableOid() : 0,
              tableColumn ? origin.attnum() : 0, origin.schema(), origin.alias(),
              origin.table() == null ? null : origin.name(), origin.attributes()));
    }
    return out;
  }
}
