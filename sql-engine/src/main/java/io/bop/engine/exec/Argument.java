package io.bop.engine.exec;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.Values;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What fills one {@code ?} of a translated SQLite statement: a client parameter, or a value the session knows
 * (PostgreSQL's now() is the transaction's start, so it cannot be computed by SQLite per statement).
 */
public sealed interface Argument {
  /** The storage value to bind. */
  Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError;

  /** Client parameter {@code index} (0-based), converted to its type's storage form. */
  record Parameter(int index) implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return Values.toStorage(types.get(index), parameters.get(index), context.zone());
    }
  }

  /** now(), current_timestamp: the transaction start as a timestamptz. */
  record TransactionTimestamp() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return Values.toStorage(SqlType.TIMESTAMPTZ, context.transactionStart().atOffset(ZoneOffset.UTC), context.zone());
    }
  }

  /** localtimestamp, and MySQL's NOW(): the transaction start in the session's zone, without zone. */
  record LocalTimestamp() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return Values.toStorage(SqlType.TIMESTAMP,
          LocalDateTime.ofInstant(context.transactionStart(), context.zone()), context.zone());
    }
  }

  /** current_date in the session's zone. */
  record CurrentDate() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return LocalDateTime.ofInstant(context.transactionStart(), context.zone()).toLocalDate().toString();
    }
  }

  /** The session's zone id, for conversions SQLite functions make at run time. */
  record SessionZone() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.zone().getId();
    }
  }

  /** current_user, session_user, user. */
  record CurrentUser() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.user();
    }
  }

  /** pg_backend_pid(), CONNECTION_ID(). */
  record SessionId() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return (long) context.sessionId();
    }
  }

  /** current_database(), DATABASE(). */
  record CurrentDatabase() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.database();
    }
  }

  /** MySQL's {@code @name}: the session's user variable, NULL if never set. */
  record UserVariable(String name) implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      Object value = context.mysql().userVariable(name);
      return value instanceof java.math.BigDecimal d ? d.toPlainString()
          : value instanceof Boolean b ? (b ? 1L : 0L)
          : value instanceof Number || value instanceof byte[] || value == null ? value : value.toString();
    }
  }

  /**
   * MySQL's {@code @@name}, {@code @@global.name}, {@code @@session.name}.
   *
   * @param explicitSession whether written {@code @@session.name}, which a global-only variable refuses
   */
  record SystemVariable(String name, boolean global, boolean explicitSession) implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      return context.mysql().get(name, global, explicitSession);
    }
  }

  /** MySQL's LAST_INSERT_ID(). */
  record LastInsertId() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.mysql().lastInsertId();
    }
  }

  /** MySQL's FOUND_ROWS(). */
  record FoundRows() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.mysql().foundRows();
    }
  }

  /** MySQL's ROW_COUNT(). */
  record RowCount() implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) {
      return context.mysql().rowCount();
    }
  }

  /** current_setting(name [, missing_ok]): the session's value of a run-time parameter. */
  record Setting(String name, boolean missingOk) implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      String value = context.settings().get(name);
      if (value == null && !missingOk) {
        throw new SqlError(Condition.UNDEFINED_PARAMETER, "unrecognized configuration parameter \"" + name + "\"");
      }
      return value;
    }
  }

  /** set_config(name, value, is_local): sets a run-time parameter for the session and returns its new value. */
  record SetConfig(String name, String value) implements Argument {
    @Override public Object value(Context context, List<SqlType> types, List<Object> parameters) throws SqlError {
      context.settings().set(name, value);
      return context.settings().get(name);
    }
  }
}
