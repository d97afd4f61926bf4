package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * UPDATE of both dialects: Calcite's {@link SqlUpdate} plus PostgreSQL {@code FROM} and {@code RETURNING}, and
 * MySQL's {@code ORDER BY} and {@code LIMIT}.
 *
 * <p>{@link #getTargetColumnList()} and {@link #getSourceExpressionList()} are parallel. A row assignment
 * {@code (a, b) = (1, 2)} is split into {@code a = 1, b = 2}; only {@code (a, b) = (SELECT ...)} keeps a
 * {@link SqlNodeList} of columns as its target, with the sub-query as its value. A value may be the
 * {@code DEFAULT} call.
 */
public final class BopUpdate extends SqlUpdate {

  private static final SqlOperator OPERATOR = new NodeOperator("UPDATE", SqlKind.UPDATE,
      (pos, operands) -> new BopUpdate(pos, (SqlIdentifier) operands.get(0), (SqlIdentifier) operands.get(4),
          (SqlNodeList) operands.get(1), (SqlNodeList) operands.get(2), operands.get(5),
          operands.get(3), (SqlNodeList) operands.get(6), (SqlNodeList) operands.get(7), operands.get(8)));

  private final @Nullable SqlNode from;
  private final @Nullable SqlNodeList returning;
  private final @Nullable SqlNodeList orderBy;
  private final @Nullable SqlNode limit;

  public BopUpdate(SqlParserPos pos, SqlIdentifier table, @Nullable SqlIdentifier alias, SqlNodeList columns,
      SqlNodeList values, @Nullable SqlNode from, @Nullable SqlNode condition,
      @Nullable SqlNodeList returning, @Nullable SqlNodeList orderBy, @Nullable SqlNode limit) {
    super(pos, table, columns, values, condition, null, alias);
    this.from = from;
    this.returning = returning;
    this.orderBy = orderBy;
    this.limit = limit;
  }

  /** The target table name. */
  public SqlIdentifier table() {
    return (SqlIdentifier) getTargetTable();
  }

  /** PostgreSQL {@code FROM} clause (a table reference or join), or null. */
  public @Nullable SqlNode from() {
    return from;
  }

  /** The {@code RETURNING} select items, or null. */
  public @Nullable SqlNodeList returning() {
    return returning;
  }

  /** MySQL's {@code ORDER BY} items, which decide the rows {@link #limit()} keeps, or null. */
  public @Nullable SqlNodeList orderBy() {
    return orderBy;
  }

  /** MySQL's {@code LIMIT n}: the most rows the statement changes, or null. */
  public @Nullable SqlNode limit() {
    return limit;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /** Calcite's operands come first, so its setOperand still applies. */
  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.<@Nullable SqlNode>builder()
        .addAll(super.getOperandList())
        .add(from, returning, orderBy, limit)
        .build();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "UPDATE", "");
    getTargetTable().unparse(writer, 0, 0);
    if (getAlias() != null) {
      writer.keyword("AS");
      getAlias().unparse(writer, 0, 0);
    }
    Unparsing.assignments(writer, getTargetColumnList(), getSourceExpressionList());
    if (from != null) {
      writer.keyword("FROM");
      from.unparse(writer, 0, 0);
    }
    Unparsing.where(writer, getCondition());
    Unparsing.orderByLimit(writer, orderBy, limit);
    Unparsing.returning(writer, returning);
    writer.endList(frame);
  }
}
