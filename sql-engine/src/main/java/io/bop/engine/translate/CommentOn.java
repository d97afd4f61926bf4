package io.bop.engine.translate;

import io.bop.engine.catalog.Metadata;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DdlPlan;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.ast.BopComment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** COMMENT ON TABLE, VIEW and COLUMN; the comments are bop metadata, shown by obj_description and col_description. */
final class CommentOn {
  private CommentOn() {}

  static Plan translate(BopComment comment) throws SqlError {
    String text = comment.text();
    SqlIdentifier name = comment.name();
    switch (comment.kind()) {
      case "table", "view" -> {
        String table = Ddl.checkedName(name);
        return new DdlPlan("COMMENT", steps -> {
          requireRelation(steps, table);
          Metadata.setTableComment(steps.connection(), existingName(steps, table), text);
        });
      }
      case "column" -> {
        if (name.names.size() < 2) {
          throw new SqlError(Condition.SYNTAX_ERROR, "column name must be qualified");
        }
        String table = Ddl.checkedName(name.getComponent(0, name.names.size() - 1));
        String column = Ddl.last(name);
        return new DdlPlan("COMMENT", steps -> {
          requireRelation(steps, table);
          if (!Metadata.setColumnComment(steps.connection(), table, column, text)) {
            throw new SqlError(Condition.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table
                + "\" does not exist");
          }
        });
      }
      default -> throw Expressions.unsupported("COMMENT ON " + comment.kind().toUpperCase(java.util.Locale.ROOT));
    }
  }

  private static void requireRelation(DdlPlan.Steps steps, String name) throws SQLException, SqlError {
    for (String type : List.of("table", "view")) {
      if (steps.exists(type, name)) {
        return;
      }
    }
    throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
  }

  /** The table's name as it was created, which the metadata rows use. */
  private static String existingName(DdlPlan.Steps steps, String name) throws SQLException {
    try (PreparedStatement s = steps.connection().prepareStatement(
        "SELECT name FROM sqlite_schema WHERE name = ? COLLATE NOCASE AND type IN ('table', 'view')")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : name;
      }
    }
  }
}
