package io.bop.engine.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shortcuts for tests that parse one statement. */
final class Parsing {

  private Parsing() {
  }

  /** Parses one PostgreSQL statement. */
  static SqlNode parse(String sql) {
    return parse(sql, Dialect.POSTGRESQL);
  }

  /** Parses one statement of a dialect, as the given node class. */
  static <T extends SqlNode> T parse(String sql, Class<T> type) {
    return type.cast(parse(sql));
  }

  static SqlNode parse(String sql, Dialect dialect) {
    final List<SqlNode> statements;
    try {
      statements = BopParser.parse(sql, dialect);
    } catch (SqlParseException e) {
      throw new AssertionError("does not parse: " + sql, e);
    }
    assertThat(statements).hasSize(1);
    return statements.get(0);
  }

  /** The single select item of "SELECT expression". */
  static SqlNode expression(String expression) {
    return parse("SELECT " + expression, SqlSelect.class).getSelectList().get(0);
  }
}
