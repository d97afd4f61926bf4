package io.bop.wire.mysql.protocol;

import io.bop.engine.Column;
import io.bop.engine.mysql.MySqlTypes;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import io.bop.wire.mysql.codec.Payloads;
import io.netty.buffer.ByteBuf;

/**
 * How a result column is described to a MySQL client (Protocol::ColumnDefinition41): its type code, length,
 * flags, decimals and character set, derived from the engine's type and what the table declares.
 *
 * @param type the {@link ColumnType} code
 * @param length the display length (bytes for strings)
 * @param flags {@link ColumnFlags}
 * @param decimals digits after the point, or of a second's fraction
 * @param charset the collation id: utf8mb4 for character strings, 63 (binary) for the rest
 */
public record ColumnDefinition(int type, long length, int flags, int decimals, int charset) {
  /** utf8mb4_general_ci, the collation of every character string bop returns. */
  public static final int UTF8MB4 = 45;
  /** The binary pseudo-collation of numbers, times and byte strings. */
  public static final int BINARY = 63;
  /** MySQL's decimals for floating point: not fixed. */
  private static final int NOT_FIXED_DECIMALS = 31;

  public static ColumnDefinition of(Column column) {
    SqlType t = column.type();
    int flags = keyFlags(column);
    if (t.unsigned() && (t.kind().isNumeric() || t.kind() == TypeKind.OID)) {
      flags |= ColumnFlags.UNSIGNED;
    }
    if (t.kind().isNumeric() || t.kind() == TypeKind.BOOLEAN) {
      flags |= ColumnFlags.NUM;
    }
    int type = type(t);
    boolean character = MySqlTypes.isCharacter(t);
    if (type == ColumnType.BLOB || type == ColumnType.TINY_BLOB || type == ColumnType.MEDIUM_BLOB
        || type == ColumnType.LONG_BLOB) {
      flags |= ColumnFlags.BLOB;
    }
    if (t.kind() == TypeKind.BYTEA || t.kind() == TypeKind.JSON || t.kind() == TypeKind.JSONB
        || t.kind() == TypeKind.ARRAY || isTime(t)) {
      flags |= ColumnFlags.BINARY; // byte strings, and values of the binary collation that are not numbers
    }
    if (t.kind() == TypeKind.VARCHAR && !t.values().isEmpty()) {
      flags |= t.name().equals("set") ? ColumnFlags.SET : ColumnFlags.ENUM;
    }
    if (type == ColumnType.TIMESTAMP) {
      flags |= ColumnFlags.TIMESTAMP;
    }
    return new ColumnDefinition(type, MySqlTypes.displayLength(t), flags, decimals(t),
        character ? UTF8MB4 : BINARY);
  }

  private static int keyFlags(Column column) {
    int flags = 0;
    for (Column.Attribute a : column.attributes()) {
      flags |= switch (a) {
        case NOT_NULL -> ColumnFlags.NOT_NULL;
        case PRIMARY_KEY -> ColumnFlags.PRI_KEY;
        case UNIQUE_KEY -> ColumnFlags.UNIQUE_KEY;
        case MULTIPLE_KEY -> ColumnFlags.MULTIPLE_KEY;
        case AUTO_INCREMENT -> ColumnFlags.AUTO_INCREMENT;
      };
    }
    return flags;
  }

  private static boolean isTime(SqlType t) {
    return switch (t.kind()) {
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
      default -> false;
    };
  }

  /** The MySQL type code of an engine type. */
  public static int type(SqlType t) {
    return switch (t.kind()) {
      case BOOLEAN -> ColumnType.TINY;
      case SMALLINT -> t.name().equals("tinyint") ? ColumnType.TINY : t.name().equals("year") ? ColumnType.YEAR
          : ColumnType.SHORT;
      case INTEGER -> t.name().equals("mediumint") ? ColumnType.INT24 : ColumnType.LONG;
      case OID -> ColumnType.LONG;
      case BIGINT -> ColumnType.LONGLONG;
      case REAL -> ColumnType.FLOAT;
      case DOUBLE -> ColumnType.DOUBLE;
      case NUMERIC -> ColumnType.NEWDECIMAL;
      case TEXT -> ColumnType.BLOB;
      case CHAR -> ColumnType.STRING;
      case VARCHAR -> t.values().isEmpty() ? ColumnType.VAR_STRING : ColumnType.STRING;
      case BYTEA -> switch (t.name()) {
        case "binary" -> ColumnType.STRING;
        case "varbinary" -> ColumnType.VAR_STRING;
        default -> ColumnType.BLOB;
      };
      case DATE -> ColumnType.DATE;
      case TIME -> ColumnType.TIME;
      case TIMESTAMP -> t.name().equals("timestamp") ? ColumnType.TIMESTAMP : ColumnType.DATETIME;
      case TIMESTAMPTZ -> ColumnType.TIMESTAMP;
      case JSON, JSONB, ARRAY -> ColumnType.JSON;
      default -> ColumnType.VAR_STRING;
    };
  }

  private static int decimals(SqlType t) {
    return switch (t.kind()) {
      case REAL, DOUBLE -> NOT_FIXED_DECIMALS;
      case NUMERIC -> t.scale() >= 0 ? t.scale() : NOT_FIXED_DECIMALS;
      case TIME, TIMESTAMP, TIMESTAMPTZ -> MySqlTypes.fractionDigits(t);
      default -> 0;
    };
  }

  /**
   * Writes a column definition packet's payload.
   *
   * @param defaultValue for COM_FIELD_LIST only: the column's default, which follows the definition
   */
  public static void write(ByteBuf b, Column column, ColumnDefinition d, boolean fieldList, String defaultValue) {
    Payloads.writeLengthEncodedString(b, "def");
    Payloads.writeLengthEncodedString(b, column.schema() == null ? "" : column.schema());
    Payloads.writeLengthEncodedString(b, column.tableAlias() == null ? "" : column.tableAlias());
    Payloads.writeLengthEncodedString(b, column.table() == null ? "" : column.table());
    Payloads.writeLengthEncodedString(b, column.name());
    Payloads.writeLengthEncodedString(b, column.columnName() == null ? "" : column.columnName());
    b.writeByte(0x0C);
    b.writeShortLE(d.charset());
    b.writeIntLE((int) Math.min(d.length(), 0xFFFFFFFFL));
    b.writeByte(d.type());
    b.writeShortLE(d.flags());
    b.writeByte(d.decimals());
    b.writeShortLE(0);
    if (fieldList) {
      if (defaultValue == null) {
        b.writeByte(Payloads.NULL);
      } else {
        Payloads.writeLengthEncodedString(b, defaultValue);
      }
    }
  }
}
