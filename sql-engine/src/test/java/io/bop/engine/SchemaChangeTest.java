package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import io.bop.replication.Reader;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema changes pgbench and tools issue: TRUNCATE, VACUUM/ANALYZE, ALTER TABLE. */
class SchemaChangeTest extends EngineFixture {
  private Session s;

  @BeforeEach
  void schema() throws SqlError {
    s = session();
    run(s, "CREATE TABLE parent (id serial PRIMARY KEY, name text)");
    run(s, "CREATE TABLE child (id serial PRIMARY KEY, parent_id integer REFERENCES parent (id))");
    run(s, "INSERT INTO parent (name) VALUES ('a'), ('b')");
    run(s, "INSERT INTO child (parent_id) VALUES (1), (2)");
  }

  /** Schema text edited in place and tables rebuilt leave a sound file whose references all hold. */
  @AfterEach
  void databaseIsSound() throws Exception {
    try (Reader reader = engine.database("bop").orElseThrow().shard().acquireReader();
        java.sql.Statement statement = reader.connection().createStatement()) {
      try (ResultSet r = statement.executeQuery("PRAGMA integrity_check")) {
        assertThat(r.next() ? r.getString(1) : null).isEqualTo("ok");
      }
      try (ResultSet r = statement.executeQuery("PRAGMA foreign_key_check")) {
        assertThat(r.next()).as("a row violates a foreign key").isFalse();
      }
    }
  }

  @Test
  void truncateRefusesReferencedTablesUnlessCascadedOrTogether() throws SqlError {
    assertCondition("TRUNCATE parent", Condition.FEATURE_NOT_SUPPORTED);
    run(s, "TRUNCATE child, parent");
    assertThat(value(s, "SELECT count(*) FROM parent")).isEqualTo(0L);
    run(s, "INSERT INTO parent (name) VALUES ('c')");
    run(s, "INSERT INTO child (parent_id) VALUES (3)");
    run(s, "TRUNCATE TABLE parent CASCADE");
    assertThat(value(s, "SELECT count(*) FROM child")).isEqualTo(0L);
  }

  @Test
  void truncateRestartIdentityRestartsSerials() throws SqlError {
    run(s, "TRUNCATE child, parent RESTART IDENTITY");
    assertThat(value(s, "INSERT INTO parent (name) VALUES ('again') RETURNING id")).isEqualTo(1L);
    run(s, "TRUNCATE child, parent CONTINUE IDENTITY");
    assertThat(value(s, "INSERT INTO parent (name) VALUES ('again') RETURNING id")).isEqualTo(2L);
  }

  @Test
  void truncateRollsBackInATransaction() throws SqlError {
    run(s, "BEGIN");
    run(s, "TRUNCATE child");
    run(s, "ROLLBACK");
    assertThat(value(s, "SELECT count(*) FROM child")).isEqualTo(2L);
  }

  @Test
  void vacuumAnalyzesAndRefusesTransactionBlocks() throws SqlError {
    run(s, "VACUUM ANALYZE parent");
    run(s, "VACUUM");
    run(s, "ANALYZE child");
    run(s, "BEGIN");
    assertCondition("VACUUM parent", Condition.ACTIVE_SQL_TRANSACTION);
    assertCondition("VACUUM nope", Condition.UNDEFINED_TABLE);
  }

  // ===================================================================================== ALTER TABLE

  @Test
  void pgbenchInitializationAddsKeysToFilledTables() throws SqlError {
    run(s, "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
    run(s, "CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84))");
    run(s, "CREATE TABLE pgbench_accounts (aid int not null, bid int, abalance int, filler char(84))");
    run(s, "CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88))");
    run(s, "CREATE INDEX accounts_by_balance ON pgbench_accounts (abalance)");
    run(s, "INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0), (2, 0)");
    run(s, "INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT t, (t - 1) / 10 + 1, 0 FROM"
        + " generate_series(1, 20) AS t");
    run(s, "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT a, (a - 1) / 100 + 1, a % 7, ''"
        + " FROM generate_series(1, 200) AS a");
    run(s, "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, 1, 5, now())");
    for (String sql : List.of("alter table pgbench_branches add primary key (bid)",
        "alter table pgbench_tellers add primary key (tid)", "alter table pgbench_accounts add primary key (aid)",
        "alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey foreign key (bid) references"
            + " pgbench_branches",
        "alter table pgbench_accounts add constraint pgbench_accounts_bid_fkey foreign key (bid) references"
            + " pgbench_branches",
        "alter table pgbench_history add constraint pgbench_history_bid_fkey foreign key (bid) references"
            + " pgbench_branches",
        "alter table pgbench_history add constraint pgbench_history_tid_fkey foreign key (tid) references"
            + " pgbench_tellers",
        "alter table pgbench_history add constraint pgbench_history_aid_fkey foreign key (aid) references"
            + " pgbench_accounts")) {
      run(s, sql);
    }
    assertThat(value(s, "SELECT count(*) FROM pgbench_accounts")).isEqualTo(200L);
    assertThat(value(s, "SELECT sum(abalance) FROM pgbench_accounts")).isEqualTo(value(s,
        "SELECT sum(a % 7) FROM generate_series(1, 200) AS a"));
    assertThat(run(s, "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'pgbench_history'::regclass ORDER BY conname")).containsExactly(
        List.of("pgbench_history_aid_fkey", "f", "FOREIGN KEY (aid) REFERENCES pgbench_accounts(aid)"),
        List.of("pgbench_history_bid_fkey", "f", "FOREIGN KEY (bid) REFERENCES pgbench_branches(bid)"),
        List.of("pgbench_history_tid_fkey", "f", "FOREIGN KEY (tid) REFERENCES pgbench_tellers(tid)"));
    assertThat(run(s, "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c"
        + " ON c.oid = i.indexrelid WHERE i.indrelid = 'pgbench_accounts'::regclass ORDER BY 1")).containsExactly(
        List.of("accounts_by_balance", "CREATE INDEX accounts_by_balance ON public.pgbench_accounts USING btree"
            + " (abalance)"),
        List.of("pgbench_accounts_pkey", "CREATE UNIQUE INDEX pgbench_accounts_pkey ON public.pgbench_accounts"
            + " USING btree (aid)"));
    assertThat(value(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 'pgbench_branches'::regclass AND attname = 'bid'")).isEqualTo("integer");
    assertCondition("INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0)", Condition.UNIQUE_VIOLATION);
    assertCondition("INSERT INTO pgbench_accounts (aid, bid, abalance) VALUES (1, 1, 0)", Condition.UNIQUE_VIOLATION);
    assertCondition("INSERT INTO pgbench_tellers (tid, bid, tbalance) VALUES (99, 3, 0)",
        Condition.FOREIGN_KEY_VIOLATION);
    assertCondition("INSERT INTO pgbench_history (tid, bid, aid, delta) VALUES (1, 1, 999, 0)",
        Condition.FOREIGN_KEY_VIOLATION);
    assertCondition("DELETE FROM pgbench_branches WHERE bid = 2", Condition.FOREIGN_KEY_VIOLATION);
    run(s, "UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = 5");
    run(s, "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (2, 1, 5, 1, now())");
    assertThat(value(s, "SELECT count(*) FROM pgbench_history")).isEqualTo(2L);
    // pgbench -i again: the filled tables that refer to each other go together
    run(s, "drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
    assertThat(value(s, "SELECT count(*) FROM pg_class WHERE relname LIKE 'pgbench%'")).isEqualTo(0L);
  }

  @Test
  void dropTableRefusesWhatDependsOnItUnlessCascaded() throws SqlError {
    run(s, "CREATE VIEW names AS SELECT name FROM parent");
    run(s, "CREATE VIEW first_name AS SELECT min(name) AS name FROM names");
    assertError("DROP TABLE parent", Condition.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop table parent because other objects depend on it",
        "constraint child_parent_id_fkey on table child depends on table parent");
    assertError("DROP TABLE child, parent", Condition.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop table parent because other objects depend on it", "view names depends on table parent");
    assertThat(value(s, "SELECT count(*) FROM child")).isEqualTo(2L);
    assertThat(notices("DROP TABLE parent CASCADE")).containsExactlyInAnyOrder(
        "drop cascades to constraint child_parent_id_fkey on table child", "drop cascades to view names",
        "drop cascades to view first_name");
    run(s, "INSERT INTO child (parent_id) VALUES (99)");
    assertThat(value(s, "SELECT count(*) FROM pg_class WHERE relname IN ('parent', 'names', 'first_name')"))
        .isEqualTo(0L);
  }

  @Test
  void addingKeysChecksTheRowsThereAre() throws SqlError {
    run(s, "CREATE TABLE k (a int, b text, c int)");
    run(s, "INSERT INTO k VALUES (1, 'x', 1), (1, 'y', 2), (NULL, 'z', 3)");
    assertError("ALTER TABLE k ADD PRIMARY KEY (a)", Condition.UNIQUE_VIOLATION,
        "could not create unique index \"k_pkey\"", "Key (a)=(1) is duplicated.");
    assertError("ALTER TABLE k ADD CONSTRAINT k_a_key UNIQUE (a)", Condition.UNIQUE_VIOLATION,
        "could not create unique index \"k_a_key\"", "Key (a)=(1) is duplicated.");
    assertError("ALTER TABLE k ADD PRIMARY KEY (b, a)", Condition.NOT_NULL_VIOLATION,
        "column \"a\" of relation \"k\" contains null values", null);
    assertError("ALTER TABLE k ADD PRIMARY KEY (nope)", Condition.UNDEFINED_COLUMN,
        "column \"nope\" of relation \"k\" does not exist", null);
    run(s, "ALTER TABLE k ADD PRIMARY KEY (b)");
    assertError("ALTER TABLE k ADD PRIMARY KEY (c)", Condition.INVALID_TABLE_DEFINITION,
        "multiple primary keys for table \"k\" are not allowed", null);
    run(s, "ALTER TABLE k ADD UNIQUE (c)");
    run(s, "ALTER TABLE k ADD UNIQUE (c)");
    assertThat(run(s, "SELECT conname, contype FROM pg_constraint WHERE conrelid = 'k'::regclass ORDER BY 1"))
        .containsExactly(List.of("k_c_key", "u"), List.of("k_c_key1", "u"), List.of("k_pkey", "p"));
    assertError("ALTER TABLE k ADD CONSTRAINT k_c_key UNIQUE (a)", Condition.DUPLICATE_TABLE,
        "relation \"k_c_key\" already exists", null);
    assertCondition("INSERT INTO k VALUES (5, 'x', 9)", Condition.UNIQUE_VIOLATION);
    assertCondition("INSERT INTO k VALUES (5, NULL, 9)", Condition.NOT_NULL_VIOLATION);
    assertCondition("INSERT INTO k VALUES (5, 'w', 1)", Condition.UNIQUE_VIOLATION);
    assertThat(run(s, "SELECT a, b, c FROM k ORDER BY c")).containsExactly(Arrays.asList(1L, "x", 1L),
        Arrays.asList(1L, "y", 2L), Arrays.asList(null, "z", 3L));
  }

  @Test
  void addingForeignKeysAndChecksChecksTheRowsThereAre() throws SqlError {
    run(s, "CREATE TABLE f (id int, parent_id int, n int)");
    run(s, "INSERT INTO f VALUES (1, 1, 5), (2, 3, -1), (3, NULL, NULL)");
    assertError("ALTER TABLE f ADD FOREIGN KEY (parent_id) REFERENCES parent", Condition.FOREIGN_KEY_VIOLATION,
        "insert or update on table \"f\" violates foreign key constraint \"f_parent_id_fkey\"",
        "Key (parent_id)=(3) is not present in table \"parent\".");
    assertError("ALTER TABLE f ADD FOREIGN KEY (parent_id) REFERENCES parent (name)", Condition.INVALID_FOREIGN_KEY,
        "there is no unique constraint matching given keys for referenced table \"parent\"", null);
    run(s, "CREATE TABLE tags (label text PRIMARY KEY)");
    assertError("ALTER TABLE f ADD FOREIGN KEY (n) REFERENCES tags", Condition.DATATYPE_MISMATCH,
        "foreign key constraint \"f_n_fkey\" cannot be implemented",
        "Key columns \"n\" and \"label\" are of incompatible types: integer and text.");
    assertError("ALTER TABLE f ADD FOREIGN KEY (parent_id) REFERENCES f", Condition.INVALID_FOREIGN_KEY,
        "there is no primary key for referenced table \"f\"", null);
    assertError("ALTER TABLE f ADD FOREIGN KEY (parent_id) REFERENCES nope", Condition.UNDEFINED_TABLE,
        "relation \"nope\" does not exist", null);
    assertError("ALTER TABLE f ADD CHECK (n > 0)", Condition.CHECK_VIOLATION,
        "check constraint \"f_n_check\" of relation \"f\" is violated by some row", null);
    run(s, "UPDATE f SET parent_id = 2 WHERE id = 2");
    run(s, "UPDATE f SET n = 1 WHERE id = 2");
    run(s, "ALTER TABLE f ADD FOREIGN KEY (parent_id) REFERENCES parent ON DELETE CASCADE, ADD CHECK (n > 0),"
        + " ADD CHECK (n > 0 AND id > 0)");
    assertError("ALTER TABLE f ADD CONSTRAINT f_check CHECK (id < 100)", Condition.DUPLICATE_OBJECT,
        "constraint \"f_check\" for relation \"f\" already exists", null);
    assertThat(run(s, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'f'::regclass"
        + " ORDER BY 1")).containsExactly(List.of("f_check", "CHECK ((n > 0 AND id > 0))"),
        List.of("f_n_check", "CHECK ((n > 0))"),
        List.of("f_parent_id_fkey", "FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE"));
    assertCondition("INSERT INTO f VALUES (4, 1, 0)", Condition.CHECK_VIOLATION);
    assertCondition("INSERT INTO f VALUES (4, 7, 1)", Condition.FOREIGN_KEY_VIOLATION);
    run(s, "DELETE FROM child");
    run(s, "DELETE FROM parent WHERE id = 1");
    assertThat(value(s, "SELECT count(*) FROM f")).isEqualTo(2L);
    run(s, "ALTER TABLE f DROP CONSTRAINT f_n_check, DROP CONSTRAINT f_parent_id_fkey");
    run(s, "INSERT INTO f VALUES (4, 7, 1)");
    assertError("ALTER TABLE f DROP CONSTRAINT f_n_check", Condition.UNDEFINED_OBJECT,
        "constraint \"f_n_check\" of relation \"f\" does not exist", null);
    assertThat(notices("ALTER TABLE f DROP CONSTRAINT IF EXISTS f_n_check")).containsExactly(
        "constraint \"f_n_check\" of relation \"f\" does not exist, skipping");
  }

  @Test
  void addColumnFillsTheRowsThereAre() throws SqlError {
    run(s, "ALTER TABLE parent ADD COLUMN score numeric(5,2) DEFAULT 1.5 NOT NULL, ADD COLUMN created date DEFAULT"
        + " current_date");
    run(s, "ALTER TABLE parent ADD COLUMN note varchar(10), ADD COLUMN code text UNIQUE");
    assertThat(run(s, "SELECT score, note, created = current_date FROM parent ORDER BY id")).containsExactly(
        Arrays.asList(new BigDecimal("1.50"), null, true), Arrays.asList(new BigDecimal("1.50"), null, true));
    // a default set later applies to new rows only
    run(s, "ALTER TABLE parent ALTER COLUMN note SET DEFAULT 'later'");
    run(s, "INSERT INTO parent (name) VALUES ('c')");
    assertThat(run(s, "SELECT note FROM parent ORDER BY id")).containsExactly(Collections.singletonList(null),
        Collections.singletonList(null), List.of("later"));
    assertError("ALTER TABLE parent ADD COLUMN name text", Condition.DUPLICATE_COLUMN,
        "column \"name\" of relation \"parent\" already exists", null);
    assertThat(notices("ALTER TABLE parent ADD COLUMN IF NOT EXISTS name text")).containsExactly(
        "column \"name\" of relation \"parent\" already exists, skipping");
    assertError("ALTER TABLE parent ADD COLUMN must int NOT NULL", Condition.NOT_NULL_VIOLATION,
        "column \"must\" of relation \"parent\" contains null values", null);
    assertError("ALTER TABLE parent ADD COLUMN ref int REFERENCES child (id) DEFAULT 9",
        Condition.FOREIGN_KEY_VIOLATION,
        "insert or update on table \"parent\" violates foreign key constraint \"parent_ref_fkey\"",
        "Key (ref)=(9) is not present in table \"child\".");
    assertCondition("ALTER TABLE parent ADD COLUMN serial_too serial", Condition.FEATURE_NOT_SUPPORTED);
    assertCondition("INSERT INTO parent (name, code) VALUES ('d', 'x'), ('e', 'x')", Condition.UNIQUE_VIOLATION);
    assertThat(run(s, "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin,"
        + " d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = 'parent'::regclass AND a.attnum > 2 ORDER BY a.attnum")).containsExactly(
        List.of("score", "numeric(5,2)", true, "1.5"), List.of("created", "date", false, "current_date"),
        List.of("note", "character varying(10)", false, "'later'"), Arrays.asList("code", "text", false, null));
  }

  @Test
  void addSerialColumnNumbersTheRowsAndBecomesTheRowId() throws SqlError {
    run(s, "CREATE TABLE plain (name text)");
    run(s, "INSERT INTO plain VALUES ('a'), ('b')");
    run(s, "ALTER TABLE plain ADD COLUMN id serial PRIMARY KEY");
    assertThat(run(s, "SELECT id, name FROM plain ORDER BY id")).containsExactly(List.of(1L, "a"), List.of(2L, "b"));
    assertThat(value(s, "INSERT INTO plain (name) VALUES ('c') RETURNING id")).isEqualTo(3L);
    assertThat(value(s, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'plain_pkey'"))
        .isEqualTo("PRIMARY KEY (id)");
  }

  @Test
  void dropColumnTakesItsConstraintsAndRefusesWhatOthersNeed() throws SqlError {
    run(s, "CREATE TABLE d (id int PRIMARY KEY, a int, b text, c int CHECK (c > 0), d int REFERENCES parent, e int)");
    run(s, "CREATE INDEX d_a_b ON d (a, b)");
    run(s, "CREATE UNIQUE INDEX d_c ON d (c) WHERE a > 0");
    run(s, "ALTER TABLE d ADD CONSTRAINT d_b_key UNIQUE (b)");
    run(s, "CREATE TABLE e (id int PRIMARY KEY, d_id int REFERENCES d (id))");
    run(s, "INSERT INTO d VALUES (1, 1, 'x', 1, 1, 5)");
    run(s, "INSERT INTO e VALUES (1, 1)");
    run(s, "CREATE VIEW d_view AS SELECT a FROM d");
    run(s, "ALTER TABLE d DROP COLUMN b, DROP COLUMN c, DROP COLUMN d");
    assertThat(run(s, "SELECT relname FROM pg_class WHERE relname LIKE 'd%' AND relkind = 'i' ORDER BY 1"))
        .containsExactly(List.of("d_pkey"));
    assertThat(run(s, "SELECT * FROM d")).containsExactly(List.of(1L, 1L, 5L));
    assertError("ALTER TABLE d DROP COLUMN a", Condition.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop column a of table d because other objects depend on it", "view d_view depends on column a of"
        + " table d");
    assertError("ALTER TABLE d DROP COLUMN id", Condition.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop column id of table d because other objects depend on it",
        "constraint e_d_id_fkey on table e depends on column id of table d");
    assertThat(notices("ALTER TABLE d DROP COLUMN id CASCADE, DROP COLUMN a CASCADE")).containsExactly(
        "drop cascades to constraint e_d_id_fkey on table e", "drop cascades to view d_view");
    run(s, "INSERT INTO e VALUES (2, 42)");
    assertThat(run(s, "SELECT * FROM d")).containsExactly(List.of(5L));
    assertCondition("ALTER TABLE d DROP COLUMN e", Condition.FEATURE_NOT_SUPPORTED);
    assertError("ALTER TABLE d DROP COLUMN nope", Condition.UNDEFINED_COLUMN,
        "column \"nope\" of relation \"d\" does not exist", null);
    assertThat(notices("ALTER TABLE d DROP COLUMN IF EXISTS nope")).containsExactly(
        "column \"nope\" of relation \"d\" does not exist, skipping");
    assertThat(run(s, "SELECT conname FROM pg_constraint WHERE conrelid IN ('d'::regclass, 'e'::regclass)"
        + " ORDER BY 1")).containsExactly(List.of("e_pkey"));
  }

  @Test
  void dropConstraintRefusesWhatOthersReferenceUnlessCascaded() throws SqlError {
    run(s, "CREATE TABLE kp (id int PRIMARY KEY, name text)");
    run(s, "CREATE TABLE kc (kp_id int REFERENCES kp)");
    run(s, "INSERT INTO kp VALUES (1, 'a')");
    run(s, "INSERT INTO kc VALUES (1)");
    assertError("ALTER TABLE kp DROP CONSTRAINT kp_pkey", Condition.DEPENDENT_OBJECTS_STILL_EXIST,
        "cannot drop constraint kp_pkey on table kp because other objects depend on it",
        "constraint kc_kp_id_fkey on table kc depends on index kp_pkey");
    assertThat(notices("ALTER TABLE kp DROP CONSTRAINT kp_pkey CASCADE")).containsExactly(
        "drop cascades to constraint kc_kp_id_fkey on table kc");
    run(s, "INSERT INTO kc VALUES (77)");
    run(s, "INSERT INTO kp VALUES (1, 'again')");
    assertThat(value(s, "SELECT count(*) FROM kp WHERE id = 1")).isEqualTo(2L);
    assertThat(value(s, "SELECT count(*) FROM pg_constraint WHERE conrelid IN ('kp'::regclass, 'kc'::regclass)"))
        .isEqualTo(0L);
    // the primary key goes, its NOT NULL stays
    assertCondition("INSERT INTO kp (name) VALUES ('no id')", Condition.NOT_NULL_VIOLATION);
    // a serial column is SQLite's row id, unique whether it is the primary key or not
    assertCondition("ALTER TABLE child DROP CONSTRAINT child_pkey", Condition.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void renamesFollowIntoConstraintsIndexesAndReferences() throws SqlError {
    run(s, "CREATE TABLE r (id int PRIMARY KEY, label varchar(20) CHECK (length(label) > 0 AND label <> 'x'),"
        + " parent_id int REFERENCES parent)");
    run(s, "CREATE INDEX r_label ON r (label)");
    run(s, "INSERT INTO r VALUES (1, 'one', 1)");
    run(s, "ALTER TABLE r RENAME COLUMN label TO title");
    run(s, "ALTER TABLE r RENAME TO renamed");
    run(s, "ALTER TABLE parent RENAME COLUMN id TO parent_key");
    run(s, "ALTER TABLE renamed RENAME CONSTRAINT r_label_check TO title_check");
    run(s, "ALTER TABLE renamed RENAME CONSTRAINT r_pkey TO renamed_pkey");
    assertThat(run(s, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'renamed'::regclass ORDER BY 1")).containsExactly(
        List.of("r_parent_id_fkey", "FOREIGN KEY (parent_id) REFERENCES parent(parent_key)"),
        List.of("renamed_pkey", "PRIMARY KEY (id)"),
        List.of("title_check", "CHECK ((length(title) > 0 AND title <> 'x'))"));
    assertThat(value(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 'renamed'::regclass AND attname = 'title'")).isEqualTo("character varying(20)");
    assertThat(value(s, "SELECT pg_get_indexdef('r_label'::regclass)")).isEqualTo(
        "CREATE INDEX r_label ON public.renamed USING btree (title)");
    assertThat(run(s, "SELECT id, title FROM renamed")).containsExactly(List.of(1L, "one"));
    assertCondition("INSERT INTO renamed VALUES (2, 'x', 1)", Condition.CHECK_VIOLATION);
    assertCondition("INSERT INTO renamed VALUES (2, 'two', 9)", Condition.FOREIGN_KEY_VIOLATION);
    assertCondition("SELECT * FROM r", Condition.UNDEFINED_TABLE);
    assertError("ALTER TABLE renamed RENAME COLUMN nope TO x", Condition.UNDEFINED_COLUMN,
        "column \"nope\" does not exist", null);
    assertError("ALTER TABLE renamed RENAME COLUMN title TO id", Condition.DUPLICATE_COLUMN,
        "column \"id\" of relation \"renamed\" already exists", null);
    assertError("ALTER TABLE renamed RENAME TO child", Condition.DUPLICATE_TABLE,
        "relation \"child\" already exists", null);
    assertError("ALTER TABLE renamed RENAME CONSTRAINT nope TO x", Condition.UNDEFINED_OBJECT,
        "constraint \"nope\" for table \"renamed\" does not exist", null);
  }

  @Test
  void columnChangesOfTypeDefaultAndNotNull() throws SqlError {
    run(s, "CREATE TABLE t (id int PRIMARY KEY, n int, s text, v varchar(10))");
    run(s, "INSERT INTO t VALUES (1, 10, '7', 'abc'), (2, NULL, '8', 'abcdef')");
    run(s, "ALTER TABLE t ALTER COLUMN n TYPE text, ALTER COLUMN s TYPE bigint USING s::bigint * 2");
    assertThat(run(s, "SELECT n, s FROM t ORDER BY id")).containsExactly(List.of("10", 14L),
        Arrays.asList(null, 16L));
    assertError("ALTER TABLE t ALTER COLUMN n TYPE int", Condition.DATATYPE_MISMATCH,
        "column \"n\" cannot be cast automatically to type integer", null);
    assertError("ALTER TABLE t ALTER COLUMN v TYPE varchar(4)", Condition.STRING_DATA_RIGHT_TRUNCATION,
        "value too long for type character varying(4)", null);
    run(s, "ALTER TABLE t ALTER COLUMN v TYPE varchar(6)");
    run(s, "ALTER TABLE t ALTER COLUMN id TYPE bigint, ALTER COLUMN id TYPE numeric(10,0)");
    assertThat(run(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't'::regclass"
        + " AND attnum > 0 ORDER BY attnum")).containsExactly(List.of("numeric(10,0)"), List.of("text"),
        List.of("bigint"), List.of("character varying(6)"));
    assertCondition("INSERT INTO t (id) VALUES (1)", Condition.UNIQUE_VIOLATION);
    assertError("ALTER TABLE t ALTER COLUMN n SET NOT NULL", Condition.NOT_NULL_VIOLATION,
        "column \"n\" of relation \"t\" contains null values", null);
    run(s, "ALTER TABLE t ALTER COLUMN n SET DEFAULT 'none', ALTER COLUMN s SET DEFAULT 0");
    run(s, "UPDATE t SET n = 'set' WHERE n IS NULL");
    run(s, "ALTER TABLE t ALTER COLUMN n SET NOT NULL");
    run(s, "INSERT INTO t (id) VALUES (3)");
    assertCondition("INSERT INTO t (id, n) VALUES (4, NULL)", Condition.NOT_NULL_VIOLATION);
    run(s, "ALTER TABLE t ALTER COLUMN n DROP NOT NULL, ALTER COLUMN n DROP DEFAULT");
    run(s, "INSERT INTO t (id) VALUES (4)");
    assertThat(run(s, "SELECT n, s FROM t WHERE id >= 3 ORDER BY id")).containsExactly(List.of("none", 0L),
        Arrays.asList(null, 0L));
    assertError("ALTER TABLE t ALTER COLUMN id DROP NOT NULL", Condition.INVALID_TABLE_DEFINITION,
        "column \"id\" is in a primary key", null);
    run(s, "CREATE TABLE ident (id int GENERATED ALWAYS AS IDENTITY, x int)");
    assertError("ALTER TABLE ident ALTER COLUMN id SET DEFAULT 5", Condition.SYNTAX_ERROR,
        "column \"id\" of relation \"ident\" is an identity column", null);
    assertError("ALTER TABLE t ALTER COLUMN nope SET DEFAULT 1", Condition.UNDEFINED_COLUMN,
        "column \"nope\" of relation \"t\" does not exist", null);
  }

  @Test
  void alterTableIsTransactional() throws SqlError {
    run(s, "BEGIN");
    run(s, "ALTER TABLE child ADD COLUMN note text DEFAULT 'n', DROP CONSTRAINT child_parent_id_fkey");
    run(s, "ALTER TABLE parent ADD UNIQUE (name), DROP COLUMN id CASCADE");
    run(s, "ALTER TABLE parent RENAME TO parent_renamed");
    assertThat(value(s, "SELECT count(*) FROM parent_renamed")).isEqualTo(2L);
    run(s, "ROLLBACK");
    assertThat(run(s, "SELECT * FROM child ORDER BY id")).containsExactly(List.of(1L, 1L), List.of(2L, 2L));
    assertThat(run(s, "SELECT conname FROM pg_constraint WHERE conrelid IN ('parent'::regclass, 'child'::regclass)"
        + " ORDER BY 1")).containsExactly(List.of("child_parent_id_fkey"), List.of("child_pkey"),
        List.of("parent_pkey"));
    assertCondition("INSERT INTO child (parent_id) VALUES (9)", Condition.FOREIGN_KEY_VIOLATION);
    assertThat(value(s, "INSERT INTO parent (name) VALUES ('c') RETURNING id")).isEqualTo(3L);
    // a failed action undoes the ones before it
    assertCondition("ALTER TABLE child ADD COLUMN x int DEFAULT 1, ADD CHECK (x > 1)", Condition.CHECK_VIOLATION);
    assertThat(run(s, "SELECT attname FROM pg_attribute WHERE attrelid = 'child'::regclass AND attnum > 0"))
        .hasSize(2);
  }

  @Test
  void alterTableOfAMissingTableAndCachedStatements() throws SqlError {
    assertError("ALTER TABLE nope ADD COLUMN x int", Condition.UNDEFINED_TABLE, "relation \"nope\" does not exist",
        null);
    assertThat(notices("ALTER TABLE IF EXISTS nope ADD COLUMN x int")).containsExactly(
        "relation \"nope\" does not exist, skipping");
    Session other = session();
    assertThat(run(other, "SELECT * FROM parent ORDER BY id")).containsExactly(List.of(1L, "a"), List.of(2L, "b"));
    run(s, "ALTER TABLE parent ADD COLUMN extra int DEFAULT 7");
    assertThat(run(other, "SELECT * FROM parent ORDER BY id")).containsExactly(List.of(1L, "a", 7L),
        List.of(2L, "b", 7L));
  }

  private List<String> notices(String sql) throws SqlError {
    List<String> messages = new ArrayList<>();
    for (Statement statement : s.prepareAll(sql)) {
      try (Execution execution = s.execute(statement, List.of())) {
        execution.notices().forEach(n -> messages.add(n.message()));
      }
    }
    s.sync();
    return messages;
  }

  private void assertError(String sql, Condition condition, String message, String detail) {
    assertThatThrownBy(() -> run(s, sql)).as(sql).isInstanceOf(SqlError.class).satisfies(e -> {
      SqlError error = (SqlError) e;
      assertThat(error.condition()).as(error.getMessage()).isEqualTo(condition);
      assertThat(error.getMessage()).isEqualTo(message);
      if (detail != null) {
        assertThat(error.detail()).isEqualTo(detail);
      }
    });
  }

  private void assertCondition(String sql, Condition condition) {
    assertThatThrownBy(() -> run(s, sql)).as(sql).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(condition));
  }
}
