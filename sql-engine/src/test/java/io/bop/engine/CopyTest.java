package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY as the engine sees it: rows of text in, rows of values out; the wire module does the data format. */
class CopyTest extends EngineFixture {
  private Session s;

  @BeforeEach
  void schema() throws SqlError {
    s = session();
    run(s, "CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL, amount numeric(10,2), day date)");
  }

  @Test
  void rowsComeInAsTextAndCommitTogether() throws SqlError {
    Execution copy = s.execute(s.prepareAll("COPY t (name, amount, day) FROM STDIN").get(0), List.of());
    Copy.In in = (Copy.In) copy.copy();
    assertThat(in.columnNames()).containsExactly("name", "amount", "day");
    assertThat(in.format().delimiter()).isEqualTo('\t');
    assertThat(in.format().nullText()).isEqualTo("\\N");
    in.row(new String[] {"a", "1.50", "2024-01-02"});
    in.row(new String[] {"b", null, null});
    in.end();
    assertThat(copy.commandTag()).isEqualTo("COPY 2");
    copy.close();
    s.sync();
    assertThat(run(s, "SELECT id, name, amount, day FROM t ORDER BY id")).containsExactly(
        List.of(1L, "a", new BigDecimal("1.50"), LocalDate.of(2024, 1, 2)), java.util.Arrays.asList(2L, "b", null, null));
  }

  @Test
  void aBadRowFailsTheCopyWithItsLineAndColumn() throws SqlError {
    Execution copy = s.execute(s.prepareAll("COPY t (name, amount) FROM STDIN (FORMAT csv, HEADER)").get(0),
        List.of());
    Copy.In in = (Copy.In) copy.copy();
    in.row(new String[] {"a", "1"});
    assertThatThrownBy(() -> in.row(new String[] {"b", "x"})).isInstanceOf(SqlError.class).satisfies(e -> {
      SqlError error = (SqlError) e;
      assertThat(error.condition()).isEqualTo(Condition.INVALID_TEXT_REPRESENTATION);
      assertThat(error.context()).isEqualTo("COPY t, line 3, column amount: \"x\"");
    });
    assertThatThrownBy(() -> in.row(new String[] {"b"})).isInstanceOf(SqlError.class)
        .hasMessage("missing data for column \"amount\"");
    assertThatThrownBy(() -> in.row(new String[] {null, "1"})).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(Condition.NOT_NULL_VIOLATION));
    copy.close();
    s.fail();
    s.sync();
    assertThat(value(s, "SELECT count(*) FROM t")).isEqualTo(0L);
  }

  @Test
  void tableAndQueryGoOutAsRows() throws SqlError {
    run(s, "INSERT INTO t (name, amount) VALUES ('a', 1), ('b', 2)");
    Execution copy = s.execute(s.prepareAll("COPY (SELECT upper(name) AS big, amount FROM t ORDER BY id) TO STDOUT"
        + " WITH CSV HEADER FORCE QUOTE *").get(0), List.of());
    Copy.Out out = (Copy.Out) copy.copy();
    assertThat(out.columnNames()).containsExactly("big", "amount");
    assertThat(out.format().csv()).isTrue();
    assertThat(out.format().forceQuote()).containsExactly(0, 1);
    List<List<Object>> rows = new ArrayList<>();
    Object[] row;
    while ((row = copy.next()) != null) {
      rows.add(List.of(row));
    }
    assertThat(rows).containsExactly(List.of("A", new BigDecimal("1.00")), List.of("B", new BigDecimal("2.00")));
    assertThat(copy.commandTag()).isEqualTo("COPY 2");
    copy.close();
    s.sync();
    assertThat(s.prepareAll("COPY t TO STDOUT").get(0).columns()).isNull();
  }

  @Test
  void optionsAreCheckedAsPostgresqlDoes() {
    assertCondition("COPY nope FROM STDIN", Condition.UNDEFINED_TABLE);
    assertCondition("COPY t (nope) FROM STDIN", Condition.UNDEFINED_COLUMN);
    assertCondition("COPY t (name, name) FROM STDIN", Condition.DUPLICATE_COLUMN);
    assertCondition("COPY t FROM '/etc/passwd'", Condition.FEATURE_NOT_SUPPORTED);
    assertCondition("COPY t FROM STDIN (FORMAT xml)", Condition.INVALID_PARAMETER_VALUE);
    assertCondition("COPY t FROM STDIN (FORMAT csv, FORMAT text)", Condition.SYNTAX_ERROR);
    assertCondition("COPY t FROM STDIN (QUOTE '\"')", Condition.FEATURE_NOT_SUPPORTED);
    assertCondition("COPY t FROM STDIN (DELIMITER '||')", Condition.FEATURE_NOT_SUPPORTED);
    assertCondition("COPY t TO STDOUT (FORMAT csv, FORCE_NOT_NULL (name))", Condition.FEATURE_NOT_SUPPORTED);
    assertCondition("COPY t (name) FROM STDIN (FORMAT csv, FORCE_NULL (day))", Condition.INVALID_COLUMN_REFERENCE);
    assertCondition("COPY t FROM STDIN (bogus 1)", Condition.SYNTAX_ERROR);
    assertCondition("COPY t FROM STDIN (FORMAT binary)", Condition.FEATURE_NOT_SUPPORTED);
  }

  private void assertCondition(String sql, Condition condition) {
    assertThatThrownBy(() -> s.execute(s.prepareAll(sql).get(0), List.of())).as(sql).isInstanceOf(SqlError.class)
        .satisfies(e -> assertThat(((SqlError) e).condition()).isEqualTo(condition));
    s.fail();
    try {
      s.sync();
    } catch (SqlError e) {
      throw new AssertionError(e);
    }
  }
}
