package io.bop.engine;

import io.bop.engine.types.SqlType;
import java.util.Set;

/**
 * A result column as clients are told about it.
 *
 * @param name the column label
 * @param type the declared or derived type
 * @param table the table the column comes from, or null for an expression
 * @param tableOid PostgreSQL OID of that table, 0 for an expression
 * @param attnum PostgreSQL attribute number within that table, 0 for an expression
 * @param schema the database of that table, or null for an expression
 * @param tableAlias the name the query gave the table (its alias, else its name), or null for an expression
 * @param columnName the column's name in its table (the label may be an alias), or null for an expression
 * @param attributes what the table says about the column (MySQL's column flags)
 */
public record Column(String name, SqlType type, String table, int tableOid, int attnum, String schema,
    String tableAlias, String columnName, Set<Attribute> attributes) {
  /** What a table declares about one of its columns. */
  public enum Attribute {
    NOT_NULL,
    /** Part of the primary key. */
    PRIMARY_KEY,
    /** The first column of a unique index. */
    UNIQUE_KEY,
    /** The first column of an index that is not unique. */
    MULTIPLE_KEY,
    /** Its values are generated (AUTO_INCREMENT, serial, identity). */
    AUTO_INCREMENT
  }

  public Column {
    attributes = Set.copyOf(attributes);
  }

  /** A column of a table, known by name only. */
  public Column(String name, SqlType type, String table, int tableOid, int attnum) {
    this(name, type, table, tableOid, attnum, null, table, table == null ? null : name, Set.of());
  }

  public static Column of(String name, SqlType type) {
    return new Column(name, type, null, 0, 0);
  }
}
