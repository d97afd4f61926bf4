package io.bop.conformance.slt;

import io.bop.conformance.slt.SltRecord.Halt;
import io.bop.conformance.slt.SltRecord.HashThreshold;
import io.bop.conformance.slt.SltRecord.Query;
import io.bop.conformance.slt.SltRecord.Statement;
import io.bop.conformance.slt.SltRecord.Unparsable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a script's records in order over one JDBC connection as engine {@code label} and compares each with the
 * corpus. The connection must be to an empty database: scripts create their own tables.
 */
final class SltRunner {
  /** Longer than any record needs: a statement still running then is cancelled and fails its record. */
  private static final int QUERY_TIMEOUT_SECONDS = 30;

  private final String label;
  private final Expectations expectations;

  SltRunner(String label, Expectations expectations) {
    this.label = label;
    this.expectations = expectations;
  }

  /** What a record answered when it is not what the corpus says: both written like the corpus writes them. */
  record Mismatch(String expected, String got) {}

  /** Runs the corpus script {@code script} ({@code evidence/in1.test}). */
  ScriptOutcome run(String script, Connection connection) {
    return run(script, SltParser.parse(SltFiles.script(script)), connection);
  }

  ScriptOutcome run(String script, List<SltRecord> records, Connection connection) {
    ScriptOutcome outcome = new ScriptOutcome(script, label);
    for (SltRecord record : records) {
      if (outcome.haltedAt() != null || !record.appliesTo(label)) {
        outcome.skip(record);
      } else if (record instanceof Halt) {
        outcome.halt(record.line());
      } else if (record instanceof Unparsable unparsable) {
        outcome.unparsable(unparsable);
      } else if (!(record instanceof HashThreshold)) {
        // hash-threshold needs no action: each expected block shows whether it is hashed.
        Mismatch mismatch = record instanceof Query query ? run(query, connection)
            : run((Statement) record, connection);
        outcome.ran(record, mismatch, expectations.reason(script, record.line(), label).orElse(null));
      }
    }
    return outcome;
  }

  private static Mismatch run(Statement statement, Connection connection) {
    String got;
    try (java.sql.Statement jdbc = connection.createStatement()) {
      jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      jdbc.execute(statement.sql());
      got = "ok";
    } catch (SQLException e) {
      got = error(e);
    }
    boolean failed = !got.equals("ok");
    return failed == statement.expectError() ? null
        : new Mismatch(statement.expectError() ? "an error" : "ok", got);
  }

  private static Mismatch run(Query query, Connection connection) {
    String expected = String.join("\n", query.expected());
    try (java.sql.Statement jdbc = connection.createStatement()) {
      jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      if (!jdbc.execute(query.sql())) {
        return new Mismatch(expected, "no result set");
      }
      ResultSet rows = jdbc.getResultSet();
      int columns = rows.getMetaData().getColumnCount();
      if (columns != query.types().length()) {
        return new Mismatch(query.types().length() + " columns", columns + " columns");
      }
      QueryResult result = QueryResult.read(rows, query.types()).sorted(query.sortMode());
      List<String> got = result.writtenLike(query.expected());
      if (got.equals(query.expected())) {
        return null;
      }
      // A hash line alone does not say what went wrong: show the rows too.
      return new Mismatch(expected, got.equals(result.values()) ? String.join("\n", got)
          : got.get(0) + "\n" + result);
    } catch (SQLException e) {
      return new Mismatch(expected, error(e));
    }
  }

  private static String error(SQLException e) {
    return "error " + e.getSQLState() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
