package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
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
 * What an INSERT does when a row collides with a unique key: PostgreSQL {@code ON CONFLICT ... DO NOTHING |
 * DO UPDATE SET ...}, and MySQL {@code ON DUPLICATE KEY UPDATE ...}, which is a DO UPDATE without target.
 */
public final class BopOnConflict extends SqlCall {

  /** The conflict action. */
  public enum Action { DO_NOTHING, DO_UPDATE }

  private static final SqlOperator OPERATOR = new NodeOperator("ON CONFLICT", SqlKind.OTHER,
      (pos, operands) -> new BopOnConflict(pos, (SqlNodeList) operands.get(0), operands.get(1),
          (SqlIdentifier) operands.get(2), Operands.symbol(operands.get(3), Action.class),
          (SqlNodeList) operands.get(4), (SqlNodeList) operands.get(5), operands.get(6)));

  private final @Nullable SqlNodeList targetColumns;
  private final @Nullable SqlNode targetWhere;
  private final @Nullable SqlIdentifier targetConstraint;
  private final Action action;
  private final @Nullable SqlNodeList updateColumns;
  private final @Nullable SqlNodeList updateValues;
  private final @Nullable SqlNode updateWhere;

  public BopOnConflict(SqlParserPos pos, @Nullable SqlNodeList targetColumns, @Nullable SqlNode targetWhere,
      @Nullable SqlIdentifier targetConstraint, Action action, @Nullable SqlNodeList updateColumns,
      @Nullable SqlNodeList updateValues, @Nullable SqlNode updateWhere) {
    super(pos);
    this.targetColumns = targetColumns;
    this.targetWhere = targetWhere;
    this.targetConstraint = targetConstraint;
    this.action = action;
    this.updateColumns = updateColumns;
    this.updateValues = updateValues;
    this.updateWhere = updateWhere;
  }

  /** Conflict target {@code (a, lower(b))}: column names or index expressions; null if none. */
  public @Nullable SqlNodeList targetColumns() {
    return targetColumns;
  }

  /** {@code WHERE} of a partial-index conflict target, or null. */
  public @Nullable SqlNode targetWhere() {
    return targetWhere;
  }

  /** {@code ON CONSTRAINT name} target, or null. */
  public @Nullable SqlIdentifier targetConstraint() {
    return targetConstraint;
  }

  public Action action() {
    return action;
  }

  /** Columns set by DO UPDATE, parallel to {@link #updateValues()}; shaped as in {@link BopUpdate}. */
  public @Nullable SqlNodeList updateColumns() {
    return updateColumns;
  }

  /** Values of DO UPDATE; may refer to {@code excluded.c}, MySQL {@code VALUES(c)} or the row alias. */
  public @Nullable SqlNodeList updateValues() {
    return updateValues;
  }

  /** {@code WHERE} of DO UPDATE, or null. */
  public @Nullable SqlNode updateWhere() {
    return updateWhere;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(targetColumns, targetWhere, targetConstraint, Operands.symbol(action),
        updateColumns, updateValues, updateWhere);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ON CONFLICT");
    if (targetColumns != null) {
      Unparsing.parenthesized(writer, targetColumns);
      Unparsing.where(writer, targetWhere);
    }
    if (targetConstraint != null) {
      writer.keyword("ON CONSTRAINT");
      targetConstraint.unparse(writer, 0, 0);
    }
    if (action == Action.DO_NOTHING) {
      writer.keyword("DO NOTHING");
    } else {
      writer.keyword("DO UPDATE");
      Unparsing.assignments(writer, updateColumns, updateValues);
      Unparsing.where(writer, updateWhere);
    }
  }
}
