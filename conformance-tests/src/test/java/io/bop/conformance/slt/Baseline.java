package io.bop.conformance.slt;

import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The fewest records each script must pass per engine label ({@code baseline.txt}): what bop passes today, so
 * that CI fails on any regression while the targets are still out of reach. Raise a number when bop gets
 * better.
 */
final class Baseline {
  static final String FILE = "baseline.txt";

  private final Map<String, Integer> minimumPassed;

  private Baseline(Map<String, Integer> minimumPassed) {
    this.minimumPassed = minimumPassed;
  }

  /** Lines of {@code <engine label> <script> <minimum passed, expected-different included>}. */
  static Baseline load() {
    return new Baseline(SltFiles.entries(FILE, 3).stream()
        .collect(Collectors.toMap(e -> e[0] + " " + e[1], e -> Integer.parseInt(e[2]))));
  }

  OptionalInt minimumPassed(String label, String script) {
    Integer minimum = minimumPassed.get(label + " " + script);
    return minimum == null ? OptionalInt.empty() : OptionalInt.of(minimum);
  }
}
