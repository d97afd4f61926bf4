package io.bop.conformance.slt;

import java.util.List;

/**
 * One record of a sqllogictest script. {@code line} is the line of the record's header ({@code statement},
 * {@code query}, …), after any {@code skipif}/{@code onlyif} lines: the line the expectations file names.
 */
sealed interface SltRecord {
  int line();

  List<Condition> conditions();

  /** Whether the record is meant for the engine {@code label}: no {@code skipif label}, no other {@code onlyif}. */
  default boolean appliesTo(String label) {
    return conditions().stream().allMatch(c -> c.onlyIf() == c.engine().equalsIgnoreCase(label));
  }

  /** {@code skipif <engine>} ({@code onlyIf} false) or {@code onlyif <engine>}. */
  record Condition(boolean onlyIf, String engine) {}

  /** {@code statement ok} or {@code statement error}: the SQL must succeed, or must fail. */
  record Statement(int line, List<Condition> conditions, String sql, boolean expectError) implements SltRecord {}

  /**
   * {@code query <types> <sort mode> [label]}: the SQL must return {@code types.length()} columns whose rendered
   * values, sorted per {@code sortMode}, equal {@code expected} (one value per line, or one hash line).
   */
  record Query(int line, List<Condition> conditions, String sql, String types, SortMode sortMode,
      List<String> expected) implements SltRecord {}

  /** {@code hash-threshold N}: larger results are written as one hash line. */
  record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {}

  /** {@code halt}: the rest of the script is not for this engine. */
  record Halt(int line, List<Condition> conditions) implements SltRecord {}

  /** A record the format does not define (the corpus has one: SQL without a {@code statement} line). */
  record Unparsable(int line, List<Condition> conditions, String text, String problem) implements SltRecord {}

  enum SortMode { NOSORT, ROWSORT, VALUESORT }
}
