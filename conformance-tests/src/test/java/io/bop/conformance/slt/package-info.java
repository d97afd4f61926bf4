/**
 * The sqllogictest corpus (issue 6) run through bop's protocols with their real JDBC drivers.
 *
 * <p>{@link io.bop.conformance.slt.SltParser} reads a script into {@link io.bop.conformance.slt.SltRecord}s;
 * {@link io.bop.conformance.slt.SltRunner} runs them over a JDBC connection as one engine label ({@code postgresql},
 * {@code mysql}), honouring {@code skipif}/{@code onlyif} and {@code halt}, and renders results as the reference
 * harness does ({@link io.bop.conformance.slt.QueryResult}); {@link io.bop.conformance.slt.ScriptOutcome} counts
 * and reports.
 *
 * <p>{@link io.bop.conformance.slt.SqlLogicTest} is the part of {@code mvn verify}: every script on a fresh bop
 * node per protocol, reports in {@code target/sqllogictest/<label>/<script>.txt} (first line: the summary, also
 * printed to the test's output, {@code target/surefire-reports/io.bop.conformance.slt.SqlLogicTest-output.txt}),
 * and a failure when a script passes fewer records than {@code baseline.txt} says. Run it alone with
 * {@code mvn -o -q test -pl conformance-tests -Dtest=SqlLogicTest}; {@code -Dslt.reportFailures=2000} reports every
 * failure.
 *
 * <p>The resources under {@code src/test/resources/sqllogictest/}: {@code corpus/} (a verbatim copy of
 * {@code ../shared/conformance/sqllogictest}), {@code expectations.txt} (records where the native database answers
 * otherwise than the corpus, checked with {@code conformance-tests/sqllogictest-on-postgresql.sh}) and
 * {@code baseline.txt}.
 */
package io.bop.conformance.slt;
