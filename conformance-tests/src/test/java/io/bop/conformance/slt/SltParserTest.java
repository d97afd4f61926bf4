package io.bop.conformance.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.bop.conformance.slt.SltRecord.Condition;
import io.bop.conformance.slt.SltRecord.Halt;
import io.bop.conformance.slt.SltRecord.HashThreshold;
import io.bop.conformance.slt.SltRecord.Query;
import io.bop.conformance.slt.SltRecord.SortMode;
import io.bop.conformance.slt.SltRecord.Statement;
import io.bop.conformance.slt.SltRecord.Unparsable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {
  @Test
  void readsEachKindOfRecordWithItsHeaderLine() {
    List<SltRecord> records = SltParser.parse("""
        hash-threshold 8

        statement ok
        CREATE TABLE t1(x INTEGER)

        statement error
        DROP TABLE nope

        query IT rowsort label-1
        SELECT x,
               'a'
          FROM t1
        ----
        1
        a

        query R
        SELECT 1.5
        ----
        30 values hashing to 0123456789abcdef0123456789abcdef

        query I valuesort
        SELECT x FROM t1 WHERE 0

        halt
        """);

    assertThat(records).containsExactly(
        new HashThreshold(1, List.of(), 8),
        new Statement(3, List.of(), "CREATE TABLE t1(x INTEGER)", false),
        new Statement(6, List.of(), "DROP TABLE nope", true),
        new Query(9, List.of(), "SELECT x,\n       'a'\n  FROM t1", "IT", SortMode.ROWSORT, List.of("1", "a")),
        new Query(17, List.of(), "SELECT 1.5", "R", SortMode.NOSORT,
            List.of("30 values hashing to 0123456789abcdef0123456789abcdef")),
        new Query(22, List.of(), "SELECT x FROM t1 WHERE 0", "I", SortMode.VALUESORT, List.of()),
        new Halt(25, List.of()));
  }

  @Test
  void crlfEndsLinesAndCommentLinesVanishEvenInsideSql() {
    List<SltRecord> records = SltParser.parse(
        "# a comment\r\nstatement ok\r\nINSERT INTO t1\r\n# not SQL, and not a blank line either\r\nVALUES(1)\r\n"
            + "   \r\nquery I nosort\r\nSELECT 1\r\n----\r\n1\r\n");

    assertThat(records).containsExactly(
        new Statement(2, List.of(), "INSERT INTO t1\nVALUES(1)", false),
        new Query(7, List.of(), "SELECT 1", "I", SortMode.NOSORT, List.of("1")));
  }

  @Test
  void conditionsStackAndTheirTrailingCommentsAreIgnored() {
    SltRecord record = SltParser.parse("""
        skipif mysql # empty RHS
        onlyif postgresql
        query I nosort
        SELECT 1 IN ()
        """).get(0);

    assertThat(record.line()).isEqualTo(3);
    assertThat(record.conditions()).containsExactly(new Condition(false, "mysql"), new Condition(true, "postgresql"));
    assertThat(record.appliesTo("postgresql")).isTrue();
    assertThat(record.appliesTo("POSTGRESQL")).isTrue();
    assertThat(record.appliesTo("mysql")).isFalse();
    assertThat(record.appliesTo("sqlite")).isFalse();
  }

  @Test
  void aRecordTheFormatDoesNotDefineIsKeptAsUnparsable() {
    List<SltRecord> records = SltParser.parse("""
        skipif mssql
        DROP TABLE IF EXISTS t1

        query X nosort
        SELECT 1
        """);

    assertThat(records).containsExactly(
        new Unparsable(2, List.of(new Condition(false, "mssql")), "skipif mssql\nDROP TABLE IF EXISTS t1",
            "not a statement, query, hash-threshold or halt record"),
        new Unparsable(4, List.of(), "query X nosort\nSELECT 1", "query needs a type string of T, I and R"));
  }

  @Test
  void theCorpusParses() {
    List<SltRecord> select1 = SltParser.parse(SltFiles.script("select1.test"));
    assertThat(select1).filteredOn(Query.class::isInstance).hasSize(1000);
    assertThat(select1).filteredOn(Statement.class::isInstance).hasSize(31);

    // The only records outside the format: two DROP TABLE statements that lack their "statement ok" line.
    assertThat(SltFiles.scripts().stream().flatMap(script -> SltParser.parse(SltFiles.script(script)).stream()
        .filter(Unparsable.class::isInstance).map(r -> script + ":" + r.line())))
        .containsExactly("evidence/slt_lang_droptable.test:50", "evidence/slt_lang_droptable.test:53");
  }
}
