package io.bop.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared column or expression type: its semantic {@link TypeKind} plus the spelling and modifiers the user
 * declared, so that both protocols can describe it exactly ({@code varchar(255)} to PostgreSQL,
 * {@code int(11) unsigned} to MySQL).
 *
 * @param kind the value domain
 * @param name the canonical declared name, one lower-case word or phrase without modifiers ({@code varchar},
 *     {@code int}, {@code double precision}, {@code timestamptz}, {@code datetime})
 * @param length character length, numeric precision, fractional-second precision or display width; -1 if none
 * @param scale numeric scale; -1 if none
 * @param unsigned MySQL's UNSIGNED
 * @param values the members of a MySQL ENUM or SET, the fields of a {@link #record}, else empty
 * @param element an array's element type, null for other types
 */
public record SqlType(TypeKind kind, String name, int length, int scale, boolean unsigned, List<String> values,
    SqlType element) {
  public static final SqlType BOOLEAN = of(TypeKind.BOOLEAN, "boolean");
  public static final SqlType SMALLINT = of(TypeKind.SMALLINT, "smallint");
  public static final SqlType INTEGER = of(TypeKind.INTEGER, "integer");
  public static final SqlType BIGINT = of(TypeKind.BIGINT, "bigint");
  public static final SqlType REAL = of(TypeKind.REAL, "real");
  public static final SqlType DOUBLE = of(TypeKind.DOUBLE, "double precision");
  public static final SqlType NUMERIC = of(TypeKind.NUMERIC, "numeric");
  public static final SqlType TEXT = of(TypeKind.TEXT, "text");
  public static final SqlType VARCHAR = of(TypeKind.VARCHAR, "varchar");
  public static final SqlType NAME = of(TypeKind.NAME, "name");
  public static final SqlType BYTEA = of(TypeKind.BYTEA, "bytea");
  public static final SqlType DATE = of(TypeKind.DATE, "date");
  public static final SqlType TIME = of(TypeKind.TIME, "time");
  public static final SqlType TIMESTAMP = of(TypeKind.TIMESTAMP, "timestamp");
  public static final SqlType TIMESTAMPTZ = of(TypeKind.TIMESTAMPTZ, "timestamptz");
  public static final SqlType INTERVAL = of(TypeKind.INTERVAL, "interval");
  public static final SqlType UUID = of(TypeKind.UUID, "uuid");
  public static final SqlType JSON = of(TypeKind.JSON, "json");
  public static final SqlType JSONB = of(TypeKind.JSONB, "jsonb");
  public static final SqlType OID = of(TypeKind.OID, "oid");
  public static final SqlType UNKNOWN = of(TypeKind.UNKNOWN, "unknown");

  public SqlType {
    values = List.copyOf(values);
  }

  public SqlType(TypeKind kind, String name, int length, int scale, boolean unsigned, List<String> values) {
    this(kind, name, length, scale, unsigned, values, null);
  }

  public static SqlType of(TypeKind kind, String name) {
    return new SqlType(kind, name, -1, -1, false, List.of());
  }

  /** An array of {@code element}; PostgreSQL's {@code int2vector} and {@code oidvector} are arrays too. */
  public static SqlType arrayOf(SqlType element) {
    return new SqlType(TypeKind.ARRAY, element.name() + "[]", -1, -1, false, List.of(), element);
  }

  /**
   * A row value, PostgreSQL's {@code record}, kept as a JSON object; {@link #values} holds its fields as
   * {@code name declaration}.
   */
  public static SqlType record(List<String> names, List<SqlType> types) {
    List<String> declared = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      declared.add(names.get(i) + " " + types.get(i).declaration());
    }
    return new SqlType(TypeKind.JSON, "record", -1, -1, false, declared);
  }

  public boolean isRecord() {
    return kind == TypeKind.JSON && name.equals("record");
  }

  /** A record's field, or null if it has none of that name. */
  public SqlType field(String fieldName) {
    for (String field : isRecord() ? values : List.<String>of()) {
      int space = field.indexOf(' ');
      if (field.substring(0, space).equalsIgnoreCase(fieldName)) {
        return parse(field.substring(space + 1));
      }
    }
    return null;
  }

  static SqlType vector(String name, SqlType element) {
    return new SqlType(TypeKind.ARRAY, name, -1, -1, false, List.of(), element);
  }

  /** Whether this is {@code int2vector} or {@code oidvector}: subscripts from 0, printed space-separated. */
  public boolean isVector() {
    return kind == TypeKind.ARRAY && name.endsWith("vector");
  }

  /** The PostgreSQL type OID clients are told. */
  public int pgOid() {
    if (kind == TypeKind.ARRAY) {
      return name.equals("int2vector") ? 22 : name.equals("oidvector") ? 30 : element.kind().pgArrayOid();
    }
    if (kind == TypeKind.OID) {
      return switch (name) {
        case "regclass" -> 2205;
        case "regtype" -> 2206;
        case "regproc" -> 24;
        case "regnamespace" -> 4089;
        default -> 26;
      };
    }
    return isRecord() ? 2249 : pgKind().pgOid();
  }

  /**
   * The kind PostgreSQL clients are told and sent: MySQL's UNSIGNED integers take the next wider kind, which holds
   * their range (bop keeps a BIGINT UNSIGNED within BIGINT's).
   */
  public TypeKind pgKind() {
    if (unsigned && kind == TypeKind.INTEGER) {
      return TypeKind.BIGINT;
    }
    return unsigned && kind == TypeKind.SMALLINT && !name.equals("tinyint") ? TypeKind.INTEGER : kind;
  }

  public SqlType withLength(int length, int scale) {
    return new SqlType(kind, name, length, scale, unsigned, values, element);
  }

  /**
   * The declaration text written into the SQLite schema, from which {@link #parse} recovers this type; SQLite
   * derives the column affinity from it (a {@code varchar} is TEXT, an {@code int8} INTEGER, a
   * {@code numeric} NUMERIC).
   */
  public String declaration() {
    if (kind == TypeKind.ARRAY) {
      return isVector() ? name : element.declaration() + "[]";
    }
    StringBuilder text = new StringBuilder(name);
    if (!values.isEmpty()) {
      text.append('(');
      for (int i = 0; i < values.size(); i++) {
        text.append(i == 0 ? "" : ",").append('\'').append(values.get(i).replace("'", "''")).append('\'');
      }
      text.append(')');
    } else if (length >= 0) {
      text.append('(').append(length).append(scale >= 0 ? "," + scale : "").append(')');
    }
    if (unsigned) {
      text.append(" unsigned");
    }
    return text.toString();
  }

  /** Reads a {@link #declaration()}; anything else resolves through {@link TypeNames} as best it can. */
  public static SqlType parse(String declaration) {
    String text = declaration.strip().toLowerCase(Locale.ROOT);
    if (text.endsWith("[]")) {
      SqlType element = parse(declaration.strip().substring(0, declaration.strip().length() - 2));
      return element == null ? null : arrayOf(element);
    }
    boolean unsigned = text.endsWith(" unsigned");
    if (unsigned) {
      text = text.substring(0, text.length() - " unsigned".length()).strip();
    }
    int open = text.indexOf('(');
    String name = open < 0 ? text : text.substring(0, open).strip();
    List<String> args = open < 0 ? List.of() : splitArguments(declaration.strip().substring(open + 1,
        declaration.strip().lastIndexOf(')') > open ? declaration.strip().lastIndexOf(')') : declaration.strip().length()));
    return TypeNames.resolve(name, args, unsigned);
  }

  private static List<String> splitArguments(String inside) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (c == '\'') {
        if (quoted && i + 1 < inside.length() && inside.charAt(i + 1) == '\'') {
          current.append('\'');
          i++;
          continue;
        }
        quoted = !quoted;
        current.append(c);
      } else if (c == ',' && !quoted) {
        args.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty() || !args.isEmpty()) {
      args.add(current.toString().strip());
    }
    return args;
  }

  /** PostgreSQL's atttypmod for this type, -1 when it has none. */
  public int pgTypmod() {
    return switch (kind) {
      case ARRAY -> isVector() ? -1 : element.pgTypmod();
      case VARCHAR, CHAR -> length >= 0 ? length + 4 : -1;
      case NUMERIC -> length >= 0 ? ((length << 16) | Math.max(scale, 0)) + 4 : -1;
      case TIME, TIMESTAMP, TIMESTAMPTZ -> length;
      default -> -1;
    };
  }

  /** The type as PostgreSQL's {@code format_type} prints it. */
  public String pgFormat() {
    return switch (pgKind()) {
      case ARRAY -> isVector() ? name : element.pgFormat() + "[]";
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case NUMERIC -> length >= 0 ? "numeric(" + length + "," + Math.max(scale, 0) + ")" : "numeric";
      case VARCHAR -> length >= 0 ? "character varying(" + length + ")" : "character varying";
      case CHAR -> "character(" + Math.max(length, 1) + ")";
      case TIME -> (length >= 0 ? "time(" + length + ")" : "time") + " without time zone";
      case TIMESTAMP -> (length >= 0 ? "timestamp(" + length + ")" : "timestamp") + " without time zone";
      case TIMESTAMPTZ -> (length >= 0 ? "timestamp(" + length + ")" : "timestamp") + " with time zone";
      case UNKNOWN -> "text";
      case JSON -> name;
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  @Override public String toString() {
    return declaration();
  }
}
