package io.bop.engine.functions;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.Check;
import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.IndexDefinitions;
import io.bop.engine.catalog.Oids;
import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.catalog.PgTypes;
import io.bop.engine.catalog.RegTypes;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.exec.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's catalog functions, answered from the database's catalog snapshot (which the engine loads before
 * it runs a catalog query).
 */
final class CatalogFunctions {
  private CatalogFunctions() {}

  static void install(Connection c, Database database) throws SQLException {
    Udf.register(c, "format_type", 2, true, a -> a[0] == null ? null
        : PgTypes.format(((Number) a[0]).intValue(), a[1] == null ? -1 : ((Number) a[1]).intValue()));
    Udf.register(c, "pg_get_userbyid", 1, true, a -> a[0] == null ? null : "bop");
    for (String visible : List.of("pg_table_is_visible", "pg_type_is_visible", "pg_function_is_visible",
        "pg_collation_is_visible", "pg_opclass_is_visible", "pg_operator_is_visible", "pg_opfamily_is_visible",
        "pg_conversion_is_visible", "pg_statistics_obj_is_visible", "pg_ts_config_is_visible",
        "pg_ts_dict_is_visible", "pg_ts_parser_is_visible", "pg_ts_template_is_visible")) {
      Udf.register(c, visible, 1, true, a -> a[0] == null ? null : 1L);
    }
    for (String privilege : List.of("has_table_privilege", "has_schema_privilege", "has_database_privilege",
        "has_column_privilege", "has_sequence_privilege", "has_function_privilege", "pg_has_role")) {
      Udf.register(c, privilege, -1, true, a -> 1L);
    }
    // reg* values: OIDs inside a query, names when shown (bop_regname) or read from text (bop_regoid).
    Udf.register(c, "bop_regname", 2, true, a -> a[1] == null ? null : RegTypes.name(a[0].toString(),
        ((Number) a[1]).longValue(), database.cachedCatalog()));
    Udf.register(c, "bop_regoid", 2, true, a -> a[1] == null ? null : RegTypes.oid(a[0].toString(),
        Functions.text(a[1]), database.cachedCatalog()));
    Udf.register(c, "bop_relation_name", 1, true, a -> a[0] == null ? null
        : PgCatalog.databaseRelation(((Number) a[0]).longValue(), database.cachedCatalog()).orElse(null));
    Udf.register(c, "bop_is_current_database", 1, true, a -> a[0] == null ? null
        : a[0] instanceof Number oid ? (oid.longValue() == Oids.of("pg_database", database.name()) ? 1L : 0L)
        : Functions.text(a[0]).equals(database.name()) ? 1L : 0L);
    Udf.register(c, "pg_size_pretty", 1, true, a -> a[0] == null ? null : sizePretty(((Number) a[0]).longValue()));
    Udf.register(c, "pg_encoding_to_char", 1, true, a -> a[0] == null ? null : "UTF8");
    Udf.register(c, "pg_char_to_encoding", 1, true, a -> a[0] == null ? null
        : Functions.text(a[0]).equalsIgnoreCase("UTF8") ? 6L : -1L);
    Udf.register(c, "getdatabaseencoding", 0, true, a -> "UTF8");
    // Databases live in their own files, never in a tablespace of their own: PostgreSQL's answer for pg_default.
    Udf.register(c, "pg_tablespace_location", 1, true, a -> a[0] == null ? null : "");
    Udf.register(c, "quote_ident", 1, true, a -> a[0] == null ? null : IndexDefinitions.quote(Functions.text(a[0])));
    Udf.register(c, "pg_is_in_recovery", 0, true, a -> 0L);
    Udf.register(c, "pg_relation_is_publishable", 1, true, a -> 1L);
    // adbin holds the default as written, so pg_get_expr has nothing left to decompile.
    Udf.register(c, "pg_get_expr", -1, true, a -> a.length == 0 || a[0] == null ? null : Functions.text(a[0]));
    Udf.register(c, "pg_get_indexdef", -1, true, a -> a.length == 0 || a[0] == null ? null
        : index(database, ((Number) a[0]).intValue())
            .map(t -> a.length > 1 && a[1] != null && ((Number) a[1]).intValue() > 0
                ? indexColumn(t[1], ((Number) a[1]).intValue()) : IndexDefinitions.of((Table) t[0], (Index) t[1]))
            .orElse(null));
    Udf.register(c, "pg_get_constraintdef", -1, true, a -> a.length == 0 || a[0] == null ? null
        : constraintDefinition(database.cachedCatalog(), ((Number) a[0]).intValue()));
    Udf.register(c, "obj_description", -1, true, a -> a.length == 0 || a[0] == null ? null
        : tableComment(database.cachedCatalog(), ((Number) a[0]).intValue()));
    Udf.register(c, "col_description", 2, true, a -> a[0] == null || a[1] == null ? null
        : columnComment(database.cachedCatalog(), ((Number) a[0]).intValue(), ((Number) a[1]).intValue()));
    Udf.register(c, "shobj_description", 2, true, a -> null);
    // Objects bop never has (triggers, rules, functions, extended statistics, partitions): their catalogs are empty,
    // so these only need to exist for catalog queries to compile, and describe nothing.
    for (String none : List.of("pg_get_viewdef", "pg_get_triggerdef", "pg_get_ruledef", "pg_get_functiondef",
        "pg_get_function_arguments", "pg_get_function_result", "pg_get_function_identity_arguments",
        "pg_get_function_sqlbody",
        "pg_get_partkeydef", "pg_get_partition_constraintdef", "pg_get_statisticsobjdef",
        "pg_get_statisticsobjdef_columns", "pg_get_statisticsobjdef_expressions")) {
      Udf.register(c, none, -1, true, a -> null);
    }
  }

  /**
   * PostgreSQL's pg_size_pretty: bytes below 10 kB, then the largest unit that keeps the number below 20,480,
   * halving with rounding at each step as PostgreSQL does.
   */
  static String sizePretty(long size) {
    String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    for (int i = 0; ; i++) {
      boolean last = i == units.length - 1;
      long limit = i == 0 ? 10 * 1024 : 20 * 1024 - 1;
      if (last || Math.abs(size) < limit) {
        return (i == 0 ? size : halfRounded(size)) + " " + units[i];
      }
      // Counted in halves of the next unit from bytes on, so the first step divides by 2^9, the others by 2^10.
      size /= 1L << (i == 0 ? 9 : 10);
    }
  }

  private static long halfRounded(long x) {
    return (x + (x < 0 ? -1 : 1)) / 2;
  }

  private static Optional<Object[]> index(Database database, int oid) {
    Catalog catalog = database.cachedCatalog();
    if (catalog == null) {
      return Optional.empty();
    }
    for (Table table : catalog.tables()) {
      for (Index index : table.indexes()) {
        if (Oids.relation(index.name()) == oid) {
          return Optional.of(new Object[] {table, index});
        }
      }
    }
    return Optional.empty();
  }

  private static String indexColumn(Object index, int column) {
    List<String> columns = ((Index) index).columns();
    return column <= columns.size() ? IndexDefinitions.quote(columns.get(column - 1)) : "";
  }

  /** The OID of a constraint: PostgreSQL constraint names are unique per table. */
  public static int constraintOid(String table, String name) {
    return Oids.of("pg_constraint", table + "." + name);
  }

  private static String constraintDefinition(Catalog catalog, int oid) {
    if (catalog == null) {
      return null;
    }
    for (Table table : catalog.tables()) {
      for (Index index : table.indexes()) {
        if (index.constraint() && constraintOid(table.name(), index.name()) == oid) {
          return (index.primary() ? "PRIMARY KEY (" : "UNIQUE (") + IndexDefinitions.quoted(index.columns()) + ")";
        }
      }
      for (ForeignKey fk : table.foreignKeys()) {
        if (constraintOid(table.name(), fk.name()) == oid) {
          return IndexDefinitions.foreignKey(fk);
        }
      }
      for (Check check : table.checks()) {
        if (constraintOid(table.name(), check.name()) == oid) {
          return "CHECK ((" + check.expression() + "))";
        }
      }
    }
    return null;
  }

  private static String tableComment(Catalog catalog, int oid) {
    if (catalog == null) {
      return null;
    }
    return catalog.tables().stream().filter(t -> t.oid() == oid).findFirst().map(Table::comment).orElse(null);
  }

  private static String columnComment(Catalog catalog, int oid, int attnum) {
    if (catalog == null) {
      return null;
    }
    return catalog.tables().stream().filter(t -> t.oid() == oid).findFirst()
        .flatMap(t -> t.columns().stream().filter(c -> c.number() == attnum).findFirst())
        .map(TableColumn::comment).orElse(null);
  }

}
