package io.bop.engine.translate;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeNames;

/** Reads the text forms of PostgreSQL's reg* types: {@code 'users'::regclass}, {@code 'integer'::regtype}. */
final class RegNames {
  private RegNames() {}

  static long oid(String type, String text, Catalog catalog) throws SqlError {
    String t = text.strip();
    if (t.matches("\\d+")) {
      return Long.parseLong(t);
    }
    String name = unqualified(t);
    switch (type) {
      case "regclass": {
        long oid = PgCatalog.relationOid(name, catalog);
        if (oid == 0) {
          throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + t + "\" does not exist");
        }
        return oid;
      }
      case "regtype": {
        SqlType resolved = TypeNames.resolve(name, java.util.List.of(), false);
        if (resolved == null) {
          throw new SqlError(Condition.UNDEFINED_OBJECT, "type \"" + t + "\" does not exist");
        }
        return resolved.pgOid();
      }
      case "regnamespace":
        return switch (name) {
          case "pg_catalog" -> 11;
          case "public" -> 2200;
          case "information_schema" -> 13000;
          default -> throw new SqlError(Condition.UNDEFINED_OBJECT, "schema \"" + t + "\" does not exist");
        };
      default:
        throw new SqlError(Condition.UNDEFINED_FUNCTION, "function \"" + t + "\" does not exist");
    }
  }

  private static String unqualified(String name) {
    String n = name;
    int dot = n.lastIndexOf('.');
    if (dot >= 0) {
      n = n.substring(dot + 1);
    }
    if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
      return n.substring(1, n.length() - 1).replace("\"\"", "\"");
    }
    return n.toLowerCase(java.util.Locale.ROOT);
  }
}
