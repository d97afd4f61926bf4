package io.bop.engine.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The facade: statement lists, errors with positions, thread safety. */
class BopParserTest {

  @Test
  void statementsAreSeparatedBySemicolonsAndEmptyOnesSkipped() throws SqlParseException {
    assertThat(BopParser.parse("SELECT 1; SELECT 2", Dialect.POSTGRESQL)).hasSize(2);
    assertThat(BopParser.parse(";SELECT 1;;SELECT 2;", Dialect.POSTGRESQL)).hasSize(2);
    assertThat(BopParser.parse("SELECT 1;", Dialect.MYSQL)).hasSize(1);
  }

  @Test
  void emptyOrCommentOnlyTextHasNoStatements() throws SqlParseException {
    assertThat(BopParser.parse("", Dialect.POSTGRESQL)).isEmpty();
    assertThat(BopParser.parse(" ; ;\n", Dialect.POSTGRESQL)).isEmpty();
    assertThat(BopParser.parse("-- nothing\n/* at all */", Dialect.POSTGRESQL)).isEmpty();
  }

  @Test
  void syntaxErrorHasThePositionOfTheOffendingToken() {
    final SqlParseException error = catchThrowableOfType(SqlParseException.class,
        () -> BopParser.parse("SELECT 1;\nSELECT * FORM t", Dialect.POSTGRESQL));

    assertThat(error.getPos().getLineNum()).isEqualTo(2);
    assertThat(error.getPos().getColumnNum()).isEqualTo(15);
  }

  @Test
  void lexicalErrorHasAPosition() {
    final SqlParseException error = catchThrowableOfType(SqlParseException.class,
        () -> BopParser.parse("SELECT 'unterminated", Dialect.POSTGRESQL));

    assertThat(error.getPos()).isNotNull();
    assertThat(error.getPos().getLineNum()).isEqualTo(1);
  }

  @Test
  void grammarErrorsHaveAPosition() {
    final SqlParseException error = catchThrowableOfType(SqlParseException.class,
        () -> BopParser.parse("UPDATE t SET (a, b) = (1, 2, 3)", Dialect.POSTGRESQL));

    assertThat(error.getMessage()).contains("number of columns does not match number of values");
    assertThat(error.getPos().getColumnNum()).isEqualTo(23);
  }

  @Test
  void incompleteStatementIsAnError() {
    assertThatThrownBy(() -> BopParser.parse("INSERT INTO t VALUES", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void parsesConcurrently() throws Exception {
    final String sql = "SELECT a::int, $2 FROM t WHERE b = ANY ($1) ORDER BY a LIMIT $3";
    final SqlNode expected = BopParser.parse(sql, Dialect.POSTGRESQL).get(0);
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      final List<Future<SqlNode>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> BopParser.parse(sql, Dialect.POSTGRESQL).get(0)));
      }
      for (Future<SqlNode> result : results) {
        assertThat(result.get().equalsDeep(expected, Litmus.IGNORE)).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
