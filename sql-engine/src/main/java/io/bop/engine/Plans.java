package io.bop.engine;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Plan;
import io.bop.engine.parser.Dialect;
import io.bop.engine.translate.Translator;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statement cache. Parsed query strings are keyed by dialect and text; translated statements by dialect,
 * database, schema generation and text. So a statement any session has run before is neither parsed nor
 * translated again, and a schema change makes its plans stale without touching the parse. A transaction that
 * changed the schema translates privately until it commits.
 */
final class Plans {
  private static final int MAX_ENTRIES = 20_000;

  private record ParseKey(Dialect dialect, String sql) {}

  private record PlanKey(Dialect dialect, String database, long generation, String text) {}

  private final ConcurrentHashMap<ParseKey, List<Translator.Parsed>> parsed = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PlanKey, Plan> plans = new ConcurrentHashMap<>();

  /** Parses every statement of a query string; each is translated just before it runs. */
  List<Statement> prepareAll(Session.SessionContext context, String sql) throws SqlError {
    List<Statement> statements = new ArrayList<>();
    for (Translator.Parsed p : parse(context.dialect(), sql)) {
      statements.add(new Statement(p, List.of()));
    }
    return statements;
  }

  /** Parses and translates one statement, so that errors surface when it is prepared. */
  Statement prepare(Session.SessionContext context, String sql, List<SqlType> declaredTypes) throws SqlError {
    List<Translator.Parsed> statements = parse(context.dialect(), sql);
    if (statements.size() > 1) {
      throw new SqlError(Condition.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
    }
    Statement statement = new Statement(statements.isEmpty() ? null : statements.get(0), declaredTypes);
    refresh(context, statement);
    return statement;
  }

  /** Translates a statement that is not yet, or was against a schema that has changed since. */
  void refresh(Session.SessionContext context, Statement statement) throws SqlError {
    if (statement.isEmpty()) {
      return;
    }
    long generation = context.generation();
    boolean shared = !context.privateSchema();
    if (statement.plan() != null && statement.generation() == generation && shared) {
      return;
    }
    String text = statement.parsed().text();
    PlanKey key = new PlanKey(context.dialect(), context.database(), generation, text);
    Plan plan = shared ? plans.get(key) : null;
    if (plan == null) {
      plan = Translator.translate(context.dialect(), statement.parsed(), context.catalog(), context.database());
      if (shared) {
        bound(plans);
        plans.put(key, plan);
      }
    }
    statement.translated(plan, generation);
  }

  private List<Translator.Parsed> parse(Dialect dialect, String sql) throws SqlError {
    ParseKey key = new ParseKey(dialect, sql);
    List<Translator.Parsed> cached = parsed.get(key);
    if (cached == null) {
      cached = Translator.parse(dialect, sql);
      bound(parsed);
      parsed.put(key, cached);
    }
    return cached;
  }

  private static void bound(ConcurrentHashMap<?, ?> cache) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
  }
}
