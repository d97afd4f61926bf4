package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.errors.SqlError;
import io.bop.engine.session.PgSettings;
import io.bop.engine.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans that act on the session itself: transaction control and run-time parameters. */
public final class SessionPlans {
  private SessionPlans() {}

  /** A statement without parameters or result rows. */
  private interface Command extends Plan {
    @Override default List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override default List<Column> columns() {
      return null;
    }
  }

  /** What a transaction-control statement does. */
  public enum TransactionAction { BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

  /**
   * @param isolation the isolation level asked for, or null
   * @param readOnly READ ONLY (true), READ WRITE (false), or null
   * @param savepoint the savepoint's name, for the savepoint actions
   */
  public record Transaction(TransactionAction action, String isolation, Boolean readOnly, String savepoint)
      implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      Context.Transactions t = context.transactions();
      return Executions.command(switch (action) {
        case BEGIN -> {
          t.begin(isolation, readOnly);
          yield "BEGIN";
        }
        case START -> {
          t.begin(isolation, readOnly);
          yield "START TRANSACTION";
        }
        case COMMIT -> t.commit();
        case ROLLBACK -> {
          t.rollback();
          yield "ROLLBACK";
        }
        case SAVEPOINT -> {
          t.savepoint(savepoint);
          yield "SAVEPOINT";
        }
        case RELEASE -> {
          t.release(savepoint);
          yield "RELEASE";
        }
        case ROLLBACK_TO -> {
          t.rollbackTo(savepoint);
          yield "ROLLBACK";
        }
      });
    }

    @Override public boolean allowedInFailedTransaction() {
      return action == TransactionAction.COMMIT || action == TransactionAction.ROLLBACK
          || action == TransactionAction.ROLLBACK_TO;
    }
  }

  /** SET name = value, or RESET name when {@code value} is null. */
  public record Set(String name, String value, String tag) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      PgSettings settings = context.settings();
      settings.set(name, value);
      Map<String, String> changed = settings.isReported(name)
          ? Map.of(PgSettings.canonicalName(name), settings.get(name)) : Map.of();
      return Executions.command(tag, 0, 0, changed);
    }
  }

  /** RESET ALL and DISCARD ALL: every parameter back to its default. */
  public record ResetAll(String tag) implements Command {
    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      PgSettings settings = context.settings();
      Map<String, String> before = settings.reported();
      for (String name : settings.all().keySet()) {
        try {
          settings.set(name, null);
        } catch (SqlError readOnly) {
          // read-only parameters keep their value
        }
      }
      Map<String, String> changed = new LinkedHashMap<>();
      settings.reported().forEach((k, v) -> {
        if (!v.equals(before.get(k))) {
          changed.put(k, v);
        }
      });
      return Executions.command(tag, 0, 0, changed);
    }
  }

  /** SHOW name: one row, one column named after the parameter. */
  public record Show(String name) implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override public List<Column> columns() {
      return List.of(Column.of(PgSettings.canonicalName(name), SqlType.TEXT));
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {context.settings().show(name)});
      return Executions.rows(columns(), rows, "SHOW");
    }
  }

  /** SHOW ALL. */
  public record ShowAll() implements Plan {
    @Override public List<SqlType> parameterTypes() {
      return List.of();
    }

    @Override public List<Column> columns() {
      return List.of(Column.of("name", SqlType.TEXT), Column.of("setting", SqlType.TEXT),
          Column.of("description", SqlType.TEXT));
    }

    @Override public Execution execute(Context context, List<SqlType> types, List<Object> parameters) {
      List<Object[]> rows = new ArrayList<>();
      context.settings().all().forEach((k, v) -> rows.add(new Object[] {k, v, ""}));
      return Executions.rows(columns(), rows, "SHOW");
    }
  }
}
