package io.bop.engine.translate;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * An operator that unparses as a SQLite text with operand slots, {@code "lower({0}) LIKE lower({1})"}: the
 * translator's way to emit SQLite constructs Calcite has no operator for. A template is always parenthesized,
 * so it composes with any surrounding precedence.
 */
final class Template extends SqlSpecialOperator {
  private final String text;

  private Template(String text) {
    // The highest precedence: the template's own parentheses are all it needs.
    super("TEMPLATE", SqlKind.OTHER_FUNCTION, 200);
    this.text = text;
  }

  static SqlCall call(String text, SqlNode... operands) {
    return new Template(text).createCall(SqlParserPos.ZERO, operands);
  }

  static SqlCall call(String text, List<SqlNode> operands) {
    return call(text, operands.toArray(SqlNode[]::new));
  }

  @Override public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print("(");
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        writer.print(text.substring(i));
        break;
      }
      writer.print(text.substring(i, open));
      int close = text.indexOf('}', open);
      call.operand(Integer.parseInt(text.substring(open + 1, close))).unparse(writer, 0, 0);
      i = close + 1;
    }
    writer.print(") ");
  }
}
