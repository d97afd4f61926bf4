package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.util.List;
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

  private void assertCondition(String sql, Condition condition) {
    assertThatThrownBy(() -> run(s, sql)).as(sql).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(condition));
  }
}
