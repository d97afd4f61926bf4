package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.SqliteErrors;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * A SQLite function written as a lambda over its arguments, which arrive as storage values (Long, Double,
 * String, byte[] or null) and leave the same way.
 */
final class Udf extends Function {
  /** The function body. */
  @FunctionalInterface
  interface Body {
    Object apply(Object[] arguments) throws SqlError;
  }

  private final Body body;

  private Udf(Body body) {
    this.body = body;
  }

  /**
   * @param arguments the number of arguments, or -1 for any
   * @param deterministic whether SQLite may assume equal arguments give equal results (lets it use the function
   *     in indexes and constant-fold it)
   */
  static void register(Connection connection, String name, int arguments, boolean deterministic, Body body)
      throws SQLException {
    Function.create(connection, name, new Udf(body), arguments, deterministic ? Function.FLAG_DETERMINISTIC : 0);
  }

  @Override protected void xFunc() throws SQLException {
    Object[] arguments = new Object[args()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = switch (value_type(i)) {
        case 1 -> value_long(i);
        case 2 -> value_double(i);
        case 3 -> value_text(i);
        case 4 -> value_blob(i);
        default -> null;
      };
    }
    Object result;
    try {
      result = body.apply(arguments);
    } catch (SqlError e) {
      error(SqliteErrors.functionError(e.condition(), e.getMessage()));
      return;
    } catch (RuntimeException e) {
      error(SqliteErrors.functionError(Condition.INTERNAL_ERROR, String.valueOf(e.getMessage())));
      return;
    }
    if (result == null) {
      result();
    } else if (result instanceof Long l) {
      result(l);
    } else if (result instanceof Integer i) {
      result(i.longValue());
    } else if (result instanceof Boolean b) {
      result(b ? 1L : 0L);
    } else if (result instanceof Double d) {
      result(d);
    } else if (result instanceof byte[] bytes) {
      result(bytes);
    } else {
      result(result.toString());
    }
  }
}
