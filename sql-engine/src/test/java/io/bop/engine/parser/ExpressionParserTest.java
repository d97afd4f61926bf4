package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopInsert;
import io.bop.engine.parser.ast.BopOperators;
import io.bop.engine.parser.ast.BopTypeNameSpec;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.util.NlsString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.bop.engine.parser.Parsing.expression;
import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL expression syntax and what it becomes in the tree. */
class ExpressionParserTest {

  @Test
  void infixCastIsAStandardCast() {
    final SqlCall outer = (SqlCall) expression("'x'::pg_catalog.regclass::pg_catalog.text");

    assertThat(outer.getOperator()).isSameAs(SqlStdOperatorTable.CAST);
    assertThat(typeName(outer.operand(1)).name()).isEqualTo("text");
    assertThat(typeName(outer.operand(1)).schema()).isEqualTo("pg_catalog");
    final SqlCall inner = outer.operand(0);
    assertThat(inner.getOperator()).isSameAs(SqlStdOperatorTable.CAST);
    assertThat(typeName(inner.operand(1)).name()).isEqualTo("regclass");
    assertThat(inner.operand(0).toString()).isEqualTo("'x'");
  }

  @Test
  void infixCastBindsTighterThanOperatorsButNotSubscripts() {
    final SqlCall negated = (SqlCall) expression("-a::int");
    assertThat(negated.getKind()).isEqualTo(SqlKind.MINUS_PREFIX);
    assertThat(negated.operand(0).getKind()).isEqualTo(SqlKind.CAST);

    final SqlCall sum = (SqlCall) expression("a + b::int");
    assertThat(sum.getKind()).isEqualTo(SqlKind.PLUS);
    assertThat(sum.operand(1).getKind()).isEqualTo(SqlKind.CAST);

    final SqlCall subscripted = (SqlCall) expression("(x)[1]::text");
    assertThat(subscripted.getKind()).isEqualTo(SqlKind.CAST);
    assertThat(subscripted.operand(0).getKind()).isEqualTo(SqlKind.ITEM);
  }

  @Test
  void dollarParametersAreIndexedByTheirNumber() {
    final SqlSelect select = parse("SELECT $2, $1, $2 FROM t WHERE a = $3", SqlSelect.class);

    assertThat(select.getSelectList()).map(node -> ((SqlDynamicParam) node).getIndex()).containsExactly(1, 0, 1);
    assertThat(((SqlDynamicParam) ((SqlCall) select.getWhere()).operand(1)).getIndex()).isEqualTo(2);
  }

  @Test
  void dollarParametersInLimitAndOffsetKeepTheirNumber() {
    final SqlOrderBy query = parse("SELECT * FROM t WHERE a = $1 AND b = $1 LIMIT $3 OFFSET $2",
        SqlOrderBy.class);

    assertThat(((SqlDynamicParam) query.fetch).getIndex()).isEqualTo(2);
    assertThat(((SqlDynamicParam) query.offset).getIndex()).isEqualTo(1);
  }

  @Test
  void dollarParametersInStatementsKeepTheirNumber() {
    final BopInsert insert = parse("INSERT INTO t (a, b) VALUES ($2, $1) ON CONFLICT (a) DO UPDATE SET b = $2"
        + " RETURNING $1", BopInsert.class);

    final SqlCall row = ((SqlCall) insert.getSource()).operand(0);
    assertThat(row.getOperandList()).map(node -> ((SqlDynamicParam) node).getIndex()).containsExactly(1, 0);
    assertThat(((SqlDynamicParam) insert.onConflict().updateValues().get(0)).getIndex()).isEqualTo(1);
    assertThat(((SqlDynamicParam) insert.returning().get(0)).getIndex()).isZero();
  }

  @Test
  void dollarZeroIsNoParameter() {
    assertThatThrownBy(() -> BopParser.parse("SELECT $0", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining("$0");
  }

  @Test
  void questionMarksAreNumberedInOrder() {
    final SqlSelect select = parse("SELECT ?, ?, ?", SqlSelect.class);

    assertThat(select.getSelectList()).map(node -> ((SqlDynamicParam) node).getIndex()).containsExactly(0, 1, 2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a ~ 'x'                        | POSIX_REGEX_CASE_SENSITIVE",
    "a ~* 'x'                       | POSIX_REGEX_CASE_INSENSITIVE",
    "a !~ 'x'                       | POSIX_REGEX_CASE_SENSITIVE",
    "a !~* 'x'                      | POSIX_REGEX_CASE_INSENSITIVE",
    "a OPERATOR(pg_catalog.~) 'x'   | POSIX_REGEX_CASE_SENSITIVE",
    "a OPERATOR(pg_catalog.!~*) 'x' | POSIX_REGEX_CASE_INSENSITIVE",
    "a OPERATOR(pg_catalog.=) 1     | EQUALS",
    "a OPERATOR(pg_catalog.<=) 1    | LESS_THAN_OR_EQUAL",
    "a OPERATOR(=) 1                | EQUALS",
    "a OPERATOR(pg_catalog.~~) 'x'  | LIKE",
  })
  void regexAndNamedOperatorsAreRealOperators(String sql, SqlKind kind) {
    assertThat(expression(sql).getKind()).isEqualTo(kind);
  }

  @Test
  void negatedRegexOperatorsAreTheNegatedOperators() {
    assertThat(((SqlCall) expression("a !~ 'x'")).getOperator())
        .isSameAs(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE);
    assertThat(((SqlCall) expression("a OPERATOR(pg_catalog.!~) 'x'")).getOperator())
        .isSameAs(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE);
  }

  @Test
  void unknownNamedOperatorIsAnError() {
    assertThatThrownBy(() -> BopParser.parse("SELECT a OPERATOR(myschema.=) 1", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining("operator does not exist: myschema.=");
  }

  @Test
  void collateIsAPostfixOnAnyExpression() {
    final SqlCall collated = (SqlCall) expression("c.relname COLLATE pg_catalog.default");
    assertThat(collated.getOperator()).isSameAs(BopOperators.COLLATE);
    assertThat(((SqlIdentifier) collated.operand(1)).names).containsExactly("pg_catalog", "default");

    final SqlCall comparison = (SqlCall) expression("a < lower(b) COLLATE \"C\"");
    assertThat(comparison.getKind()).isEqualTo(SqlKind.LESS_THAN);
    assertThat(((SqlCall) comparison.operand(1)).getOperator()).isSameAs(BopOperators.COLLATE);
    assertThat(((SqlIdentifier) ((SqlCall) comparison.operand(1)).operand(1)).getSimple()).isEqualTo("C");
  }

  @Test
  void anyAndAllTakeAnArrayOrAQuery() {
    final SqlCall anyArray = (SqlCall) expression("a = ANY (ARRAY[1, 2])");
    assertThat(anyArray.getOperator()).isSameAs(SqlStdOperatorTable.some(SqlKind.EQUALS));
    assertThat(((SqlNodeList) anyArray.operand(1)).get(0).getKind()).isEqualTo(SqlKind.ARRAY_VALUE_CONSTRUCTOR);

    final SqlCall anyParameter = (SqlCall) expression("a = ANY ($1)");
    assertThat(((SqlNodeList) anyParameter.operand(1)).get(0)).isInstanceOf(SqlDynamicParam.class);

    final SqlCall allQuery = (SqlCall) expression("a <> ALL (SELECT b FROM t)");
    assertThat(allQuery.getOperator()).isSameAs(SqlStdOperatorTable.all(SqlKind.NOT_EQUALS));
    assertThat(allQuery.getOperandList().get(1)).isInstanceOf(SqlSelect.class);
  }

  @Test
  void arraysAndSubscripts() {
    assertThat(expression("ARRAY[1, 2]").getKind()).isEqualTo(SqlKind.ARRAY_VALUE_CONSTRUCTOR);
    assertThat(expression("ARRAY(SELECT 1)").getKind()).isEqualTo(SqlKind.ARRAY_QUERY_CONSTRUCTOR);
    assertThat(expression("col[1]").getKind()).isEqualTo(SqlKind.ITEM);
    assertThat(expression("(pg_catalog.current_schemas(true))[1]").getKind()).isEqualTo(SqlKind.ITEM);
  }

  @Test
  void escapedStringHasItsEscapesAppliedAndNoCharacterSet() {
    final SqlCharStringLiteral literal = (SqlCharStringLiteral) expression("E'a\\nb\\'c'");

    assertThat(literal.getValueAs(String.class)).isEqualTo("a\nb'c");
    assertThat(literal.getValueAs(NlsString.class).getCharsetName()).isNull();
  }

  @Test
  void intervalWithoutUnitIsACastToInterval() {
    final SqlCall cast = (SqlCall) expression("interval '1 day'");
    assertThat(cast.getOperator()).isSameAs(SqlStdOperatorTable.CAST);
    assertThat(((SqlLiteral) cast.operand(0)).getValueAs(String.class)).isEqualTo("1 day");
    assertThat(typeName(cast.operand(1)).name()).isEqualTo("interval");

    assertThat(expression("INTERVAL '1' DAY")).isInstanceOf(SqlIntervalLiteral.class);
  }

  @Test
  void niladicFunctionsAndCallsWithoutArguments() {
    for (String name : List.of("current_timestamp", "current_date", "current_user", "session_user",
        "current_schema", "current_catalog")) {
      assertThat(expression(name)).hasToString(name);
    }
    assertThat(((SqlCall) expression("now()")).getOperator().getName()).isEqualTo("now");
    assertThat(((SqlCall) expression("current_schema()")).getOperator().getName()).isEqualTo("current_schema");
  }

  @Test
  void aggregates() {
    final SqlCall countStar = (SqlCall) expression("count(*)");
    assertThat(countStar.getOperator().getName()).isEqualTo("count");
    assertThat(countStar.getOperandList().get(0)).hasToString("*");

    final SqlCall countDistinct = (SqlCall) expression("count(DISTINCT x)");
    assertThat(countDistinct.getFunctionQuantifier()).hasToString("DISTINCT");

    final SqlCall stringAgg = (SqlCall) expression("string_agg(x, ',' ORDER BY y)");
    assertThat(stringAgg.getOperator()).isSameAs(SqlLibraryOperators.STRING_AGG);
    assertThat(stringAgg.getOperandList().get(2)).isInstanceOf(SqlNodeList.class);
  }

  @Test
  void distinctFromLikeAndConcat() {
    assertThat(expression("a IS DISTINCT FROM b").getKind()).isEqualTo(SqlKind.IS_DISTINCT_FROM);
    assertThat(expression("a IS NOT DISTINCT FROM b").getKind()).isEqualTo(SqlKind.IS_NOT_DISTINCT_FROM);
    assertThat(((SqlCall) expression("a ILIKE 'x'")).getOperator()).isSameAs(SqlLibraryOperators.ILIKE);
    assertThat(((SqlCall) expression("a NOT ILIKE 'x'")).getOperator()).isSameAs(SqlLibraryOperators.NOT_ILIKE);
    assertThat(((SqlCall) expression("a || b")).getOperator()).isSameAs(SqlStdOperatorTable.CONCAT);
  }

  @Test
  void rowConstructors() {
    assertThat(expression("ROW(1, 2)").getKind()).isEqualTo(SqlKind.ROW);
    assertThat(expression("(1, 2)").getKind()).isEqualTo(SqlKind.ROW);
  }

  @Test
  void aStringAfterAnExpressionIsNoAliasInPostgresql() {
    // "timestamptz '2020-01-01'" is a typed literal in PostgreSQL, not a column with an alias.
    assertThat(parse("SELECT timestamptz '2020-01-01'", SqlSelect.class).getSelectList().get(0))
        .hasToString("CAST('2020-01-01' AS TIMESTAMPTZ)");
    assertThatThrownBy(() -> BopParser.parse("SELECT created 'when'", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void postgresqlFoldsUnquotedIdentifiersToLowerCase() {
    final SqlSelect select = parse("SELECT Foo, \"Bar\" FROM App.Thing", SqlSelect.class);

    assertThat(select.getSelectList()).map(SqlNode::toString).containsExactly("foo", "Bar");
    assertThat(((SqlIdentifier) select.getFrom()).names).containsExactly("app", "thing");
  }

  @Test
  void wordsThatAreKeywordsElsewhereAreNames() {
    final SqlSelect select = parse("SELECT user, value, position, year, name, type, comment, data, key, status,"
        + " level, language, date, time, timestamp, index, temp FROM t", SqlSelect.class);

    assertThat(select.getSelectList()).hasSize(17);
    assertThat(select.getSelectList().get(1)).isInstanceOf(SqlIdentifier.class);
  }

  private static BopTypeNameSpec typeName(SqlNode dataType) {
    return (BopTypeNameSpec) ((SqlDataTypeSpec) dataType).getTypeNameSpec();
  }
}
