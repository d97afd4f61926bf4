package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL SQL that clients send, with the answers PostgreSQL gives. */
class SqlTest extends EngineFixture {
  private Session s;

  @BeforeEach
  void schema() throws SqlError {
    s = session();
    run(s, "CREATE TABLE dept (id integer PRIMARY KEY, name text NOT NULL UNIQUE)");
    run(s, "CREATE TABLE emp (id serial PRIMARY KEY, dept_id integer REFERENCES dept (id), name varchar(40) NOT NULL,"
        + " salary numeric(10,2), hired date, boss integer)");
    run(s, "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
    run(s, "INSERT INTO emp (dept_id, name, salary, hired, boss) VALUES (1, 'ada', 120.00, '2020-01-01', NULL),"
        + " (1, 'bob', 100.00, '2021-06-01', 1), (2, 'cy', 90.50, '2019-03-15', 1), (2, 'di', NULL, '2022-02-02', 3)");
  }

  @Test
  void onConflictDoNothingAndDoUpdate() throws SqlError {
    assertThat(run(s, "INSERT INTO dept VALUES (1, 'dup') ON CONFLICT DO NOTHING RETURNING id")).isEmpty();
    assertThat(run(s, "INSERT INTO dept VALUES (2, 'operations') ON CONFLICT (id) DO UPDATE SET name = excluded.name"
        + " RETURNING id, name")).containsExactly(List.of(2L, "operations"));
    run(s, "INSERT INTO dept VALUES (4, 'eng') ON CONFLICT ON CONSTRAINT dept_name_key DO UPDATE SET name = 'eng2'");
    assertThat(value(s, "SELECT string_agg(name, ',') FROM (SELECT name FROM dept ORDER BY id) d"))
        .isEqualTo("eng2,operations,empty");
  }

  @Test
  void updateAndDeleteReturning() throws SqlError {
    assertThat(run(s, "UPDATE emp SET salary = salary * 2 WHERE name = 'bob' RETURNING name, salary"))
        .containsExactly(List.of("bob", new BigDecimal("200.00")));
    assertThat(run(s, "DELETE FROM emp WHERE salary IS NULL RETURNING *")).hasSize(1);
    assertThat(run(s, "UPDATE emp e SET boss = d.id FROM dept d WHERE d.name = 'eng' AND e.dept_id = d.id"
        + " RETURNING e.name")).hasSize(2);
    assertThat(run(s, "DELETE FROM emp USING dept WHERE emp.dept_id = dept.id AND dept.name = 'ops' RETURNING emp.id"))
        .hasSize(1);
  }

  @Test
  void joinsSubqueriesAndCtes() throws SqlError {
    assertThat(run(s, "SELECT d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name"
        + " ORDER BY d.name")).containsExactly(List.of("empty", 0L), List.of("eng", 2L), List.of("ops", 2L));
    assertThat(run(s, "SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp) ORDER BY name"))
        .containsExactly(List.of("ada"));
    assertThat(run(s, "SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp WHERE dept_id = d.id) ORDER BY 1"))
        .containsExactly(List.of("eng"), List.of("ops"));
    assertThat(run(s, "WITH RECURSIVE chain(id, depth) AS (SELECT id, 0 FROM emp WHERE boss IS NULL"
        + " UNION ALL SELECT e.id, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id)"
        + " SELECT max(depth) FROM chain")).containsExactly(List.of(2L));
    assertThat(run(s, "SELECT e.name, d.name FROM emp e JOIN dept d USING (id) ORDER BY 1")).hasSize(3);
  }

  @Test
  void windowFunctions() throws SqlError {
    assertThat(run(s, "SELECT name, rank() OVER (PARTITION BY dept_id ORDER BY salary DESC NULLS LAST),"
        + " sum(salary) OVER (PARTITION BY dept_id) FROM emp ORDER BY name")).containsExactly(
        List.of("ada", 1L, new BigDecimal("220.00")), List.of("bob", 2L, new BigDecimal("220.00")),
        List.of("cy", 1L, new BigDecimal("90.50")), List.of("di", 2L, new BigDecimal("90.50")));
  }

  @Test
  void limitOffsetAndPostgresqlNullOrdering() throws SqlError {
    assertThat(run(s, "SELECT name FROM emp ORDER BY salary LIMIT 2 OFFSET 1"))
        .containsExactly(List.of("bob"), List.of("ada"));
    assertThat(run(s, "SELECT name FROM emp ORDER BY salary DESC LIMIT 1")).containsExactly(List.of("di"));
    assertThat(run(s, "SELECT name FROM emp ORDER BY id OFFSET 3")).containsExactly(List.of("di"));
    assertThat(run(s, "SELECT count(*) FROM emp LIMIT 1")).containsExactly(List.of(4L));
    assertThat(run(s, "SELECT count(*) FROM (SELECT name FROM emp LIMIT 3) x")).containsExactly(List.of(3L));
    assertThat(run(s, "SELECT count(*) FROM (SELECT name FROM emp OFFSET 1) x")).containsExactly(List.of(3L));
  }

  @Test
  void aggregatesWithFilter() throws SqlError {
    assertThat(run(s, "SELECT count(*) FILTER (WHERE salary > 95), sum(salary) FILTER (WHERE dept_id = 2),"
        + " count(*) FROM emp")).containsExactly(List.of(2L, new BigDecimal("90.50"), 4L));
  }

  @Test
  void regexpReplaceEncodeDecodeAndDateMakers() throws SqlError {
    assertThat(run(s, "SELECT regexp_replace('a1b22c', '[0-9]+', '#'), regexp_replace('a1b22c', '[0-9]+', '#', 'g'),"
        + " regexp_replace('John Smith', '(\\w+) (\\w+)', '\\2, \\1'), regexp_replace('ABC', 'b', 'x', 'gi')"))
        .containsExactly(List.of("a#b22c", "a#b#c", "Smith, John", "AxC"));
    assertThat(run(s, "SELECT encode('\\x00ff41'::bytea, 'hex'), encode('hello'::bytea, 'base64'),"
        + " encode(decode('68656c6c6f', 'hex'), 'escape'), decode('aGVsbG8=', 'base64') = 'hello'::bytea"))
        .containsExactly(List.of("00ff41", "aGVsbG8=", "hello", true));
    run(s, "SET TimeZone = 'UTC'");
    assertThat(run(s, "SELECT to_timestamp(86400.5), make_date(2024, 2, 29)::text")).containsExactly(List.of(
        java.time.OffsetDateTime.of(1970, 1, 2, 0, 0, 0, 500_000_000, java.time.ZoneOffset.UTC), "2024-02-29"));
  }

  @Test
  void jsonOperators() throws SqlError {
    run(s, "CREATE TABLE docs (id int PRIMARY KEY, body jsonb)");
    run(s, "INSERT INTO docs VALUES (1, '{\"name\": \"a \\\"quoted\\\" name\", \"tags\": [\"x\", \"y\"],"
        + " \"n\": 1.5, \"ok\": true, \"nested\": {\"k\": null}}')");
    assertThat(run(s, "SELECT body ->> 'name', body -> 'tags' ->> 1, body #>> '{tags,0}', body ->> 'n',"
        + " body ->> 'ok', body #> '{nested,k}' IS NULL, body ->> 'missing' IS NULL FROM docs")).containsExactly(
        List.of("a \"quoted\" name", "y", "x", "1.5", "true", false, true));
    assertThat(run(s, "SELECT id FROM docs WHERE body ->> 'name' LIKE 'a%' AND (body -> 'n')::text = '1.5'"))
        .containsExactly(List.of(1L));
  }

  @Test
  void tableStatementAndPgTypeof() throws SqlError {
    assertThat(run(s, "TABLE dept ORDER BY id")).hasSize(3).first().isEqualTo(List.of(1L, "eng"));
    assertThat(run(s, "SELECT pg_typeof(1), pg_typeof(salary), pg_typeof(name), pg_typeof(now()) FROM emp LIMIT 1"))
        .containsExactly(List.of("integer", "numeric", "character varying", "timestamp with time zone"));
  }

  @Test
  void whereWithoutFromAddsARowOnlyOnce() throws SqlError {
    String insert = "INSERT INTO dept (id, name) SELECT 9, 'sales' WHERE NOT EXISTS (SELECT 1 FROM dept WHERE id = 9)";
    assertThat(run(s, "SELECT 1 WHERE 1 = 2")).isEmpty();
    run(s, insert);
    run(s, insert);
    assertThat(run(s, "SELECT count(*) FROM dept WHERE name = 'sales'")).containsExactly(List.of(1L));
  }

  @Test
  void castsAndLiterals() throws SqlError {
    assertThat(run(s, "SELECT '42'::int + 1, 7 / 2, 7.0 / 2, '2024-02-29'::date + 0, 'true'::boolean, 3.7::integer,"
        + " CAST(1 AS text) || 'x', NULL::integer IS NULL")).containsExactly(List.of(43L, 3L, new BigDecimal("3.5"),
        LocalDate.of(2024, 2, 29), true, 4L, "1x", true));
    assertThatThrownBy(() -> run(s, "SELECT 'x'::integer")).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(Condition.INVALID_TEXT_REPRESENTATION));
  }

  @Test
  void betweenInEachForm() throws SqlError {
    assertThat(run(s, "SELECT 2 BETWEEN 1 AND 3, 2 NOT BETWEEN 1 AND 3, 2 BETWEEN SYMMETRIC 3 AND 1,"
        + " 2 BETWEEN 3 AND 1, 2 NOT BETWEEN SYMMETRIC 3 AND 1"))
        .containsExactly(List.of(true, false, true, false, false));
    assertThat(run(s, "SELECT name FROM emp WHERE hired BETWEEN '2020-01-01' AND '2021-12-31' ORDER BY name"))
        .containsExactly(List.of("ada"), List.of("bob"));
  }

  @Test
  void jsonIsStoredAsGiven() throws SqlError {
    run(s, "CREATE TABLE docs (id serial PRIMARY KEY, body json, meta jsonb)");
    run(s, "INSERT INTO docs (body, meta) VALUES ('{\"a\": [1, 2]}', '{\"k\": \"v\"}')");
    assertThat(run(s, "SELECT body, meta FROM docs")).containsExactly(List.of("{\"a\": [1, 2]}", "{\"k\": \"v\"}"));
  }

  @Test
  void constraintViolationsHavePostgresqlConditions() {
    assertCondition("INSERT INTO emp (dept_id, name) VALUES (99, 'nobody')", Condition.FOREIGN_KEY_VIOLATION);
    assertCondition("INSERT INTO emp (dept_id) VALUES (1)", Condition.NOT_NULL_VIOLATION);
    assertCondition("INSERT INTO dept VALUES (1, 'again')", Condition.UNIQUE_VIOLATION);
    assertCondition("INSERT INTO emp (name) VALUES ('" + "x".repeat(41) + "')", Condition.STRING_DATA_RIGHT_TRUNCATION);
    assertCondition("SELECT nope FROM emp", Condition.UNDEFINED_COLUMN);
    assertCondition("SELECT * FROM nope", Condition.UNDEFINED_TABLE);
    assertCondition("SELEC 1", Condition.SYNTAX_ERROR);
  }

  private void assertCondition(String sql, Condition condition) {
    assertThatThrownBy(() -> run(s, sql)).as(sql).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(condition));
  }
}
