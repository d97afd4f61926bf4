package io.bop.engine.parser.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Unparse fragments shared by several statement nodes. */
final class Unparsing {

  private Unparsing() {
  }

  /** {@code (a, b, c)}. */
  static void parenthesized(SqlWriter writer, SqlNodeList list) {
    list.unparse(writer, 1, 1);
  }

  /** {@code a, b, c}. */
  static void commaList(SqlWriter writer, SqlNodeList list) {
    list.unparse(writer, 0, 0);
  }

  /** {@code SET a = 1, (b, c) = (SELECT ...)}; see {@link BopUpdate} for the shape of the lists. */
  static void assignments(SqlWriter writer, SqlNodeList targets, SqlNodeList values) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "SET", "");
    for (int i = 0; i < targets.size(); i++) {
      writer.sep(",");
      final SqlNode target = targets.get(i);
      if (target instanceof SqlNodeList) {
        parenthesized(writer, (SqlNodeList) target);
      } else {
        target.unparse(writer, 0, 0);
      }
      writer.keyword("=");
      values.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** {@code WHERE condition}, if there is one. */
  static void where(SqlWriter writer, @Nullable SqlNode condition) {
    if (condition != null) {
      writer.keyword("WHERE");
      condition.unparse(writer, 0, 0);
    }
  }

  /** {@code ORDER BY a LIMIT n}, each if there is one. */
  static void orderByLimit(SqlWriter writer, @Nullable SqlNodeList orderBy, @Nullable SqlNode limit) {
    if (orderBy != null) {
      writer.keyword("ORDER BY");
      commaList(writer, orderBy);
    }
    if (limit != null) {
      writer.keyword("LIMIT");
      limit.unparse(writer, 0, 0);
    }
  }

  /** {@code RETURNING a, b AS c}, if there is a list. */
  static void returning(SqlWriter writer, @Nullable SqlNodeList returning) {
    if (returning != null) {
      writer.keyword("RETURNING");
      commaList(writer, returning);
    }
  }
}
