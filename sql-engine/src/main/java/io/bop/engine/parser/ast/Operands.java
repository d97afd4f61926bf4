package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Flags and enum values travel in a node's operand list as literals, so that
 * {@link SqlNode#equalsDeep} and shuttles see the whole state of the node.
 */
final class Operands {

  private Operands() {
  }

  static SqlLiteral flag(boolean value) {
    return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
  }

  static boolean flag(@Nullable SqlNode operand) {
    return operand != null && ((SqlLiteral) operand).booleanValue();
  }

  static @Nullable SqlLiteral symbol(@Nullable Enum<?> value) {
    return value == null ? null : SqlLiteral.createSymbol(value, SqlParserPos.ZERO);
  }

  static <E extends Enum<E>> @Nullable E symbol(@Nullable SqlNode operand, Class<E> type) {
    return operand == null ? null : ((SqlLiteral) operand).symbolValue(type);
  }

  static SqlLiteral text(String value) {
    return SqlLiteral.createCharString(value, SqlParserPos.ZERO);
  }

  static String text(@Nullable SqlNode operand) {
    return ((SqlLiteral) operand).getValueAs(String.class);
  }
}
