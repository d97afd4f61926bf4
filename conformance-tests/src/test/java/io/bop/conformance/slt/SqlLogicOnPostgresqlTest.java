package io.bop.conformance.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus against a real PostgreSQL, to learn what PostgreSQL itself answers: a record it fails too is a
 * candidate for {@code expectations.txt}, one it passes and bop fails is a bop bug. Runs only when
 * {@code -Dslt.postgresql=<JDBC URL of a maintenance database, user included>} is given, as
 * {@code conformance-tests/sqllogictest-on-postgresql.sh} does; reports go to
 * {@code target/sqllogictest-on-postgresql/}.
 */
@EnabledIfSystemProperty(named = "slt.postgresql", matches = ".+")
class SqlLogicOnPostgresqlTest {
  private static final String DATABASE = "sqllogictest";
  private static final Expectations EXPECTATIONS = Expectations.load();

  static List<String> scripts() {
    return SltFiles.scripts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void run(String script) throws Exception {
    String maintenanceUrl = System.getProperty("slt.postgresql");
    try (Connection maintenance = DriverManager.getConnection(maintenanceUrl)) {
      recreate(maintenance);
    }
    String url = maintenanceUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
    ScriptOutcome outcome;
    try (Connection connection = DriverManager.getConnection(url)) {
      outcome = new SltRunner("postgresql", EXPECTATIONS).run(script, connection);
    }
    outcome.writeReport(SqlLogicTest.REPORTS.resolveSibling("sqllogictest-on-postgresql"),
        SqlLogicTest.REPORTED_FAILURES);
    System.out.println(outcome.summary());
  }

  private static void recreate(Connection maintenance) throws SQLException {
    try (Statement statement = maintenance.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
  }
}
