package io.bop.engine.translate;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.MySqlInformationSchema;
import io.bop.engine.catalog.PgCatalog;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Argument;
import io.bop.engine.exec.ExecutionTimes;
import io.bop.engine.parser.Dialect;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The state of translating one statement: its parameters and their inferred types, the values the session
 * supplies, and what the statement touches. {@link Expressions} and {@link Queries} do the rewriting.
 */
final class Rewriter {
  final Dialect dialect;
  final Catalog catalog;
  final String database;
  final Expressions expressions;
  final Queries queries;
  /** MySQL's expression semantics for a MySQL statement, else null. */
  final MySqlExpressions mysql;
  private final SqlType[] parameterTypes;
  private final List<Argument> implicit = new ArrayList<>();
  /** PostgreSQL catalog relations the statement reads; they are materialized before it runs. */
  final Set<String> catalogRelations = new TreeSet<>();
  /** Whether the statement must run on the writer (SELECT … FOR UPDATE). */
  boolean writes;
  /** Whether it calls a function that waits (pg_sleep, an advisory lock), so it never runs on an I/O thread. */
  boolean waits;
  /**
   * Whether the expressions being rewritten are stored in the schema (defaults, checks, views), where there are
   * no parameters: values the session would supply are computed by SQLite when the expression is evaluated.
   */
  boolean definition;

  /** How the plan's executions are timed: those of a statement that waits never count as quick. */
  ExecutionTimes times() {
    return waits ? ExecutionTimes.never() : new ExecutionTimes();
  }

  /** @param source the text the statement was parsed from */
  Rewriter(Dialect dialect, Catalog catalog, String database, SqlNode statement, SourceText source) {
    this.dialect = dialect;
    this.catalog = catalog;
    this.database = database;
    this.parameterTypes = new SqlType[countParameters(statement)];
    this.expressions = new Expressions(this);
    this.queries = new Queries(this);
    this.mysql = dialect == Dialect.MYSQL ? new MySqlExpressions(this, source) : null;
  }

  /** The catalog relation a table name stands for: MySQL's information_schema or PostgreSQL's catalogs. */
  Optional<PgCatalog.Relation> catalogRelation(String schema, String table) {
    return dialect == Dialect.MYSQL ? MySqlInformationSchema.find(schema, table, catalog)
        : PgCatalog.find(schema, table, catalog);
  }

  private static int countParameters(SqlNode statement) {
    int[] max = {0};
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlDynamicParam param) {
        max[0] = Math.max(max[0], param.getIndex() + 1);
        return null;
      }
    });
    return max[0];
  }

  /** Client parameter {@code index}; the first context that implies a type for it decides. */
  SqlNode parameter(int index, SqlType implied) {
    if (implied != null && implied.kind() != TypeKind.UNKNOWN && parameterTypes[index] == null) {
      parameterTypes[index] = implied;
    }
    return new Placeholder(index);
  }

  SqlType parameterType(int index) {
    return parameterTypes[index] == null ? SqlType.UNKNOWN : parameterTypes[index];
  }

  /** A value the session supplies at execution; equal arguments share one placeholder. */
  SqlNode implicit(Argument argument) throws SqlError {
    if (definition) {
      return storedForm(argument);
    }
    int index = implicit.indexOf(argument);
    if (index < 0) {
      implicit.add(argument);
      index = implicit.size() - 1;
    }
    return new Placeholder(parameterTypes.length + index);
  }

  private static SqlNode storedForm(Argument argument) throws SqlError {
    if (argument instanceof Argument.TransactionTimestamp) {
      return Template.call("bop_now()");
    }
    if (argument instanceof Argument.LocalTimestamp) {
      return Template.call("strftime('%Y-%m-%d %H:%M:%f', 'now')");
    }
    if (argument instanceof Argument.CurrentDate) {
      return Template.call("date('now')");
    }
    if (argument instanceof Argument.SessionZone) {
      return Expressions.charLiteral("UTC");
    }
    throw Expressions.unsupported("a session value (" + argument.getClass().getSimpleName()
        + ") in a default, check or view");
  }

  /** One type per client parameter; text where nothing implied one, as PostgreSQL reports unknowns. */
  List<SqlType> parameterTypes() {
    List<SqlType> types = new ArrayList<>(parameterTypes.length);
    for (SqlType t : parameterTypes) {
      types.add(t == null ? SqlType.TEXT : t);
    }
    return types;
  }

  /** What fills each placeholder, in number order. */
  List<Argument> arguments() {
    List<Argument> arguments = new ArrayList<>();
    for (int i = 0; i < parameterTypes.length; i++) {
      arguments.add(new Argument.Parameter(i));
    }
    arguments.addAll(implicit);
    return arguments;
  }
}
