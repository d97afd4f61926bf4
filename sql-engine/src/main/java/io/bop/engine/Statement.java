package io.bop.engine;

import io.bop.engine.exec.Plan;
import io.bop.engine.translate.Translator;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed statement, ready to execute any number of times with different parameters (a PostgreSQL prepared
 * statement, a MySQL COM_STMT_PREPARE, or one statement of a query string). It is translated against the
 * schema when it is prepared or first run, and again whenever the schema has changed since.
 */
public final class Statement {
  private final Translator.Parsed parsed;
  private final List<SqlType> declaredTypes;
  private Plan plan;
  private long generation;

  Statement(Translator.Parsed parsed, List<SqlType> declaredTypes) {
    this.parsed = parsed;
    this.declaredTypes = declaredTypes;
  }

  public String text() {
    return parsed == null ? "" : parsed.text();
  }

  /** Whether the text held no statement at all (PostgreSQL's EmptyQueryResponse). */
  public boolean isEmpty() {
    return parsed == null;
  }

  /** One type per parameter: the client's declared type where it gave one, else the type the text implies. */
  public List<SqlType> parameterTypes() {
    if (plan == null) {
      return List.of();
    }
    List<SqlType> implied = plan.parameterTypes();
    List<SqlType> types = new ArrayList<>(implied.size());
    for (int i = 0; i < implied.size(); i++) {
      SqlType declared = i < declaredTypes.size() ? declaredTypes.get(i) : null;
      types.add(declared != null ? declared : implied.get(i));
    }
    return types;
  }

  /** The result columns, or null if the statement returns no rows. */
  public List<Column> columns() {
    return plan == null ? null : plan.columns();
  }

  /**
   * The types parameter values are converted to before binding: what the statement implies, where it implies
   * anything, since a client's declared type (text for a string, say) is only how it sent the value.
   */
  List<SqlType> bindingTypes() {
    List<SqlType> implied = plan.parameterTypes();
    List<SqlType> types = new ArrayList<>(implied.size());
    for (int i = 0; i < implied.size(); i++) {
      SqlType declared = i < declaredTypes.size() ? declaredTypes.get(i) : null;
      SqlType inferred = implied.get(i);
      // Text is also what a parameter nothing implied a type for reports; then the client's type is better.
      types.add(inferred.kind() == io.bop.engine.types.TypeKind.TEXT && declared != null ? declared : inferred);
    }
    return types;
  }

  Translator.Parsed parsed() {
    return parsed;
  }

  Plan plan() {
    return plan;
  }

  long generation() {
    return generation;
  }

  void translated(Plan plan, long generation) {
    this.plan = plan;
    this.generation = generation;
  }
}
