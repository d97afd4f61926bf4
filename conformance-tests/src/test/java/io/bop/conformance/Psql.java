package io.bop.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real psql binary against a node. */
final class Psql {
  private Psql() {}

  static boolean installed() {
    return Command.installed("psql");
  }

  /**
   * @param connection a libpq connection string ({@code host=... port=...}) or URI
   * @param password the password, given as PGPASSWORD
   * @param args further arguments ({@code -c}, {@code -f}, …)
   */
  static Command.Result run(String connection, String password, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "--no-password", connection));
    command.addAll(List.of(args));
    return Command.run(command, Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), 60);
  }
}
