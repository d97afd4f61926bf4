package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * Operator of one of our statement nodes. It rebuilds the node from its operand list, which is what
 * {@link org.apache.calcite.sql.util.SqlShuttle} and {@link SqlNode#clone(SqlParserPos)} rely on.
 */
final class NodeOperator extends SqlSpecialOperator {

  /** Builds a node from the operands its {@code getOperandList()} returned. */
  @FunctionalInterface
  interface Factory {
    SqlCall create(SqlParserPos pos, List<@Nullable SqlNode> operands);
  }

  private final Factory factory;

  NodeOperator(String name, SqlKind kind, Factory factory) {
    super(name, kind);
    this.factory = factory;
  }

  @Override
  public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
      @Nullable SqlNode... operands) {
    return factory.create(pos, Arrays.asList(operands));
  }
}
