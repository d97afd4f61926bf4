package io.bop.engine.translate;

import io.bop.engine.types.SqlType;
import org.apache.calcite.sql.SqlNode;

/**
 * A rewritten expression with its type and the column name PostgreSQL would give it.
 *
 * @param node the SQLite-ready tree
 * @param type its type
 * @param name the output column name if it were a select item ({@code ?column?} when PostgreSQL has none)
 * @param origin where a plain column reference comes from, else null
 */
record Typed(SqlNode node, SqlType type, String name, Scope.Column origin) {
  static final String NO_NAME = "?column?";

  Typed(SqlNode node, SqlType type, String name) {
    this(node, type, name, null);
  }

  Typed withNode(SqlNode node) {
    return new Typed(node, type, name, origin);
  }
}
