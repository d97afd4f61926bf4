package io.bop.engine.mysql;

import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.Locale;

/**
 * Types as MySQL names and measures them: the {@code COLUMN_TYPE} of information_schema and SHOW COLUMNS
 * ({@code int unsigned}, {@code varchar(255)}, {@code tinyint(1)}, {@code enum('a','b')}), the lengths and
 * precisions clients are told, and the fractional-second digits of times. A type declared over MySQL comes back
 * as declared; a PostgreSQL type gets its nearest MySQL type.
 */
public final class MySqlTypes {
  private MySqlTypes() {}

  /** Bytes per character of utf8mb4, which column lengths are counted in. */
  public static final int MAX_BYTES_PER_CHAR = 4;

  /** The full type: {@code int unsigned}, {@code varchar(255)}, {@code decimal(10,2)}, {@code datetime(6)}. */
  public static String columnType(SqlType t) {
    String base = switch (t.kind()) {
      case BOOLEAN -> "tinyint(1)";
      case SMALLINT -> switch (t.name()) {
        case "tinyint" -> t.length() == 1 ? "tinyint(1)" : "tinyint";
        case "year" -> "year";
        default -> "smallint";
      };
      case INTEGER -> t.name().equals("mediumint") ? "mediumint" : "int";
      case BIGINT -> "bigint";
      case OID -> "int unsigned";
      case REAL -> "float";
      case DOUBLE -> "double";
      case NUMERIC -> t.length() >= 0 ? "decimal(" + t.length() + "," + Math.max(t.scale(), 0) + ")"
          : "decimal(65,30)";
      case TEXT -> switch (t.name()) {
        case "tinytext", "mediumtext", "longtext" -> t.name();
        default -> "text";
      };
      case VARCHAR -> !t.values().isEmpty() ? members(t) : t.length() >= 0 ? "varchar(" + t.length() + ")"
          : "longtext";
      case CHAR -> "char(" + Math.max(t.length(), 1) + ")";
      case NAME -> "varchar(64)";
      case BYTEA -> switch (t.name()) {
        case "tinyblob", "blob", "mediumblob", "longblob" -> t.name();
        case "binary", "varbinary" -> t.name() + "(" + Math.max(t.length(), 1) + ")";
        default -> "longblob";
      };
      case DATE -> "date";
      case TIME -> "time" + fraction(t);
      case TIMESTAMP -> (t.name().equals("timestamp") ? "timestamp" : "datetime") + fraction(t);
      case TIMESTAMPTZ -> "timestamp" + fraction(t);
      case UUID -> "char(36)";
      case JSON, JSONB, ARRAY -> "json";
      default -> "text";
    };
    boolean integer = t.kind().isInteger() && t.kind() != TypeKind.OID || t.kind() == TypeKind.NUMERIC
        || t.kind() == TypeKind.REAL || t.kind() == TypeKind.DOUBLE;
    return t.unsigned() && integer ? base + " unsigned" : base;
  }

  /** The type's name alone, MySQL's {@code DATA_TYPE}: {@code int}, {@code varchar}, {@code enum}. */
  public static String dataType(SqlType t) {
    String type = columnType(t);
    int end = type.length();
    for (char stop : new char[] {'(', ' '}) {
      int at = type.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return type.substring(0, end);
  }

  private static String members(SqlType t) {
    StringBuilder s = new StringBuilder(t.name().toLowerCase(Locale.ROOT)).append('(');
    for (int i = 0; i < t.values().size(); i++) {
      s.append(i == 0 ? "" : ",").append('\'').append(t.values().get(i).replace("'", "''")).append('\'');
    }
    return s.append(')').toString();
  }

  private static String fraction(SqlType t) {
    int digits = fractionDigits(t);
    return digits > 0 ? "(" + digits + ")" : "";
  }

  /**
   * Fractional-second digits of a time type: as declared, else none (MySQL's default), except for PostgreSQL's
   * timestamptz, which keeps microseconds.
   */
  public static int fractionDigits(SqlType t) {
    if (t.length() >= 0) {
      return Math.min(t.length(), 6);
    }
    return t.kind() == TypeKind.TIMESTAMPTZ ? 6 : 0;
  }

  /** Whether values are character strings, which have a character set and collation. */
  public static boolean isCharacter(SqlType t) {
    return switch (t.kind()) {
      case TEXT, VARCHAR, CHAR, NAME, UUID, INTERVAL, UNKNOWN -> true;
      default -> false;
    };
  }

  /** The most characters (or, for binary strings, bytes) a value holds; null for other types. */
  public static Long maxLength(SqlType t) {
    return switch (t.kind()) {
      case VARCHAR -> t.values().isEmpty() ? (t.length() >= 0 ? (long) t.length() : 4294967295L)
          : t.values().stream().mapToLong(String::length).max().orElse(0);
      case CHAR -> (long) Math.max(t.length(), 1);
      case NAME -> 64L;
      case UUID -> 36L;
      case INTERVAL -> 255L;
      case TEXT, UNKNOWN -> switch (t.name()) {
        case "tinytext" -> 255L;
        case "text" -> 65535L;
        case "mediumtext" -> 16777215L;
        default -> 4294967295L;
      };
      case BYTEA -> switch (t.name()) {
        case "binary", "varbinary" -> (long) Math.max(t.length(), 1);
        case "tinyblob" -> 255L;
        case "blob" -> 65535L;
        case "mediumblob" -> 16777215L;
        default -> 4294967295L;
      };
      case JSON, JSONB, ARRAY -> 4294967295L;
      default -> null;
    };
  }

  /** Digits of a number type (NUMERIC_PRECISION), null for other types. */
  public static Long precision(SqlType t) {
    if (t.name().equals("year")) {
      return null;
    }
    return switch (t.kind()) {
      case BOOLEAN -> 3L;
      case SMALLINT -> t.name().equals("tinyint") ? 3L : 5L;
      case INTEGER -> t.name().equals("mediumint") ? 7L : 10L;
      case OID -> 10L;
      case BIGINT -> t.unsigned() ? 20L : 19L;
      case REAL -> 12L;
      case DOUBLE -> 22L;
      case NUMERIC -> t.length() >= 0 ? (long) t.length() : 65L;
      default -> null;
    };
  }

  /** Digits after the point of a number type (NUMERIC_SCALE), null for floating point and other types. */
  public static Long scale(SqlType t) {
    if (t.kind() == TypeKind.NUMERIC) {
      return t.length() >= 0 ? (long) Math.max(t.scale(), 0) : 30L;
    }
    return t.kind().isInteger() || t.kind() == TypeKind.BOOLEAN ? (precision(t) == null ? null : 0L) : null;
  }

  /**
   * The display length MySQL sends in a column definition: bytes for strings (characters times 4 for utf8mb4),
   * digits plus sign and point for numbers, characters for times.
   */
  public static long displayLength(SqlType t) {
    if (isCharacter(t) || t.kind() == TypeKind.JSON || t.kind() == TypeKind.JSONB || t.kind() == TypeKind.ARRAY) {
      Long chars = maxLength(t);
      return Math.min(chars == null ? 0 : chars * MAX_BYTES_PER_CHAR, 4294967295L);
    }
    if (t.kind() == TypeKind.BYTEA) {
      return maxLength(t);
    }
    return switch (t.kind()) {
      case BOOLEAN -> 1;
      case SMALLINT -> t.name().equals("tinyint") ? (t.length() == 1 ? 1 : 4) : t.name().equals("year") ? 4 : 6;
      case INTEGER -> t.name().equals("mediumint") ? 9 : 11;
      case OID -> 10;
      case BIGINT -> 20;
      case REAL -> 12;
      case DOUBLE -> 22;
      case NUMERIC -> (t.length() >= 0 ? t.length() : 65) + (Math.max(t.scale(), 0) > 0 ? 2 : 1);
      case DATE -> 10;
      case TIME -> 10 + fractionDigits(t) + (fractionDigits(t) > 0 ? 1 : 0);
      case TIMESTAMP, TIMESTAMPTZ -> 19 + fractionDigits(t) + (fractionDigits(t) > 0 ? 1 : 0);
      default -> 255;
    };
  }
}
