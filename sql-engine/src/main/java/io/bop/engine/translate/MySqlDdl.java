package io.bop.engine.translate;

import io.bop.engine.parser.ast.BopColumnDefinition;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopOption;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * What CREATE TABLE means in MySQL beyond what both dialects share: string columns compare without regard to
 * case unless declared with a binary collation, and the table options AUTO_INCREMENT and COMMENT. ENGINE and
 * CHARSET are accepted and need nothing (every table is transactional and UTF-8).
 */
final class MySqlDdl {
  private MySqlDdl() {}

  /**
   * The SQLite collation of a column: NOCASE for MySQL's case-insensitive collations (the default), BINARY for
   * {@code _bin} and {@code binary} ones, declared on the column or as the table's COLLATE; null for columns that
   * are not strings.
   *
   * @param table the CREATE TABLE the column is declared in, or null (ALTER TABLE)
   */
  static String collation(BopColumnDefinition column, SqlType type, BopCreateTable table) {
    if (!type.kind().isText() || !type.values().isEmpty() && type.name().equals("set")) {
      return null;
    }
    SqlIdentifier declared = column.typeName().collation();
    String collation = declared != null ? declared.getSimple() : table == null ? null : option(table, "collate");
    String c = collation == null ? "" : collation.toLowerCase(Locale.ROOT);
    return c.endsWith("_bin") || c.equals("binary") ? "BINARY" : "NOCASE";
  }

  /** The statements that set the table options after CREATE TABLE: AUTO_INCREMENT=n starts the keys at n. */
  static List<String> optionStatements(BopCreateTable table, String name) {
    List<String> statements = new ArrayList<>();
    String start = option(table, "auto_increment");
    if (start != null && Long.parseLong(start) > 1) {
      statements.add("INSERT INTO sqlite_sequence (name, seq) VALUES ('" + name.replace("'", "''") + "', "
          + (Long.parseLong(start) - 1) + ")");
    }
    return statements;
  }

  /** The table's COMMENT option, or null. */
  static String comment(BopCreateTable table) {
    return option(table, "comment");
  }

  /** A table option's value as text, or null if the option is not given. */
  private static String option(BopCreateTable table, String name) {
    for (SqlNode node : table.tableOptions()) {
      BopOption option = (BopOption) node;
      if (option.name().equals(name) && option.value() != null) {
        return option.value() instanceof SqlLiteral literal ? literal.toValue() : option.value().toString();
      }
    }
    return null;
  }
}
