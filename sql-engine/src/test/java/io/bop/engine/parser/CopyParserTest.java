package io.bop.engine.parser;

import io.bop.engine.parser.ast.BopCopy;
import io.bop.engine.parser.ast.BopOption;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.bop.engine.parser.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COPY as psql's \copy, pg_dump and pgbench send it. */
class CopyParserTest {

  @Test
  void fromStdinWithColumnsAndNewStyleOptions() {
    final BopCopy copy = parse("COPY public.t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';',"
        + " NULL 'x', FREEZE, FORCE_NOT_NULL (a), FORCE_QUOTE *)", BopCopy.class);
    assertThat(copy.table().names).containsExactly("public", "t");
    assertThat(copy.columns()).map(SqlNode::toString).containsExactly("a", "b");
    assertThat(copy.direction()).isEqualTo(BopCopy.Direction.FROM);
    assertThat(copy.file()).isNull();
    assertThat(options(copy)).containsExactly("format=csv", "header=TRUE", "delimiter=';'", "null='x'",
        "freeze=null", "force_not_null=[a]", "force_quote=*");
  }

  @Test
  void oldStyleOptionsAsPsqlPassesThemThrough() {
    assertThat(options(parse("copy t from stdin with csv header delimiter as '|' null as '' quote '\"'"
        + " force not null a, b", BopCopy.class)))
        .containsExactly("format=csv", "header=null", "delimiter='|'", "null=''", "quote='\"'", "force_not_null=[a, b]");
    assertThat(options(parse("COPY t TO STDOUT CSV FORCE QUOTE *", BopCopy.class)))
        .containsExactly("format=csv", "force_quote=*");
    assertThat(options(parse("COPY BINARY t FROM STDIN", BopCopy.class))).containsExactly("format=binary");
    assertThat(options(parse("copy pgbench_accounts from stdin with (freeze on)", BopCopy.class)))
        .containsExactly("freeze=on");
  }

  @Test
  void queryToStdoutAndServerFiles() {
    final BopCopy copy = parse("COPY (SELECT a FROM t WHERE b > 1) TO STDOUT (FORMAT text)", BopCopy.class);
    assertThat(copy.table()).isNull();
    assertThat(copy.query()).isInstanceOf(SqlSelect.class);
    assertThat(copy.direction()).isEqualTo(BopCopy.Direction.TO);

    final BopCopy file = parse("COPY t TO '/tmp/t.csv'", BopCopy.class);
    assertThat(file.file()).hasToString("'/tmp/t.csv'");
    assertThat(file.program()).isFalse();
    assertThat(parse("COPY t FROM PROGRAM 'cat x'", BopCopy.class).program()).isTrue();
    assertThat(parse("COPY t FROM STDIN WHERE a > 1", BopCopy.class).where()).hasToString("`a` > 1");
  }

  @Test
  void unparsesInTheCurrentSyntax() {
    assertThat(parse("COPY t (a) FROM STDIN CSV HEADER NULL 'n'", BopCopy.class).toString().replace("\n", " "))
        .isEqualTo("COPY `t` (`a`) FROM STDIN WITH (FORMAT `csv`, HEADER, NULL 'n')");
  }

  @Test
  void rejectsAWrongEnd() {
    assertThatThrownBy(() -> BopParser.parse("COPY t FROM STDOUT", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class);
    assertThatThrownBy(() -> BopParser.parse("COPY t TO PROGRAMME 'x'", Dialect.POSTGRESQL))
        .isInstanceOf(SqlParseException.class);
  }

  private static List<String> options(BopCopy copy) {
    return copy.options().stream().map(o -> (BopOption) o).map(o -> o.name() + "="
        + (o.value() instanceof SqlNodeList list ? list.stream().map(SqlNode::toString).toList() : o.value()))
        .toList();
  }
}
