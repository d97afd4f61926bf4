package io.bop.conformance.slt;

import static io.bop.conformance.slt.QueryResult.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.bop.conformance.slt.SltRecord.SortMode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {
  @Test
  void integersAreCutToTheirIntegerPartAndBooleansAreOneOrZero() {
    assertThat(render('I', 42)).isEqualTo("42");
    assertThat(render('I', 9_000_000_000L)).isEqualTo("9000000000");
    assertThat(render('I', new BigDecimal("102.75"))).isEqualTo("102");
    assertThat(render('I', -2.9)).isEqualTo("-2");
    assertThat(render('I', true)).isEqualTo("1");
    assertThat(render('I', false)).isEqualTo("0");
    assertThat(render('I', "12abc")).isEqualTo("12");
    assertThat(render('I', "false")).isEqualTo("0");
    assertThat(render('I', null)).isEqualTo("NULL");
  }

  @Test
  void realsArePrintedAsCPrintsThemWithThreeDecimals() {
    assertThat(render('R', 120)).isEqualTo("120.000");
    assertThat(render('R', new BigDecimal("102.0000000000000000"))).isEqualTo("102.000");
    // 1.0005 is 1.000499999… in binary: C prints 1.000 where Java's %.3f would print 1.001.
    assertThat(render('R', 1.0005)).isEqualTo("1.000");
    assertThat(render('R', 0.0005)).isEqualTo("0.001");
    assertThat(render('R', 2.0625)).isEqualTo("2.062");
    assertThat(render('R', -0.0001)).isEqualTo("-0.000");
    assertThat(render('R', "2.5")).isEqualTo("2.500");
    assertThat(render('R', null)).isEqualTo("NULL");
  }

  @Test
  void textShowsEmptyAndUnprintableCharacters() {
    assertThat(render('T', "abc")).isEqualTo("abc");
    assertThat(render('T', "")).isEqualTo("(empty)");
    assertThat(render('T', "a\tb\u00e9")).isEqualTo("a@b@");
    assertThat(render('T', "12")).isEqualTo("12");
    assertThat(render('T', null)).isEqualTo("NULL");
  }

  @Test
  void rowsortSortsWholeRowsByTheirTextAndValuesortEachValue() {
    QueryResult result = new QueryResult(List.of("9", "b", "10", "c", "10", "a"), 2);

    assertThat(result.sorted(SortMode.NOSORT).values()).containsExactly("9", "b", "10", "c", "10", "a");
    assertThat(result.sorted(SortMode.ROWSORT).values()).containsExactly("10", "a", "10", "c", "9", "b");
    assertThat(result.sorted(SortMode.VALUESORT).values()).containsExactly("10", "10", "9", "a", "b", "c");
  }

  @Test
  void aResultIsHashedWhenTheCorpusWroteItsHash() {
    QueryResult result = new QueryResult(List.of("1", "2"), 1);

    assertThat(result.hashLine()).isEqualTo("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
    assertThat(result.writtenLike(List.of("2 values hashing to 00000000000000000000000000000000")))
        .containsExactly("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
    assertThat(result.writtenLike(List.of("1", "3"))).containsExactly("1", "2");
    assertThat(new QueryResult(List.of(), 1).hashLine())
        .isEqualTo("0 values hashing to d41d8cd98f00b204e9800998ecf8427e");
  }
}
