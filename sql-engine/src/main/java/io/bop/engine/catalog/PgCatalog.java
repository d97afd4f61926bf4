package io.bop.engine.catalog;

import io.bop.engine.session.PgSettings;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * PostgreSQL's {@code pg_catalog} and {@code information_schema} relations. Each is a TEMP table on the
 * connection a query runs on, filled from the database's {@link Catalog} snapshot and refilled only when what it
 * shows has changed (the schema generation, the list of databases, or, for session settings, always). Queries
 * read them with SQLite's own joins and filters, so client catalog queries run unchanged.
 */
public final class PgCatalog {
  private PgCatalog() {}

  /** What the catalog relations show. */
  public record Snapshot(Catalog catalog, String database, List<String> databases, String user, PgSettings settings) {}

  /** A column of a catalog relation. */
  public record ColumnDef(String name, SqlType type) {}

  /** When a relation's rows change: never, with the schema, with the list of databases, or at every query. */
  public enum Refresh { STATIC, SCHEMA, DATABASES, SESSION }

  /** A catalog relation: its name, columns, and rows. */
  public record Relation(String schema, String name, List<ColumnDef> columns, Refresh refresh,
      Function<Snapshot, List<Object[]>> rows) {
    /** The TEMP table's name, e.g. {@code pg_catalog.pg_class}. */
    public String qualifiedName() {
      return schema + "." + name;
    }

    /**
     * The OID of the system catalog this relation is, which its hidden {@code tableoid} column holds (as in
     * PostgreSQL, where clients join pg_description on it); 0 for views and information_schema.
     */
    public int tableOid() {
      return schema.equals("pg_catalog") ? CATALOG_OIDS.getOrDefault(name, 0) : 0;
    }
  }

  private static final Map<String, Relation> RELATIONS = new LinkedHashMap<>();
  /** The relation {@code pg_get_keywords()} reads in FROM; its parentheses keep a plain table name from finding it. */
  public static final String KEYWORDS = "pg_get_keywords()";
  private static final AtomicLong SESSION_VERSIONS = new AtomicLong();

  static void relation(String schema, String name, Refresh refresh, String columns,
      Function<Snapshot, List<Object[]>> rows) {
    define(schema, name, refresh, columns, rows);
  }

  /**
   * Defines a catalog relation, PostgreSQL's or another dialect's (MySQL's information_schema, under a schema
   * name of its own so that its temp table is apart from PostgreSQL's), which queries then read and refresh alike.
   *
   * @param columns {@code name type, ...}
   */
  public static Relation define(String schema, String name, Refresh refresh, String columns,
      Function<Snapshot, List<Object[]>> rows) {
    List<ColumnDef> defs = new ArrayList<>();
    for (String column : columns.split(",")) {
      String[] parts = column.strip().split("\\s+", 2);
      SqlType type = SqlType.parse(parts[1]);
      defs.add(new ColumnDef(parts[0], type == null ? SqlType.TEXT : type));
    }
    Relation relation = new Relation(schema, name, defs, refresh, rows);
    RELATIONS.put(relation.qualifiedName().toLowerCase(Locale.ROOT), relation);
    return relation;
  }

  private static void empty(String name, String columns) {
    relation("pg_catalog", name, Refresh.STATIC, columns, s -> List.of());
  }

  /**
   * The catalog relation a table name refers to. An unqualified name means the catalog relation unless the
   * database has a table of that name (PostgreSQL searches pg_catalog first; bop lets user tables win, since
   * their names are what the user meant).
   */
  public static Optional<Relation> find(String schema, String name, Catalog catalog) {
    String s = schema == null ? null : schema.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    if (s == null) {
      if (catalog.table(name).isPresent()) {
        return Optional.empty();
      }
      return Optional.ofNullable(RELATIONS.get("pg_catalog." + n));
    }
    return Optional.ofNullable(RELATIONS.get(s + "." + n));
  }

  /** PostgreSQL's fixed OIDs of its catalog tables, which clients compare classid columns against. */
  private static final Map<String, Integer> CATALOG_OIDS = Map.ofEntries(Map.entry("pg_class", 1259),
      Map.entry("pg_type", 1247), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", 1255),
      Map.entry("pg_namespace", 2615), Map.entry("pg_constraint", 2606), Map.entry("pg_index", 2610),
      Map.entry("pg_database", 1262), Map.entry("pg_authid", 1260), Map.entry("pg_am", 2601),
      Map.entry("pg_attrdef", 2604), Map.entry("pg_description", 2609), Map.entry("pg_depend", 2608),
      Map.entry("pg_trigger", 2620), Map.entry("pg_rewrite", 2618), Map.entry("pg_sequence", 2224),
      Map.entry("pg_collation", 3456), Map.entry("pg_inherits", 2611), Map.entry("pg_tablespace", 1213),
      Map.entry("pg_extension", 3079), Map.entry("pg_policy", 3256), Map.entry("pg_statistic_ext", 3381),
      Map.entry("pg_language", 2612), Map.entry("pg_opclass", 2616), Map.entry("pg_opfamily", 2753),
      Map.entry("pg_operator", 2617), Map.entry("pg_cast", 2605), Map.entry("pg_conversion", 2607),
      Map.entry("pg_aggregate", 2600), Map.entry("pg_enum", 3501), Map.entry("pg_range", 3541),
      Map.entry("pg_event_trigger", 3466), Map.entry("pg_foreign_server", 1417),
      Map.entry("pg_foreign_data_wrapper", 2328), Map.entry("pg_foreign_table", 3118),
      Map.entry("pg_largeobject_metadata", 2995), Map.entry("pg_db_role_setting", 2964),
      Map.entry("pg_shdescription", 2396), Map.entry("pg_auth_members", 1261), Map.entry("pg_publication", 6104),
      Map.entry("pg_publication_rel", 6106), Map.entry("pg_publication_namespace", 6237),
      Map.entry("pg_partitioned_table", 3350), Map.entry("pg_ts_config", 3602), Map.entry("pg_ts_dict", 3600),
      Map.entry("pg_ts_parser", 3601), Map.entry("pg_ts_template", 3764), Map.entry("pg_default_acl", 826),
      Map.entry("pg_init_privs", 3394));

  /** The OID of a relation by name: a table, view or index of the database, or a catalog table; 0 if none. */
  public static long relationOid(String name, Catalog catalog) {
    Integer fixed = CATALOG_OIDS.get(name.toLowerCase(Locale.ROOT));
    if (fixed != null) {
      return fixed;
    }
    for (Table t : catalog.tables()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t.oid();
      }
      for (Index index : t.indexes()) {
        if (index.name().equalsIgnoreCase(name)) {
          return Oids.relation(index.name());
        }
      }
    }
    return catalog.sequences().stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst().map(Sequence::oid)
        .orElse(0);
  }

  /** The name a relation OID stands for, as regclass prints it; the number itself if unknown. */
  public static String relationName(long oid, Catalog catalog) {
    for (Map.Entry<String, Integer> e : CATALOG_OIDS.entrySet()) {
      if (e.getValue() == oid) {
        return e.getKey(); // pg_catalog is always on the search path, so regclass prints its tables unqualified
      }
    }
    return databaseRelation(oid, catalog).map(IndexDefinitions::quote).orElse(Long.toString(oid));
  }

  /** The table, index or sequence of the database a relation OID stands for, by its name there. */
  public static Optional<String> databaseRelation(long oid, Catalog catalog) {
    if (catalog == null) {
      return Optional.empty();
    }
    for (Table t : catalog.tables()) {
      if (t.oid() == oid) {
        return Optional.of(t.name());
      }
      for (Index index : t.indexes()) {
        if (Oids.relation(index.name()) == oid) {
          return Optional.of(index.name());
        }
      }
    }
    return catalog.sequences().stream().filter(q -> q.oid() == oid).findFirst().map(Sequence::name);
  }

  // ================================================================================================ refresh

  /** Brings the named relations up to date on a connection before a query reads them. */
  public static void refresh(Connection connection, List<String> names, Snapshot snapshot) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS \"bop.catalog_state\" (relation TEXT PRIMARY KEY, version TEXT)");
    }
    Map<String, String> versions = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT relation, version FROM temp.\"bop.catalog_state\"")) {
      while (r.next()) {
        versions.put(r.getString(1), r.getString(2));
      }
    }
    for (String qualified : names) {
      Relation relation = RELATIONS.get(qualified.toLowerCase(Locale.ROOT));
      String version = version(relation, snapshot);
      String current = versions.get(relation.qualifiedName());
      if (version.equals(current)) {
        continue;
      }
      if (current == null) {
        create(connection, relation);
      }
      fill(connection, relation, relation.rows().apply(snapshot));
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT OR REPLACE INTO temp.\"bop.catalog_state\" (relation, version) VALUES (?, ?)")) {
        p.setString(1, relation.qualifiedName());
        p.setString(2, version);
        p.executeUpdate();
      }
    }
  }

  private static String version(Relation relation, Snapshot snapshot) {
    return switch (relation.refresh()) {
      case STATIC -> "static";
      case SCHEMA -> snapshot.catalog().generation() < 0 ? "tx" + SESSION_VERSIONS.incrementAndGet()
          : snapshot.database() + "#" + snapshot.catalog().generation();
      case DATABASES -> String.join(",", snapshot.databases());
      case SESSION -> "s" + SESSION_VERSIONS.incrementAndGet();
    };
  }

  private static void create(Connection connection, Relation relation) throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE IF NOT EXISTS ").append(quote(relation.qualifiedName()))
        .append(" (");
    for (int i = 0; i < relation.columns().size(); i++) {
      ColumnDef c = relation.columns().get(i);
      ddl.append(i > 0 ? ", " : "").append(quote(c.name())).append(' ').append(c.type().declaration());
    }
    if (relation.tableOid() != 0) {
      ddl.append(", tableoid oid DEFAULT ").append(relation.tableOid());
    }
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(ddl.append(')').toString());
    }
  }

  private static void fill(Connection connection, Relation relation, List<Object[]> rows) throws SQLException {
    String table = "temp." + quote(relation.qualifiedName());
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("DELETE FROM " + table);
    }
    if (rows.isEmpty()) {
      return;
    }
    String placeholders = String.join(", ", java.util.Collections.nCopies(relation.columns().size(), "?"));
    String columns = String.join(", ", relation.columns().stream().map(c -> quote(c.name())).toList());
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
        + placeholders + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          p.setObject(i + 1, v instanceof Boolean b ? (b ? 1L : 0L) : v instanceof Integer n ? n.longValue() : v);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  // ================================================================================================ rows

  private static final String OWNER = "bop";

  private static int namespace() {
    return Oids.PUBLIC_NAMESPACE;
  }

  static int typeOid(SqlType type) {
    return type.kind() == TypeKind.UNKNOWN ? 25 : type.pgOid();
  }

  /** The composite type PostgreSQL gives every table and view, named after it: pg_class.reltype. */
  static int rowType(Table table) {
    return Oids.of("pg_type", table.name());
  }

  private static int rowArrayType(Table table) {
    return Oids.of("pg_type", "_" + table.name());
  }

  private static List<Object[]> namespaces(Snapshot s) {
    return List.of(
        new Object[] {Oids.PG_CATALOG_NAMESPACE, "pg_catalog", Oids.BOOTSTRAP_SUPERUSER, null},
        new Object[] {Oids.PUBLIC_NAMESPACE, "public", Oids.BOOTSTRAP_SUPERUSER, null},
        new Object[] {Oids.INFORMATION_SCHEMA_NAMESPACE, "information_schema", Oids.BOOTSTRAP_SUPERUSER, null},
        new Object[] {99, "pg_toast", Oids.BOOTSTRAP_SUPERUSER, null});
  }

  private static boolean referenced(Snapshot s, Table table) {
    for (Table t : s.catalog().tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.referencedTable().equalsIgnoreCase(table.name())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Object[]> classes(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      boolean hasTriggers = !t.foreignKeys().isEmpty() || referenced(s, t);
      rows.add(classRow(t.oid(), t.name(), rowType(t), t.view() ? "v" : "r", t.view() ? 0 : Oids.HEAP_AM,
          t.columns().size(), !t.indexes().isEmpty(), t.checks().size(), hasTriggers));
      for (Index index : t.indexes()) {
        rows.add(classRow(Oids.relation(index.name()), index.name(), 0, "i", Oids.BTREE_AM, index.columns().size(),
            false, 0, false));
      }
    }
    for (Sequence q : s.catalog().sequences()) {
      rows.add(classRow(q.oid(), q.name(), 0, "S", 0, SEQUENCE_COLUMNS.size(), false, 0, false));
    }
    return rows;
  }

  private static Object[] classRow(int oid, String name, int rowType, String kind, int am, int attributes,
      boolean hasIndex, int checks, boolean hasTriggers) {
    return new Object[] {oid, name, namespace(), rowType, 0, Oids.BOOTSTRAP_SUPERUSER, am, oid, 0, 0, -1.0, 0, 0,
        hasIndex, false, "p", kind, attributes, checks, false, hasTriggers, false, false, false, true, "d", false, 0, 0,
        0, null, null, null};
  }

  /** The columns of a sequence relation, as PostgreSQL has them. */
  private static final List<ColumnDef> SEQUENCE_COLUMNS = List.of(new ColumnDef("last_value", SqlType.BIGINT),
      new ColumnDef("log_cnt", SqlType.BIGINT), new ColumnDef("is_called", SqlType.BOOLEAN));

  private static List<Object[]> attributes(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (TableColumn c : t.columns()) {
        String identity = c.identity().equals(TableColumn.ALWAYS) ? "a"
            : c.identity().equals(TableColumn.BY_DEFAULT) ? "d" : "";
        rows.add(attributeRow(t.oid(), c.name(), c.type(), c.number(), c.notNull(), c.defaultText() != null, identity));
      }
      for (Index index : t.indexes()) {
        int n = 1;
        for (String column : index.columns()) {
          SqlType type = t.column(column).map(TableColumn::type).orElse(SqlType.TEXT);
          rows.add(attributeRow(Oids.relation(index.name()), column, type, n++, false, false, ""));
        }
      }
    }
    for (Sequence q : s.catalog().sequences()) {
      int n = 1;
      for (ColumnDef c : SEQUENCE_COLUMNS) {
        rows.add(attributeRow(q.oid(), c.name(), c.type(), n++, true, false, ""));
      }
    }
    return rows;
  }

  private static Object[] attributeRow(int relation, String name, SqlType type, int number, boolean notNull,
      boolean hasDefault, String identity) {
    PgTypes.PgType pgType = PgTypes.byOid(typeOid(type));
    String storage = pgType == null ? "x" : storage(pgType);
    return new Object[] {relation, name, typeOid(type), -1, type.kind().pgLength(), number, 0, -1, type.pgTypmod(),
        type.kind().pgLength() > 0 && type.kind().pgLength() <= 8, "i", storage, "", notNull, hasDefault,
        false, identity, "", false, true, 0, type.kind().isText() ? 100 : 0, null, null, null, null};
  }

  /** typstorage: numeric is compressed in line ('m'), other variable-length types may move out of line ('x'). */
  private static String storage(PgTypes.PgType type) {
    return type.name().equals("numeric") ? "m" : type.length() == -1 && !type.name().endsWith("vector") ? "x" : "p";
  }

  private static List<Object[]> attrdefs(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (TableColumn c : t.columns()) {
        if (c.defaultText() != null) {
          rows.add(new Object[] {Oids.of("pg_attrdef", t.name() + "." + c.name()), t.oid(), c.number(), c.defaultText()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> indexes(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes()) {
        List<String> keys = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
          String column = index.columns().get(i);
          keys.add(Integer.toString(t.column(column).map(TableColumn::number).orElse(0)));
          options.add(index.descending().get(i) ? "3" : "0");
        }
        rows.add(new Object[] {Oids.relation(index.name()), t.oid(), keys.size(), keys.size(), index.unique(), false,
            index.primary(), false, true, false, true, false, true, true, false, "[" + String.join(",", keys) + "]",
            "[" + String.join(",", java.util.Collections.nCopies(keys.size(), "0")) + "]",
            "[" + String.join(",", java.util.Collections.nCopies(keys.size(), "1978")) + "]",
            "[" + String.join(",", options) + "]", null, index.where()});
      }
    }
    return rows;
  }

  private static List<Object[]> constraints(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes()) {
        if (index.constraint()) {
          rows.add(constraintRow(t, index.name(), index.primary() ? "p" : "u", Oids.relation(index.name()), 0,
              numbers(t, index.columns()), null, null, null));
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        Optional<Table> referenced = s.catalog().table(fk.referencedTable());
        int refOid = referenced.map(Table::oid).orElse(0);
        String refKeys = referenced.map(r -> numbers(r, referencedColumns(fk, r))).orElse("[]");
        int index = referenced.flatMap(r -> referencedKey(fk, r)).map(i -> Oids.relation(i.name())).orElse(0);
        rows.add(constraintRow(t, fk.name(), "f", index, refOid, numbers(t, fk.columns()), refKeys,
            action(fk.onUpdate()), action(fk.onDelete())));
      }
      for (Check check : t.checks()) {
        rows.add(constraintRow(t, check.name(), "c", 0, 0, "[]", null, null, null));
      }
    }
    return rows;
  }

  private static Object[] constraintRow(Table t, String name, String type, int index, int referenced, String keys,
      String referencedKeys, String onUpdate, String onDelete) {
    return new Object[] {Oids.of("pg_constraint", t.name() + "." + name), name, namespace(), type, false, false, true,
        t.oid(), 0, index, 0, referenced, onUpdate == null ? " " : onUpdate, onDelete == null ? " " : onDelete,
        type.equals("f") ? "s" : " ", true, 0, true, keys, referencedKeys, null, null, null, null, null, null};
  }

  /** The columns a foreign key references: as written, or else the referenced table's primary key. */
  static List<String> referencedColumns(ForeignKey fk, Table referenced) {
    return fk.referencedColumns().isEmpty() ? referenced.primaryKey().map(Index::columns).orElse(List.of())
        : fk.referencedColumns();
  }

  /** The primary key or unique constraint of the referenced table that a foreign key points at. */
  static Optional<Index> referencedKey(ForeignKey fk, Table referenced) {
    List<String> columns = referencedColumns(fk, referenced);
    return referenced.indexes().stream().filter(i -> i.unique() && i.where() == null && i.columns().size()
        == columns.size() && i.columns().stream().allMatch(c -> columns.stream().anyMatch(c::equalsIgnoreCase)))
        .min(java.util.Comparator.comparing(i -> !i.primary()));
  }

  private static String numbers(Table t, List<String> columns) {
    List<String> n = new ArrayList<>();
    for (String c : columns) {
      n.add(Integer.toString(t.column(c).map(TableColumn::number).orElse(0)));
    }
    return "[" + String.join(",", n) + "]";
  }

  /** pg_constraint's one-letter referential actions. */
  private static String action(String sql) {
    return switch (sql == null ? "NO ACTION" : sql.toUpperCase(Locale.ROOT)) {
      case "CASCADE" -> "c";
      case "SET NULL" -> "n";
      case "SET DEFAULT" -> "d";
      case "RESTRICT" -> "r";
      default -> "a";
    };
  }

  /**
   * pg_depend's automatic and internal dependencies: a serial or identity sequence on its column, an index on the
   * columns it covers.
   */
  private static List<Object[]> dependencies(Snapshot s) {
    int pgClass = CATALOG_OIDS.get("pg_class");
    List<Object[]> rows = new ArrayList<>();
    for (Sequence q : s.catalog().sequences()) {
      if (q.ownerTable() != null) {
        s.catalog().table(q.ownerTable()).ifPresent(t -> t.column(q.ownerColumn()).ifPresent(c -> rows.add(
            new Object[] {pgClass, q.oid(), 0, pgClass, t.oid(), c.number(), q.identity() ? "i" : "a"})));
      }
    }
    for (Table t : s.catalog().tables()) {
      for (Index index : t.indexes().stream().filter(i -> !i.constraint()).toList()) {
        for (String column : index.columns()) {
          t.column(column).ifPresent(c -> rows.add(new Object[] {pgClass, Oids.relation(index.name()), 0, pgClass,
              t.oid(), c.number(), "a"}));
        }
      }
    }
    return rows;
  }

  private static List<Object[]> databases(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (String name : s.databases()) {
      rows.add(new Object[] {Oids.of("pg_database", name), name, Oids.BOOTSTRAP_SUPERUSER, 6, "c", false, true, -1, 0, 0,
          1663, "C", "C", null, null, null, null});
    }
    return rows;
  }

  private static List<Object[]> types(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    for (PgTypes.PgType t : PgTypes.all()) {
      rows.add(typeRow(t.oid(), t.name(), Oids.PG_CATALOG_NAMESPACE, t.length(), t.byValue(),
          t.category() == 'P' ? "p" : "b", t.category(), 0, t.element(), t.array(), io(t), storage(t),
          t.category() == 'S' ? 100 : 0));
    }
    for (Table t : s.catalog().tables()) {
      rows.add(typeRow(rowType(t), t.name(), namespace(), -1, false, "c", 'C', t.oid(), 0, rowArrayType(t), "record",
          "x", 0));
      rows.add(typeRow(rowArrayType(t), "_" + t.name(), namespace(), -1, false, "b", 'A', 0, rowType(t), 0, "array",
          "x", 0));
    }
    return rows;
  }

  private static Object[] typeRow(int oid, String name, int namespace, int length, boolean byValue, String type,
      char category, int relation, int element, int array, String io, String storage, int collation) {
    return new Object[] {oid, name, namespace, Oids.BOOTSTRAP_SUPERUSER, length, byValue, type,
        String.valueOf(category), false, true, ",", relation, 0, element, array, procedure(io + "_in"),
        procedure(io + "_out"), procedure(io + "_recv"), procedure(io + "_send"), 0, 0, 0, "i", storage, false, 0, -1,
        0, collation, null, null, null};
  }

  /** The prefix of a type's input, output, receive and send functions. */
  private static String io(PgTypes.PgType type) {
    return type.category() == 'A' && type.name().startsWith("_") ? "array" : type.name();
  }

  /**
   * The built-in functions regproc values name: the types' I/O functions and the access methods' handlers.
   * pg_proc does not list them, so their OIDs only need to be stable and to turn back into names.
   */
  private static final Map<Integer, String> PROCEDURES = new HashMap<>();

  static {
    List<String> names = new ArrayList<>(List.of("heap_tableam_handler", "bthandler", "hashhandler"));
    List<String> prefixes = new ArrayList<>(List.of("record", "array"));
    PgTypes.all().forEach(t -> prefixes.add(io(t)));
    for (String prefix : prefixes) {
      for (String suffix : List.of("_in", "_out", "_recv", "_send")) {
        names.add(prefix + suffix);
      }
    }
    names.forEach(name -> PROCEDURES.put(Oids.of("pg_proc", name), name));
  }

  /** The OID of a function regproc can name, or 0 if bop has none of that name. */
  public static int procedure(String name) {
    int oid = Oids.of("pg_proc", name);
    return PROCEDURES.containsKey(oid) ? oid : 0;
  }

  /** The name of a function {@link #procedure} numbers, or null. */
  public static String procedureName(long oid) {
    return PROCEDURES.get((int) oid);
  }

  private static List<Object[]> descriptions(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    int pgClass = 1259;
    for (Table t : s.catalog().tables()) {
      if (t.comment() != null) {
        rows.add(new Object[] {t.oid(), pgClass, 0, t.comment()});
      }
      for (TableColumn c : t.columns()) {
        if (c.comment() != null) {
          rows.add(new Object[] {t.oid(), pgClass, c.number(), c.comment()});
        }
      }
    }
    return rows;
  }

  /** pg_get_keywords(), read from PostgreSQL's list of its keywords. */
  private static List<Object[]> keywords() {
    List<Object[]> rows = new ArrayList<>();
    try (java.io.InputStream in = PgCatalog.class.getResourceAsStream("pg_keywords.txt")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(" ");
        String description = switch (fields[1]) {
          case "U" -> "unreserved";
          case "C" -> "unreserved (cannot be function or type name)";
          case "T" -> "reserved (can be function or type name)";
          default -> "reserved";
        };
        boolean bare = fields[2].equals("t");
        rows.add(new Object[] {fields[0], fields[1], bare, description, bare ? "can be bare label" : "requires AS"});
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  private static List<Object[]> settings(Snapshot s) {
    List<Object[]> rows = new ArrayList<>();
    s.settings().all().forEach((name, value) -> rows.add(new Object[] {name, value, null, "Ungrouped", "", null, "user",
        "string", "default", null, null, null, value, value, null, null, false}));
    return rows;
  }

  static {
    relation("pg_catalog", "pg_namespace", Refresh.STATIC, "oid oid, nspname name, nspowner oid, nspacl text[]",
        PgCatalog::namespaces);
    relation("pg_catalog", "pg_class", Refresh.SCHEMA, "oid oid, relname name, relnamespace oid, reltype oid,"
        + " reloftype oid, relowner oid, relam oid, relfilenode oid, reltablespace oid, relpages int4,"
        + " reltuples float4, relallvisible int4, reltoastrelid oid, relhasindex bool, relisshared bool,"
        + " relpersistence text, relkind text, relnatts int2, relchecks int2, relhasrules bool,"
        + " relhastriggers bool, relhassubclass bool, relrowsecurity bool, relforcerowsecurity bool,"
        + " relispopulated bool, relreplident text, relispartition bool, relrewrite oid, relfrozenxid int8,"
        + " relminmxid int8, relacl text[], reloptions text[], relpartbound text", PgCatalog::classes);
    relation("pg_catalog", "pg_attribute", Refresh.SCHEMA, "attrelid oid, attname name, atttypid oid,"
        + " attstattarget int4, attlen int2, attnum int2, attndims int4, attcacheoff int4, atttypmod int4,"
        + " attbyval bool, attalign text, attstorage text, attcompression text, attnotnull bool,"
        + " atthasdef bool, atthasmissing bool, attidentity text, attgenerated text, attisdropped bool,"
        + " attislocal bool, attinhcount int4, attcollation oid, attacl text[], attoptions text[], attfdwoptions text[],"
        + " attmissingval text", PgCatalog::attributes);
    relation("pg_catalog", "pg_attrdef", Refresh.SCHEMA, "oid oid, adrelid oid, adnum int2, adbin text",
        PgCatalog::attrdefs);
    relation("pg_catalog", "pg_index", Refresh.SCHEMA, "indexrelid oid, indrelid oid, indnatts int2,"
        + " indnkeyatts int2, indisunique bool, indnullsnotdistinct bool, indisprimary bool, indisexclusion bool,"
        + " indimmediate bool, indisclustered bool, indisvalid bool, indcheckxmin bool, indisready bool,"
        + " indislive bool, indisreplident bool, indkey int2vector, indcollation oidvector, indclass oidvector,"
        + " indoption int2vector,"
        + " indexprs text, indpred text", PgCatalog::indexes);
    relation("pg_catalog", "pg_constraint", Refresh.SCHEMA, "oid oid, conname name, connamespace oid, contype text,"
        + " condeferrable bool, condeferred bool, convalidated bool, conrelid oid, contypid oid, conindid oid,"
        + " conparentid oid, confrelid oid, confupdtype text, confdeltype text, confmatchtype text,"
        + " conislocal bool, coninhcount int4, connoinherit bool, conkey int2[], confkey int2[], conpfeqop oid[],"
        + " conppeqop oid[], conffeqop oid[], confdelsetcols int2[], conexclop oid[], conbin text",
        PgCatalog::constraints);
    relation("pg_catalog", "pg_type", Refresh.SCHEMA, "oid oid, typname name, typnamespace oid, typowner oid,"
        + " typlen int2, typbyval bool, typtype text, typcategory text, typispreferred bool, typisdefined bool,"
        + " typdelim text, typrelid oid, typsubscript oid, typelem oid, typarray oid, typinput regproc,"
        + " typoutput regproc, typreceive regproc, typsend regproc, typmodin regproc, typmodout regproc,"
        + " typanalyze regproc, typalign text, typstorage text, typnotnull bool, typbasetype oid,"
        + " typtypmod int4, typndims int4, typcollation oid, typdefaultbin text, typdefault text, typacl text",
        PgCatalog::types);
    relation("pg_catalog", "pg_database", Refresh.DATABASES, "oid oid, datname name, datdba oid, encoding int4,"
        + " datlocprovider text, datistemplate bool, datallowconn bool, datconnlimit int4, datfrozenxid int8,"
        + " datminmxid int8, dattablespace oid, datcollate text, datctype text, daticulocale text,"
        + " daticurules text, datcollversion text, datacl text[]", PgCatalog::databases);
    relation("pg_catalog", "pg_roles", Refresh.STATIC, "rolname name, rolsuper bool, rolinherit bool,"
        + " rolcreaterole bool, rolcreatedb bool, rolcanlogin bool, rolreplication bool, rolconnlimit int4,"
        + " rolpassword text, rolvaliduntil timestamptz, rolbypassrls bool, rolconfig text[], oid oid",
        s -> List.<Object[]>of(new Object[] {s.user(), true, true, true, true, true, false, -1, "********", null,
            true, null, Oids.BOOTSTRAP_SUPERUSER}));
    relation("pg_catalog", "pg_authid", Refresh.STATIC, "oid oid, rolname name, rolsuper bool, rolinherit bool,"
        + " rolcreaterole bool, rolcreatedb bool, rolcanlogin bool, rolreplication bool, rolbypassrls bool,"
        + " rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz",
        s -> List.<Object[]>of(new Object[] {Oids.BOOTSTRAP_SUPERUSER, s.user(), true, true, true, true, true, false,
            true, -1, null, null}));
    relation("pg_catalog", "pg_user", Refresh.STATIC, "usename name, usesysid oid, usecreatedb bool, usesuper bool,"
        + " userepl bool, usebypassrls bool, passwd text, valuntil timestamptz, useconfig text",
        s -> List.<Object[]>of(new Object[] {s.user(), Oids.BOOTSTRAP_SUPERUSER, true, true, false, true, "********",
            null, null}));
    relation("pg_catalog", "pg_description", Refresh.SCHEMA, "objoid oid, classoid oid, objsubid int4,"
        + " description text", PgCatalog::descriptions);
    relation("pg_catalog", "pg_am", Refresh.STATIC, "oid oid, amname name, amhandler regproc, amtype text",
        s -> List.of(new Object[] {Oids.HEAP_AM, "heap", procedure("heap_tableam_handler"), "t"},
            new Object[] {Oids.BTREE_AM, "btree", procedure("bthandler"), "i"},
            new Object[] {405, "hash", procedure("hashhandler"), "i"}));
    relation("pg_catalog", "pg_collation", Refresh.STATIC, "oid oid, collname name, collnamespace oid,"
        + " collowner oid, collprovider text, collisdeterministic bool, collencoding int4, collcollate text,"
        + " collctype text, colliculocale text, collicurules text, collversion text",
        s -> List.of(new Object[] {100, "default", 11, 10, "d", true, -1, null, null, null, null, null},
            new Object[] {950, "C", 11, 10, "c", true, -1, "C", "C", null, null, null},
            new Object[] {951, "POSIX", 11, 10, "c", true, -1, "POSIX", "POSIX", null, null, null}));
    relation("pg_catalog", "pg_tablespace", Refresh.STATIC, "oid oid, spcname name, spcowner oid, spcacl text,"
        + " spcoptions text", s -> List.of(new Object[] {1663, "pg_default", 10, null, null},
            new Object[] {1664, "pg_global", 10, null, null}));
    relation("pg_catalog", "pg_settings", Refresh.SESSION, "name text, setting text, unit text, category text,"
        + " short_desc text, extra_desc text, context text, vartype text, source text, min_val text, max_val text,"
        + " enumvals text, boot_val text, reset_val text, sourcefile text, sourceline int4, pending_restart bool",
        PgCatalog::settings);
    relation("pg_catalog", "pg_tables", Refresh.SCHEMA, "schemaname name, tablename name, tableowner name,"
        + " tablespace name, hasindexes bool, hasrules bool, hastriggers bool, rowsecurity bool",
        s -> s.catalog().tables().stream().filter(t -> !t.view()).map(t -> new Object[] {"public", t.name(), OWNER, null,
            !t.indexes().isEmpty(), false, !t.foreignKeys().isEmpty(), false}).toList());
    relation("pg_catalog", "pg_views", Refresh.SCHEMA, "schemaname name, viewname name, viewowner name,"
        + " definition text", s -> s.catalog().tables().stream().filter(Table::view)
            .map(t -> new Object[] {"public", t.name(), OWNER, null}).toList());
    relation("pg_catalog", "pg_indexes", Refresh.SCHEMA, "schemaname name, tablename name, indexname name,"
        + " tablespace name, indexdef text", s -> {
          List<Object[]> rows = new ArrayList<>();
          for (Table t : s.catalog().tables()) {
            for (Index index : t.indexes()) {
              rows.add(new Object[] {"public", t.name(), index.name(), null, IndexDefinitions.of(t, index)});
            }
          }
          return rows;
        });
    empty("pg_inherits", "inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool");
    empty("pg_policy", "oid oid, polname name, polrelid oid, polcmd text, polpermissive bool, polroles oid[],"
        + " polqual text, polwithcheck text");
    empty("pg_statistic_ext", "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid,"
        + " stxstattarget int4, stxkeys int2vector, stxkind text[], stxexprs text");
    empty("pg_publication", "oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool,"
        + " pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool");
    empty("pg_publication_namespace", "oid oid, pnpubid oid, pnnspid oid");
    empty("pg_publication_rel", "oid oid, prpubid oid, prrelid oid, prqual text, prattrs int2vector");
    empty("pg_trigger", "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2,"
        + " tgenabled text, tgisinternal bool, tgconstrrelid oid, tgconstrindid oid, tgconstraint oid,"
        + " tgdeferrable bool, tginitdeferred bool, tgnargs int2, tgattr int2vector, tgargs bytea, tgqual text,"
        + " tgoldtable name, tgnewtable name");
    empty("pg_rewrite", "oid oid, rulename name, ev_class oid, ev_type text, ev_enabled text,"
        + " is_instead bool, ev_qual text, ev_action text");
    empty("pg_enum", "oid oid, enumtypid oid, enumsortorder float4, enumlabel name");
    empty("pg_range", "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid,"
        + " rngcanonical regproc, rngsubdiff regproc");
    empty("pg_extension", "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool,"
        + " extversion text, extconfig text, extcondition text");
    empty("pg_foreign_table", "ftrelid oid, ftserver oid, ftoptions text");
    empty("pg_partitioned_table", "partrelid oid, partstrat text, partnatts int2, partdefid oid,"
        + " partattrs text, partclass text, partcollation text, partexprs text");
    empty("pg_shdescription", "objoid oid, classoid oid, description text");
    relation("pg_catalog", "pg_depend", Refresh.SCHEMA, "classid oid, objid oid, objsubid int4, refclassid oid,"
        + " refobjid oid, refobjsubid int4, deptype text", PgCatalog::dependencies);
    relation("pg_catalog", "pg_sequence", Refresh.SCHEMA, "seqrelid oid, seqtypid oid, seqstart int8,"
        + " seqincrement int8, seqmax int8, seqmin int8, seqcache int8, seqcycle bool",
        s -> s.catalog().sequences().stream().map(q -> new Object[] {q.oid(), typeOid(q.type()), q.start(),
            q.increment(), q.maximum(), q.minimum(), q.cache(), q.cycle()}).toList());
    empty("pg_auth_members", "oid oid, roleid oid, member oid, grantor oid, admin_option bool, inherit_option bool,"
        + " set_option bool");
    empty("pg_proc", "oid oid, proname name, pronamespace oid, proowner oid, prolang oid, procost float4,"
        + " prorows float4, provariadic oid, prosupport regproc, prokind text, prosecdef bool,"
        + " proleakproof bool, proisstrict bool, proretset bool, provolatile text, proparallel text,"
        + " pronargs int2, pronargdefaults int2, prorettype oid, proargtypes oidvector, proallargtypes oid[],"
        + " proargmodes text[], proargnames text[], proargdefaults text, protrftypes text, prosrc text, probin text,"
        + " prosqlbody text, proconfig text[], proacl text[]");
    empty("pg_language", "oid oid, lanname name, lanowner oid, lanispl bool, lanpltrusted bool,"
        + " lanplcallfoid oid, laninline oid, lanvalidator oid, lanacl text");
    empty("pg_opclass", "oid oid, opcmethod oid, opcname name, opcnamespace oid, opcowner oid, opcfamily oid,"
        + " opcintype oid, opcdefault bool, opckeytype oid");
    empty("pg_operator", "oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind text,"
        + " oprcanmerge bool, oprcanhash bool, oprleft oid, oprright oid, oprresult oid, oprcom oid, oprnegate oid,"
        + " oprcode regproc, oprrest regproc, oprjoin regproc");
    empty("pg_event_trigger", "oid oid, evtname name, evtevent name, evtowner oid, evtfoid oid,"
        + " evtenabled text, evttags text");
    empty("pg_matviews", "schemaname name, matviewname name, matviewowner name, tablespace name,"
        + " hasindexes bool, ispopulated bool, definition text");
    relation("pg_catalog", KEYWORDS, Refresh.STATIC, "word text, catcode text, barelabel bool, catdesc text,"
        + " baredesc text", s -> keywords());
    empty("pg_ts_config", "oid oid, cfgname name, cfgnamespace oid, cfgowner oid, cfgparser oid");
    empty("pg_ts_dict", "oid oid, dictname name, dictnamespace oid, dictowner oid, dicttemplate oid,"
        + " dictinitoption text");
    empty("pg_ts_parser", "oid oid, prsname name, prsnamespace oid, prsstart regproc, prstoken regproc,"
        + " prsend regproc, prsheadline regproc, prslextype regproc");
    empty("pg_ts_template", "oid oid, tmplname name, tmplnamespace oid, tmplinit regproc, tmpllexize regproc");
    empty("pg_opfamily", "oid oid, opfmethod oid, opfname name, opfnamespace oid, opfowner oid");
    empty("pg_conversion", "oid oid, conname name, connamespace oid, conowner oid, conforencoding int4,"
        + " contoencoding int4, conproc regproc, condefault bool");
    empty("pg_cast", "oid oid, castsource oid, casttarget oid, castfunc oid, castcontext text, castmethod text");
    empty("pg_foreign_server", "oid oid, srvname name, srvowner oid, srvfdw oid, srvtype text, srvversion text,"
        + " srvacl text[], srvoptions text[]");
    empty("pg_foreign_data_wrapper", "oid oid, fdwname name, fdwowner oid, fdwhandler oid, fdwvalidator oid,"
        + " fdwacl text[], fdwoptions text[]");
    empty("pg_largeobject_metadata", "oid oid, lomowner oid, lomacl text[]");
    empty("pg_db_role_setting", "setdatabase oid, setrole oid, setconfig text[]");
    empty("pg_default_acl", "oid oid, defaclrole oid, defaclnamespace oid, defaclobjtype text, defaclacl text[]");
    empty("pg_aggregate", "aggfnoid regproc, aggkind text, aggnumdirectargs int2, aggtransfn regproc,"
        + " aggfinalfn regproc, aggcombinefn regproc, aggserialfn regproc, aggdeserialfn regproc, aggmtransfn regproc,"
        + " aggminvtransfn regproc, aggmfinalfn regproc, aggfinalextra bool, aggmfinalextra bool, aggfinalmodify text,"
        + " aggmfinalmodify text, aggsortop oid, aggtranstype oid, aggtransspace int4, aggmtranstype oid,"
        + " aggmtransspace int4, agginitval text, aggminitval text");
    empty("pg_prepared_xacts", "transaction int8, gid text, prepared timestamptz, owner name, database name");
    InformationSchema.register();
  }
}
