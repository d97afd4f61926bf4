package io.bop.conformance.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's python3, whose packages (python3-sqlalchemy, python3-alembic, python3-psycopg2, ...) the suites use. */
final class Python {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private Python() {}

  /** Whether the interpreter is there and imports these modules. */
  static boolean imports(String... modules) throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  /** Runs a script of the test resources (as {@code /orm/x.py}) to its end; its output, which is also printed. */
  static String run(String script, String... args) throws IOException, InterruptedException, URISyntaxException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(),
        Path.of(Python.class.getResource(script).toURI()).toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    System.out.print(output);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
