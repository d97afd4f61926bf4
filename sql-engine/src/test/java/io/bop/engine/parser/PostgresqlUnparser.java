package io.bop.engine.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

/** Writes trees back as PostgreSQL text, for round-trip tests. */
final class PostgresqlUnparser {

  /** Calcite's PostgreSQL dialect, plus PostgreSQL's parentheses in "(composite).field". */
  private static final PostgresqlSqlDialect DIALECT = new PostgresqlSqlDialect(PostgresqlSqlDialect.DEFAULT_CONTEXT) {
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      if (call.getKind() == SqlKind.DOT && call.operand(0) instanceof SqlIdentifier) {
        final SqlWriter.Frame frame = writer.startList("(", ")");
        call.operand(0).unparse(writer, 0, 0);
        writer.endList(frame);
        writer.setNeedWhitespace(false);
        writer.print(".");
        writer.setNeedWhitespace(false);
        call.operand(1).unparse(writer, 0, 0);
      } else {
        super.unparseCall(writer, call, leftPrec, rightPrec);
      }
    }
  };

  private PostgresqlUnparser() {
  }

  static String unparse(SqlNode node) {
    // Parameters are written PostgreSQL's way, $n, instead of Calcite's "?".
    final SqlPrettyWriter writer = new SqlPrettyWriter(SqlPrettyWriter.config().withDialect(DIALECT)) {
      @Override
      public void dynamicParam(int index) {
        print("$" + (index + 1));
        setNeedWhitespace(true);
      }
    };
    node.unparse(writer, 0, 0);
    return writer.toSqlString().getSql();
  }
}
