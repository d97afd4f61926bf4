package io.bop.engine.translate;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

/** Calcite's SQLite dialect, with SQLite's LIMIT/OFFSET rules and bop's unparse settings. */
final class SqliteDialect extends SqliteSqlDialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {
    super(SqliteSqlDialect.DEFAULT_CONTEXT);
  }

  /** SQLite has no OFFSET without LIMIT: {@code LIMIT -1} means no limit. */
  @Override public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
    if (fetch == null && offset == null) {
      return;
    }
    writer.newlineAndIndent();
    writer.keyword("LIMIT");
    if (fetch != null) {
      fetch.unparse(writer, -1, -1);
    } else {
      writer.print("-1 ");
    }
    if (offset != null) {
      writer.keyword("OFFSET");
      offset.unparse(writer, -1, -1);
    }
  }

  /**
   * A tree as one line of SQLite SQL, every identifier quoted. An expression is written inside a frame of its
   * own: at the top of a writer, Calcite treats a sub-query as the statement and leaves out its parentheses.
   */
  static String unparse(SqlNode node) {
    SqlPrettyWriter writer = new SqlPrettyWriter(SqlPrettyWriter.config().withDialect(INSTANCE)
        .withQuoteAllIdentifiers(true).withAlwaysUseParentheses(false).withSelectListItemsOnSeparateLines(false)
        .withUpdateSetListNewline(false).withIndentation(0).withClauseStartsLine(false));
    if (Queries.isQuery(node)) {
      node.unparse(writer, 0, 0);
    } else {
      SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
      node.unparse(writer, 0, 0);
      writer.endList(frame);
    }
    return writer.toSqlString().getSql();
  }
}
