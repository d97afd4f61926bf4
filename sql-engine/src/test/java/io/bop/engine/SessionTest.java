package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Transactions, the statement cache and values, as a session sees them. */
class SessionTest extends EngineFixture {

  private static void assertCondition(Session session, String sql, Condition condition) {
    assertThatThrownBy(() -> run(session, sql)).as(sql).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(condition));
  }

  @Test
  void statementsOfOneQueryStringFormOneTransaction() throws SqlError {
    Session s = session();
    run(s, "CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1)");
    assertCondition(s, "INSERT INTO t VALUES (2); INSERT INTO t VALUES (1)", Condition.UNIQUE_VIOLATION);
    assertThat(run(s, "SELECT id FROM t ORDER BY id")).containsExactly(List.of(1L));
  }

  @Test
  void explicitTransactionsAreInvisibleUntilCommitted() throws SqlError {
    Session a = session();
    Session b = session();
    run(a, "CREATE TABLE t (id integer PRIMARY KEY)");
    run(a, "BEGIN");
    run(a, "INSERT INTO t VALUES (1)");
    assertThat(a.transactionState()).isEqualTo(TransactionState.ACTIVE);
    assertThat(value(b, "SELECT count(*) FROM t")).isEqualTo(0L);
    run(a, "COMMIT");
    assertThat(a.transactionState()).isEqualTo(TransactionState.IDLE);
    assertThat(value(b, "SELECT count(*) FROM t")).isEqualTo(1L);
  }

  @Test
  void aFailedTransactionRefusesStatementsUntilRolledBack() throws SqlError {
    Session s = session();
    run(s, "CREATE TABLE t (id integer PRIMARY KEY)");
    run(s, "BEGIN; INSERT INTO t VALUES (1)");
    assertCondition(s, "INSERT INTO t VALUES (1)", Condition.UNIQUE_VIOLATION);
    assertThat(s.transactionState()).isEqualTo(TransactionState.FAILED);
    assertCondition(s, "SELECT 1", Condition.IN_FAILED_TRANSACTION);
    // COMMIT of a failed transaction rolls it back, as in PostgreSQL.
    for (Statement st : s.prepareAll("COMMIT")) {
      try (Execution e = s.execute(st, List.of())) {
        assertThat(e.commandTag()).isEqualTo("ROLLBACK");
      }
    }
    s.sync();
    assertThat(s.transactionState()).isEqualTo(TransactionState.IDLE);
    assertThat(value(s, "SELECT count(*) FROM t")).isEqualTo(0L);
  }

  @Test
  void savepointsUndoPartOfATransactionAndRecoverFromErrors() throws SqlError {
    Session s = session();
    run(s, "CREATE TABLE t (id integer PRIMARY KEY)");
    assertCondition(s, "SAVEPOINT outside", Condition.NO_ACTIVE_SQL_TRANSACTION);
    run(s, "BEGIN; INSERT INTO t VALUES (1); SAVEPOINT a; INSERT INTO t VALUES (2)");
    assertCondition(s, "INSERT INTO t VALUES (2)", Condition.UNIQUE_VIOLATION);
    run(s, "ROLLBACK TO SAVEPOINT a");
    assertThat(s.transactionState()).isEqualTo(TransactionState.ACTIVE);
    assertCondition(s, "RELEASE SAVEPOINT nope", Condition.INVALID_SAVEPOINT);
    run(s, "ROLLBACK; BEGIN; INSERT INTO t VALUES (1); SAVEPOINT b; INSERT INTO t VALUES (3); RELEASE b; COMMIT");
    assertThat(run(s, "SELECT id FROM t ORDER BY id")).containsExactly(List.of(1L), List.of(3L));
  }

  @Test
  void ddlIsTransactionalAndReplansCachedStatements() throws SqlError {
    Session a = session();
    Session b = session();
    run(a, "BEGIN; CREATE TABLE t (id integer); INSERT INTO t VALUES (1); ROLLBACK");
    assertCondition(b, "SELECT * FROM t", Condition.UNDEFINED_TABLE);
    run(a, "CREATE TABLE t (id integer, name text)");
    Statement prepared = b.prepare("SELECT * FROM t", List.of());
    assertThat(prepared.columns()).extracting(Column::name).containsExactly("id", "name");
    run(a, "DROP TABLE t; CREATE TABLE t (id integer, name text, extra boolean)");
    try (Execution e = b.execute(prepared, List.of())) {
      assertThat(e.columns()).extracting(Column::name).containsExactly("id", "name", "extra");
    }
    b.sync();
  }

  @Test
  void aRepeatedStatementIsParsedAndTranslatedOnce() throws SqlError {
    Session a = session();
    Session b = session();
    run(a, "CREATE TABLE t (id integer PRIMARY KEY)");
    Statement first = a.prepare("SELECT id FROM t WHERE id = $1", List.of());
    Statement second = b.prepare("SELECT id FROM t WHERE id = $1", List.of());
    assertThat(second.parsed()).isSameAs(first.parsed());
    assertThat(second.plan()).isSameAs(first.plan());
  }

  @Test
  void readOnlyTransactionsRefuseWrites() throws SqlError {
    Session s = session();
    run(s, "CREATE TABLE t (id integer)");
    run(s, "BEGIN READ ONLY");
    assertCondition(s, "INSERT INTO t VALUES (1)", Condition.READ_ONLY_TRANSACTION);
    run(s, "ROLLBACK");
  }

  @Test
  void writersWaitForEachOtherAndTimeOut() throws SqlError {
    Session a = session();
    Session b = session();
    run(a, "CREATE TABLE t (id integer)");
    run(a, "BEGIN; INSERT INTO t VALUES (1)");
    assertCondition(b, "INSERT INTO t VALUES (2)", Condition.LOCK_NOT_AVAILABLE);
    run(a, "COMMIT");
    run(b, "INSERT INTO t VALUES (2)");
    assertThat(value(a, "SELECT count(*) FROM t")).isEqualTo(2L);
  }

  @Test
  void nowIsTheTransactionStart() throws Exception {
    Session s = session();
    run(s, "BEGIN");
    Object first = value(s, "SELECT now()");
    Thread.sleep(20);
    Object second = value(s, "SELECT now()");
    run(s, "COMMIT");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void valuesKeepTheirTypes() throws SqlError {
    Session s = session();
    run(s, "CREATE TABLE v (n numeric(8,3), b boolean, tz timestamptz, a integer[])");
    run(s, "INSERT INTO v VALUES (1.5, 't', '2024-05-01 12:00:00+02', ARRAY[3, 1, 2])");
    run(s, "SET TimeZone = 'UTC'");
    List<Object> row = run(s, "SELECT n, b, tz, a, a[2] FROM v").get(0);
    assertThat(row.get(0)).isEqualTo(new BigDecimal("1.500"));
    assertThat(row.get(1)).isEqualTo(true);
    assertThat(row.get(2)).isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(row.get(3)).isEqualTo(List.of(3L, 1L, 2L));
    assertThat(row.get(4)).isEqualTo(1L);
    assertThat(value(s, "SELECT count(*) FROM v WHERE b AND tz = '2024-05-01 10:00:00Z' AND 2 = ANY(a)"))
        .isEqualTo(1L);
  }

  @Test
  void cancelInterruptsTheRunningStatement() throws Exception {
    assertCancelled("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100000000)"
        + " SELECT count(*) FROM r");
    assertCancelled("SELECT pg_sleep(30)");
  }

  @Test
  void statementTimeoutCancelsALongStatementAndNothingElse() throws Exception {
    Session s = session();
    run(s, "SET statement_timeout = '200ms'");
    assertThat(value(s, "SHOW statement_timeout")).isEqualTo("200ms");
    long started = System.nanoTime();
    assertThatThrownBy(() -> run(s, "SELECT pg_sleep(5)")).isInstanceOfSatisfying(SqlError.class, e -> {
      assertThat(e.condition()).isEqualTo(Condition.QUERY_CANCELED);
      assertThat(e.getMessage()).isEqualTo("canceling statement due to statement timeout");
    });
    assertThatThrownBy(() -> run(s, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r"
        + " WHERE n < 100000000) SELECT count(*) FROM r")).hasMessage("canceling statement due to statement timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    for (int i = 0; i < 5; i++) {
      assertThat(value(s, "SELECT pg_sleep(0.1)")).as("a statement within the limit").isNotNull();
    }
    run(s, "SET statement_timeout = '1min'");
    assertThat(value(s, "SHOW statement_timeout")).isEqualTo("1min");
    run(s, "SET statement_timeout = 1500");
    assertThat(value(s, "SHOW statement_timeout")).isEqualTo("1500ms");
    run(s, "RESET statement_timeout");
    assertThat(value(s, "SHOW statement_timeout")).isEqualTo("0");
    assertThatThrownBy(() -> run(s, "SET statement_timeout = 'soon'"))
        .isInstanceOfSatisfying(SqlError.class, e -> assertThat(e.condition())
            .isEqualTo(Condition.INVALID_PARAMETER_VALUE));
  }

  @Test
  void currentSettingAndSetConfigReadAndWriteTheSessionsParameters() throws Exception {
    Session s = session();
    Session other = session();
    assertThat(value(s, "SELECT current_setting('server_version_num')")).isEqualTo("160004");
    assertThat(value(s, "SELECT set_config('application_name', 'billing', false)")).isEqualTo("billing");
    assertThat(value(s, "SELECT current_setting('application_name')")).isEqualTo("billing");
    assertThat(value(s, "SHOW application_name")).isEqualTo("billing");
    assertThat(value(other, "SELECT current_setting('application_name')")).as("per session").isEqualTo("");
    assertThat(value(s, "SELECT set_config('app.tenant', '42', false)")).isEqualTo("42");
    assertThat(value(s, "SELECT current_setting('app.tenant')::int + 1")).isEqualTo(43L);
    assertThat(value(other, "SELECT current_setting('app.tenant', true)")).isNull();
    assertThatThrownBy(() -> run(other, "SELECT current_setting('app.tenant')"))
        .isInstanceOfSatisfying(SqlError.class, e -> assertThat(e.condition())
            .isEqualTo(Condition.UNDEFINED_PARAMETER));
  }

  @Test
  void advisoryLocksMakeSessionsWaitForEachOther() throws Exception {
    Session first = session();
    Session second = session();
    assertThat(value(first, "SELECT pg_try_advisory_lock(42)")).isEqualTo(true);
    assertThat(value(first, "SELECT pg_try_advisory_lock(42)")).as("re-entrant").isEqualTo(true);
    assertThat(value(second, "SELECT pg_try_advisory_lock(42)")).isEqualTo(false);
    assertThat(value(second, "SELECT pg_try_advisory_lock(4, 2)")).as("a pair is another key").isEqualTo(true);
    CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> outcome(second,
        "SELECT pg_advisory_lock(42)"));
    Thread.sleep(200);
    assertThat(waiting).isNotDone();
    assertThat(value(first, "SELECT pg_advisory_unlock(42)")).isEqualTo(true);
    assertThat(waiting).as("held twice, released once").isNotDone();
    assertThat(value(first, "SELECT pg_advisory_unlock(42)")).isEqualTo(true);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isNotInstanceOf(SqlError.class);
    assertThat(value(first, "SELECT pg_advisory_unlock(42)")).as("not held").isEqualTo(false);

    run(first, "BEGIN");
    run(first, "SELECT pg_advisory_xact_lock(7)");
    assertThat(value(second, "SELECT pg_try_advisory_xact_lock(7)")).isEqualTo(false);
    run(first, "COMMIT");
    assertThat(value(second, "SELECT pg_try_advisory_xact_lock(7)")).as("released with its transaction")
        .isEqualTo(true);

    run(second, "SET statement_timeout = '100ms'");
    run(first, "SELECT pg_advisory_lock(9)");
    assertThatThrownBy(() -> run(second, "SELECT pg_advisory_lock(9)"))
        .hasMessage("canceling statement due to statement timeout");
    first.close();
    assertThat(value(second, "SELECT pg_try_advisory_lock(9)")).as("released with its session").isEqualTo(true);
    run(second, "SELECT pg_advisory_unlock_all()");
    assertThat(value(session(), "SELECT pg_try_advisory_lock(42)")).isEqualTo(true);
  }

  @Test
  void lockTimeoutLimitsTheWaitForTheWriter() throws Exception {
    Session holder = session();
    run(holder, "CREATE TABLE locked (n int)");
    run(holder, "BEGIN");
    run(holder, "INSERT INTO locked VALUES (1)");
    Session waiter = session();
    run(waiter, "SET lock_timeout = '100ms'");
    assertThatThrownBy(() -> run(waiter, "INSERT INTO locked VALUES (2)"))
        .isInstanceOfSatisfying(SqlError.class, e -> {
          assertThat(e.condition()).isEqualTo(Condition.LOCK_NOT_AVAILABLE);
          assertThat(e.getMessage()).isEqualTo("canceling statement due to lock timeout");
        });
    run(holder, "COMMIT");
    run(waiter, "INSERT INTO locked VALUES (2)");
    assertThat(value(waiter, "SELECT count(*) FROM locked")).isEqualTo(2L);
  }

  @Test
  void repeatableReadAndSerializableBlocksRunAloneAlsoAsTheSessionDefault() throws Exception {
    Session setup = session();
    run(setup, "CREATE TABLE iso (n int)");
    Session other = session();
    run(other, "SET lock_timeout = '100ms'");
    for (String begin : List.of("BEGIN ISOLATION LEVEL SERIALIZABLE", "START TRANSACTION ISOLATION LEVEL REPEATABLE READ",
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE; BEGIN")) {
      Session s = session();
      for (String statement : begin.split("; ")) {
        run(s, statement);
      }
      assertThat(value(s, "SELECT count(*) FROM iso")).isEqualTo(0L);
      assertThatThrownBy(() -> run(other, "INSERT INTO iso VALUES (1)")).as(begin)
          .hasMessage("canceling statement due to lock timeout");
      run(s, "COMMIT");
    }
    run(other, "BEGIN ISOLATION LEVEL READ COMMITTED");
    run(other, "SELECT count(*) FROM iso");
    run(setup, "INSERT INTO iso VALUES (1)");
    run(other, "COMMIT");
  }

  @Test
  void pgCancelBackendCancelsAnotherSession() throws Exception {
    Session other = session();
    int pid = ((Number) value(other, "SELECT pg_backend_pid()")).intValue();
    assertThat(value(session(), "SELECT pg_cancel_backend(" + (pid + 1000) + ")")).isEqualTo(false);
    CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> outcome(other, "SELECT pg_sleep(30)"));
    Thread.sleep(300);
    assertThat(value(session(), "SELECT pg_cancel_backend(" + pid + ")")).isEqualTo(true);
    assertThat(((SqlError) running.get(5, TimeUnit.SECONDS)).condition()).isEqualTo(Condition.QUERY_CANCELED);
    assertThat(value(other, "SELECT 1")).isEqualTo(1L);
  }

  private void assertCancelled(String sql) throws Exception {
    Session s = session();
    CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> outcome(s, sql));
    Thread.sleep(300);
    s.cancel();
    Object outcome = running.get(5, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(SqlError.class);
    assertThat(((SqlError) outcome).condition()).isEqualTo(Condition.QUERY_CANCELED);
    assertThat(value(s, "SELECT 1")).as("the session works after the cancel").isEqualTo(1L);
  }

  private static Object outcome(Session s, String sql) {
    try {
      return value(s, sql);
    } catch (SqlError e) {
      return e;
    }
  }
}
