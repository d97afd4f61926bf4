package io.bop.engine.translate;

import io.bop.engine.catalog.PgTypes;
import io.bop.engine.catalog.RegTypes;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Argument;
import io.bop.engine.parser.ast.BopOperators;
import io.bop.engine.parser.ast.BopTypeNameSpec;
import io.bop.engine.session.PgSettings;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.engine.types.TypeNames;
import io.bop.engine.types.Values;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlPosixRegexOperator;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Rewrites expressions into SQLite's terms and types them. A parameter or an untyped literal takes its type from
 * its context (the other side of a comparison, the target column), as in PostgreSQL.
 */
final class Expressions {
  static final SqlParserPos POS = SqlParserPos.ZERO;
  private final Rewriter r;

  Expressions(Rewriter r) {
    this.r = r;
  }

  Typed rewrite(SqlNode node, Scope scope) throws SqlError {
    return rewrite(node, scope, null);
  }

  /** @param expected the type the context implies, or null */
  Typed rewrite(SqlNode node, Scope scope, SqlType expected) throws SqlError {
    if (r.mysql != null) {
      Typed mysql = r.mysql.rewrite(node, scope, expected);
      if (mysql != null) {
        return mysql;
      }
    }
    if (node instanceof SqlDynamicParam p) {
      SqlNode placeholder = r.parameter(p.getIndex(), expected);
      return new Typed(placeholder, r.parameterType(p.getIndex()), Typed.NO_NAME);
    }
    if (node instanceof SqlLiteral literal) {
      return literal(literal, expected);
    }
    if (node instanceof SqlIdentifier id) {
      return identifier(id, scope);
    }
    if (node instanceof SqlCase c) {
      return caseExpression(c, scope, expected);
    }
    if (Queries.isQuery(node)) {
      // A scalar sub-query: parenthesized explicitly, since Calcite leaves some positions (CASE … THEN) bare.
      Queries.Result q = r.queries.query(node, scope);
      Typed first = q.columns().isEmpty() ? null : q.columns().get(0);
      return new Typed(Template.call("{0}", q.node()), first == null ? SqlType.UNKNOWN : first.type(),
          first == null ? Typed.NO_NAME : first.name());
    }
    if (node instanceof SqlCall call) {
      return call(call, scope, expected);
    }
    throw unsupported("expression " + node.getKind());
  }

  /** Rewrites a predicate (WHERE, ON, HAVING, CHECK). */
  SqlNode condition(SqlNode node, Scope scope) throws SqlError {
    return node == null ? null : rewrite(node, scope, SqlType.BOOLEAN).node();
  }

  // =========================================================================================== literals

  private Typed literal(SqlLiteral literal, SqlType expected) throws SqlError {
    if (literal instanceof SqlUnknownLiteral typed) { // DATE '...', TIME '...', TIMESTAMP '...'
      SqlType type = SqlType.parse(typed.tag);
      if (type == null) {
        throw unsupported(typed.tag.toLowerCase(Locale.ROOT) + " literals");
      }
      return coerce(typed.getValue(), type);
    }
    SqlTypeName typeName = literal.getTypeName();
    switch (typeName) {
      case NULL:
        return new Typed(literal, expected != null ? expected : SqlType.UNKNOWN, Typed.NO_NAME);
      case BOOLEAN:
        return new Typed(literal, SqlType.BOOLEAN, "bool");
      case DECIMAL:
      case INTEGER:
      case BIGINT:
      case DOUBLE: {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        boolean exact = literal instanceof SqlNumericLiteral n && n.isExact();
        SqlType type = !exact ? SqlType.DOUBLE
            : value.scale() > 0 ? SqlType.NUMERIC
            : value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? SqlType.INTEGER
            : value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? SqlType.BIGINT : SqlType.NUMERIC;
        return new Typed(literal, type, Typed.NO_NAME);
      }
      case CHAR: {
        String text = literal.getValueAs(NlsString.class).getValue();
        if (expected != null && expected.kind() != TypeKind.UNKNOWN && !expected.kind().isText()) {
          return coerce(text, expected);
        }
        return new Typed(SqlLiteral.createCharString(text, POS), SqlType.UNKNOWN, Typed.NO_NAME);
      }
      case BINARY:
        return new Typed(literal, SqlType.BYTEA, Typed.NO_NAME);
      case DATE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        SqlType type = typeName == SqlTypeName.DATE ? SqlType.DATE : typeName == SqlTypeName.TIME ? SqlType.TIME
            : typeName == SqlTypeName.TIMESTAMP ? SqlType.TIMESTAMP : SqlType.TIMESTAMPTZ;
        return coerce(literal.toValue(), type);
      }
      case SYMBOL:
        return new Typed(literal, SqlType.UNKNOWN, Typed.NO_NAME);
      default:
        throw unsupported(typeName.getName().toLowerCase(Locale.ROOT) + " literals");
    }
  }

  /**
   * A string literal read as {@code type} now, as PostgreSQL reads an untyped literal in context. A time stamp
   * with time zone written without an offset depends on the session's zone, so it converts when the statement
   * runs.
   */
  /**
   * PostgreSQL's json operators on SQLite's: {@code ->} takes a key or an index as SQLite's does; a {@code #>} path
   * literal becomes a SQLite path; the text forms unquote a string and keep other JSON as written.
   */
  private Typed json(SqlOperator op, SqlCall call, Scope scope) throws SqlError {
    Typed document = rewrite(call.operand(0), scope);
    SqlNode selector;
    if (op == BopOperators.JSON_PATH_GET || op == BopOperators.JSON_PATH_GET_TEXT) {
      if (!(call.operand(1) instanceof SqlLiteral path) || path.getValue() == null) {
        throw unsupported("a json path other than a constant");
      }
      selector = charLiteral(sqlitePath(path.getValueAs(String.class)));
    } else {
      selector = rewrite(call.operand(1), scope).node();
    }
    SqlNode element = Template.call("({0} -> {1})", document.node(), selector);
    if (op == BopOperators.JSON_GET || op == BopOperators.JSON_PATH_GET) {
      SqlType type = document.type().kind() == TypeKind.JSON ? SqlType.JSON : SqlType.JSONB;
      return new Typed(element, type, "?column?");
    }
    return new Typed(sqlite("bop_json_text", List.of(element)), SqlType.TEXT, "?column?");
  }

  /** A PostgreSQL text-array path ({@code {a,0}}) as a SQLite JSON path; a number is an array index. */
  private static String sqlitePath(String pgPath) throws SqlError {
    String body = pgPath.strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      throw new SqlError(Condition.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + pgPath + "\"");
    }
    StringBuilder path = new StringBuilder("$");
    for (String element : body.substring(1, body.length() - 1).split(",")) {
      String key = element.strip();
      if (key.isEmpty()) {
        continue;
      }
      if (key.startsWith("\"") && key.endsWith("\"") && key.length() > 1) {
        key = key.substring(1, key.length() - 1);
      }
      path.append(key.matches("-?[0-9]+") ? "[" + key + "]" : ".\"" + key.replace("\"", "\\\"") + "\"");
    }
    return path.toString();
  }

  /** A regclass argument: a relation's OID, or its name as an unknown literal, which names it. */
  private SqlNode relation(Typed argument) throws SqlError {
    return argument.type().kind() == TypeKind.UNKNOWN && argument.node() instanceof SqlLiteral l
        ? coerce(l.getValueAs(String.class), SqlType.of(TypeKind.OID, "regclass")).node() : argument.node();
  }

  Typed coerce(String text, SqlType type) throws SqlError {
    String name = Typed.NO_NAME;
    if (type.kind() == TypeKind.OID && type.name().startsWith("reg")) {
      return new Typed(SqlLiteral.createExactNumeric(Long.toString(RegTypes.oid(type.name(), text, r.catalog)), POS),
          type, name);
    }
    if (type.kind() == TypeKind.TIMESTAMPTZ && !hasExplicitZone(text)) {
      return new Typed(function("bop_cast", SqlLiteral.createCharString(text, POS), charLiteral(type.declaration()),
          r.implicit(new Argument.SessionZone())).node(), type, name);
    }
    Object stored = Values.toStorage(type, text, ZoneOffset.UTC);
    return new Typed(storageLiteral(stored), type, name);
  }

  private static boolean hasExplicitZone(String text) {
    String t = text.strip();
    return t.matches("(?i).*(z|utc|gmt|[+-]\\d{1,2}(:?\\d{2})?(:?\\d{2})?|[a-z]+/[a-z_]+)$") && t.length() > 10;
  }

  /** The value of a numeric literal, possibly negated ({@code -5} parses as minus 5), or null. */
  static BigDecimal numericLiteral(SqlNode node) {
    if (node instanceof SqlNumericLiteral number) {
      return number.getValueAs(BigDecimal.class);
    }
    if (node.getKind() == SqlKind.MINUS_PREFIX) {
      BigDecimal negated = numericLiteral(((SqlCall) node).operand(0));
      return negated == null ? null : negated.negate();
    }
    return null;
  }

  static SqlNode storageLiteral(Object stored) {
    if (stored == null) {
      return SqlLiteral.createNull(POS);
    }
    if (stored instanceof Long l) {
      return SqlLiteral.createExactNumeric(l.toString(), POS);
    }
    if (stored instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return Template.call(d.isNaN() ? "NULL" : d > 0 ? "9e999" : "-9e999");
      }
      return SqlLiteral.createExactNumeric(BigDecimal.valueOf(d).toPlainString(), POS);
    }
    if (stored instanceof byte[] bytes) {
      return SqlLiteral.createBinaryString(bytes, POS);
    }
    return SqlLiteral.createCharString(stored.toString(), POS);
  }

  static SqlNode charLiteral(String text) {
    return SqlLiteral.createCharString(text, POS);
  }

  // =========================================================================================== names

  private Typed identifier(SqlIdentifier id, Scope scope) throws SqlError {
    List<String> names = id.names;
    List<String> effective = names.size() > 2 && names.get(0).equalsIgnoreCase("public") ? names.subList(1, names.size())
        : names;
    var column = scope.resolve(effective);
    String name = effective.get(effective.size() - 1);
    if (column.isPresent()) {
      Scope.Column c = column.get();
      return new Typed(new SqlIdentifier(effective, POS), c.type(), c.name(), c);
    }
    if (effective.size() == 1) {
      Typed niladic = niladic(name.toLowerCase(Locale.ROOT));
      if (niladic != null) {
        return niladic;
      }
    }
    return new Typed(new SqlIdentifier(effective, POS), SqlType.UNKNOWN, name);
  }

  /** PostgreSQL's functions written without parentheses. */
  private Typed niladic(String name) throws SqlError {
    return switch (name) {
      case "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_user",
          "session_user", "user", "current_role", "current_catalog", "current_schema" -> function(name, List.of());
      default -> null;
    };
  }

  // =========================================================================================== calls

  private Typed call(SqlCall call, Scope scope, SqlType expected) throws SqlError {
    SqlOperator op = call.getOperator();
    SqlKind kind = op.getKind();
    if (op == BopOperators.COLLATE) {
      return rewrite(call.operand(0), scope, expected); // SQLite compares by code point, PostgreSQL's "C"
    }
    if (op == BopOperators.JSON_GET || op == BopOperators.JSON_GET_TEXT || op == BopOperators.JSON_PATH_GET
        || op == BopOperators.JSON_PATH_GET_TEXT) {
      return json(op, call, scope);
    }
    if (op == SqlStdOperatorTable.CONCAT) {
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode operand : call.getOperandList()) {
        operands.add(rewrite(operand, scope, SqlType.TEXT).node());
      }
      return new Typed(SqlStdOperatorTable.CONCAT.createCall(POS, operands), SqlType.TEXT, Typed.NO_NAME);
    }
    switch (kind) {
      case CAST:
        return cast(call, scope);
      case AND:
      case OR:
      case NOT:
        return new Typed(op.createCall(POS, rewriteAll(call.getOperandList(), scope, SqlType.BOOLEAN)), SqlType.BOOLEAN,
            Typed.NO_NAME);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN_OR_EQUAL: {
        Typed[] sides = pair(call.operand(0), call.operand(1), scope);
        return new Typed(op.createCall(POS, sides[0].node(), sides[1].node()), SqlType.BOOLEAN, Typed.NO_NAME);
      }
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM: {
        Typed[] sides = pair(call.operand(0), call.operand(1), scope);
        return new Typed(Template.call(kind == SqlKind.IS_DISTINCT_FROM ? "{0} IS NOT {1}" : "{0} IS {1}",
            sides[0].node(), sides[1].node()), SqlType.BOOLEAN, Typed.NO_NAME);
      }
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_FALSE:
      case IS_NOT_TRUE:
      case IS_NOT_FALSE:
      case IS_UNKNOWN:
        return new Typed(op.createCall(POS, rewrite(call.operand(0), scope).node()), SqlType.BOOLEAN, Typed.NO_NAME);
      case LIKE:
        return like(call, (SqlLikeOperator) op, scope);
      case POSIX_REGEX_CASE_SENSITIVE:
      case POSIX_REGEX_CASE_INSENSITIVE: {
        SqlPosixRegexOperator regex = (SqlPosixRegexOperator) op;
        SqlNode match = function("bop_regexp", rewrite(call.operand(0), scope, SqlType.TEXT).node(),
            rewrite(call.operand(1), scope, SqlType.TEXT).node(), charLiteral(regex.isCaseSensitive() ? "" : "i"))
            .node();
        return new Typed(regex.isNegated() ? SqlStdOperatorTable.NOT.createCall(POS, match) : match, SqlType.BOOLEAN,
            Typed.NO_NAME);
      }
      case BETWEEN: {
        // Written out: Calcite's operator unparses as BETWEEN ASYMMETRIC, which SQLite does not know.
        SqlBetweenOperator between = (SqlBetweenOperator) op;
        Typed value = rewrite(call.operand(0), scope);
        SqlNode low = rewrite(call.operand(1), scope, value.type()).node();
        SqlNode high = rewrite(call.operand(2), scope, value.type()).node();
        String range = between.flag == SqlBetweenOperator.Flag.SYMMETRIC ? "min({1}, {2}) AND max({1}, {2})"
            : "{1} AND {2}";
        return new Typed(Template.call("({0} " + (between.isNegated() ? "NOT " : "") + "BETWEEN " + range + ")",
            List.of(value.node(), low, high)), SqlType.BOOLEAN, Typed.NO_NAME);
      }
      case IN:
      case NOT_IN:
        return in(call, kind == SqlKind.NOT_IN, scope);
      case SOME:
      case ALL:
        return quantified(call, (SqlQuantifyOperator) op, scope);
      case EXTRACT: {
        SqlIntervalQualifier unit = call.operand(0);
        // a unit Calcite does not know (milliseconds, julian, timezone) arrives as a time frame name
        String field = (unit.timeFrameName != null ? unit.timeFrameName : unit.timeUnitRange.name())
            .toLowerCase(Locale.ROOT);
        // PostgreSQL's numeric result shows microseconds where the field has them
        int scale = field.equals("epoch") || field.startsWith("second") ? 6 : field.startsWith("millisecond") ? 3 : 0;
        return dateTimeFunction("bop_extract", charLiteral(field), rewrite(call.operand(1), scope),
            SqlType.NUMERIC.withLength(-1, scale), "extract");
      }
      case EXISTS:
        return new Typed(op.createCall(POS, r.queries.query(call.operand(0), scope).node()), SqlType.BOOLEAN, "exists");
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD:
        return arithmetic(call, scope);
      case MINUS_PREFIX:
      case PLUS_PREFIX: {
        Typed operand = rewrite(call.operand(0), scope);
        return new Typed(op.createCall(POS, operand.node()), operand.type(), Typed.NO_NAME);
      }
      case ROW:
        return new Typed(op.createCall(POS, rewriteAll(call.getOperandList(), scope, null)), SqlType.UNKNOWN, "row");
      case OVER:
        return window(call, scope);
      case FILTER: {
        // SQLite takes an aggregate's FILTER clause as PostgreSQL writes it.
        Typed aggregate = rewrite(call.operand(0), scope);
        return new Typed(Template.call("{0} FILTER (WHERE {1})", aggregate.node(),
            condition(call.operand(1), scope)), aggregate.type(), aggregate.name());
      }
      case TRIM:
        return trim(call, scope);
      case COALESCE:
      case NULLIF:
        return sameTypeAsFirst(call, scope, kind.name().toLowerCase(Locale.ROOT));
      case ARRAY_VALUE_CONSTRUCTOR: {
        List<SqlNode> elements = new ArrayList<>();
        SqlType element = expected != null && expected.kind() == TypeKind.ARRAY ? expected.element() : null;
        for (SqlNode operand : call.getOperandList()) {
          Typed t = rewrite(operand, scope, element);
          if (element == null && t.type().kind() != TypeKind.UNKNOWN) {
            element = t.type();
          }
          elements.add(t.node());
        }
        return new Typed(sqlite("json_array", elements), SqlType.arrayOf(element == null ? SqlType.TEXT : element),
            "array");
      }
      case ARRAY_QUERY_CONSTRUCTOR: {
        Queries.Result q = r.queries.query(call.operand(0), scope);
        SqlType element = q.columns().isEmpty() ? SqlType.TEXT : q.columns().get(0).type();
        return new Typed(Template.call("SELECT json_group_array(\"_v\") FROM ({0})", Queries.aliasFirstColumn(q.node(), "_v")),
            SqlType.arrayOf(element.kind() == TypeKind.UNKNOWN ? SqlType.TEXT : element), "array");
      }
      case ITEM: {
        Typed array = rewrite(call.operand(0), scope);
        SqlNode index = rewrite(call.operand(1), scope, SqlType.INTEGER).node();
        SqlType element = array.type().kind() == TypeKind.ARRAY ? array.type().element() : SqlType.UNKNOWN;
        String offset = array.type().isVector() ? "({1})" : "({1} - 1)";
        return new Typed(Template.call("json_extract({0}, '$[' || " + offset + " || ']')", array.node(), index), element,
            array.name());
      }
      case DEFAULT:
        throw new SqlError(Condition.SYNTAX_ERROR, "DEFAULT is not allowed in this context");
      case DOT:
        return field(call, scope);
      default:
        if (op == SqlStdOperatorTable.BITAND_OPERATOR) {
          Typed[] sides = pair(call.operand(0), call.operand(1), scope);
          return new Typed(Template.call("{0} & {1}", sides[0].node(), sides[1].node()),
              arithmeticType(sides[0].type(), sides[1].type()), Typed.NO_NAME);
        }
        if (op instanceof SqlFunction) {
          return function(call, scope);
        }
        throw unsupported("operator " + op.getName());
    }
  }

  /** {@code (row).name}: a field of a record. */
  private Typed field(SqlCall call, Scope scope) throws SqlError {
    Typed row = rewrite(call.operand(0), scope);
    String name = ((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT);
    SqlType type = row.type().field(name);
    if (type == null) {
      throw row.type().isRecord()
          ? new SqlError(Condition.UNDEFINED_COLUMN, "could not identify column \"" + name + "\" in record data type")
          : new SqlError(Condition.WRONG_OBJECT_TYPE, "column notation ." + name + " applied to type "
              + row.type().pgFormat() + ", which is not a composite type");
    }
    return new Typed(function("json_extract", row.node(), charLiteral("$." + name)).node(), type, name);
  }

  List<SqlNode> rewriteAll(List<SqlNode> operands, Scope scope, SqlType expected) throws SqlError {
    List<SqlNode> out = new ArrayList<>(operands.size());
    for (SqlNode operand : operands) {
      out.add(operand == null ? null : rewrite(operand, scope, expected).node());
    }
    return out;
  }

  /** Both sides of a comparison; a parameter or untyped literal takes the other side's type. */
  Typed[] pair(SqlNode left, SqlNode right, Scope scope) throws SqlError {
    if (isUntyped(left) && !isUntyped(right)) {
      Typed b = rewrite(right, scope);
      return new Typed[] {rewrite(left, scope, b.type()), b};
    }
    Typed a = rewrite(left, scope);
    return new Typed[] {a, rewrite(right, scope, a.type())};
  }

  static boolean isUntyped(SqlNode node) {
    return node instanceof SqlDynamicParam
        || node instanceof SqlLiteral l && (l.getTypeName() == SqlTypeName.CHAR || l.getTypeName() == SqlTypeName.NULL);
  }

  private Typed like(SqlCall call, SqlLikeOperator op, Scope scope) throws SqlError {
    SqlNode value = rewrite(call.operand(0), scope, SqlType.TEXT).node();
    SqlNode pattern = rewrite(call.operand(1), scope, SqlType.TEXT).node();
    // ESCAPE '' turns escaping off, which SQLite does without an ESCAPE clause
    boolean escapes = call.operandCount() > 2 && !(call.operand(2) instanceof SqlLiteral l
        && l.getTypeName() == SqlTypeName.CHAR && l.getValueAs(String.class).isEmpty());
    String escape = escapes ? " ESCAPE {2}" : "";
    List<SqlNode> operands = new ArrayList<>(List.of(value, pattern));
    if (escapes) {
      operands.add(rewrite(call.operand(2), scope, SqlType.TEXT).node());
    }
    String test = op.isCaseSensitive() ? "{0} LIKE {1}" + escape : "lower({0}) LIKE lower({1})" + escape;
    return new Typed(Template.call(op.isNegated() ? "NOT (" + test + ")" : test, operands), SqlType.BOOLEAN,
        Typed.NO_NAME);
  }

  private Typed in(SqlCall call, boolean negated, Scope scope) throws SqlError {
    Typed value = rewrite(call.operand(0), scope);
    SqlNode list = call.operand(1);
    SqlNode rewrittenList;
    if (list instanceof SqlNodeList items) {
      rewrittenList = new SqlNodeList(rewriteAll(items.getList(), scope, value.type()), POS);
    } else {
      rewrittenList = r.queries.query(list, scope).node();
    }
    SqlOperator op = negated ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN;
    return new Typed(op.createCall(POS, value.node(), rewrittenList), SqlType.BOOLEAN, Typed.NO_NAME);
  }

  /** {@code x = ANY (sub-query)} is IN, {@code x <> ALL (…)} NOT IN; other quantified forms compare with EXISTS. */
  private Typed quantified(SqlCall call, SqlQuantifyOperator op, Scope scope) throws SqlError {
    Typed value = rewrite(call.operand(0), scope);
    SqlNode target = call.operand(1);
    boolean any = op.getKind() == SqlKind.SOME;
    SqlKind comparison = op.comparisonKind;
    if (target instanceof SqlNodeList list && list.size() == 1 && !Queries.isQuery(list.get(0))) {
      target = list.get(0); // ANY (array expression): the parser keeps the array in a one-element list
    }
    if (target instanceof SqlCall arrayCall && arrayCall.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      target = new SqlNodeList(arrayCall.getOperandList(), POS);
    }
    SqlNode list = target instanceof SqlNodeList items ? new SqlNodeList(rewriteAll(items.getList(), scope, value.type()), POS)
        : Queries.isQuery(target) ? r.queries.query(target, scope).node() : null;
    if (list == null) {
      // An array value: compare with each element of the stored JSON array.
      SqlNode array = rewrite(target, scope, SqlType.arrayOf(value.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT
          : value.type())).node();
      String test = any && comparison == SqlKind.EQUALS ? "{0} IN (SELECT value FROM json_each({1}))"
          : !any && comparison == SqlKind.NOT_EQUALS ? "{0} NOT IN (SELECT value FROM json_each({1}))"
          : any ? "EXISTS (SELECT 1 FROM json_each({1}) WHERE {0} " + symbol(comparison) + " value)"
          : "NOT EXISTS (SELECT 1 FROM json_each({1}) WHERE NOT ({0} " + symbol(comparison) + " value))";
      return new Typed(Template.call(test, value.node(), array), SqlType.BOOLEAN, Typed.NO_NAME);
    }
    if (any && comparison == SqlKind.EQUALS) {
      return new Typed(SqlStdOperatorTable.IN.createCall(POS, value.node(), list), SqlType.BOOLEAN, Typed.NO_NAME);
    }
    if (!any && comparison == SqlKind.NOT_EQUALS) {
      return new Typed(SqlStdOperatorTable.NOT_IN.createCall(POS, value.node(), list), SqlType.BOOLEAN, Typed.NO_NAME);
    }
    throw unsupported("the quantified comparison " + op.getName());
  }

  private static String symbol(SqlKind comparison) {
    return switch (comparison) {
      case EQUALS -> "=";
      case NOT_EQUALS -> "<>";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      default -> ">=";
    };
  }

  private Typed arithmetic(SqlCall call, Scope scope) throws SqlError {
    Typed[] sides = pair(call.operand(0), call.operand(1), scope);
    TypeKind left = sides[0].type().kind();
    TypeKind right = sides[1].type().kind();
    SqlKind kind = call.getKind();
    if (left == TypeKind.DATE && right.isInteger() && (kind == SqlKind.PLUS || kind == SqlKind.MINUS)) {
      // date ± integer days, as PostgreSQL's date arithmetic
      String days = kind == SqlKind.PLUS ? "({1})" : "(-({1}))";
      return new Typed(Template.call("date({0}, " + days + " || ' days')", sides[0].node(), sides[1].node()),
          SqlType.DATE, Typed.NO_NAME);
    }
    if (isDateTime(left) && right == TypeKind.INTERVAL || left == TypeKind.INTERVAL && isDateTime(right)
        && kind == SqlKind.PLUS) {
      // time stamp ± interval: months and days move the calendar, as PostgreSQL's; a date becomes a time stamp
      Typed value = left == TypeKind.INTERVAL ? sides[1] : sides[0];
      Typed interval = left == TypeKind.INTERVAL ? sides[0] : sides[1];
      SqlType type = value.type().kind() == TypeKind.DATE ? SqlType.TIMESTAMP : value.type();
      return new Typed(sqlite("bop_add_interval", List.of(value.node(), charLiteral(value.type().declaration()),
          interval.node(), SqlLiteral.createExactNumeric(kind == SqlKind.MINUS ? "-1" : "1", POS),
          r.implicit(new Argument.SessionZone()))), type, Typed.NO_NAME);
    }
    if ((left == TypeKind.TIMESTAMP || left == TypeKind.TIMESTAMPTZ) && right == left && kind == SqlKind.MINUS) {
      return new Typed(sqlite("bop_subtract_times", List.of(sides[0].node(), sides[1].node(),
          charLiteral(sides[0].type().declaration()))), SqlType.INTERVAL, Typed.NO_NAME);
    }
    if (left == TypeKind.DATE && right == TypeKind.DATE && kind == SqlKind.MINUS) {
      return new Typed(Template.call("CAST(julianday({0}) - julianday({1}) AS INTEGER)", sides[0].node(),
          sides[1].node()), SqlType.INTEGER, Typed.NO_NAME);
    }
    SqlType type = arithmeticType(sides[0].type(), sides[1].type());
    return new Typed(call.getOperator().createCall(POS, sides[0].node(), sides[1].node()), type, Typed.NO_NAME);
  }

  private static boolean isDateTime(TypeKind kind) {
    return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ || kind == TypeKind.TIME;
  }

  static SqlType arithmeticType(SqlType a, SqlType b) {
    TypeKind x = a.kind() == TypeKind.UNKNOWN ? b.kind() : a.kind();
    TypeKind y = b.kind() == TypeKind.UNKNOWN ? a.kind() : b.kind();
    if (x == TypeKind.DOUBLE || y == TypeKind.DOUBLE || x == TypeKind.REAL || y == TypeKind.REAL) {
      return SqlType.DOUBLE;
    }
    if (x == TypeKind.NUMERIC || y == TypeKind.NUMERIC) {
      return SqlType.NUMERIC;
    }
    if (x == TypeKind.BIGINT || y == TypeKind.BIGINT) {
      return SqlType.BIGINT;
    }
    if (x.isInteger() || y.isInteger()) {
      return x == TypeKind.SMALLINT && y == TypeKind.SMALLINT ? SqlType.SMALLINT : SqlType.INTEGER;
    }
    return x == TypeKind.UNKNOWN ? SqlType.NUMERIC : SqlType.of(x, x.name().toLowerCase(Locale.ROOT));
  }

  private Typed caseExpression(SqlCase c, Scope scope, SqlType expected) throws SqlError {
    Typed value = c.getValueOperand() == null ? null : rewrite(c.getValueOperand(), scope);
    List<SqlNode> whens = new ArrayList<>();
    for (SqlNode when : c.getWhenOperands()) {
      whens.add(rewrite(when, scope, value == null ? SqlType.BOOLEAN : value.type()).node());
    }
    SqlType type = null;
    for (SqlNode then : c.getThenOperands()) {
      if (!isUntyped(then)) {
        type = rewrite(then, scope.child(), null).type();
        break;
      }
    }
    if (type == null || type.kind() == TypeKind.UNKNOWN) {
      type = expected != null ? expected : SqlType.TEXT;
    }
    List<SqlNode> thens = rewriteAll(c.getThenOperands().getList(), scope, type);
    SqlNode otherwise = c.getElseOperand() == null ? null : rewrite(c.getElseOperand(), scope, type).node();
    return new Typed(new SqlCase(POS, value == null ? null : value.node(), new SqlNodeList(whens, POS),
        new SqlNodeList(thens, POS), otherwise), type, "case");
  }

  private Typed sameTypeAsFirst(SqlCall call, Scope scope, String name) throws SqlError {
    SqlType type = SqlType.UNKNOWN;
    for (SqlNode operand : call.getOperandList()) {
      if (!isUntyped(operand)) {
        type = rewrite(operand, scope.child()).type();
        break;
      }
    }
    List<SqlNode> operands = rewriteAll(call.getOperandList(), scope, type);
    return new Typed(call.getOperator().createCall(POS, operands), type, name);
  }

  private Typed trim(SqlCall call, Scope scope) throws SqlError {
    SqlTrimFunction.Flag flag = ((SqlLiteral) call.operand(0)).getValueAs(SqlTrimFunction.Flag.class);
    SqlNode characters = rewrite(call.operand(1), scope, SqlType.TEXT).node();
    SqlNode text = rewrite(call.operand(2), scope, SqlType.TEXT).node();
    String fn = switch (flag) {
      case BOTH -> "trim";
      case LEADING -> "ltrim";
      case TRAILING -> "rtrim";
    };
    return new Typed(function(fn, text, characters).node(), SqlType.TEXT, fn.equals("trim") ? "btrim" : fn);
  }

  private Typed window(SqlCall call, Scope scope) throws SqlError {
    Typed aggregate = rewrite(call.operand(0), scope);
    SqlNode spec = call.operand(1);
    SqlNode rewrittenSpec = spec instanceof SqlWindow w ? window(w, scope) : spec;
    return new Typed(SqlStdOperatorTable.OVER.createCall(POS, aggregate.node(), rewrittenSpec), aggregate.type(),
        aggregate.name());
  }

  SqlWindow window(SqlWindow w, Scope scope) throws SqlError {
    SqlWindow copy = (SqlWindow) w.clone(w.getParserPosition());
    copy.setPartitionList(new SqlNodeList(rewriteAll(w.getPartitionList().getList(), scope, null), POS));
    copy.setOrderList(r.queries.orderList(w.getOrderList(), scope, List.of()));
    return copy;
  }

  // =========================================================================================== CAST

  private Typed cast(SqlCall call, Scope scope) throws SqlError {
    SqlDataTypeSpec spec = (SqlDataTypeSpec) call.operand(1);
    SqlType target = type(spec);
    SqlNode operand = call.operand(0);
    Typed source = rewrite(operand, scope, target);
    String name = source.name().equals(Typed.NO_NAME) ? pgTypeName(target) : source.name();
    if (isUntyped(operand)) {
      return new Typed(source.node(), target, name);
    }
    return new Typed(convert(source, target), target, name);
  }

  /** The SQLite expression for {@code source} converted to {@code target}. */
  SqlNode convert(Typed source, SqlType target) throws SqlError {
    TypeKind from = source.type().kind();
    TypeKind to = target.kind();
    SqlNode x = source.node();
    if (from == to && target.length() < 0) {
      return x;
    }
    if (to.isInteger() && from.isNumeric() && !from.isInteger()) {
      return Template.call("CAST(round({0}) AS INTEGER)", x);
    }
    if (to.isInteger() && (from.isInteger() || from == TypeKind.BOOLEAN)) {
      return x;
    }
    if (to == TypeKind.OID && target.name().startsWith("reg") && (from.isText() || from == TypeKind.UNKNOWN)) {
      return function("bop_regoid", charLiteral(target.name()), x).node();
    }
    if ((to == TypeKind.REAL || to == TypeKind.DOUBLE) && from.isNumeric()) {
      return Template.call("CAST({0} AS REAL)", x);
    }
    if (to.isText() && from == TypeKind.OID && source.type().name().startsWith("reg")) {
      return function("bop_regname", charLiteral(source.type().name()), x).node();
    }
    if (to.isText() && from == TypeKind.ARRAY && source.type().element().kind().isNumeric()) {
      // stored as a JSON array of numbers: [2,4] is int2vector's 2 4 and int4[]'s {2,4}
      return Template.call(source.type().isVector() ? "replace(trim({0}, '[]'), ',', ' ')"
          : "'{' || trim({0}, '[]') || '}'", x);
    }
    if (to.isText() && from == TypeKind.BOOLEAN) {
      return Template.call("CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' END", x);
    }
    if (to.isText() && from != TypeKind.BYTEA && from != TypeKind.TIMESTAMPTZ) {
      SqlNode text = from.isText() ? x : Template.call("CAST({0} AS TEXT)", x);
      return target.length() >= 0 && to == TypeKind.VARCHAR ? function("substr", text, SqlLiteral.createExactNumeric("1", POS),
          SqlLiteral.createExactNumeric(Integer.toString(target.length()), POS)).node() : text;
    }
    if (to == TypeKind.BOOLEAN && from.isNumeric()) {
      return Template.call("({0} <> 0)", x);
    }
    if (to == TypeKind.DATE && from == TypeKind.TIMESTAMP) {
      return function("substr", x, SqlLiteral.createExactNumeric("1", POS), SqlLiteral.createExactNumeric("10", POS)).node();
    }
    return function("bop_cast", x, charLiteral(target.declaration()), r.implicit(new Argument.SessionZone())).node();
  }

  /** A written type resolved; arrays and unknown names are errors. */
  static SqlType type(SqlDataTypeSpec spec) throws SqlError {
    if (!(spec.getTypeNameSpec() instanceof BopTypeNameSpec name)) {
      throw unsupported("the type " + spec);
    }
    List<String> args = new ArrayList<>();
    for (SqlLiteral arg : name.arguments()) {
      args.add(arg.getTypeName() == SqlTypeName.CHAR ? "'" + arg.getValueAs(String.class).replace("'", "''") + "'"
          : arg.toValue());
    }
    String typeName = name.name().replace("\"", "");
    SqlType type = TypeNames.resolve(typeName, args, name.unsigned());
    if (type == null) {
      throw new SqlError(Condition.UNDEFINED_TYPE, "type \"" + typeName + "\" does not exist");
    }
    if (type.name().equals("bit") && type.length() > 1) {
      throw unsupported("bit(" + type.length() + "), a bit field of more than one bit,");
    }
    for (int i = 0; i < name.arrayDimensions(); i++) {
      type = SqlType.arrayOf(type);
    }
    return type;
  }

  /** PostgreSQL's typname, which names a cast's column when the operand has no name. */
  private static String pgTypeName(SqlType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "bool";
      case SMALLINT -> "int2";
      case INTEGER -> "int4";
      case BIGINT -> "int8";
      case REAL -> "float4";
      case DOUBLE -> "float8";
      case CHAR -> "bpchar";
      default -> type.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  // =========================================================================================== functions

  private Typed function(SqlCall call, Scope scope) throws SqlError {
    SqlOperator op = call.getOperator();
    String name = functionName(op);
    List<SqlNode> operands = call.getOperandList();
    boolean distinct = call.getFunctionQuantifier() != null
        && "DISTINCT".equalsIgnoreCase(call.getFunctionQuantifier().toValue());
    switch (name) {
      case "count": {
        List<SqlNode> args = operands.size() == 1 && operands.get(0) instanceof SqlIdentifier id && id.isStar()
            ? List.of(operands.get(0)) : rewriteAll(operands, scope, null);
        return new Typed(aggregate("count", distinct, args), SqlType.BIGINT, "count");
      }
      case "sum": {
        Typed x = rewrite(operands.get(0), scope);
        TypeKind k = x.type().kind();
        SqlType type = k == TypeKind.SMALLINT || k == TypeKind.INTEGER ? SqlType.BIGINT
            : k == TypeKind.REAL || k == TypeKind.DOUBLE ? SqlType.DOUBLE
            : k == TypeKind.NUMERIC ? SqlType.NUMERIC.withLength(-1, x.type().scale()) : SqlType.NUMERIC;
        return new Typed(aggregate("sum", distinct, List.of(x.node())), type, "sum");
      }
      case "avg": {
        Typed x = rewrite(operands.get(0), scope);
        TypeKind k = x.type().kind();
        SqlType type = k == TypeKind.REAL || k == TypeKind.DOUBLE ? SqlType.DOUBLE : SqlType.NUMERIC;
        return new Typed(aggregate("avg", distinct, List.of(x.node())), type, "avg");
      }
      case "min":
      case "max": {
        Typed x = rewrite(operands.get(0), scope);
        return new Typed(aggregate(name, distinct, List.of(x.node())), x.type(), name);
      }
      case "bool_and":
      case "every":
      case "bool_or": {
        Typed x = rewrite(operands.get(0), scope, SqlType.BOOLEAN);
        return new Typed(aggregate(name.equals("bool_or") ? "max" : "min", distinct, List.of(x.node())),
            SqlType.BOOLEAN, name);
      }
      case "array_agg": {
        Typed x = rewrite(operands.get(0), scope);
        return new Typed(aggregate("json_group_array", distinct, List.of(x.node())),
            SqlType.arrayOf(x.type().kind() == TypeKind.UNKNOWN ? SqlType.TEXT : x.type()), name);
      }
      case "string_agg": {
        List<SqlNode> args = rewriteAll(operands.subList(0, Math.min(2, operands.size())), scope, SqlType.TEXT);
        return new Typed(aggregate("group_concat", distinct, args), SqlType.TEXT, name);
      }
      case "unnest":
      case "generate_series":
      case "generate_subscripts":
      case "_pg_expandarray":
        return setReturning(name, rewriteArguments(name, operands, scope), scope);
      default:
        return function(name, rewriteArguments(name, operands, scope));
    }
  }

  /** A set-returning function in a select list: its value is the current row of a table-valued function. */
  private Typed setReturning(String name, List<Typed> args, Scope scope) throws SqlError {
    if (scope.setReturning == null) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed here");
    }
    List<SqlNode> nodes = args.stream().map(Typed::node).toList();
    if (name.equals("generate_series")) {
      if (args.size() < 2) {
        throw new SqlError(Condition.UNDEFINED_FUNCTION, "function generate_series with " + args.size()
            + " arguments does not exist");
      }
      String alias = scope.setReturning.alias(Template.call(nodes.size() > 2 ? "generate_series({0}, {1}, {2})"
          : "generate_series({0}, {1})", nodes));
      return new Typed(new SqlIdentifier(List.of(alias, "value"), POS),
          arithmeticType(args.get(0).type(), args.get(1).type()), name);
    }
    if (args.isEmpty()) {
      throw new SqlError(Condition.UNDEFINED_FUNCTION, "function " + name + "() does not exist");
    }
    SqlType array = args.get(0).type();
    SqlType element = array.kind() == TypeKind.ARRAY ? array.element() : SqlType.TEXT;
    String alias = scope.setReturning.alias(Template.call("json_each({0})", nodes.get(0)));
    SqlNode value = new SqlIdentifier(List.of(alias, "value"), POS);
    SqlNode key = new SqlIdentifier(List.of(alias, "key"), POS);
    return switch (name) {
      case "unnest" -> new Typed(value, element, name);
      // int2vector and oidvector subscripts start at 0
      case "generate_subscripts" -> new Typed(array.isVector() ? key : Template.call("{0} + 1", key), SqlType.INTEGER,
          name);
      default -> new Typed(Template.call("json_object('x', {0}, 'n', {1} + 1)", value, key),
          SqlType.record(List.of("x", "n"), List.of(element, SqlType.INTEGER)), name);
    };
  }

  private List<Typed> rewriteArguments(String name, List<SqlNode> operands, Scope scope) throws SqlError {
    List<Typed> args = new ArrayList<>();
    for (SqlNode operand : operands) {
      args.add(rewrite(operand, scope));
    }
    return args;
  }

  /** The lower-case name of a function, without a {@code pg_catalog.} qualifier. */
  static String functionName(SqlOperator op) {
    if (op instanceof SqlUnresolvedFunction f && f.getSqlIdentifier() != null) {
      List<String> names = f.getSqlIdentifier().names;
      return names.get(names.size() - 1).toLowerCase(Locale.ROOT);
    }
    return op.getName().toLowerCase(Locale.ROOT);
  }

  private Typed function(String name, SqlNode... args) throws SqlError {
    List<Typed> typed = new ArrayList<>();
    for (SqlNode a : args) {
      typed.add(new Typed(a, SqlType.UNKNOWN, Typed.NO_NAME));
    }
    return call(name, typed);
  }

  Typed function(String name, List<Typed> args) throws SqlError {
    return call(name, args);
  }

  /** A function by its PostgreSQL name, as SQLite computes it. */
  private Typed call(String name, List<Typed> args) throws SqlError {
    List<SqlNode> nodes = args.stream().map(Typed::node).toList();
    SqlType first = args.isEmpty() ? SqlType.UNKNOWN : args.get(0).type();
    switch (name) {
      case "now":
      case "current_timestamp":
      case "transaction_timestamp":
      case "statement_timestamp":
        return new Typed(r.implicit(new Argument.TransactionTimestamp()), SqlType.TIMESTAMPTZ, name);
      case "clock_timestamp":
        return new Typed(sqlite("bop_now", List.of()), SqlType.TIMESTAMPTZ, name);
      case "localtimestamp":
        return new Typed(r.implicit(new Argument.LocalTimestamp()), SqlType.TIMESTAMP, name);
      case "current_date":
        return new Typed(r.implicit(new Argument.CurrentDate()), SqlType.DATE, name);
      case "current_time":
      case "localtime":
        return new Typed(sqlite("substr", List.of(r.implicit(new Argument.LocalTimestamp()),
            SqlLiteral.createExactNumeric("12", POS))), SqlType.TIME, name);
      case "current_user":
      case "session_user":
      case "user":
      case "current_role":
        return new Typed(r.implicit(new Argument.CurrentUser()), SqlType.NAME, name);
      case "current_setting":
        return new Typed(r.implicit(new Argument.Setting(literalText(name, args.get(0).node()),
            args.size() > 1 && !isFalse(args.get(1).node()))), SqlType.TEXT, name);
      case "set_config":
        return new Typed(r.implicit(new Argument.SetConfig(literalText(name, args.get(0).node()),
            literalText(name, args.get(1).node()))), SqlType.TEXT, name);
      case "current_database":
      case "current_catalog":
        return new Typed(r.implicit(new Argument.CurrentDatabase()), SqlType.NAME, name);
      case "current_schema":
        return new Typed(charLiteral("public"), SqlType.NAME, name);
      case "version":
        return new Typed(charLiteral("PostgreSQL " + PgSettings.SERVER_VERSION
            + " (bop 0.1.0) on x86_64-pc-linux-gnu, compiled by javac 17, 64-bit"), SqlType.TEXT, name);
      case "pg_backend_pid":
        return new Typed(r.implicit(new Argument.SessionId()), SqlType.INTEGER, name);
      case "nextval":
      case "setval":
        // they write the sequence's value, and a column default calls nextval without a session to keep currval
        r.writes = true;
        if (r.definition && name.equals("nextval")) {
          return new Typed(sqlite(name, nodes), SqlType.BIGINT, name);
        }
        return new Typed(sqlite(name, sequenceArguments(name, nodes)), SqlType.BIGINT, name);
      case "currval":
      case "lastval":
        return new Typed(sqlite(name, sequenceArguments(name, nodes)), SqlType.BIGINT, name);
      case "pg_get_serial_sequence":
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "json_build_object":
      case "jsonb_build_object": {
        // booleans are 0 and 1 to SQLite, true and false in JSON
        List<SqlNode> members = new ArrayList<>();
        for (Typed a : args) {
          members.add(a.type().kind() == TypeKind.BOOLEAN
              ? Template.call("json(CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' END)", a.node()) : a.node());
        }
        return new Typed(sqlite("json_object", members), name.startsWith("jsonb") ? SqlType.JSONB : SqlType.JSON,
            name);
      }
      case "random":
        return new Typed(sqlite("bop_random", List.of()), SqlType.DOUBLE, name);
      case "gen_random_uuid":
      case "uuid_generate_v4":
        return new Typed(sqlite("gen_random_uuid", List.of()), SqlType.UUID, name);
      case "length":
      case "char_length":
      case "character_length":
        return new Typed(sqlite("length", nodes), SqlType.INTEGER, name);
      case "octet_length":
        return new Typed(Template.call("length(CAST({0} AS BLOB))", nodes), SqlType.INTEGER, name);
      case "lower":
      case "upper":
      case "replace":
      case "ltrim":
      case "rtrim":
      case "substr":
      case "substring":
      case "concat":
      case "concat_ws":
      case "left":
      case "right":
      case "lpad":
      case "rpad":
      case "repeat":
      case "reverse":
      case "split_part":
      case "md5":
      case "initcap":
        return new Typed(sqlite(name.equals("substring") ? "substr" : name, nodes), SqlType.TEXT, name);
      case "btrim":
        return new Typed(sqlite("trim", nodes), SqlType.TEXT, name);
      case "strpos":
        return new Typed(sqlite("instr", nodes), SqlType.INTEGER, name);
      case "position": // position(substring IN string)
        return new Typed(sqlite("instr", List.of(nodes.get(1), nodes.get(0))), SqlType.INTEGER, name);
      case "age": { // age(a, b), or age(b) from today's midnight
        SqlNode from = nodes.size() > 1 ? nodes.get(0)
            : Template.call("({0} || ' 00:00:00')", r.implicit(new Argument.CurrentDate()));
        return new Typed(sqlite("bop_age", List.of(from, nodes.get(nodes.size() - 1),
            charLiteral(typeOrTimestamp(args.get(0)).declaration()))), SqlType.INTERVAL, name);
      }
      case "date_part":
        return dateTimeFunction("bop_extract", nodes.get(0), args.get(1), SqlType.DOUBLE, name);
      case "date_trunc": {
        Typed value = args.get(1);
        SqlType type = value.type().kind() == TypeKind.TIMESTAMP ? SqlType.TIMESTAMP : SqlType.TIMESTAMPTZ;
        return dateTimeFunction("bop_date_trunc", nodes.get(0), value, type, name);
      }
      case "to_char": {
        Typed value = args.get(0);
        return new Typed(sqlite("bop_to_char", List.of(value.node(), charLiteral(typeOrTimestamp(value).declaration()),
            nodes.get(1), r.implicit(new Argument.SessionZone()))), SqlType.TEXT, name);
      }
      case "starts_with":
      case "pg_cancel_backend":
        return new Typed(sqlite(name, nodes), SqlType.BOOLEAN, name);
      case "pg_typeof": {
        // Known from the translation; the argument stays in the statement, as do the parameters it may hold.
        SqlNode type = charLiteral(PgTypes.format(args.get(0).type().pgOid(), -1));
        return new Typed(Template.call("CASE WHEN {0} IS NULL THEN {1} ELSE {1} END", nodes.get(0), type),
            SqlType.TEXT, name);
      }
      case "regexp_replace":
      case "encode":
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "decode":
        return new Typed(sqlite(name, nodes), SqlType.BYTEA, name);
      case "to_timestamp":
        if (nodes.size() != 1) {
          throw unsupported("to_timestamp(text, format)");
        }
        return new Typed(sqlite(name, nodes), SqlType.TIMESTAMPTZ, name);
      case "make_date":
        return new Typed(sqlite(name, nodes), SqlType.DATE, name);
      case "pg_advisory_lock":
      case "pg_advisory_xact_lock":
      case "pg_try_advisory_lock":
      case "pg_try_advisory_xact_lock":
      case "pg_advisory_unlock":
      case "pg_advisory_unlock_all": {
        r.waits = true;
        String action = name.replace("pg_", "").replace("advisory_", ""); // lock, try_xact_lock, unlock_all, …
        List<SqlNode> call = new ArrayList<>(List.of(SqlLiteral.createCharString(action, POS),
            SqlLiteral.createExactNumeric(nodes.size() == 2 ? "1" : "0", POS),
            nodes.isEmpty() ? SqlLiteral.createNull(POS) : nodes.get(0),
            nodes.size() < 2 ? SqlLiteral.createNull(POS) : nodes.get(1), r.implicit(new Argument.SessionId())));
        SqlType type = action.startsWith("try") || action.equals("unlock") ? SqlType.BOOLEAN : SqlType.TEXT;
        return new Typed(sqlite("bop_advisory", call), type, name);
      }
      case "pg_sleep":
        r.waits = true;
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "round":
      case "ceil":
      case "ceiling":
      case "floor":
      case "trunc":
        if (first.kind() == TypeKind.NUMERIC) { // as many decimals as asked for, as PostgreSQL shows them
          int scale = nodes.size() > 1 && nodes.get(1) instanceof SqlNumericLiteral digits ? digits.intValue(true) : 0;
          return new Typed(sqlite(name, nodes), SqlType.NUMERIC.withLength(-1, Math.max(scale, 0)), name);
        }
        return new Typed(sqlite(name, nodes), first.kind() == TypeKind.UNKNOWN ? SqlType.NUMERIC : first, name);
      case "abs":
      case "sign":
      case "mod":
      case "greatest":
      case "least":
        return new Typed(sqlite(name, nodes), first.kind() == TypeKind.UNKNOWN ? SqlType.NUMERIC : first, name);
      case "sqrt":
      case "power":
      case "pow":
      case "exp":
      case "ln":
      case "log":
      case "log10":
      case "pi":
      case "degrees":
      case "radians":
      case "sin":
      case "cos":
      case "tan":
      case "asin":
      case "acos":
      case "atan":
      case "atan2":
      case "cbrt":
        return new Typed(sqlite(name, nodes), SqlType.DOUBLE, name);
      case "pg_get_triggerdef":
      case "pg_get_ruledef":
      case "pg_get_functiondef":
      case "pg_get_function_arguments":
      case "pg_get_function_result":
      case "pg_get_function_identity_arguments":
      case "pg_get_partkeydef":
      case "pg_get_partition_constraintdef":
      case "pg_get_statisticsobjdef":
      case "pg_get_statisticsobjdef_columns":
      case "pg_get_statisticsobjdef_expressions":
      case "format_type":
      case "pg_get_expr":
      case "pg_get_indexdef":
      case "pg_get_constraintdef":
      case "pg_get_viewdef":
      case "obj_description":
      case "col_description":
      case "shobj_description":
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "array_to_string":
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "row_number":
      case "rank":
      case "dense_rank":
      case "ntile":
        return new Typed(sqlite(name, nodes), SqlType.BIGINT, name);
      case "percent_rank":
      case "cume_dist":
        return new Typed(sqlite(name, nodes), SqlType.DOUBLE, name);
      case "lag":
      case "lead":
      case "first_value":
      case "last_value":
      case "nth_value":
        return new Typed(sqlite(name, nodes), first, name);
      case "array_length":
      case "array_upper":
        return new Typed(Template.call("nullif(json_array_length({0}), 0)", nodes.get(0)), SqlType.INTEGER, name);
      case "array_lower":
        return new Typed(Template.call("CASE WHEN json_array_length({0}) > 0 THEN 1 END", nodes.get(0)), SqlType.INTEGER,
            name);
      case "cardinality":
        return new Typed(sqlite("json_array_length", nodes), SqlType.INTEGER, name);
      case "current_schemas":
        return new Typed(charLiteral(args.isEmpty() || isFalse(args.get(0).node()) ? "[\"public\"]"
            : "[\"pg_catalog\",\"public\"]"), SqlType.arrayOf(SqlType.NAME), name);
      case "pg_partition_ancestors":
        // Nothing is partitioned: a relation's only "ancestor" is itself.
        return new Typed(relation(args.get(0)), SqlType.of(TypeKind.OID, "regclass"), name);
      case "pg_relation_size":
      case "pg_table_size":
        // SQLite's dbstat counts the pages of each b-tree: a table's own are its size without indexes.
        return new Typed(Template.call("(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name ="
            + " bop_relation_name({0}) AND aggregate = 1)", relation(args.get(0))), SqlType.BIGINT, name);
      case "pg_indexes_size":
        return new Typed(Template.call("(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE aggregate = 1 AND name IN"
            + " (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = bop_relation_name({0})))",
            relation(args.get(0))), SqlType.BIGINT, name);
      case "pg_total_relation_size":
        return new Typed(Template.call("(SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE aggregate = 1 AND name IN"
            + " (SELECT name FROM sqlite_schema WHERE tbl_name = bop_relation_name({0})))", relation(args.get(0))),
            SqlType.BIGINT, name);
      case "pg_database_size":
        // Another database is another file, which this connection does not see.
        return new Typed(Template.call("(SELECT CASE WHEN bop_is_current_database({0}) THEN page_count * page_size"
            + " END FROM pragma_page_count(), pragma_page_size())", nodes.get(0)), SqlType.BIGINT, name);
      case "pg_size_pretty":
        return new Typed(sqlite(name, nodes), SqlType.TEXT, name);
      case "pg_get_userbyid":
      case "pg_encoding_to_char":
        return new Typed(sqlite(name, nodes), SqlType.NAME, name);
      case "pg_relation_is_publishable":
      case "pg_table_is_visible":
      case "pg_type_is_visible":
      case "pg_function_is_visible":
      case "pg_collation_is_visible":
      case "pg_is_in_recovery":
      case "has_table_privilege":
      case "has_schema_privilege":
      case "has_database_privilege":
      case "has_column_privilege":
      case "has_sequence_privilege":
      case "has_function_privilege":
      case "pg_has_role":
        return new Typed(sqlite(name, nodes), SqlType.BOOLEAN, name);
      default:
        return new Typed(sqlite(name, nodes), SqlType.UNKNOWN, name);
    }
  }

  /** A sequence function's arguments, with setval's is_called made explicit and the session's id last. */
  private List<SqlNode> sequenceArguments(String name, List<SqlNode> nodes) throws SqlError {
    List<SqlNode> arguments = new ArrayList<>(nodes);
    if (name.equals("setval") && arguments.size() == 2) {
      arguments.add(SqlLiteral.createExactNumeric("1", POS));
    }
    arguments.add(r.implicit(new Argument.SessionId()));
    return arguments;
  }

  /** A function of a date/time value that needs its declared type and the session's zone: bop_*(arg, value, ...). */
  private Typed dateTimeFunction(String function, SqlNode argument, Typed value, SqlType result, String name)
      throws SqlError {
    return new Typed(sqlite(function, List.of(argument, value.node(), charLiteral(typeOrTimestamp(value).declaration()),
        r.implicit(new Argument.SessionZone()))), result, name);
  }

  /** A string literal where a time stamp is expected reads as one with time zone, as PostgreSQL resolves it. */
  private static SqlType typeOrTimestamp(Typed value) {
    return value.type().kind() == TypeKind.UNKNOWN ? SqlType.TIMESTAMPTZ : value.type();
  }

  /** A function argument bop needs as a constant (a parameter name, say). */
  private static String literalText(String function, SqlNode node) throws SqlError {
    if (node instanceof SqlLiteral l && l.getValue() != null) {
      return l.getValueAs(String.class);
    }
    throw unsupported(function + " with an argument other than a constant");
  }

  private static boolean isFalse(SqlNode node) {
    return node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.BOOLEAN && Boolean.FALSE.equals(l.getValue());
  }

  static SqlNode sqlite(String name, List<SqlNode> args) {
    SqlUnresolvedFunction fn = new SqlUnresolvedFunction(new SqlIdentifier(name, POS), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return fn.createCall(POS, args);
  }

  private static SqlNode aggregate(String name, boolean distinct, List<SqlNode> args) {
    SqlUnresolvedFunction fn = new SqlUnresolvedFunction(new SqlIdentifier(name, POS), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return fn.createCall(distinct ? SqlLiteral.createSymbol(org.apache.calcite.sql.SqlSelectKeyword.DISTINCT, POS) : null,
        POS, args);
  }

  static SqlError unsupported(String what) {
    return new SqlError(Condition.FEATURE_NOT_SUPPORTED, what + " is not supported");
  }
}
