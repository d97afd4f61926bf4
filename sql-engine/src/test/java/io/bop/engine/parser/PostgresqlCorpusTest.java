package io.bop.engine.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of {@code parser/postgresql.sql} (what psql, pgjdbc, pgbench, sysbench and the ORMs
 * send) parses, parses to the same tree again after being written back as PostgreSQL text, and can be
 * rebuilt from its operands the way a {@link SqlShuttle} rebuilds it.
 */
class PostgresqlCorpusTest {

  static Stream<Arguments> corpus() throws IOException {
    try (InputStream in = PostgresqlCorpusTest.class.getResourceAsStream("/parser/postgresql.sql")) {
      final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("(?m)^;;$"))
          .map(entry -> Arguments.of(title(entry), entry));
    }
  }

  /** The entry's comment, or else its first line. */
  private static String title(String entry) {
    final List<String> lines = entry.strip().lines().toList();
    return lines.stream().filter(line -> line.startsWith("--")).reduce((first, last) -> last)
        .orElse(lines.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void parsesAndRoundTrips(String title, String sql) throws SqlParseException {
    final List<SqlNode> statements = BopParser.parse(sql, Dialect.POSTGRESQL);

    assertThat(statements).isNotEmpty();
    for (SqlNode statement : statements) {
      final String unparsed = PostgresqlUnparser.unparse(statement);
      final List<SqlNode> reparsed = BopParser.parse(unparsed, Dialect.POSTGRESQL);
      assertThat(reparsed).hasSize(1);
      assertThat(statement.equalsDeep(reparsed.get(0), Litmus.IGNORE))
          .as("same tree after unparsing to%n%s", unparsed)
          .isTrue();
      assertThat(statement.equalsDeep(statement.accept(new Rebuilder()), Litmus.IGNORE))
          .as("same tree after rebuilding every call from its operands")
          .isTrue();
    }
  }

  /** Rebuilds every call with its operator's createCall, as shuttles do for calls whose operands change. */
  private static final class Rebuilder extends SqlShuttle {
    @Override
    public SqlNode visit(SqlCall call) {
      final CallCopyingArgHandler handler = new CallCopyingArgHandler(call, true);
      call.getOperator().acceptCall(this, call, false, handler);
      return handler.result();
    }
  }
}
