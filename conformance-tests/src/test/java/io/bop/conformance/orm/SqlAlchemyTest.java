package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bop.conformance.BopNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLAlchemy and Alembic as Debian packages them, with SQLAlchemy's stock dialects over both protocols: psycopg2
 * (PostgreSQL) and pymysql (MySQL). {@code orm/sqlalchemy_suite.py} runs the same checks against a bop node for
 * each and prints its pass table.
 */
class SqlAlchemyTest {
  /** Debian's interpreter: python3-sqlalchemy, python3-alembic, python3-psycopg2 and python3-pymysql are its. */
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @RegisterExtension static final BopNode BOP = new BopNode();

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"postgresql+psycopg2", "mysql+pymysql"})
  void sqlAlchemyAndAlembicPassEveryCheck(String driver) throws Exception {
    String module = driver.substring(driver.indexOf('+') + 1);
    assumeTrue(Files.isExecutable(PYTHON) && modulesInstalled(module), "python3-sqlalchemy, python3-alembic and"
        + " python3-" + module + " are not installed (.ci/run installs them)");
    int port = driver.startsWith("mysql") ? BOP.mysqlPort() : BOP.pgPort();
    Path script = Path.of(getClass().getResource("/orm/sqlalchemy_suite.py").toURI());
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(),
        driver + "://bop:bop@127.0.0.1:" + port + "/bop").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    System.out.print(output);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("alembic downgrade to base").doesNotContain("FAIL");
  }

  private static boolean modulesInstalled(String driver) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import sqlalchemy, alembic, " + driver)
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
