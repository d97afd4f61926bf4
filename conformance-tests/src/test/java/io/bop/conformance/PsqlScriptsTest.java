package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts run by psql against bop, whose output must equal what PostgreSQL 15 printed for the same script
 * ({@code psql -X -A -t -f script.sql}, captured into {@code script.expected} from a real server).
 */
class PsqlScriptsTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  static Stream<String> scripts() throws Exception {
    try (Stream<Path> files = Files.list(resource(""))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void printsWhatPostgresqlPrints(String script) throws Exception {
    assumeTrue(Psql.installed(), "psql is not installed");
    Command.Result result = Psql.run("host=127.0.0.1 port=" + BOP.pgPort() + " user=bop dbname=bop sslmode=disable",
        "bop", "-A", "-t", "-f", resource(script + ".sql").toString());
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(Files.readString(resource(script + ".expected"), StandardCharsets.UTF_8));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PsqlScriptsTest.class.getResource("/psql/" + name).toURI());
  }
}
