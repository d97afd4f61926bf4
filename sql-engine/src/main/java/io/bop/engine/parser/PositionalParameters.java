package io.bop.engine.parser;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;
import java.util.Map;

/**
 * Gives PostgreSQL's {@code $n} parameters index n - 1. The lexer hands {@code $n} to Calcite's grammar
 * as a {@code ?} marker, because that is what Calcite accepts everywhere a parameter may stand (LIMIT
 * included); Calcite numbers markers in order of appearance, which is wrong for {@code $2 ... $1} or a
 * repeated {@code $1}.
 */
final class PositionalParameters extends SqlShuttle {

  private final Map<SqlParserPos, Integer> numbers;

  private PositionalParameters(Map<SqlParserPos, Integer> numbers) {
    this.numbers = numbers;
  }

  /**
   * Renumbers the {@code $n} markers of the statements.
   *
   * @param numbers the n of each {@code $n} marker, by its position
   */
  static List<SqlNode> renumber(List<SqlNode> statements, Map<SqlParserPos, Integer> numbers)
      throws SqlParseException {
    if (numbers.isEmpty()) {
      return List.copyOf(statements);
    }
    for (Map.Entry<SqlParserPos, Integer> number : numbers.entrySet()) {
      if (number.getValue() < 1) {
        throw new SqlParseException("there is no parameter $" + number.getValue(), number.getKey(),
            null, null, null);
      }
    }
    final PositionalParameters shuttle = new PositionalParameters(numbers);
    return statements.stream().map(statement -> statement.accept(shuttle)).toList();
  }

  @Override
  public SqlNode visit(SqlDynamicParam param) {
    final Integer number = numbers.get(param.getParserPosition());
    return number == null || number - 1 == param.getIndex()
        ? param
        : new SqlDynamicParam(number - 1, param.getParserPosition());
  }
}
