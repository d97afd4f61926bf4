package io.bop.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real MariaDB command-line tools (mariadb, mysqldump; Debian's mariadb-client) against a node. */
final class MariaDbClient {
  /** What a run printed and how it ended; a dump holds bytes that are not UTF-8 (BLOB values) as they are. */
  record Result(int exit, byte[] bytes, String err) {
    String out() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private MariaDbClient() {}

  /**
   * Skips the calling test if the tools are missing on a developer's machine; on CI (where {@code .ci/run} installs
   * mariadb-client) their absence fails it instead.
   */
  static void requireInstalled() {
    boolean installed = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      installed |= new File(dir, "mariadb").canExecute() && new File(dir, "mysqldump").canExecute();
    }
    if (!installed && System.getenv("CI") != null) {
      fail("the mariadb and mysqldump binaries are missing (.ci/run installs mariadb-client)");
    }
    assumeTrue(installed, "mariadb-client is not installed (.ci/run installs it)");
  }

  /**
   * Runs {@code tool} (mariadb or mysqldump) as user bop against the node's MySQL port.
   *
   * @param input what the tool reads on standard input, or null for nothing
   */
  static Result run(BopNode node, String tool, String input, String... args) throws IOException, InterruptedException {
    return run(node, tool, input == null ? null : input.getBytes(StandardCharsets.UTF_8), args);
  }

  static Result run(BopNode node, String tool, byte[] input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tool, "--no-defaults", "--protocol=TCP", "-h", "127.0.0.1",
        "-P", String.valueOf(node.mysqlPort()), "-u", "bop", "-pbop"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getErrorStream().readAllBytes();
      } catch (IOException e) {
        return e.toString().getBytes(StandardCharsets.UTF_8);
      }
    });
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input);
      }
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(tool + " did not finish: " + command);
    }
    return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
  }
}
