package io.bop.engine.catalog;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's reg* types (regclass, regtype, regproc, regnamespace): OIDs that read and print as names, so that
 * {@code 'users'::regclass} finds the table's OID and {@code attrelid::regclass} shows its name.
 */
public final class RegTypes {
  private RegTypes() {}

  /** The OID a name stands for, as the text form of {@code type} reads it. */
  public static long oid(String type, String text, Catalog catalog) throws SqlError {
    String t = text.strip();
    if (t.matches("\\d+")) {
      return Long.parseLong(t);
    }
    String name = unqualified(t);
    switch (type) {
      case "regclass": {
        long oid = catalog == null ? 0 : PgCatalog.relationOid(name, catalog);
        if (oid == 0) {
          throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + t + "\" does not exist");
        }
        return oid;
      }
      case "regtype": {
        SqlType resolved = SqlType.parse(name);
        if (resolved != null) {
          return resolved.pgOid();
        }
        Optional<Table> table = catalog == null ? Optional.empty() : catalog.table(name);
        return table.map(PgCatalog::rowType).orElseThrow(() ->
            new SqlError(Condition.UNDEFINED_OBJECT, "type \"" + t + "\" does not exist"));
      }
      case "regproc": {
        int oid = PgCatalog.procedure(name.replaceFirst("\\(.*", ""));
        if (oid == 0) {
          throw new SqlError(Condition.UNDEFINED_FUNCTION, "function \"" + t + "\" does not exist");
        }
        return oid;
      }
      case "regnamespace":
        return switch (name) {
          case "pg_catalog" -> Oids.PG_CATALOG_NAMESPACE;
          case "public" -> Oids.PUBLIC_NAMESPACE;
          case "information_schema" -> Oids.INFORMATION_SCHEMA_NAMESPACE;
          default -> throw new SqlError(Condition.UNDEFINED_OBJECT, "schema \"" + t + "\" does not exist");
        };
      default:
        throw new SqlError(Condition.UNDEFINED_FUNCTION, "function \"" + t + "\" does not exist");
    }
  }

  /** The name an OID of {@code type} prints as; the number itself if nothing has it, {@code -} for 0. */
  public static String name(String type, long oid, Catalog catalog) {
    if (oid == 0) {
      return "-";
    }
    String name = switch (type) {
      case "regclass" -> PgCatalog.relationName(oid, catalog);
      case "regtype" -> PgTypes.byOid((int) oid) != null ? PgTypes.format((int) oid, -1) : catalog == null ? null
          : catalog.tables().stream().filter(t -> PgCatalog.rowType(t) == oid).findFirst()
              .map(t -> IndexDefinitions.quote(t.name())).orElse(null);
      case "regproc" -> PgCatalog.procedureName(oid);
      case "regnamespace" -> oid == Oids.PG_CATALOG_NAMESPACE ? "pg_catalog" : oid == Oids.PUBLIC_NAMESPACE ? "public"
          : oid == Oids.INFORMATION_SCHEMA_NAMESPACE ? "information_schema" : null;
      default -> null;
    };
    return name == null ? Long.toString(oid) : name;
  }

  /** The object name of a possibly schema-qualified, possibly quoted name: the part after the last dot. */
  private static String unqualified(String name) {
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        start = i + 1;
      }
    }
    String n = name.substring(start);
    if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
      return n.substring(1, n.length() - 1).replace("\"\"", "\"");
    }
    return n.toLowerCase(Locale.ROOT);
  }
}
