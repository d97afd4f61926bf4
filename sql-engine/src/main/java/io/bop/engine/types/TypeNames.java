package io.bop.engine.types;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a type name as PostgreSQL or MySQL users write it to a {@link SqlType}. Synonyms collapse to one
 * canonical name per spelling family so that a declaration read back from the SQLite schema resolves the same.
 */
public final class TypeNames {
  private TypeNames() {}

  private record Entry(TypeKind kind, String canonical) {}

  private static final Map<String, Entry> NAMES = Map.ofEntries(
      Map.entry("boolean", new Entry(TypeKind.BOOLEAN, "boolean")),
      Map.entry("bool", new Entry(TypeKind.BOOLEAN, "boolean")),
      // MySQL's BIT(1), which Hibernate's MySQLDialect declares booleans as: a one-bit field holds a truth value
      Map.entry("bit", new Entry(TypeKind.BOOLEAN, "bit")),
      Map.entry("smallint", new Entry(TypeKind.SMALLINT, "smallint")),
      Map.entry("int2", new Entry(TypeKind.SMALLINT, "smallint")),
      Map.entry("tinyint", new Entry(TypeKind.SMALLINT, "tinyint")),
      Map.entry("year", new Entry(TypeKind.SMALLINT, "year")),
      Map.entry("smallserial", new Entry(TypeKind.SMALLINT, "smallint")),
      Map.entry("serial2", new Entry(TypeKind.SMALLINT, "smallint")),
      Map.entry("integer", new Entry(TypeKind.INTEGER, "integer")),
      Map.entry("int", new Entry(TypeKind.INTEGER, "int")),
      Map.entry("int4", new Entry(TypeKind.INTEGER, "integer")),
      Map.entry("mediumint", new Entry(TypeKind.INTEGER, "mediumint")),
      Map.entry("serial", new Entry(TypeKind.INTEGER, "integer")),
      Map.entry("serial4", new Entry(TypeKind.INTEGER, "integer")),
      Map.entry("bigint", new Entry(TypeKind.BIGINT, "bigint")),
      Map.entry("int8", new Entry(TypeKind.BIGINT, "bigint")),
      Map.entry("bigserial", new Entry(TypeKind.BIGINT, "bigint")),
      Map.entry("serial8", new Entry(TypeKind.BIGINT, "bigint")),
      Map.entry("real", new Entry(TypeKind.REAL, "real")),
      Map.entry("float4", new Entry(TypeKind.REAL, "real")),
      Map.entry("float", new Entry(TypeKind.DOUBLE, "float")),
      Map.entry("float8", new Entry(TypeKind.DOUBLE, "double precision")),
      Map.entry("double", new Entry(TypeKind.DOUBLE, "double")),
      Map.entry("double precision", new Entry(TypeKind.DOUBLE, "double precision")),
      Map.entry("numeric", new Entry(TypeKind.NUMERIC, "numeric")),
      Map.entry("decimal", new Entry(TypeKind.NUMERIC, "decimal")),
      Map.entry("dec", new Entry(TypeKind.NUMERIC, "decimal")),
      Map.entry("fixed", new Entry(TypeKind.NUMERIC, "decimal")),
      Map.entry("text", new Entry(TypeKind.TEXT, "text")),
      Map.entry("tinytext", new Entry(TypeKind.TEXT, "tinytext")),
      Map.entry("mediumtext", new Entry(TypeKind.TEXT, "mediumtext")),
      Map.entry("longtext", new Entry(TypeKind.TEXT, "longtext")),
      Map.entry("varchar", new Entry(TypeKind.VARCHAR, "varchar")),
      Map.entry("character varying", new Entry(TypeKind.VARCHAR, "varchar")),
      Map.entry("nvarchar", new Entry(TypeKind.VARCHAR, "varchar")),
      Map.entry("char", new Entry(TypeKind.CHAR, "char")),
      Map.entry("character", new Entry(TypeKind.CHAR, "char")),
      Map.entry("bpchar", new Entry(TypeKind.CHAR, "char")),
      Map.entry("nchar", new Entry(TypeKind.CHAR, "char")),
      Map.entry("name", new Entry(TypeKind.NAME, "name")),
      Map.entry("bytea", new Entry(TypeKind.BYTEA, "bytea")),
      Map.entry("blob", new Entry(TypeKind.BYTEA, "blob")),
      Map.entry("tinyblob", new Entry(TypeKind.BYTEA, "tinyblob")),
      Map.entry("mediumblob", new Entry(TypeKind.BYTEA, "mediumblob")),
      Map.entry("longblob", new Entry(TypeKind.BYTEA, "longblob")),
      Map.entry("binary", new Entry(TypeKind.BYTEA, "binary")),
      Map.entry("varbinary", new Entry(TypeKind.BYTEA, "varbinary")),
      Map.entry("date", new Entry(TypeKind.DATE, "date")),
      Map.entry("time", new Entry(TypeKind.TIME, "time")),
      Map.entry("time without time zone", new Entry(TypeKind.TIME, "time")),
      Map.entry("timestamp", new Entry(TypeKind.TIMESTAMP, "timestamp")),
      Map.entry("timestamp without time zone", new Entry(TypeKind.TIMESTAMP, "timestamp")),
      Map.entry("datetime", new Entry(TypeKind.TIMESTAMP, "datetime")),
      Map.entry("timestamptz", new Entry(TypeKind.TIMESTAMPTZ, "timestamptz")),
      Map.entry("timestamp with time zone", new Entry(TypeKind.TIMESTAMPTZ, "timestamptz")),
      Map.entry("interval", new Entry(TypeKind.INTERVAL, "interval")),
      Map.entry("uuid", new Entry(TypeKind.UUID, "uuid")),
      Map.entry("json", new Entry(TypeKind.JSON, "json")),
      Map.entry("jsonb", new Entry(TypeKind.JSONB, "jsonb")),
      Map.entry("oid", new Entry(TypeKind.OID, "oid")),
      Map.entry("regclass", new Entry(TypeKind.OID, "regclass")),
      Map.entry("regtype", new Entry(TypeKind.OID, "regtype")),
      Map.entry("regproc", new Entry(TypeKind.OID, "regproc")),
      Map.entry("regnamespace", new Entry(TypeKind.OID, "regnamespace")),
      Map.entry("aclitem", new Entry(TypeKind.TEXT, "text")),
      Map.entry("pg_node_tree", new Entry(TypeKind.TEXT, "text")),
      Map.entry("unknown", new Entry(TypeKind.UNKNOWN, "unknown")));

  /** Names that declare an auto-incrementing column in PostgreSQL. */
  public static boolean isSerial(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "serial", "serial2", "serial4", "serial8", "smallserial", "bigserial" -> true;
      default -> false;
    };
  }

  /**
   * @param name the type name, any case, words separated by single spaces, without schema qualifier
   * @param args the arguments written in parentheses: numbers, or quoted strings for ENUM and SET
   * @return the type, or null if the name is unknown
   */
  public static SqlType resolve(String name, List<String> args, boolean unsigned) {
    String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (key.startsWith("pg_catalog.")) {
      key = key.substring("pg_catalog.".length());
    }
    if (key.equals("enum") || key.equals("set")) {
      List<String> members = args.stream().map(TypeNames::unquote).toList();
      return new SqlType(TypeKind.VARCHAR, key, -1, -1, false, members);
    }
    if (key.equals("int2vector")) {
      return SqlType.vector("int2vector", SqlType.SMALLINT);
    }
    if (key.equals("oidvector")) {
      return SqlType.vector("oidvector", SqlType.OID);
    }
    if (key.startsWith("_") && NAMES.containsKey(key.substring(1))) {
      return SqlType.arrayOf(resolve(key.substring(1), args, unsigned));
    }
    Entry entry = NAMES.get(key);
    if (entry == null) {
      return null;
    }
    int length = args.size() > 0 ? number(args.get(0)) : -1;
    int scale = args.size() > 1 ? number(args.get(1)) : -1;
    TypeKind kind = entry.kind();
    if (kind == TypeKind.DOUBLE && entry.canonical().equals("float") && length >= 0 && length <= 24) {
      return new SqlType(TypeKind.REAL, "real", -1, -1, unsigned, List.of());
    }
    return new SqlType(kind, entry.canonical(), length, scale, unsigned, List.of());
  }

  private static int number(String arg) {
    try {
      return Integer.parseInt(arg.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("type modifier must be a number: " + arg);
    }
  }

  private static String unquote(String arg) {
    String a = arg.strip();
    if (a.length() >= 2 && a.charAt(0) == '\'' && a.charAt(a.length() - 1) == '\'') {
      return a.substring(1, a.length() - 1).replace("''", "'");
    }
    return a;
  }
}
