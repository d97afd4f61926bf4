package io.bop.conformance.slt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reviewed records whose corpus result is SQLite's own, where the native database of an engine label answers
 * differently too ({@code expectations.txt}). A listed record that fails counts as expected-different, not as a
 * failure.
 */
final class Expectations {
  static final String FILE = "expectations.txt";

  record Entry(String script, int line, String label, String reason) {
    private String key() {
      return key(script, line, label);
    }

    private static String key(String script, int line, String label) {
      return script + ":" + line + ":" + label;
    }
  }

  private final Map<String, Entry> entries;

  Expectations(List<Entry> entries) {
    this.entries = entries.stream().collect(Collectors.toMap(Entry::key, e -> e));
  }

  /** Lines of {@code <script> <line> <engine label> <reason>}. */
  static Expectations load() {
    return new Expectations(SltFiles.entries(FILE, 4).stream()
        .map(e -> new Entry(e[0], Integer.parseInt(e[1]), e[2], e[3])).toList());
  }

  List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Why the record at {@code line} of {@code script} is expected to differ from the corpus for {@code label}. */
  Optional<String> reason(String script, int line, String label) {
    return Optional.ofNullable(entries.get(Entry.key(script, line, label))).map(Entry::reason);
  }
}
