package io.bop.engine.translate;

import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Argument;
import io.bop.engine.mysql.SystemVariables;
import io.bop.engine.parser.ast.BopOperators;
import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopVariable;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * MySQL's meaning of expressions where it differs from PostgreSQL's: variables, its functions, {@code /} giving
 * a decimal, strings comparing and matching LIKE without regard to case, and select items named as written.
 * {@link Expressions} asks here first for every node of a MySQL statement; null means "as PostgreSQL".
 */
final class MySqlExpressions {
  private final Rewriter r;
  private final SourceText source;

  MySqlExpressions(Rewriter r, SourceText source) {
    this.r = r;
    this.source = source;
  }

  /** The node rewritten with MySQL's meaning, or null if it means what it means in PostgreSQL. */
  Typed rewrite(SqlNode node, Scope scope, SqlType expected) throws SqlError {
    if (node instanceof BopVariable variable) {
      return variable(variable);
    }
    if (node instanceof SqlUnknownLiteral literal) {
      // DATE '2024-01-31', TIMESTAMP '...': Calcite leaves MySQL's typed literals untyped.
      SqlType type = switch (literal.tag.toUpperCase(Locale.ROOT)) {
        case "DATE" -> SqlType.DATE;
        case "TIME" -> SqlType.TIME;
        default -> SqlType.of(TypeKind.TIMESTAMP, "datetime");
      };
      return r.expressions.coerce(literal.getValue().toString(), type);
    }
    if (node instanceof SqlIdentifier id && id.isSimple() && scope.resolve(id.names).isEmpty()
        && MySqlFunctions.isNiladic(id.getSimple().toLowerCase(Locale.ROOT))) {
      return MySqlFunctions.call(r, id.getSimple().toLowerCase(Locale.ROOT), List.of(), null, scope);
    }
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    return switch (call.getKind()) {
      case DIVIDE -> divide(call, scope);
      case EQUALS, NOT_EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL ->
          comparison(call, scope);
      case LIKE -> like(call, (SqlLikeOperator) call.getOperator(), scope);
      case PLUS, MINUS -> intervalArithmetic(call, scope);
      default -> call.getOperator() instanceof SqlFunction ? MySqlFunctions.call(r, call, scope) : null;
    };
  }

  /**
   * The column name MySQL gives a select item without alias: a column's name, a string literal's value, else the
   * item's text as written ({@code COUNT(*)}, {@code @@version_comment}).
   */
  String columnName(SqlNode item, Typed typed) {
    if (typed.origin() != null) {
      return typed.name();
    }
    if (item instanceof SqlLiteral literal) {
      if (literal.getTypeName() == SqlTypeName.CHAR) {
        return literal.getValueAs(NlsString.class).getValue();
      }
      if (literal.getTypeName() == SqlTypeName.NULL) {
        return "NULL";
      }
    }
    String text = source.of(item);
    return text != null ? text : typed.name();
  }

  // ===================================================================================== variables

  private Typed variable(BopVariable v) throws SqlError {
    if (v.kind() == BopVariable.Kind.USER) {
      return new Typed(r.implicit(new Argument.UserVariable(v.name())), SqlType.UNKNOWN, v.toString());
    }
    SystemVariables.Definition d = SystemVariables.definition(v.name());
    SqlType type = d.type() == SystemVariables.Type.TEXT ? SqlType.VARCHAR : SqlType.BIGINT;
    Argument value = new Argument.SystemVariable(d.name(), v.scope() == BopSessionStatement.Scope.GLOBAL,
        v.scope() == BopSessionStatement.Scope.SESSION);
    return new Typed(r.implicit(value), type, v.toString());
  }

  // ===================================================================================== operators

  /** {@code a / b}: a decimal with four more digits than a's scale (div_precision_increment); NULL for b = 0. */
  private Typed divide(SqlCall call, Scope scope) throws SqlError {
    Typed[] sides = r.expressions.pair(call.operand(0), call.operand(1), scope);
    TypeKind a = sides[0].type().kind();
    TypeKind b = sides[1].type().kind();
    if (a == TypeKind.REAL || a == TypeKind.DOUBLE || b == TypeKind.REAL || b == TypeKind.DOUBLE) {
      return new Typed(Template.call("(CAST({0} AS REAL) / {1})", sides[0].node(), sides[1].node()), SqlType.DOUBLE,
          Typed.NO_NAME);
    }
    int scale = Math.max(sides[0].type().scale(), 0) + 4;
    return new Typed(Template.call("(CAST({0} AS REAL) / {1})", sides[0].node(), sides[1].node()),
        SqlType.NUMERIC.withLength(-1, scale), Typed.NO_NAME);
  }

  /**
   * A comparison of strings ignores case, as MySQL's default collation does. A column brings its own collation
   * (MySQL-created text columns are NOCASE); two values that are not columns compare with NOCASE.
   */
  private Typed comparison(SqlCall call, Scope scope) throws SqlError {
    Typed[] sides = r.expressions.pair(call.operand(0), call.operand(1), scope);
    boolean strings = isString(sides[0].type()) && isString(sides[1].type());
    boolean column = sides[0].origin() != null || sides[1].origin() != null;
    boolean binary = binaryCollation(call.operand(0)) || binaryCollation(call.operand(1));
    SqlNode right = !strings ? sides[1].node()
        : binary ? Template.call("{0} COLLATE BINARY", sides[1].node())
        : !column ? Template.call("{0} COLLATE NOCASE", sides[1].node()) : sides[1].node();
    return new Typed(call.getOperator().createCall(Expressions.POS, sides[0].node(), right), SqlType.BOOLEAN,
        Typed.NO_NAME);
  }

  /** Whether an operand is {@code expression COLLATE name} with a case-sensitive collation ({@code ..._bin}). */
  private static boolean binaryCollation(SqlNode operand) {
    if (operand instanceof SqlCall call && call.getOperator() == BopOperators.COLLATE) {
      String collation = ((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT);
      return collation.endsWith("_bin") || collation.equals("binary");
    }
    return false;
  }

  private static boolean isString(SqlType type) {
    return type.kind().isText() || type.kind() == TypeKind.UNKNOWN;
  }

  /** {@code a LIKE b}: without regard to case, and with {@code \} as the escape character unless another is given. */
  private Typed like(SqlCall call, SqlLikeOperator op, Scope scope) throws SqlError {
    List<SqlNode> operands = new ArrayList<>();
    for (int i = 0; i < call.operandCount(); i++) {
      operands.add(r.expressions.rewrite(call.operand(i), scope, SqlType.TEXT).node());
    }
    if (operands.size() == 2) {
      operands.add(Expressions.charLiteral("\\"));
    }
    String test = "lower({0}) LIKE lower({1}) ESCAPE {2}";
    return new Typed(Template.call(op.isNegated() ? "NOT (" + test + ")" : test, operands), SqlType.BOOLEAN,
        Typed.NO_NAME);
  }

  /** {@code d + INTERVAL n unit}, {@code d - INTERVAL n unit}: date arithmetic, as DATE_ADD and DATE_SUB. */
  private Typed intervalArithmetic(SqlCall call, Scope scope) throws SqlError {
    if (!MySqlFunctions.isInterval(call.operand(1))) {
      return null;
    }
    return MySqlFunctions.dateAdd(r, call.operand(0), call.operand(1), call.getKind() == SqlKind.MINUS, scope);
  }

  /** The lower-case name a function is called by. */
  static String name(SqlCall call) {
    return Expressions.functionName(call.getOperator()).toLowerCase(Locale.ROOT);
  }
}
