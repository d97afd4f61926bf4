package io.bop.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real psql binary against a node. */
final class Psql {
  /** What a psql run printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private Psql() {}

  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, "psql").canExecute()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param connection a libpq connection string ({@code host=... port=...}) or URI
   * @param password the password, given as PGPASSWORD
   * @param args further arguments ({@code -c}, {@code -f}, …)
   */
  static Result run(String connection, String password, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "--no-password", connection));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().remove("PGSERVICE");
    Process process = pb.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("psql did not finish: " + command);
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
