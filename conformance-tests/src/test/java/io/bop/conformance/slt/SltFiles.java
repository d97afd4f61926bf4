package io.bop.conformance.slt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test resources under {@code sqllogictest/}: {@code corpus/}, a verbatim copy of the corpus in
 * {@code ../shared/conformance/sqllogictest} (in the repository so a clean clone runs it), and the reviewed lists
 * beside it. Scripts are named by their path under {@code corpus/test/}, as in {@code evidence/in1.test}.
 */
final class SltFiles {
  private static final Path ROOT = root();
  private static final Path SCRIPTS = ROOT.resolve("corpus/test");

  private SltFiles() {}

  private static Path root() {
    try {
      return Path.of(SltFiles.class.getResource("/sqllogictest").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every script, {@code select1.test} first, then {@code evidence/*.test} by name. */
  static List<String> scripts() {
    try (Stream<Path> files = Files.walk(SCRIPTS)) {
      return files.filter(f -> f.toString().endsWith(".test")).map(f -> SCRIPTS.relativize(f).toString())
          .sorted((a, b) -> a.contains("/") == b.contains("/") ? a.compareTo(b) : a.contains("/") ? 1 : -1)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String script(String name) {
    return read(SCRIPTS.resolve(name));
  }

  /**
   * The entries of a reviewed list ({@code expectations.txt}, {@code baseline.txt}): one per line, blank lines and
   * {@code #} comments left out, split at white space into {@code fields} fields, the last taking the rest.
   */
  static List<String[]> entries(String list, int fields) {
    return read(ROOT.resolve(list)).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> {
          String[] entry = l.split("\\s+", fields);
          if (entry.length != fields) {
            throw new IllegalArgumentException(list + ": expected " + fields + " fields in: " + l);
          }
          return entry;
        }).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
