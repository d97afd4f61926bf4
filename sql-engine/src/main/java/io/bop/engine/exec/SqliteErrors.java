package io.bop.engine.exec;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.ForeignKey;
import io.bop.engine.catalog.Index;
import io.bop.engine.catalog.Table;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's errors into the errors PostgreSQL would raise for the same statement, naming constraints the
 * way PostgreSQL names them. Engine functions report their own conditions as {@code bop:SQLSTATE:message}.
 */
public final class SqliteErrors {
  private SqliteErrors() {}

  private static final Pattern DETAIL = Pattern.compile("\\((.*)\\)\\s*$", Pattern.DOTALL);
  private static final Pattern TARGET = Pattern.compile("^(INSERT INTO|UPDATE|DELETE FROM) \"?([^\" (]+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FUNCTION_ERROR = Pattern.compile("bop:([0-9A-Z]{5}):(.*)", Pattern.DOTALL);

  /** The message SQLite itself wrote, without the driver's decoration. */
  static String sqliteMessage(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = DETAIL.matcher(message);
    return m.find() ? m.group(1) : message;
  }

  public static SqlError map(SQLException e, Catalog catalog) {
    String message = sqliteMessage(e);
    Matcher own = FUNCTION_ERROR.matcher(message);
    if (own.find()) {
      return new SqlError(conditionOf(own.group(1)), own.group(2));
    }
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        return uniqueViolation(message, catalog);
      case SQLITE_CONSTRAINT_NOTNULL: {
        String[] tc = tableColumn(message.substring(message.indexOf(':') + 1).strip());
        return new SqlError(Condition.NOT_NULL_VIOLATION, "null value in column \"" + tc[1] + "\" of relation \""
            + tc[0] + "\" violates not-null constraint").about(tc[0], tc[1], null);
      }
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return new SqlError(Condition.FOREIGN_KEY_VIOLATION,
            "insert or update on table violates foreign key constraint",
            "A referenced row does not exist, or a referencing row still exists.", null, 0, null);
      case SQLITE_CONSTRAINT_CHECK: {
        String name = message.contains(":") ? message.substring(message.indexOf(':') + 1).strip() : "check";
        return new SqlError(Condition.CHECK_VIOLATION, "new row violates check constraint \"" + name + "\"")
            .about(null, null, name);
      }
      case SQLITE_CONSTRAINT:
      case SQLITE_CONSTRAINT_TRIGGER:
      case SQLITE_CONSTRAINT_ROWID:
        return new SqlError(Condition.INTEGRITY_CONSTRAINT_VIOLATION, message);
      case SQLITE_INTERRUPT:
        return new SqlError(Condition.QUERY_CANCELED, "canceling statement due to user request");
      case SQLITE_BUSY:
      case SQLITE_BUSY_SNAPSHOT:
      case SQLITE_LOCKED:
        return new SqlError(Condition.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
      case SQLITE_FULL:
        return new SqlError(Condition.DISK_FULL, "could not extend file: no space left on device");
      case SQLITE_TOOBIG:
        return new SqlError(Condition.PROGRAM_LIMIT_EXCEEDED, "value too large: " + message);
      case SQLITE_READONLY:
        return new SqlError(Condition.READ_ONLY_TRANSACTION, "cannot execute this statement in a read-only transaction");
      default:
        return fromMessage(message, e);
    }
  }

  private static SqlError fromMessage(String message, SQLException e) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.startsWith("no such table: ")) {
      return new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + unqualified(message.substring(15)) + "\" does not exist");
    }
    if (lower.startsWith("no such column: ")) {
      return new SqlError(Condition.UNDEFINED_COLUMN, "column " + quoteColumn(message.substring(16)) + " does not exist");
    }
    if (lower.startsWith("no such function: ")) {
      return new SqlError(Condition.UNDEFINED_FUNCTION, "function " + message.substring(18).toLowerCase(Locale.ROOT)
          + "() does not exist", null, "No function matches the given name and argument types.", 0, null);
    }
    if (lower.startsWith("no such index: ")) {
      return new SqlError(Condition.UNDEFINED_OBJECT, "index \"" + message.substring(15) + "\" does not exist");
    }
    if (lower.startsWith("ambiguous column name: ")) {
      return new SqlError(Condition.AMBIGUOUS_COLUMN, "column reference \"" + message.substring(23) + "\" is ambiguous");
    }
    if (lower.matches("(table|index|view|trigger) .* already exists")) {
      String name = message.substring(message.indexOf(' ') + 1, message.lastIndexOf(" already exists"));
      return new SqlError(Condition.DUPLICATE_TABLE, "relation " + name.replace('`', '"') + " already exists");
    }
    if (lower.equals("integer overflow")) {
      return new SqlError(Condition.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
    }
    if (lower.contains("syntax error") || lower.startsWith("near ")) {
      return new SqlError(Condition.SYNTAX_ERROR, "syntax error: " + message, e);
    }
    if (lower.contains("misuse of aggregate") || lower.contains("wrong number of arguments")) {
      return new SqlError(Condition.SYNTAX_ERROR, message);
    }
    return new SqlError(Condition.INTERNAL_ERROR, message, e);
  }

  /** "UNIQUE constraint failed: t.a, t.b" → PostgreSQL's message naming the constraint. */
  /**
   * A foreign key violation of a translated statement, worded as PostgreSQL words it when the statement's table
   * leaves one constraint that can have failed (SQLite does not say which did): an insert or update of a
   * referencing table with one foreign key, a delete from a table one foreign key references.
   */
  public static SqlError foreignKeyViolation(SqlError error, String sql, Catalog catalog) {
    Matcher target = TARGET.matcher(sql);
    if (catalog == null || !target.find()) {
      return error;
    }
    String table = target.group(2);
    boolean delete = target.group(1).toUpperCase(Locale.ROOT).startsWith("DELETE");
    List<ForeignKey> referring = catalog.tables().stream().flatMap(t -> t.foreignKeys().stream())
        .filter(fk -> fk.referencedTable().equalsIgnoreCase(table)).toList();
    List<ForeignKey> own = delete ? List.of()
        : catalog.table(table).map(t -> t.foreignKeys()).orElse(List.of());
    if (own.size() == 1 && (referring.isEmpty() || target.group(1).toUpperCase(Locale.ROOT).startsWith("INSERT"))) {
      ForeignKey fk = own.get(0);
      return new SqlError(Condition.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + fk.table()
          + "\" violates foreign key constraint \"" + fk.name() + "\"", "Key (" + String.join(", ", fk.columns())
          + ") is not present in table \"" + fk.referencedTable() + "\".", null, 0, null).about(fk.table(), null, fk.name());
    }
    if (own.isEmpty() && referring.size() == 1) {
      ForeignKey fk = referring.get(0);
      return new SqlError(Condition.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + fk.referencedTable()
          + "\" violates foreign key constraint \"" + fk.name() + "\" on table \"" + fk.table() + "\"",
          "Key is still referenced from table \"" + fk.table() + "\".", null, 0, null).about(fk.table(), null, fk.name());
    }
    return error;
  }

  private static SqlError uniqueViolation(String message, Catalog catalog) {
    String spec = message.contains(":") ? message.substring(message.indexOf(':') + 1).strip() : "";
    List<String[]> columns = Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(SqliteErrors::tableColumn).toList();
    String table = columns.isEmpty() ? "" : columns.get(0)[0];
    List<String> names = columns.stream().map(c -> c[1]).toList();
    String constraint = table + "_" + String.join("_", names) + "_key";
    if (catalog != null) {
      Optional<Table> t = catalog.table(table);
      if (t.isPresent()) {
        for (Index index : t.get().indexes()) {
          if (index.unique() && index.columns().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
              .equals(names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())) {
            constraint = index.name();
            break;
          }
        }
      }
    }
    return new SqlError(Condition.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"" + constraint + "\"",
        "Key (" + String.join(", ", names) + ") already exists.", null, 0, null).about(table, null, constraint);
  }

  private static String[] tableColumn(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? new String[] {"", qualified} : new String[] {qualified.substring(0, dot), qualified.substring(dot + 1)};
  }

  private static String unqualified(String name) {
    return name.startsWith("main.") ? name.substring(5) : name;
  }

  private static String quoteColumn(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? "\"" + name + "\"" : name.substring(0, dot) + "." + name.substring(dot + 1);
  }

  private static Condition conditionOf(String sqlState) {
    for (Condition c : Condition.values()) {
      if (c.pgState().equals(sqlState)) {
        return c;
      }
    }
    return Condition.INTERNAL_ERROR;
  }

  /** The text an engine function raises to report {@code condition}: see {@link #map}. */
  public static String functionError(Condition condition, String message) {
    return "bop:" + condition.pgState() + ":" + message;
  }
}
