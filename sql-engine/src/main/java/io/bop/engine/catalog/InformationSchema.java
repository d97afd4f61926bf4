package io.bop.engine.catalog;

import io.bop.engine.catalog.PgCatalog.Refresh;
import io.bop.engine.catalog.PgCatalog.Snapshot;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL standard's {@code information_schema} views as PostgreSQL 15 defines them, over the same catalog
 * snapshot as {@link PgCatalog}. Their columns have PostgreSQL's domains, which clients are told as the domains'
 * base types: sql_identifier is name, character_data and yes_or_no are varchar, cardinal_number is int4.
 */
final class InformationSchema {
  private InformationSchema() {}

  private static final String YES = "YES";
  private static final String NO = "NO";

  static void register() {
    view("schemata", "catalog_name sql_identifier, schema_name sql_identifier, schema_owner sql_identifier,"
        + " default_character_set_catalog sql_identifier, default_character_set_schema sql_identifier,"
        + " default_character_set_name sql_identifier, sql_path character_data", InformationSchema::schemata);
    view("tables", "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier,"
        + " table_type character_data, self_referencing_column_name sql_identifier,"
        + " reference_generation character_data, user_defined_type_catalog sql_identifier,"
        + " user_defined_type_schema sql_identifier, user_defined_type_name sql_identifier,"
        + " is_insertable_into yes_or_no, is_typed yes_or_no, commit_action character_data",
        InformationSchema::tables);
    view("columns", "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier,"
        + " column_name sql_identifier, ordinal_position cardinal_number, column_default character_data,"
        + " is_nullable yes_or_no, data_type character_data, character_maximum_length cardinal_number,"
        + " character_octet_length cardinal_number, numeric_precision cardinal_number,"
        + " numeric_precision_radix cardinal_number, numeric_scale cardinal_number,"
        + " datetime_precision cardinal_number, interval_type character_data, interval_precision cardinal_number,"
        + " character_set_catalog sql_identifier, character_set_schema sql_identifier,"
        + " character_set_name sql_identifier, collation_catalog sql_identifier, collation_schema sql_identifier,"
        + " collation_name sql_identifier, domain_catalog sql_identifier, domain_schema sql_identifier,"
        + " domain_name sql_identifier, udt_catalog sql_identifier, udt_schema sql_identifier,"
        + " udt_name sql_identifier, scope_catalog sql_identifier, scope_schema sql_identifier,"
        + " scope_name sql_identifier, maximum_cardinality cardinal_number, dtd_identifier sql_identifier,"
        + " is_self_referencing yes_or_no, is_identity yes_or_no, identity_generation character_data,"
        + " identity_start character_data, identity_increment character_data, identity_maximum character_data,"
        + " identity_minimum character_data, identity_cycle yes_or_no, is_generated character_data,"
        + " generation_expression character_data, is_updatable yes_or_no", InformationSchema::columns);
    view("table_constraints", "constraint_catalog sql_identifier, constraint_schema sql_identifier,"
        + " constraint_name sql_identifier, table_catalog sql_identifier, table_schema sql_identifier,"
        + " table_name sql_identifier, constraint_type character_data, is_deferrable yes_or_no,"
        + " initially_deferred yes_or_no, enforced yes_or_no, nulls_distinct yes_or_no",
        InformationSchema::tableConstraints);
    view("key_column_usage", "constraint_catalog sql_identifier, constraint_schema sql_identifier,"
        + " constraint_name sql_identifier, table_catalog sql_identifier, table_schema sql_identifier,"
        + " table_name sql_identifier, column_name sql_identifier, ordinal_position cardinal_number,"
        + " position_in_unique_constraint cardinal_number", InformationSchema::keyColumnUsage);
    view("referential_constraints", "constraint_catalog sql_identifier, constraint_schema sql_identifier,"
        + " constraint_name sql_identifier, unique_constraint_catalog sql_identifier,"
        + " unique_constraint_schema sql_identifier, unique_constraint_name sql_identifier,"
        + " match_option character_data, update_rule character_data, delete_rule character_data",
        InformationSchema::referentialConstraints);
    view("constraint_column_usage", "table_catalog sql_identifier, table_schema sql_identifier,"
        + " table_name sql_identifier, column_name sql_identifier, constraint_catalog sql_identifier,"
        + " constraint_schema sql_identifier, constraint_name sql_identifier",
        InformationSchema::constraintColumnUsage);
    view("check_constraints", "constraint_catalog sql_identifier, constraint_schema sql_identifier,"
        + " constraint_name sql_identifier, check_clause character_data", InformationSchema::checkConstraints);
    view("views", "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier,"
        + " view_definition character_data, check_option character_data, is_updatable yes_or_no,"
        + " is_insertable_into yes_or_no, is_trigger_updatable yes_or_no, is_trigger_deletable yes_or_no,"
        + " is_trigger_insertable_into yes_or_no", InformationSchema::views);
    view("sequences", "sequence_catalog sql_identifier, sequence_schema sql_identifier,"
        + " sequence_name sql_identifier, data_type character_data, numeric_precision cardinal_number,"
        + " numeric_precision_radix cardinal_number, numeric_scale cardinal_number, start_value character_data,"
        + " minimum_value character_data, maximum_value character_data, increment character_data,"
        + " cycle_option yes_or_no", InformationSchema::sequences);
  }

  /** Registers a view whose columns are declared with information_schema's domains. */
  private static void view(String name, String columns, Function<Snapshot, List<Object[]>> rows) {
    String declared = columns.replace(" sql_identifier", " name").replace(" character_data", " varchar")
        .replace(" yes_or_no", " varchar").replace(" cardinal_number", " int4");
    PgCatalog.relation("information_schema", name, Refresh.SCHEMA, declared, rows);
  }

  private static String yesNo(boolean value) {
    return value ? YES : NO;
  }

  // ================================================================================================ views

  private static List<Object[]> schemata(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (String schema : List.of("information_schema", "pg_catalog", "pg_toast", "public")) {
      rows.add(new Object[] {s.database(), schema, s.user(), null, null, null, null});
    }
    return rows;
  }

  private static List<Object[]> tables(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      // bop's views are read-only
      rows.add(new Object[] {s.database(), "public", t.name(), t.view() ? "VIEW" : "BASE TABLE", null, null, null,
          null, null, yesNo(!t.view()), NO, null});
    }
    return rows;
  }

  private static List<Object[]> columns(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (TableColumn c : t.columns()) {
        SqlType type = c.type();
        boolean identity = c.isIdentity();
        PgTypes.PgType pgType = PgTypes.byOid(PgCatalog.typeOid(type));
        rows.add(new Object[] {s.database(), "public", t.name(), c.name(), c.number(),
            identity ? null : c.defaultText(), yesNo(!c.notNull()), dataType(type), characterLength(type),
            characterOctets(type), precision(type), radix(type), scale(type), datetimePrecision(type), null, null, null,
            null, null, null, null, null, null, null, null, s.database(), "pg_catalog",
            pgType == null ? type.name() : pgType.name(), null, null, null, null, Integer.toString(c.number()), NO,
            yesNo(identity),
            identity ? (c.identity().equals(TableColumn.ALWAYS) ? "ALWAYS" : "BY DEFAULT") : null,
            identity ? "1" : null, identity ? "1" : null, identity ? Long.toString(Sequence.maximum(type)) : null,
            identity ? "1" : null, NO, "NEVER", null, yesNo(!t.view())});
      }
    }
    return rows;
  }

  /** data_type: the type's SQL name without modifiers, {@code ARRAY} for arrays. */
  private static String dataType(SqlType type) {
    if (type.kind() == TypeKind.ARRAY) {
      return "ARRAY";
    }
    return PgTypes.format(PgCatalog.typeOid(type), -1).replaceFirst("\\(\\d+\\)", "");
  }

  private static Integer characterLength(SqlType type) {
    return switch (type.kind()) {
      case VARCHAR -> type.length() >= 0 ? type.length() : null;
      case CHAR -> Math.max(type.length(), 1);
      default -> null;
    };
  }

  /** character_octet_length: four bytes a character in UTF8, 1 GB where the length is unlimited. */
  private static Integer characterOctets(SqlType type) {
    Integer length = characterLength(type);
    if (length != null) {
      return length * 4;
    }
    return type.kind() == TypeKind.TEXT || type.kind() == TypeKind.VARCHAR ? 1073741824 : null;
  }

  private static Integer precision(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> 16;
      case INTEGER -> 32;
      case BIGINT -> 64;
      case REAL -> 24;
      case DOUBLE -> 53;
      case NUMERIC -> type.length() >= 0 ? type.length() : null;
      default -> null;
    };
  }

  private static Integer radix(SqlType type) {
    return type.kind() == TypeKind.NUMERIC ? Integer.valueOf(10) : precision(type) != null ? Integer.valueOf(2) : null;
  }

  private static Integer scale(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT, INTEGER, BIGINT -> 0;
      case NUMERIC -> type.length() >= 0 ? Math.max(type.scale(), 0) : null;
      default -> null;
    };
  }

  private static Integer datetimePrecision(SqlType type) {
    return switch (type.kind()) {
      case DATE -> 0;
      case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> type.length() >= 0 ? type.length() : 6;
      default -> null;
    };
  }

  /**
   * A constraint of a table: PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, and (as PostgreSQL 15 lists them) each NOT
   * NULL column as a CHECK named {@code namespace_table_column_not_null}.
   */
  private record Constraint(Table table, String name, String type, List<String> columns, ForeignKey foreignKey,
      String checkClause) {}

  private static List<Constraint> constraints(Snapshot s) {
    List<Constraint> constraints = new ArrayList<>();
    List<Constraint> notNulls = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      if (t.view()) {
        continue;
      }
      for (Index index : t.indexes()) {
        if (index.constraint()) {
          constraints.add(new Constraint(t, index.name(), index.primary() ? "PRIMARY KEY" : "UNIQUE", index.columns(),
              null, null));
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        constraints.add(new Constraint(t, fk.name(), "FOREIGN KEY", fk.columns(), fk, null));
      }
      for (Check check : t.checks()) {
        constraints.add(new Constraint(t, check.name(), "CHECK", checkedColumns(t, check.expression()), null,
            "((" + check.expression() + "))"));
      }
      for (TableColumn c : t.columns()) {
        if (c.notNull()) {
          notNulls.add(new Constraint(t, Oids.PUBLIC_NAMESPACE + "_" + t.oid() + "_" + c.number() + "_not_null",
              "CHECK", List.of(), null, IndexDefinitions.quote(c.name()) + " IS NOT NULL"));
        }
      }
    }
    constraints.addAll(notNulls);
    return constraints;
  }

  private static final Pattern WORD = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|([A-Za-z_][A-Za-z0-9_$]*)");

  /** The columns a CHECK condition names (PostgreSQL records them as dependencies). */
  private static List<String> checkedColumns(Table table, String expression) {
    List<String> columns = new ArrayList<>();
    Matcher m = WORD.matcher(expression);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
          : m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : null;
      table.column(word == null ? "" : word).map(TableColumn::name).filter(c -> !columns.contains(c))
          .ifPresent(columns::add);
    }
    return columns;
  }

  private static List<Object[]> tableConstraints(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Constraint c : constraints(s)) {
      rows.add(new Object[] {s.database(), "public", c.name(), s.database(), "public", c.table().name(), c.type(), NO,
          NO, YES, c.type().equals("UNIQUE") ? YES : null});
    }
    return rows;
  }

  private static List<Object[]> keyColumnUsage(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Constraint c : constraints(s)) {
      if (c.type().equals("CHECK")) {
        continue;
      }
      List<String> referencedKey = c.foreignKey() == null ? List.of() : referencedKey(s, c.foreignKey())
          .map(Index::columns).orElse(List.of());
      List<String> referenced = c.foreignKey() == null ? List.of() : referencedColumns(s, c.foreignKey());
      for (int i = 0; i < c.columns().size(); i++) {
        Integer position = null;
        if (c.foreignKey() != null && i < referenced.size()) {
          String column = referenced.get(i);
          int p = referencedKey.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()
              .indexOf(column.toLowerCase(Locale.ROOT));
          position = p < 0 ? null : p + 1;
        }
        rows.add(new Object[] {s.database(), "public", c.name(), s.database(), "public", c.table().name(),
            c.columns().get(i), i + 1, position});
      }
    }
    return rows;
  }

  private static Optional<Index> referencedKey(Snapshot s, ForeignKey fk) {
    return s.catalog().table(fk.referencedTable()).flatMap(r -> PgCatalog.referencedKey(fk, r));
  }

  private static List<String> referencedColumns(Snapshot s, ForeignKey fk) {
    return s.catalog().table(fk.referencedTable()).map(r -> PgCatalog.referencedColumns(fk, r))
        .orElse(fk.referencedColumns());
  }

  private static List<Object[]> referentialConstraints(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        String unique = referencedKey(s, fk).filter(Index::constraint).map(Index::name).orElse(null);
        rows.add(new Object[] {s.database(), "public", fk.name(), unique == null ? null : s.database(),
            unique == null ? null : "public", unique, "NONE", rule(fk.onUpdate()), rule(fk.onDelete())});
      }
    }
    return rows;
  }

  private static String rule(String action) {
    return action == null ? "NO ACTION" : action.toUpperCase(Locale.ROOT);
  }

  /** The columns each constraint uses; a foreign key uses the columns it references. */
  private static List<Object[]> constraintColumnUsage(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Constraint c : constraints(s)) {
      ForeignKey fk = c.foreignKey();
      String table = fk == null ? c.table().name()
          : s.catalog().table(fk.referencedTable()).map(Table::name).orElse(fk.referencedTable());
      List<String> columns = fk == null ? c.columns() : referencedColumns(s, fk);
      for (String column : columns) {
        rows.add(new Object[] {s.database(), "public", table, column, s.database(), "public", c.name()});
      }
    }
    return rows;
  }

  private static List<Object[]> checkConstraints(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Constraint c : constraints(s)) {
      if (c.checkClause() != null) {
        rows.add(new Object[] {s.database(), "public", c.name(), c.checkClause()});
      }
    }
    return rows;
  }

  /** bop keeps a view's query only in SQLite's translation, so its definition is not shown. */
  private static List<Object[]> views(Snapshot s) {
    return s.catalog().tables().stream().filter(Table::view).map(t -> new Object[] {s.database(), "public", t.name(),
        null, "NONE", NO, NO, NO, NO, NO}).toList();
  }

  /** As in PostgreSQL, an identity column's sequence is internal and not listed. */
  private static List<Object[]> sequences(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Sequence q : s.catalog().sequences()) {
      if (!q.identity()) {
        rows.add(new Object[] {s.database(), "public", q.name(), dataType(q.type()), precision(q.type()), 2, 0,
            Long.toString(q.start()), Long.toString(q.minimum()), Long.toString(q.maximum()),
            Long.toString(q.increment()), q.cycle() ? "YES" : NO});
      }
    }
    return rows;
  }
}
