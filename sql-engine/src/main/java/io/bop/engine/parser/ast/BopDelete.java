package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlDelete;
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
 * DELETE of both dialects: Calcite's {@link SqlDelete} plus PostgreSQL {@code USING} and {@code RETURNING}, and
 * MySQL's {@code ORDER BY} and {@code LIMIT}.
 */
public final class BopDelete extends SqlDelete {

  private static final SqlOperator OPERATOR = new NodeOperator("DELETE", SqlKind.DELETE,
      (pos, operands) -> new BopDelete(pos, (SqlIdentifier) operands.get(0), (SqlIdentifier) operands.get(3),
          operands.get(4), operands.get(1), (SqlNodeList) operands.get(5), (SqlNodeList) operands.get(6),
          operands.get(7)));

  private final @Nullable SqlNode using;
  private final @Nullable SqlNodeList returning;
  private final @Nullable SqlNodeList orderBy;
  private final @Nullable SqlNode limit;

  public BopDelete(SqlParserPos pos, SqlIdentifier table, @Nullable SqlIdentifier alias, @Nullable SqlNode using,
      @Nullable SqlNode condition, @Nullable SqlNodeList returning, @Nullable SqlNodeList orderBy,
      @Nullable SqlNode limit) {
    super(pos, table, condition, null, alias);
    this.using = using;
    this.returning = returning;
    this.orderBy = orderBy;
    this.limit = limit;
  }

  /** The target table name. */
  public SqlIdentifier table() {
    return (SqlIdentifier) getTargetTable();
  }

  /** PostgreSQL {@code USING} clause (a table reference or join), or null. */
  public @Nullable SqlNode using() {
    return using;
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
        .add(using, returning, orderBy, limit)
        .build();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "DELETE FROM", "");
    getTargetTable().unparse(writer, 0, 0);
    if (getAlias() != null) {
      writer.keyword("AS");
      getAlias().unparse(writer, 0, 0);
    }
    if (using != null) {
      writer.keyword("USING");
      using.unparse(writer, 0, 0);
    }
    Unparsing.where(writer, getCondition());
    Unparsing.orderByLimit(writer, orderBy, limit);
    Unparsing.returning(writer, returning);
    writer.endList(frame);
  }
}
