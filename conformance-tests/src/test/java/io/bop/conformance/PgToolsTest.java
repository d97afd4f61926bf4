package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pgbench and sysbench run unmodified against bop, briefly: every step succeeds without a failed transaction.
 * Their figures come from {@code conformance-tests/bench/pg-tools.sh}, not from here.
 */
class PgToolsTest {
  @RegisterExtension static final BopNode BOP = new BopNode();
  private static final Map<String, String> LIBPQ = Map.of("PGPASSWORD", "bop", "PGSSLMODE", "disable");

  private static Command.Result pgbench(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", "" + BOP.pgPort(), "-U",
        "bop"));
    command.addAll(List.of(args));
    command.add("bop");
    return Command.run(command, LIBPQ, 120);
  }

  private static Command.Result sysbench(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sysbench", "--db-driver=pgsql", "--pgsql-host=127.0.0.1",
        "--pgsql-port=" + BOP.pgPort(), "--pgsql-user=bop", "--pgsql-password=bop", "--pgsql-db=bop", "--tables=2",
        "--table-size=2000"));
    command.addAll(List.of(args));
    return Command.run(command, LIBPQ, 120);
  }

  private static Command.Result query(String sql) throws Exception {
    return Psql.run("host=127.0.0.1 port=" + BOP.pgPort() + " user=bop dbname=bop sslmode=disable", "bop", "-A", "-t",
        "-c", sql);
  }

  @Test
  void pgbenchInitializesRunsBothModesAndTheBalancesMatchTheHistory() throws Exception {
    assumeTrue(Command.installed("pgbench"), "pgbench is not installed (.ci/run installs postgresql)");
    Command.Result init = pgbench("-i", "-s", "1");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.err()).contains("creating primary keys...", "done in");

    Command.Result select = pgbench("-S", "-M", "prepared", "-c", "4", "-j", "2", "-T", "3");
    assertThat(select.exit()).as(select.err()).isZero();
    assertThat(select.out()).contains("number of failed transactions: 0 (0.000%)");
    Command.Result tpcb = pgbench("-c", "4", "-j", "2", "-T", "3");
    assertThat(tpcb.exit()).as(tpcb.err()).isZero();
    assertThat(tpcb.out()).contains("number of failed transactions: 0 (0.000%)");

    Command.Result balances = query("SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT sum(tbalance) FROM"
            + " pgbench_tellers), (SELECT sum(bbalance) FROM pgbench_branches), (SELECT sum(delta) FROM pgbench_history),"
            + " (SELECT count(*) > 0 FROM pgbench_history)");
    String[] sums = balances.out().strip().split("\\|");
    assertThat(sums[4]).as("transactions ran").isEqualTo("t");
    assertThat(List.of(sums[0], sums[1], sums[2])).as("balances against history " + sums[3])
        .containsOnly(sums[3]);

    Command.Result prepared = pgbench("-M", "prepared", "-c", "4", "-j", "2", "-T", "3");
    assertThat(prepared.out()).contains("number of failed transactions: 0 (0.000%)");
  }

  @Test
  void sysbenchPreparesRunsEveryOltpWorkloadWithoutErrorsAndCleansUp() throws Exception {
    assumeTrue(Command.installed("sysbench"), "sysbench is not installed (.ci/run installs it)");
    Command.Result prepare = sysbench("oltp_read_write", "prepare");
    assertThat(prepare.exit()).as(prepare.out() + prepare.err()).isZero();
    for (String workload : List.of("oltp_point_select", "oltp_read_write", "oltp_write_only")) {
      Command.Result run = sysbench("--threads=4", "--time=3", workload, "run");
      assertThat(run.exit()).as(workload + ": " + run.out() + run.err()).isZero();
      assertThat(run.out()).as(workload).containsPattern("ignored errors: +0 ")
          .containsPattern("transactions: +[1-9]");
    }
    Command.Result cleanup = sysbench("oltp_read_write", "cleanup");
    assertThat(cleanup.exit()).as(cleanup.out() + cleanup.err()).isZero();
    Command.Result tables = query("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'sbtest%'");
    assertThat(tables.out().strip()).isEqualTo("0");
  }
}
