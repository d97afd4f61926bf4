package io.bop.conformance.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.bop.conformance.slt.SltRecord.Query;
import io.bop.conformance.slt.SltRecord.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** expectations.txt and baseline.txt name records, scripts and labels that exist. */
class ReviewedListsTest {
  @Test
  void everyExpectationNamesAStatementOrQueryOfItsScriptAndAProtocolLabel() {
    for (Expectations.Entry entry : Expectations.load().entries()) {
      assertThat(SltFiles.scripts()).as("script of %s", entry).contains(entry.script());
      assertThat(SltParser.parse(SltFiles.script(entry.script())))
          .as("%s names the header line of a statement or query", entry)
          .anyMatch(r -> r.line() == entry.line() && (r instanceof Statement || r instanceof Query));
      assertThat(Stream.of(BopProtocol.values()).map(p -> p.label)).as("label of %s", entry).contains(entry.label());
    }
  }

  @Test
  void theBaselineHasALineForEveryScriptAndProtocol() {
    Baseline baseline = Baseline.load();
    for (BopProtocol protocol : BopProtocol.values()) {
      for (String script : SltFiles.scripts()) {
        assertThat(baseline.minimumPassed(protocol.label, script)).as("%s %s", protocol, script).isPresent();
      }
    }
  }
}
