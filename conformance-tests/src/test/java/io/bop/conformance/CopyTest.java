package io.bop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY FROM STDIN and TO STDOUT through psql's \copy and pgjdbc's CopyManager. */
class CopyTest {
  @RegisterExtension static final BopNode BOP = new BopNode();

  @TempDir Path dir;

  private static Command.Result psql(String... args) throws Exception {
    return Psql.run("host=127.0.0.1 port=" + BOP.pgPort() + " user=bop dbname=bop sslmode=disable", "bop", args);
  }

  @Test
  void psqlCopyRoundTripsAHundredThousandRows() throws Exception {
    Path in = dir.resolve("in.tsv");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 100_000; i++) {
      lines.add(i + "\tname " + i + (i % 1000 == 0 ? "\\ttab\\\\slash\\nline" : "") + "\t" + (i % 7 == 0 ? "\\N"
          : i + ".25") + "\t2024-01-" + String.format("%02d", i % 28 + 1));
    }
    Files.write(in, lines, StandardCharsets.UTF_8);
    Command.Result load = psql("-c", "CREATE TABLE big (id integer PRIMARY KEY, name text, amount numeric(12,2), d date)",
        "-c", "\\copy big from '" + in + "'");
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.out()).contains("COPY 100000");

    Path out = dir.resolve("out.tsv");
    Command.Result dump = psql("-c", "\\copy big to '" + out + "'");
    assertThat(dump.exit()).as(dump.err()).isZero();
    assertThat(dump.out()).contains("COPY 100000");
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(lines);

    Command.Result checked = psql("-A", "-t", "-c", "SELECT count(*), sum(amount), max(length(name)) FROM big");
    assertThat(checked.out().strip()).isEqualTo("100000|4285807143.75|26");
  }

  @Test
  void csvWithHeaderQuotesNullsAndLineBreaksRoundTrips() throws Exception {
    Path in = dir.resolve("in.csv");
    String csv = "id,note,n\n1,\"a, \"\"quoted\"\" value\",1\n2,\"two\nlines\",\n3,,3\n4,\"\",4\n";
    Files.writeString(in, csv);
    Command.Result load = psql("-c", "CREATE TABLE notes (id int PRIMARY KEY, note text, n int)",
        "-c", "\\copy notes from '" + in + "' with (format csv, header)");
    assertThat(load.exit()).as(load.err()).isZero();
    Command.Result rows = psql("-A", "-t", "-c", "SELECT id, coalesce(note, '<null>'), coalesce(n, -1) FROM notes"
        + " ORDER BY id");
    assertThat(rows.out()).isEqualTo("1|a, \"quoted\" value|1\n2|two\nlines|-1\n3|<null>|3\n4||4\n");

    Command.Result dumped = psql("-c", "COPY notes TO STDOUT WITH CSV HEADER");
    assertThat(dumped.out()).isEqualTo(csv);
    Command.Result old = psql("-c", "COPY (SELECT id, note FROM notes WHERE id IN (1, 3) ORDER BY id) TO STDOUT"
        + " DELIMITER '|' NULL 'none'");
    assertThat(old.out()).isEqualTo("1|a, \"quoted\" value\n3|none\n");
  }

  @Test
  void aFailedCopyLeavesNothingAndTheSessionWorks() throws Exception {
    Path in = dir.resolve("bad.tsv");
    Files.writeString(in, "1\tok\n2\tok\nx\tbad\n4\tnever\n");
    Command.Result failed = psql("-c", "CREATE TABLE strict (id int PRIMARY KEY, v text)",
        "-c", "\\copy strict from '" + in + "'");
    assertThat(failed.exit()).isNotZero();
    assertThat(failed.err()).contains("invalid input syntax for type integer: \"x\"",
        "CONTEXT:  COPY strict, line 3, column id: \"x\"");
    Command.Result after = psql("-A", "-t", "-c", "SELECT count(*) FROM strict");
    assertThat(after.out().strip()).isEqualTo("0");
  }

  @Test
  void pgjdbcCopyManagerInAndOutWithinATransaction() throws Exception {
    try (Connection c = BOP.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jdbc_copy (id serial PRIMARY KEY, word text, at timestamptz)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      assertThat(copy.copyIn("COPY jdbc_copy (word, at) FROM STDIN",
          new StringReader("one\t2024-05-01 10:00:00+00\ntwo\t\\N\n"))).isEqualTo(2);

      c.setAutoCommit(false);
      copy.copyIn("COPY jdbc_copy (word) FROM STDIN (FORMAT csv)", new StringReader("three\nfour\n"));
      c.rollback();
      c.setAutoCommit(true);

      StringWriter out = new StringWriter();
      assertThat(copy.copyOut("COPY (SELECT id, word, at FROM jdbc_copy ORDER BY id) TO STDOUT (FORMAT csv)", out))
          .isEqualTo(2);
      assertThat(out.toString()).isEqualTo("1,one,2024-05-01 10:00:00+00\n2,two,\n");

      assertThatThrownBy(() -> copy.copyIn("COPY jdbc_copy (word) FROM STDIN", new StringReader("a\tb\n")))
          .isInstanceOf(SQLException.class).hasMessageContaining("extra data after last expected column")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P04"));
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM jdbc_copy")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(2);
      }
    }
  }
}
