package io.bop.engine.catalog;

import io.bop.engine.types.SqlType;

/**
 * A sequence. One made by CREATE SEQUENCE is a row of {@code _bop_sequences}, which also holds its current
 * value. A serial or identity column is numbered by SQLite's AUTOINCREMENT row id, whose last value is in
 * {@code sqlite_sequence}; clients still see the sequence PostgreSQL would have made for it, named
 * {@code table_column_seq} and owned by the column.
 *
 * @param ownerTable the table of the column that owns it (dropped with it), or null
 * @param ownerColumn that column, or null
 */
public record Sequence(String name, SqlType type, long start, long increment, long minimum, long maximum,
    long cache, boolean cycle, String ownerTable, String ownerColumn, Kind kind) {

  /** Where the sequence comes from. */
  public enum Kind {
    /** CREATE SEQUENCE. */
    STANDALONE,
    /** A serial column's. */
    SERIAL,
    /** An identity column's, internal to it: not listed by information_schema.sequences. */
    IDENTITY
  }

  /** The sequence of a serial or identity column of {@code table}. */
  static Sequence of(Table table, TableColumn column) {
    return new Sequence(table.name() + "_" + column.name() + "_seq", column.type(), 1, 1, 1, maximum(column.type()),
        1, false, table.name(), column.name(), column.isIdentity() ? Kind.IDENTITY : Kind.SERIAL);
  }

  public int oid() {
    return Oids.relation(name);
  }

  public boolean identity() {
    return kind == Kind.IDENTITY;
  }

  /** The largest value of an integer type, a sequence's default maximum. */
  public static long maximum(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /** The smallest value of an integer type, a descending sequence's default minimum. */
  public static long minimum(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> Short.MIN_VALUE;
      case INTEGER -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }
}
