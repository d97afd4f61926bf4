package io.bop.conformance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a real client program (psql, pgbench, sysbench) to its end. */
final class Command {
  /** What a run printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private Command() {}

  /** Whether the program is on the PATH. */
  static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** Runs the command with nothing on its standard input and these variables added to its environment. */
  static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(environment);
    Process process = pb.start();
    process.getOutputStream().close();
    // Both streams are drained at once: a program that fills one pipe while we wait on the other would hang.
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String out = read(process.getInputStream());
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("did not finish within " + timeoutSeconds + " s: " + command);
    }
    try {
      return new Result(process.exitValue(), out, err.get());
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
