package io.bop.engine.catalog;

import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's built-in types as {@code pg_type} lists them. Only these OIDs ever reach a client, so clients
 * never need to look a type up (wire.md §3.1, pgjdbc's TypeInfoCache).
 */
public final class PgTypes {
  private PgTypes() {}

  /**
   * @param oid the type OID
   * @param name typname
   * @param length typlen
   * @param category typcategory
   * @param element typelem, for array and vector types
   * @param array typarray, the OID of the array of this type
   */
  public record PgType(int oid, String name, int length, char category, int element, int array) {
    public boolean byValue() {
      return length > 0 && length <= 8;
    }
  }

  private static final Map<Integer, PgType> BY_OID = new LinkedHashMap<>();

  private static void type(int oid, String name, int length, char category, int array) {
    BY_OID.put(oid, new PgType(oid, name, length, category, 0, array));
    if (array != 0) {
      BY_OID.put(array, new PgType(array, "_" + name, -1, 'A', oid, 0));
    }
  }

  static {
    type(16, "bool", 1, 'B', 1000);
    type(17, "bytea", -1, 'U', 1001);
    type(18, "char", 1, 'Z', 1002);
    type(19, "name", 64, 'S', 1003);
    type(20, "int8", 8, 'N', 1016);
    type(21, "int2", 2, 'N', 1005);
    BY_OID.put(22, new PgType(22, "int2vector", -1, 'A', 21, 1006));
    type(23, "int4", 4, 'N', 1007);
    type(24, "regproc", 4, 'N', 1008);
    type(25, "text", -1, 'S', 1009);
    type(26, "oid", 4, 'N', 1028);
    BY_OID.put(30, new PgType(30, "oidvector", -1, 'A', 26, 1013));
    type(114, "json", -1, 'U', 199);
    type(142, "xml", -1, 'U', 143);
    type(700, "float4", 4, 'N', 1021);
    type(701, "float8", 8, 'N', 1022);
    BY_OID.put(705, new PgType(705, "unknown", -2, 'X', 0, 0));
    type(869, "inet", -1, 'I', 1041);
    type(1042, "bpchar", -1, 'S', 1014);
    type(1043, "varchar", -1, 'S', 1015);
    type(1082, "date", 4, 'D', 1182);
    type(1083, "time", 8, 'D', 1183);
    type(1114, "timestamp", 8, 'D', 1115);
    type(1184, "timestamptz", 8, 'D', 1185);
    type(1186, "interval", 16, 'T', 1187);
    type(1266, "timetz", 12, 'D', 1270);
    type(1700, "numeric", -1, 'N', 1231);
    type(2205, "regclass", 4, 'N', 2210);
    type(2206, "regtype", 4, 'N', 2211);
    type(2950, "uuid", 16, 'U', 2951);
    type(3802, "jsonb", -1, 'U', 3807);
    type(4089, "regnamespace", 4, 'N', 4090);
    BY_OID.put(2249, new PgType(2249, "record", -1, 'P', 0, 2287));
    BY_OID.put(2278, new PgType(2278, "void", 4, 'P', 0, 0));
    BY_OID.put(2276, new PgType(2276, "any", 4, 'P', 0, 0));
    BY_OID.put(2277, new PgType(2277, "anyarray", -1, 'P', 0, 0));
  }

  public static List<PgType> all() {
    return List.copyOf(BY_OID.values());
  }

  public static PgType byOid(int oid) {
    return BY_OID.get(oid);
  }

  /** PostgreSQL's {@code format_type(oid, typmod)}. */
  public static String format(int oid, int typmod) {
    PgType type = BY_OID.get(oid);
    if (type == null) {
      return "???";
    }
    if (type.category() == 'A' && type.element() != 0 && type.name().startsWith("_")) {
      return format(type.element(), typmod) + "[]";
    }
    TypeKind kind = TypeKind.ofPgOid(oid);
    if (kind != TypeKind.UNKNOWN) {
      return fromTypmod(kind, typmod).pgFormat();
    }
    return switch (type.name()) {
      case "char" -> "\"char\"";
      case "timetz" -> "time with time zone";
      default -> type.name();
    };
  }

  /** The declared type a (type, typmod) pair stands for. */
  static SqlType fromTypmod(TypeKind kind, int typmod) {
    SqlType base = SqlType.of(kind, kind.name().toLowerCase(java.util.Locale.ROOT));
    if (typmod < 0) {
      return base;
    }
    return switch (kind) {
      case VARCHAR, CHAR -> base.withLength(typmod - 4, -1);
      case NUMERIC -> base.withLength((typmod - 4) >> 16, (typmod - 4) & 0xffff);
      case TIME, TIMESTAMP, TIMESTAMPTZ -> base.withLength(typmod, -1);
      default -> base;
    };
  }
}
