package io.bop.engine.translate;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * SQLite's numbered parameter {@code ?N}: client parameter {@code $n} becomes {@code ?n}, so it may repeat and
 * appear in any order; values the session supplies (now(), the user) are numbered after the client's.
 */
final class Placeholder extends SqlDynamicParam {
  Placeholder(int index) {
    super(index, SqlParserPos.ZERO);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.print("?" + (getIndex() + 1) + " ");
  }
}
