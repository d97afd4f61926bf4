package io.bop.engine.translate;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The statement text a parsed node came from, by the parser's line and column positions. */
public final class SourceText {
  private final String sql;
  private final int[] lineStarts;

  SourceText(String sql) {
    this.sql = sql;
    int lines = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        lines++;
      }
    }
    lineStarts = new int[lines];
    int line = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        lineStarts[line++] = i + 1;
      }
    }
  }

  /** The 0-based offset of a 1-based line and column, clamped to the text. */
  int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    int start = line <= lineStarts.length ? lineStarts[line - 1] : sql.length();
    return Math.max(0, Math.min(sql.length(), start + column - 1));
  }

  /** The node's text as written, or null if the parser recorded no position for it. */
  String of(SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    if (pos == null || pos.getLineNum() <= 0) {
      return null;
    }
    int start = offset(pos.getLineNum(), pos.getColumnNum());
    int end = offset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return end > start ? sql.substring(start, Math.min(end, sql.length())).strip() : null;
  }
}
