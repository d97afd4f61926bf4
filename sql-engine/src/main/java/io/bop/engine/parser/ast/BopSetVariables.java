package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * MySQL's {@code SET target = value, ...}, where a target is a user variable {@code @x}, a system variable
 * {@code @@[scope.]x} or {@code [GLOBAL | SESSION] x}, and values are expressions evaluated before any is
 * assigned. {@code SET NAMES} and {@code SET CHARACTER SET} assign the system variables {@code names} and
 * {@code character set}. (A single {@code SET name = value} is a {@link BopSessionStatement}, as in PostgreSQL.)
 */
public final class BopSetVariables extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("SET VARIABLES", SqlKind.OTHER,
      (pos, operands) -> new BopSetVariables(pos, (SqlNodeList) operands.get(0), (SqlNodeList) operands.get(1)));

  private final SqlNodeList targets;
  private final SqlNodeList values;

  /** @param targets {@link BopVariable}s, one per value */
  public BopSetVariables(SqlParserPos pos, SqlNodeList targets, SqlNodeList values) {
    super(pos);
    this.targets = targets;
    this.values = values;
  }

  /** The assigned variables, as {@link BopVariable}s. */
  public SqlNodeList targets() {
    return targets;
  }

  /** The value of each target: an expression, or a DEFAULT call. */
  public SqlNodeList values() {
    return values;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(targets, values);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET");
    final SqlWriter.Frame frame = writer.startList("", "");
    for (int i = 0; i < targets.size(); i++) {
      writer.sep(",");
      targets.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      values.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
