package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * MySQL's {@code KILL [CONNECTION | QUERY] id}: ends another session's connection, or interrupts only the
 * statement it is running.
 */
public final class BopKill extends SqlCall {

  private static final SqlOperator OPERATOR = new NodeOperator("KILL", SqlKind.OTHER,
      (pos, operands) -> new BopKill(pos, Operands.flag(operands.get(0)), operands.get(1)));

  private final boolean queryOnly;
  private final SqlNode id;

  public BopKill(SqlParserPos pos, boolean queryOnly, SqlNode id) {
    super(pos);
    this.queryOnly = queryOnly;
    this.id = id;
  }

  /** {@code KILL QUERY}: the statement, not the connection. */
  public boolean queryOnly() {
    return queryOnly;
  }

  /** The connection id (a session id): a number or a parameter. */
  public SqlNode id() {
    return id;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(Operands.flag(queryOnly), id);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(queryOnly ? "KILL QUERY" : "KILL");
    id.unparse(writer, 0, 0);
  }
}
