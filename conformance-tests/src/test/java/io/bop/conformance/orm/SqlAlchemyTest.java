package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bop.conformance.BopNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLAlchemy and Alembic as Debian packages them, with SQLAlchemy's stock dialects over both protocols: psycopg2
 * (PostgreSQL) and pymysql (MySQL). {@code orm/sqlalchemy_suite.py} runs the same checks against a bop node for
 * each and prints its pass table.
 */
class SqlAlchemyTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"postgresql+psycopg2", "mysql+pymysql"})
  void sqlAlchemyAndAlembicPassEveryCheck(String driver) throws Exception {
    String module = driver.substring(driver.indexOf('+') + 1);
    assumeTrue(Python.imports("sqlalchemy", "alembic", module), "python3-sqlalchemy, python3-alembic and python3-"
        + module + " are not installed (.ci/run installs them)");
    int port = driver.startsWith("mysql") ? BOP.mysqlPort() : BOP.pgPort();
    String output = Python.run("/orm/sqlalchemy_suite.py", driver + "://bop:bop@127.0.0.1:" + port + "/bop");
    assertThat(output).contains("alembic downgrade to base").doesNotContain("FAIL");
  }
}
