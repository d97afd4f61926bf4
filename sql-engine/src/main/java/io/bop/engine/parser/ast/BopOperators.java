package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Map;

/** Operators the grammar adds to Calcite's; expressions otherwise use Calcite's standard operators. */
public final class BopOperators {

  private BopOperators() {
  }

  /**
   * {@code expr COLLATE name}: operands are the expression and the collation's identifier
   * ({@code pg_catalog."default"}, {@code "C"}, {@code utf8mb4_bin}).
   */
  public static final SqlBinaryOperator COLLATE =
      new SqlBinaryOperator("COLLATE", SqlKind.OTHER, 90, true, null, null, null);

  /**
   * PostgreSQL's {@code expr::type}. It exists only while the parser assembles an expression: it binds
   * tighter than every operator but {@code .} and {@code [ ]}, and its calls are standard
   * {@link SqlStdOperatorTable#CAST} calls, so no tree ever contains it.
   */
  public static final SqlBinaryOperator INFIX_CAST =
      new SqlBinaryOperator("::", SqlKind.CAST, 94, true, null, null, null) {
        @Override
        public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return SqlStdOperatorTable.CAST.createCall(pos, operands);
        }
      };

  /**
   * {@code f(args) WITH ORDINALITY} in FROM: the operand is the COLLECTION_TABLE call of the set-returning
   * function, whose rows get a 1-based row number as an extra last column.
   */
  public static final SqlSpecialOperator WITH_ORDINALITY =
      new SqlSpecialOperator("WITH ORDINALITY", SqlKind.OTHER, 100) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
          call.operand(0).unparse(writer, leftPrec, getLeftPrec());
          writer.keyword("WITH ORDINALITY");
        }
      };

  /** PostgreSQL's {@code json -> key}: the element at a key or index, as json. Binds like {@code ||}. */
  public static final SqlBinaryOperator JSON_GET = json("->");

  /** {@code json ->> key}: the element as text. */
  public static final SqlBinaryOperator JSON_GET_TEXT = json("->>");

  /** {@code json #> '{a,0}'}: the element at a path, as json. */
  public static final SqlBinaryOperator JSON_PATH_GET = json("#>");

  /** {@code json #>> '{a,0}'}: the element at a path, as text. */
  public static final SqlBinaryOperator JSON_PATH_GET_TEXT = json("#>>");

  private static SqlBinaryOperator json(String symbol) {
    return new SqlBinaryOperator(symbol, SqlKind.OTHER, 60, true, null, null, null);
  }

  /** Operators PostgreSQL clients name as {@code OPERATOR(pg_catalog.symbol)}, by symbol. */
  private static final Map<String, SqlOperator> BY_SYMBOL = Map.ofEntries(
      Map.entry("=", SqlStdOperatorTable.EQUALS),
      Map.entry("<>", SqlStdOperatorTable.NOT_EQUALS),
      Map.entry("!=", SqlStdOperatorTable.NOT_EQUALS),
      Map.entry("<", SqlStdOperatorTable.LESS_THAN),
      Map.entry("<=", SqlStdOperatorTable.LESS_THAN_OR_EQUAL),
      Map.entry(">", SqlStdOperatorTable.GREATER_THAN),
      Map.entry(">=", SqlStdOperatorTable.GREATER_THAN_OR_EQUAL),
      Map.entry("+", SqlStdOperatorTable.PLUS),
      Map.entry("-", SqlStdOperatorTable.MINUS),
      Map.entry("*", SqlStdOperatorTable.MULTIPLY),
      Map.entry("/", SqlStdOperatorTable.DIVIDE),
      Map.entry("%", SqlStdOperatorTable.PERCENT_REMAINDER),
      Map.entry("||", SqlStdOperatorTable.CONCAT),
      Map.entry("~", SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE),
      Map.entry("~*", SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE),
      Map.entry("!~", SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE),
      Map.entry("!~*", SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE),
      Map.entry("~~", SqlStdOperatorTable.LIKE),
      Map.entry("!~~", SqlStdOperatorTable.NOT_LIKE),
      Map.entry("~~*", SqlLibraryOperators.ILIKE),
      Map.entry("!~~*", SqlLibraryOperators.NOT_ILIKE));

  /** The operator of {@code OPERATOR(pg_catalog.symbol)}, or null if we do not know it. */
  public static @Nullable SqlOperator bySymbol(String symbol) {
    return BY_SYMBOL.get(symbol);
  }
}
