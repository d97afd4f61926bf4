package io.bop.engine.mysql;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine words its errors as PostgreSQL does; a MySQL client gets MySQL's words for the errors MySQL has
 * (tools print them, and some match on them): {@code Table 'db.t' doesn't exist} rather than
 * {@code relation "t" does not exist}. The error number and SQLSTATE come from the {@link Condition} either way.
 */
public final class MySqlErrors {
  private MySqlErrors() {}

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

  /** The error as a MySQL server would word it, for a session whose current database is {@code database}. */
  public static SqlError restate(SqlError e, String database) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String name = firstQuoted(message);
    String qualified = (database == null ? "" : database + ".") + name;
    return switch (e.condition()) {
      case UNDEFINED_TABLE -> message.startsWith("table ")
          ? new SqlError(Condition.UNDEFINED_OBJECT, "Unknown table '" + qualified + "'")
          : same(e, "Table '" + qualified + "' doesn't exist");
      case UNDEFINED_COLUMN -> same(e, "Unknown column '" + name + "' in 'field list'");
      case DUPLICATE_TABLE -> same(e, "Table '" + name + "' already exists");
      case UNDEFINED_DATABASE -> message.startsWith("Unknown") ? e : same(e, "Unknown database '" + name + "'");
      case DUPLICATE_DATABASE -> same(e, "Can't create database '" + name + "'; database exists");
      case UNIQUE_VIOLATION -> same(e, "Duplicate entry for key '" + name + "'");
      case NOT_NULL_VIOLATION -> same(e, "Column '" + name + "' cannot be null");
      case FOREIGN_KEY_VIOLATION -> same(e, "Cannot add or update a child row: a foreign key constraint fails");
      case STRING_DATA_RIGHT_TRUNCATION -> same(e, "Data too long for column");
      case SERIALIZATION_FAILURE -> same(e, "Deadlock found when trying to get lock; try restarting transaction");
      case LOCK_NOT_AVAILABLE -> same(e, "Lock wait timeout exceeded; try restarting transaction");
      case QUERY_CANCELED -> same(e, "Query execution was interrupted");
      case UNDEFINED_FUNCTION -> same(e, "FUNCTION " + (database == null ? "" : database + ".")
          + message.replaceFirst("^function ", "").replaceFirst("\\(.*", "") + " does not exist");
      default -> e;
    };
  }

  private static SqlError same(SqlError e, String message) {
    return new SqlError(e.condition(), message, e.detail(), e.hint(), e.position(), e.getCause());
  }

  private static String firstQuoted(String message) {
    Matcher m = QUOTED.matcher(message);
    return m.find() ? m.group(1).replace("\"\"", "\"") : "";
  }
}
