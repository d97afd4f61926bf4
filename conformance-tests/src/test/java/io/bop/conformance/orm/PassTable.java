package io.bop.conformance.orm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints a suite's pass table after its class ran: one line a test, as the ORM compatibility matrix cites them. */
final class PassTable implements TestWatcher, AfterAllCallback {
  private final String suite;
  private final Map<String, String> outcomes = new LinkedHashMap<>();

  PassTable(String suite) {
    this.suite = suite;
  }

  @Override public void testSuccessful(ExtensionContext context) {
    outcomes.put(context.getDisplayName(), "pass");
  }

  @Override public void testFailed(ExtensionContext context, Throwable cause) {
    outcomes.put(context.getDisplayName(), "FAIL");
  }

  @Override public void testDisabled(ExtensionContext context, Optional<String> reason) {
    outcomes.put(context.getDisplayName(), "skipped");
  }

  @Override public void afterAll(ExtensionContext context) {
    StringBuilder table = new StringBuilder("\n").append(suite).append('\n');
    int width = outcomes.keySet().stream().mapToInt(String::length).max().orElse(4);
    outcomes.forEach((test, outcome) -> table.append(String.format("  %-" + width + "s  %s%n", test, outcome)));
    System.out.print(table);
  }
}
