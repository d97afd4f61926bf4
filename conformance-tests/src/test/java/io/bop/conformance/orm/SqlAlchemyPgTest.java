package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bop.conformance.BopNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQLAlchemy and Alembic as Debian packages them, over psycopg2 with SQLAlchemy's stock PostgreSQL dialect:
 * {@code orm/sqlalchemy_suite.py} runs its checks against a bop node and prints its pass table.
 */
class SqlAlchemyPgTest {
  /** Debian's interpreter: the python3-sqlalchemy, python3-alembic and python3-psycopg2 packages are its. */
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @RegisterExtension static final BopNode BOP = new BopNode();

  @Test
  void sqlAlchemyAndAlembicPassEveryCheck() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON) && modulesInstalled(), "python3-sqlalchemy, python3-alembic and"
        + " python3-psycopg2 are not installed (.ci/run installs them)");
    Path script = Path.of(getClass().getResource("/orm/sqlalchemy_suite.py").toURI());
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(),
        "postgresql+psycopg2://bop:bop@127.0.0.1:" + BOP.pgPort() + "/bop").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    System.out.print(output);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("alembic downgrade to base").doesNotContain("FAIL");
  }

  private static boolean modulesInstalled() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import sqlalchemy, alembic, psycopg2")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
