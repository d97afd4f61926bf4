package io.bop.conformance.slt;

import io.bop.conformance.slt.SltRecord.Query;
import io.bop.conformance.slt.SltRecord.Statement;
import io.bop.conformance.slt.SltRecord.Unparsable;
import io.bop.conformance.slt.SltRunner.Mismatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one script went for one engine label: the counts of statement and query records (hash-threshold and halt
 * records are not counted) and the records that did not answer as the corpus says.
 */
final class ScriptOutcome {
  private final String script;
  private final String label;
  private int passed;
  private int skipped;
  private Integer haltedAt;
  private final List<Difference> failures = new ArrayList<>();
  private final List<Difference> expectedDifferences = new ArrayList<>();
  private final List<Difference> listedButPassed = new ArrayList<>();
  private final List<Unparsable> unparsable = new ArrayList<>();

  /** A record that answered otherwise, with the reason when the expectations file lists it. */
  private record Difference(SltRecord record, Mismatch mismatch, String reason) {}

  ScriptOutcome(String script, String label) {
    this.script = script;
    this.label = label;
  }

  void ran(SltRecord record, Mismatch mismatch, String expectedDifferenceReason) {
    if (mismatch == null) {
      passed++;
      if (expectedDifferenceReason != null) {
        listedButPassed.add(new Difference(record, null, expectedDifferenceReason));
      }
    } else if (expectedDifferenceReason != null) {
      expectedDifferences.add(new Difference(record, mismatch, expectedDifferenceReason));
    } else {
      failures.add(new Difference(record, mismatch, null));
    }
  }

  /** A record not for this engine ({@code skipif}, {@code onlyif}) or after a {@code halt}. */
  void skip(SltRecord record) {
    if (record instanceof Statement || record instanceof Query || record instanceof Unparsable) {
      skipped++;
    }
  }

  void halt(int line) {
    haltedAt = line;
  }

  /** A record the format does not define is not run: it is skipped and named in the report. */
  void unparsable(Unparsable record) {
    unparsable.add(record);
    skipped++;
  }

  Integer haltedAt() {
    return haltedAt;
  }

  String script() {
    return script;
  }

  int run() {
    return passed + failures.size() + expectedDifferences.size();
  }

  int failed() {
    return failures.size();
  }

  List<Integer> failedLines() {
    return failures.stream().map(failure -> failure.record.line()).toList();
  }

  /** Passed, counting records that answered as the expectations file says the native database does. */
  int passedOrExpected() {
    return passed + expectedDifferences.size();
  }

  /** One line a build can read. */
  String summary() {
    return "slt %s %s run=%d passed=%d failed=%d expected-different=%d skipped=%d".formatted(label, script, run(),
        passed, failed(), expectedDifferences.size(), skipped);
  }

  /** Writes {@code <label>/<script>.txt} under {@code reports}: the summary and the first {@code maxFailures}. */
  Path writeReport(Path reports, int maxFailures) throws IOException {
    StringBuilder report = new StringBuilder(summary()).append('\n');
    if (haltedAt != null) {
      report.append("halted at line ").append(haltedAt).append(": the rest is not for ").append(label).append('\n');
    }
    if (!unparsable.isEmpty()) {
      report.append("\nnot run, not in the sqllogictest format:\n");
      unparsable.forEach(record -> report.append("  line ").append(record.line()).append(": ")
          .append(record.problem()).append('\n').append(indent(record.text())));
    }
    if (!listedButPassed.isEmpty()) {
      report.append("\npassed, although expectations.txt says the native database answers otherwise:\n");
      listedButPassed.forEach(listed -> report.append("  line ").append(listed.record.line()).append(": ")
          .append(listed.reason).append('\n'));
    }
    report.append('\n').append(failures.size()).append(" failures");
    if (failures.size() > maxFailures) {
      report.append(", the first ").append(maxFailures);
    }
    report.append(":\n");
    failures.stream().limit(maxFailures).forEach(failure -> append(report, failure));
    report.append('\n').append(expectedDifferences.size()).append(" expected differences (expectations.txt):\n");
    expectedDifferences.forEach(difference -> append(report, difference));
    Path file = reports.resolve(label).resolve(script + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    return file;
  }

  private static void append(StringBuilder report, Difference difference) {
    SltRecord record = difference.record;
    report.append("\n--- line ").append(record.line());
    if (difference.reason != null) {
      report.append(": ").append(difference.reason);
    }
    String sql = record instanceof Query query ? query.sql() : ((Statement) record).sql();
    report.append('\n').append(indent(sql))
        .append("expected:\n").append(indent(difference.mismatch.expected()))
        .append("got:\n").append(indent(difference.mismatch.got()));
  }

  private static String indent(String text) {
    return text.isEmpty() ? "    (nothing)\n" : text.indent(4);
  }
}
