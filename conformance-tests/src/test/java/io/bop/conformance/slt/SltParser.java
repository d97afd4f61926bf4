package io.bop.conformance.slt;

import io.bop.conformance.slt.SltRecord.Condition;
import io.bop.conformance.slt.SltRecord.Halt;
import io.bop.conformance.slt.SltRecord.HashThreshold;
import io.bop.conformance.slt.SltRecord.Query;
import io.bop.conformance.slt.SltRecord.SortMode;
import io.bop.conformance.slt.SltRecord.Statement;
import io.bop.conformance.slt.SltRecord.Unparsable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sqllogictest script into records, as the reference harness ({@code sqllogictest.c}) does: {@code \r\n}
 * is a line end, a line of spaces is blank, {@code #} lines are dropped wherever they are (they neither end a
 * record nor belong to its SQL), and blank lines separate records.
 */
final class SltParser {
  private static final String RESULTS_SEPARATOR = "----";

  private SltParser() {}

  static List<SltRecord> parse(String script) {
    List<SltRecord> records = new ArrayList<>();
    List<Line> block = new ArrayList<>();
    String[] lines = script.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i];
      if (text.startsWith("#")) {
        continue;
      }
      if (text.isBlank()) {
        if (!block.isEmpty()) {
          records.add(record(block));
          block = new ArrayList<>();
        }
      } else {
        block.add(new Line(i + 1, text));
      }
    }
    if (!block.isEmpty()) {
      records.add(record(block));
    }
    return records;
  }

  private record Line(int number, String text) {
    String[] tokens() {
      return text.trim().split("\\s+");
    }
  }

  private static SltRecord record(List<Line> block) {
    List<Condition> conditions = new ArrayList<>();
    int header = 0;
    while (header < block.size() && block.get(header).text.matches("(skipif|onlyif)\\s.*")) {
      // Anything after the engine name is a comment ("skipif mysql # empty RHS").
      String[] tokens = block.get(header).tokens();
      conditions.add(new Condition(tokens[0].equals("onlyif"), tokens[1]));
      header++;
    }
    if (header == block.size()) {
      return unparsable(block, block.get(0).number, conditions, "conditions without a record");
    }
    Line first = block.get(header);
    String[] tokens = first.tokens();
    List<String> body = block.subList(header + 1, block.size()).stream().map(Line::text).toList();
    switch (tokens[0]) {
      case "statement":
        if (tokens.length == 2 && (tokens[1].equals("ok") || tokens[1].equals("error")) && !body.isEmpty()) {
          return new Statement(first.number, conditions, String.join("\n", body), tokens[1].equals("error"));
        }
        return unparsable(block, first.number, conditions, "statement needs 'ok' or 'error' and SQL");
      case "query":
        return query(block, first.number, conditions, tokens, body);
      case "hash-threshold":
        if (tokens.length == 2 && tokens[1].matches("\\d+")) {
          return new HashThreshold(first.number, conditions, Integer.parseInt(tokens[1]));
        }
        return unparsable(block, first.number, conditions, "hash-threshold needs a number");
      case "halt":
        return new Halt(first.number, conditions);
      default:
        return unparsable(block, first.number, conditions, "not a statement, query, hash-threshold or halt record");
    }
  }

  /**
   * {@code query <types> [sort mode] [label]}. A label names results that several queries must share; each query
   * also carries those results, so comparing every query with its own results checks the label too.
   */
  private static SltRecord query(List<Line> block, int line, List<Condition> conditions, String[] tokens,
      List<String> body) {
    if (tokens.length < 2 || !tokens[1].matches("[TIR]+")) {
      return unparsable(block, line, conditions, "query needs a type string of T, I and R");
    }
    SortMode sortMode;
    try {
      sortMode = tokens.length < 3 ? SortMode.NOSORT : SortMode.valueOf(tokens[2].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return unparsable(block, line, conditions, "unknown sort mode " + tokens[2]);
    }
    int separator = body.indexOf(RESULTS_SEPARATOR);
    List<String> sql = separator < 0 ? body : body.subList(0, separator);
    List<String> expected = separator < 0 ? List.of() : body.subList(separator + 1, body.size());
    if (sql.isEmpty()) {
      return unparsable(block, line, conditions, "query without SQL");
    }
    return new Query(line, conditions, String.join("\n", sql), tokens[1], sortMode,
        List.copyOf(expected));
  }

  private static Unparsable unparsable(List<Line> block, int line, List<Condition> conditions, String problem) {
    List<String> text = block.stream().map(Line::text).toList();
    return new Unparsable(line, conditions, String.join("\n", text), problem);
  }
}
