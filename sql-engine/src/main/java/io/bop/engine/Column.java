package io.bop.engine;

import io.bop.engine.types.SqlType;

/**
 * A result column as clients are told about it.
 *
 * @param name the column label
 * @param type the declared or derived type
 * @param table the table the column comes from, or null for an expression
 * @param tableOid PostgreSQL OID of that table, 0 for an expression
 * @param attnum PostgreSQL attribute number within that table, 0 for an expression
 */
public record Column(String name, SqlType type, String table, int tableOid, int attnum) {
  public static Column of(String name, SqlType type) {
    return new Column(name, type, null, 0, 0);
  }
}
