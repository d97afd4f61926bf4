package io.bop.engine.catalog;

import io.bop.engine.mysql.MySqlTypes;
import io.bop.engine.mysql.SystemVariables;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MySQL's {@code information_schema}, as MySQL 8 defines the relations clients read (SCHEMATA, TABLES, COLUMNS,
 * STATISTICS, KEY_COLUMN_USAGE, TABLE_CONSTRAINTS, REFERENTIAL_CONSTRAINTS, COLLATIONS, CHARACTER_SETS, ...),
 * filled from the current database's catalog. They are catalog relations like PostgreSQL's (see
 * {@link PgCatalog#define}), kept under the schema name {@value #SCHEMA} so that their temp tables never meet
 * PostgreSQL's information_schema. The SHOW statements read them too.
 */
public final class MySqlInformationSchema {
  private MySqlInformationSchema() {}

  /** The schema the relations' temp tables are kept under. */
  static final String SCHEMA = "mysql.information_schema";

  private static final String CATALOG = "def";
  private static final String ENGINE = "InnoDB";

  private static final Map<String, PgCatalog.Relation> RELATIONS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /**
   * The relation {@code information_schema.name} stands for (any case), or MySQL's {@code DUAL} for an unqualified
   * {@code dual} that names no table.
   */
  public static Optional<PgCatalog.Relation> find(String schema, String name, Catalog catalog) {
    if (schema == null) {
      return name.equalsIgnoreCase("dual") && catalog.table(name).isEmpty() ? Optional.of(RELATIONS.get("DUAL"))
          : Optional.empty();
    }
    return schema.equalsIgnoreCase("information_schema") ? Optional.ofNullable(RELATIONS.get(name)) : Optional.empty();
  }

  private static void relation(String name, PgCatalog.Refresh refresh, String columns,
      java.util.function.Function<PgCatalog.Snapshot, List<Object[]>> rows) {
    RELATIONS.put(name, PgCatalog.define(SCHEMA, name, refresh, columns, rows));
  }

  private static void empty(String name, String columns) {
    relation(name, PgCatalog.Refresh.STATIC, columns, s -> List.of());
  }

  // ================================================================================================ rows

  private static List<Object[]> schemata(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(schemaRow("information_schema"));
    for (String database : s.databases()) {
      rows.add(schemaRow(database));
    }
    return rows;
  }

  private static Object[] schemaRow(String name) {
    return new Object[] {CATALOG, name, "utf8mb4", SystemVariables.COLLATION, null, "NO"};
  }

  private static List<Object[]> tables(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      rows.add(new Object[] {CATALOG, s.database(), t.name(), t.view() ? "VIEW" : "BASE TABLE",
          t.view() ? null : ENGINE, t.view() ? null : 10, t.view() ? null : "Dynamic", t.view() ? null : 0,
          t.view() ? null : 0, t.view() ? null : 16384, t.view() ? null : 0, t.view() ? null : 0,
          t.view() ? null : 0, null, null, null, null, t.view() ? null : SystemVariables.COLLATION, null,
          t.view() ? null : "", t.view() ? "VIEW" : t.comment() == null ? "" : t.comment()});
    }
    return rows;
  }

  private static List<Object[]> columns(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (TableColumn c : t.columns()) {
        SqlType type = c.type();
        boolean character = MySqlTypes.isCharacter(type);
        Long length = MySqlTypes.maxLength(type);
        rows.add(new Object[] {CATALOG, s.database(), t.name(), c.name(), c.number(), shownDefault(c),
            c.notNull() ? "NO" : "YES", MySqlTypes.dataType(type), length,
            length == null ? null : character ? Math.min(length * MySqlTypes.MAX_BYTES_PER_CHAR, 4294967295L) : length,
            MySqlTypes.precision(type), MySqlTypes.scale(type), datetimePrecision(type),
            character ? "utf8mb4" : null, character ? SystemVariables.COLLATION : null, MySqlTypes.columnType(type),
            columnKey(t, c), extra(c), "select,insert,update,references", c.comment() == null ? "" : c.comment(), "",
            null});
      }
    }
    return rows;
  }

  private static Long datetimePrecision(SqlType type) {
    return switch (type.kind()) {
      case TIME, TIMESTAMP, TIMESTAMPTZ -> (long) MySqlTypes.fractionDigits(type);
      default -> null;
    };
  }

  /** A column's default as COLUMN_DEFAULT shows it: a literal's value, else the expression; null for none. */
  static String shownDefault(TableColumn c) {
    String text = c.defaultText();
    if (text == null || c.generated() || text.equalsIgnoreCase("NULL")) {
      return null;
    }
    String t = text.strip();
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    return t;
  }

  /** SHOW COLUMNS' Key: PRI, UNI or MUL, by the first index the column leads (or is in, for the primary key). */
  static String columnKey(Table t, TableColumn c) {
    String key = "";
    for (Index index : t.indexes()) {
      boolean first = index.columns().get(0).equalsIgnoreCase(c.name());
      if (index.primary() && index.columns().stream().anyMatch(x -> x.equalsIgnoreCase(c.name()))) {
        return "PRI";
      }
      if (first && index.unique() && (key.isEmpty() || key.equals("MUL"))) {
        key = "UNI";
      } else if (first && key.isEmpty()) {
        key = "MUL";
      }
    }
    return key;
  }

  static String extra(TableColumn c) {
    if (c.generated()) {
      return "auto_increment";
    }
    String text = c.defaultText();
    boolean expression = text != null && !text.strip().startsWith("'") && !text.strip().matches("-?[0-9.]+")
        && !text.equalsIgnoreCase("NULL");
    String onUpdate = c.onUpdate() == null ? "" : "on update CURRENT_TIMESTAMP";
    return ((expression ? "DEFAULT_GENERATED " : "") + onUpdate).strip();
  }

  /** The name MySQL gives an index: PRIMARY for the primary key. */
  static String indexName(Index index) {
    return index.primary() ? "PRIMARY" : index.name();
  }

  private static List<Object[]> statistics(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes()) {
        for (int i = 0; i < index.columns().size(); i++) {
          String column = index.columns().get(i);
          boolean nullable = t.column(column).map(c -> !c.notNull()).orElse(true);
          rows.add(new Object[] {CATALOG, s.database(), t.name(), index.unique() ? 0 : 1, s.database(),
              indexName(index), i + 1, column, index.descending().get(i) ? "D" : "A", 0, null, null,
              nullable ? "YES" : "", "BTREE", "", "", "YES", null});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> keyColumnUsage(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes()) {
        if (index.constraint()) {
          for (int i = 0; i < index.columns().size(); i++) {
            rows.add(new Object[] {CATALOG, s.database(), indexName(index), CATALOG, s.database(), t.name(),
                index.columns().get(i), i + 1, null, null, null, null});
          }
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        List<String> referenced = referencedColumns(s.catalog(), fk);
        for (int i = 0; i < fk.columns().size(); i++) {
          rows.add(new Object[] {CATALOG, s.database(), fk.name(), CATALOG, s.database(), t.name(), fk.columns().get(i),
              i + 1, i + 1, s.database(), fk.referencedTable(), i < referenced.size() ? referenced.get(i) : null});
        }
      }
    }
    return rows;
  }

  /** The columns a foreign key references: as declared, or the referenced table's primary key. */
  static List<String> referencedColumns(Catalog catalog, ForeignKey fk) {
    if (!fk.referencedColumns().isEmpty()) {
      return fk.referencedColumns();
    }
    return catalog.table(fk.referencedTable()).flatMap(Table::primaryKey).map(Index::columns).orElse(List.of());
  }

  private static List<Object[]> tableConstraints(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes()) {
        if (index.constraint()) {
          rows.add(new Object[] {CATALOG, s.database(), indexName(index), s.database(), t.name(),
              index.primary() ? "PRIMARY KEY" : "UNIQUE", "YES"});
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        rows.add(new Object[] {CATALOG, s.database(), fk.name(), s.database(), t.name(), "FOREIGN KEY", "YES"});
      }
      for (Check check : t.checks()) {
        rows.add(new Object[] {CATALOG, s.database(), check.name(), s.database(), t.name(), "CHECK", "YES"});
      }
    }
    return rows;
  }

  private static List<Object[]> referentialConstraints(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        rows.add(new Object[] {CATALOG, s.database(), fk.name(), CATALOG, s.database(), "PRIMARY", "NONE",
            rule(fk.onUpdate()), rule(fk.onDelete()), t.name(), fk.referencedTable()});
      }
    }
    return rows;
  }

  static String rule(String action) {
    return action == null ? "NO ACTION" : action.toUpperCase(Locale.ROOT);
  }

  private static List<Object[]> views(PgCatalog.Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      if (t.view()) {
        rows.add(new Object[] {CATALOG, s.database(), t.name(), "", "NONE", "NO", s.user() + "@%", "DEFINER",
            "utf8mb4", SystemVariables.COLLATION});
      }
    }
    return rows;
  }

  /** The collations bop accepts (all compare as Unicode code points, case-insensitively unless _bin). */
  static final List<Object[]> COLLATIONS = List.of(
      new Object[] {"utf8mb4_general_ci", "utf8mb4", 45, "Yes", "Yes", 1, "PAD SPACE"},
      new Object[] {"utf8mb4_bin", "utf8mb4", 46, "", "Yes", 1, "PAD SPACE"},
      new Object[] {"utf8mb4_unicode_ci", "utf8mb4", 224, "", "Yes", 8, "PAD SPACE"},
      new Object[] {"utf8mb4_0900_ai_ci", "utf8mb4", 255, "", "Yes", 0, "NO PAD"},
      new Object[] {"utf8mb3_general_ci", "utf8mb3", 33, "Yes", "Yes", 1, "PAD SPACE"},
      new Object[] {"utf8mb3_bin", "utf8mb3", 83, "", "Yes", 1, "PAD SPACE"},
      new Object[] {"ascii_general_ci", "ascii", 11, "Yes", "Yes", 1, "PAD SPACE"},
      new Object[] {"binary", "binary", 63, "Yes", "Yes", 1, "NO PAD"});

  static final List<Object[]> CHARACTER_SETS = List.of(
      new Object[] {"utf8mb4", "utf8mb4_general_ci", "UTF-8 Unicode", 4},
      new Object[] {"utf8mb3", "utf8mb3_general_ci", "UTF-8 Unicode", 3},
      new Object[] {"ascii", "ascii_general_ci", "US ASCII", 1},
      new Object[] {"binary", "binary", "Binary pseudo charset", 1});

  static {
    relation("SCHEMATA", PgCatalog.Refresh.DATABASES, "CATALOG_NAME varchar(64), SCHEMA_NAME varchar(64),"
        + " DEFAULT_CHARACTER_SET_NAME varchar(64), DEFAULT_COLLATION_NAME varchar(64), SQL_PATH varchar(512),"
        + " DEFAULT_ENCRYPTION varchar(3)", MySqlInformationSchema::schemata);
    relation("TABLES", PgCatalog.Refresh.SCHEMA, "TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64),"
        + " TABLE_NAME varchar(64), TABLE_TYPE varchar(11), ENGINE varchar(64), VERSION int,"
        + " ROW_FORMAT varchar(10), TABLE_ROWS bigint unsigned, AVG_ROW_LENGTH bigint unsigned,"
        + " DATA_LENGTH bigint unsigned, MAX_DATA_LENGTH bigint unsigned, INDEX_LENGTH bigint unsigned,"
        + " DATA_FREE bigint unsigned, AUTO_INCREMENT bigint unsigned, CREATE_TIME datetime, UPDATE_TIME datetime,"
        + " CHECK_TIME datetime, TABLE_COLLATION varchar(64), CHECKSUM bigint, CREATE_OPTIONS varchar(256),"
        + " TABLE_COMMENT text", MySqlInformationSchema::tables);
    relation("COLUMNS", PgCatalog.Refresh.SCHEMA, "TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64),"
        + " TABLE_NAME varchar(64), COLUMN_NAME varchar(64), ORDINAL_POSITION int unsigned, COLUMN_DEFAULT text,"
        + " IS_NULLABLE varchar(3), DATA_TYPE longtext, CHARACTER_MAXIMUM_LENGTH bigint,"
        + " CHARACTER_OCTET_LENGTH bigint, NUMERIC_PRECISION bigint unsigned, NUMERIC_SCALE bigint unsigned,"
        + " DATETIME_PRECISION int unsigned, CHARACTER_SET_NAME varchar(64), COLLATION_NAME varchar(64),"
        + " COLUMN_TYPE mediumtext, COLUMN_KEY varchar(3), EXTRA varchar(256), PRIVILEGES varchar(154),"
        + " COLUMN_COMMENT text, GENERATION_EXPRESSION longtext, SRS_ID int unsigned",
        MySqlInformationSchema::columns);
    relation("STATISTICS", PgCatalog.Refresh.SCHEMA, "TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64),"
        + " TABLE_NAME varchar(64), NON_UNIQUE int, INDEX_SCHEMA varchar(64), INDEX_NAME varchar(64),"
        + " SEQ_IN_INDEX int unsigned, COLUMN_NAME varchar(64), COLLATION varchar(1), CARDINALITY bigint,"
        + " SUB_PART bigint, PACKED varchar(10), NULLABLE varchar(3), INDEX_TYPE varchar(11), COMMENT varchar(8),"
        + " INDEX_COMMENT varchar(2048), IS_VISIBLE varchar(3), EXPRESSION longtext",
        MySqlInformationSchema::statistics);
    relation("KEY_COLUMN_USAGE", PgCatalog.Refresh.SCHEMA, "CONSTRAINT_CATALOG varchar(64),"
        + " CONSTRAINT_SCHEMA varchar(64), CONSTRAINT_NAME varchar(64), TABLE_CATALOG varchar(64),"
        + " TABLE_SCHEMA varchar(64), TABLE_NAME varchar(64), COLUMN_NAME varchar(64),"
        + " ORDINAL_POSITION int unsigned, POSITION_IN_UNIQUE_CONSTRAINT int unsigned,"
        + " REFERENCED_TABLE_SCHEMA varchar(64), REFERENCED_TABLE_NAME varchar(64),"
        + " REFERENCED_COLUMN_NAME varchar(64)", MySqlInformationSchema::keyColumnUsage);
    relation("TABLE_CONSTRAINTS", PgCatalog.Refresh.SCHEMA, "CONSTRAINT_CATALOG varchar(64),"
        + " CONSTRAINT_SCHEMA varchar(64), CONSTRAINT_NAME varchar(64), TABLE_SCHEMA varchar(64),"
        + " TABLE_NAME varchar(64), CONSTRAINT_TYPE varchar(11), ENFORCED varchar(3)",
        MySqlInformationSchema::tableConstraints);
    relation("REFERENTIAL_CONSTRAINTS", PgCatalog.Refresh.SCHEMA, "CONSTRAINT_CATALOG varchar(64),"
        + " CONSTRAINT_SCHEMA varchar(64), CONSTRAINT_NAME varchar(64), UNIQUE_CONSTRAINT_CATALOG varchar(64),"
        + " UNIQUE_CONSTRAINT_SCHEMA varchar(64), UNIQUE_CONSTRAINT_NAME varchar(64), MATCH_OPTION varchar(7),"
        + " UPDATE_RULE varchar(11), DELETE_RULE varchar(11), TABLE_NAME varchar(64),"
        + " REFERENCED_TABLE_NAME varchar(64)", MySqlInformationSchema::referentialConstraints);
    relation("VIEWS", PgCatalog.Refresh.SCHEMA, "TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64),"
        + " TABLE_NAME varchar(64), VIEW_DEFINITION longtext, CHECK_OPTION varchar(8), IS_UPDATABLE varchar(3),"
        + " DEFINER varchar(288), SECURITY_TYPE varchar(7), CHARACTER_SET_CLIENT varchar(64),"
        + " COLLATION_CONNECTION varchar(64)", MySqlInformationSchema::views);
    relation("COLLATIONS", PgCatalog.Refresh.STATIC, "COLLATION_NAME varchar(64), CHARACTER_SET_NAME varchar(64),"
        + " ID bigint unsigned, IS_DEFAULT varchar(3), IS_COMPILED varchar(3), SORTLEN int unsigned,"
        + " PAD_ATTRIBUTE varchar(9)", s -> COLLATIONS);
    relation("CHARACTER_SETS", PgCatalog.Refresh.STATIC, "CHARACTER_SET_NAME varchar(64),"
        + " DEFAULT_COLLATE_NAME varchar(64), DESCRIPTION varchar(2048), MAXLEN int unsigned",
        s -> CHARACTER_SETS);
    relation("ENGINES", PgCatalog.Refresh.STATIC, "ENGINE varchar(64), SUPPORT varchar(8), COMMENT varchar(80),"
        + " TRANSACTIONS varchar(3), XA varchar(3), SAVEPOINTS varchar(3)",
        s -> List.<Object[]>of(new Object[] {ENGINE, "DEFAULT",
            "Supports transactions, row-level locking, and foreign keys", "YES", "NO", "YES"}));
    empty("ROUTINES", "SPECIFIC_NAME varchar(64), ROUTINE_CATALOG varchar(64), ROUTINE_SCHEMA varchar(64),"
        + " ROUTINE_NAME varchar(64), ROUTINE_TYPE varchar(9), DATA_TYPE longtext,"
        + " CHARACTER_MAXIMUM_LENGTH bigint, CHARACTER_OCTET_LENGTH bigint, NUMERIC_PRECISION int unsigned,"
        + " NUMERIC_SCALE int unsigned, DATETIME_PRECISION int unsigned, CHARACTER_SET_NAME varchar(64),"
        + " COLLATION_NAME varchar(64), DTD_IDENTIFIER longtext, ROUTINE_BODY varchar(8),"
        + " ROUTINE_DEFINITION longtext, EXTERNAL_NAME varchar(64), EXTERNAL_LANGUAGE varchar(64),"
        + " PARAMETER_STYLE varchar(3), IS_DETERMINISTIC varchar(3), SQL_DATA_ACCESS varchar(17),"
        + " SQL_PATH varchar(64), SECURITY_TYPE varchar(7), CREATED timestamp, LAST_ALTERED timestamp,"
        + " SQL_MODE varchar(8192), ROUTINE_COMMENT text, DEFINER varchar(288), CHARACTER_SET_CLIENT varchar(64),"
        + " COLLATION_CONNECTION varchar(64), DATABASE_COLLATION varchar(64)");
    empty("PARAMETERS", "SPECIFIC_CATALOG varchar(64), SPECIFIC_SCHEMA varchar(64), SPECIFIC_NAME varchar(64),"
        + " ORDINAL_POSITION bigint unsigned, PARAMETER_MODE varchar(5), PARAMETER_NAME varchar(64),"
        + " DATA_TYPE longtext, CHARACTER_MAXIMUM_LENGTH bigint, CHARACTER_OCTET_LENGTH bigint,"
        + " NUMERIC_PRECISION int unsigned, NUMERIC_SCALE bigint, DATETIME_PRECISION int unsigned,"
        + " CHARACTER_SET_NAME varchar(64), COLLATION_NAME varchar(64), DTD_IDENTIFIER mediumtext,"
        + " ROUTINE_TYPE varchar(9)");
    empty("TRIGGERS", "TRIGGER_CATALOG varchar(64), TRIGGER_SCHEMA varchar(64), TRIGGER_NAME varchar(64),"
        + " EVENT_MANIPULATION varchar(6), EVENT_OBJECT_CATALOG varchar(64), EVENT_OBJECT_SCHEMA varchar(64),"
        + " EVENT_OBJECT_TABLE varchar(64), ACTION_ORDER int unsigned, ACTION_CONDITION longtext,"
        + " ACTION_STATEMENT longtext, ACTION_ORIENTATION varchar(3), ACTION_TIMING varchar(6),"
        + " ACTION_REFERENCE_OLD_TABLE longtext, ACTION_REFERENCE_NEW_TABLE longtext,"
        + " ACTION_REFERENCE_OLD_ROW varchar(3), ACTION_REFERENCE_NEW_ROW varchar(3), CREATED timestamp,"
        + " SQL_MODE varchar(8192), DEFINER varchar(288), CHARACTER_SET_CLIENT varchar(64),"
        + " COLLATION_CONNECTION varchar(64), DATABASE_COLLATION varchar(64)");
    empty("EVENTS", "EVENT_CATALOG varchar(64), EVENT_SCHEMA varchar(64), EVENT_NAME varchar(64),"
        + " DEFINER varchar(288), TIME_ZONE varchar(64), EVENT_BODY varchar(3), EVENT_DEFINITION longtext,"
        + " EVENT_TYPE varchar(9), EXECUTE_AT datetime, INTERVAL_VALUE varchar(256), INTERVAL_FIELD varchar(18),"
        + " SQL_MODE varchar(8192), STARTS datetime, ENDS datetime, STATUS varchar(18), ON_COMPLETION varchar(12),"
        + " CREATED timestamp, LAST_ALTERED timestamp, LAST_EXECUTED datetime, EVENT_COMMENT varchar(2048),"
        + " ORIGINATOR int unsigned, CHARACTER_SET_CLIENT varchar(64), COLLATION_CONNECTION varchar(64),"
        + " DATABASE_COLLATION varchar(64)");
    empty("PARTITIONS", "TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64), TABLE_NAME varchar(64),"
        + " PARTITION_NAME varchar(64), SUBPARTITION_NAME varchar(64), PARTITION_ORDINAL_POSITION int unsigned,"
        + " SUBPARTITION_ORDINAL_POSITION int unsigned, PARTITION_METHOD varchar(13),"
        + " SUBPARTITION_METHOD varchar(13), PARTITION_EXPRESSION varchar(2048),"
        + " SUBPARTITION_EXPRESSION varchar(2048), PARTITION_DESCRIPTION text, TABLE_ROWS bigint unsigned,"
        + " AVG_ROW_LENGTH bigint unsigned, DATA_LENGTH bigint unsigned, MAX_DATA_LENGTH bigint unsigned,"
        + " INDEX_LENGTH bigint unsigned, DATA_FREE bigint unsigned, CREATE_TIME timestamp, UPDATE_TIME datetime,"
        + " CHECK_TIME datetime, CHECKSUM bigint, PARTITION_COMMENT text, NODEGROUP varchar(256),"
        + " TABLESPACE_NAME varchar(268)");
    empty("FILES", "FILE_ID bigint, FILE_NAME text, FILE_TYPE varchar(256), TABLESPACE_NAME varchar(268),"
        + " TABLE_CATALOG varchar(64), TABLE_SCHEMA varchar(64), TABLE_NAME varchar(64),"
        + " LOGFILE_GROUP_NAME varchar(256), LOGFILE_GROUP_NUMBER bigint, ENGINE varchar(64),"
        + " FULLTEXT_KEYS varchar(64), DELETED_ROWS bigint, UPDATE_COUNT bigint, FREE_EXTENTS bigint,"
        + " TOTAL_EXTENTS bigint, EXTENT_SIZE bigint, INITIAL_SIZE bigint, MAXIMUM_SIZE bigint,"
        + " AUTOEXTEND_SIZE bigint, CREATION_TIME bigint, LAST_UPDATE_TIME bigint, LAST_ACCESS_TIME bigint,"
        + " RECOVER_TIME bigint, TRANSACTION_COUNTER bigint, VERSION bigint, ROW_FORMAT varchar(256),"
        + " TABLE_ROWS bigint, AVG_ROW_LENGTH bigint, DATA_LENGTH bigint, MAX_DATA_LENGTH bigint,"
        + " INDEX_LENGTH bigint, DATA_FREE bigint, CREATE_TIME bigint, UPDATE_TIME bigint, CHECK_TIME bigint,"
        + " CHECKSUM bigint, STATUS varchar(256), EXTRA varchar(256)");
    relation("DUAL", PgCatalog.Refresh.STATIC, "DUMMY varchar(1)", s -> List.<Object[]>of(new Object[] {"X"}));
  }
}
