package io.bop.engine.types;

/**
 * The value domains bop stores and describes. Each kind knows its PostgreSQL type (OID, fixed length) and its
 * SQLite storage class; MySQL column types are derived in the MySQL wire module from the kind plus the
 * declared modifiers in {@link SqlType}.
 */
public enum TypeKind {
  BOOLEAN(16, 1, Storage.INTEGER, 1000),
  SMALLINT(21, 2, Storage.INTEGER, 1005),
  INTEGER(23, 4, Storage.INTEGER, 1007),
  BIGINT(20, 8, Storage.INTEGER, 1016),
  REAL(700, 4, Storage.REAL, 1021),
  DOUBLE(701, 8, Storage.REAL, 1022),
  NUMERIC(1700, -1, Storage.NUMERIC, 1231),
  TEXT(25, -1, Storage.TEXT, 1009),
  VARCHAR(1043, -1, Storage.TEXT, 1015),
  CHAR(1042, -1, Storage.TEXT, 1014),
  NAME(19, 64, Storage.TEXT, 1003),
  BYTEA(17, -1, Storage.BLOB, 1001),
  DATE(1082, 4, Storage.TEXT, 1182),
  TIME(1083, 8, Storage.TEXT, 1183),
  TIMESTAMP(1114, 8, Storage.TEXT, 1115),
  TIMESTAMPTZ(1184, 8, Storage.TEXT, 1185),
  INTERVAL(1186, 16, Storage.TEXT, 1187),
  UUID(2950, 16, Storage.TEXT, 2951),
  JSON(114, -1, Storage.TEXT, 199),
  JSONB(3802, -1, Storage.TEXT, 3807),
  OID(26, 4, Storage.INTEGER, 1028),
  /** An array, stored as a JSON array; its element type is {@link SqlType#element()}. */
  ARRAY(0, -1, Storage.TEXT, 0),
  /** A value whose type the engine could not derive; described as text. */
  UNKNOWN(25, -1, Storage.TEXT, 1009);

  /** SQLite storage class a value of this kind is written as. */
  public enum Storage { INTEGER, REAL, NUMERIC, TEXT, BLOB }

  private final int pgOid;
  private final int pgLength;
  private final Storage storage;
  private final int pgArrayOid;

  TypeKind(int pgOid, int pgLength, Storage storage, int pgArrayOid) {
    this.pgOid = pgOid;
    this.pgLength = pgLength;
    this.storage = storage;
    this.pgArrayOid = pgArrayOid;
  }

  /** The OID of PostgreSQL's array of this type. */
  public int pgArrayOid() {
    return pgArrayOid;
  }

  public int pgOid() {
    return pgOid;
  }

  /** pg_type.typlen: the fixed size in bytes, or -1 for variable length. */
  public int pgLength() {
    return pgLength;
  }

  public Storage storage() {
    return storage;
  }

  public boolean isInteger() {
    return this == SMALLINT || this == INTEGER || this == BIGINT || this == OID;
  }

  public boolean isNumeric() {
    return isInteger() || this == REAL || this == DOUBLE || this == NUMERIC;
  }

  public boolean isText() {
    return this == TEXT || this == VARCHAR || this == CHAR || this == NAME || this == UNKNOWN;
  }

  public static TypeKind ofPgOid(int oid) {
    for (TypeKind kind : values()) {
      if (kind.pgOid == oid && kind != UNKNOWN && kind != ARRAY) {
        return kind;
      }
    }
    return UNKNOWN;
  }

  /** The element kind of a PostgreSQL array OID, or null if the OID is not an array. */
  public static TypeKind ofPgArrayOid(int oid) {
    for (TypeKind kind : values()) {
      if (kind.pgArrayOid == oid && kind != UNKNOWN && kind != ARRAY) {
        return kind;
      }
    }
    return null;
  }
}
