package io.bop.engine.translate;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Argument;
import io.bop.engine.mysql.SystemVariables;
import io.bop.engine.types.SqlType;
import io.bop.engine.types.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * MySQL's functions that PostgreSQL has not, or has with another meaning: CONCAT, IFNULL, IF, NOW, CURDATE,
 * DATE_FORMAT, DATE_ADD and DATE_SUB, UNIX_TIMESTAMP, FROM_UNIXTIME, LAST_INSERT_ID, FOUND_ROWS, GROUP_CONCAT,
 * DATABASE, VERSION, CONNECTION_ID, the date part functions and a few string functions. Each becomes a SQLite
 * expression (some over the functions of {@code io.bop.engine.functions.MySqlUdfs}).
 */
final class MySqlFunctions {
  private MySqlFunctions() {}

  private static final SqlType UNSIGNED_BIGINT = new SqlType(TypeKind.BIGINT, "bigint", -1, -1, true, List.of());

  /** Functions MySQL lets a statement write without parentheses. */
  static boolean isNiladic(String name) {
    return switch (name) {
      case "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "current_user",
          "utc_timestamp", "utc_date", "utc_time" -> true;
      default -> false;
    };
  }

  /** A call of a function MySQL defines, or null for one to treat as PostgreSQL does. */
  static Typed call(Rewriter r, SqlCall call, Scope scope) throws SqlError {
    String name = MySqlExpressions.name(call);
    List<SqlNode> operands = call.getOperandList();
    return call(r, name, operands, call, scope);
  }

  static Typed call(Rewriter r, String name, List<SqlNode> operands, SqlCall call, Scope scope) throws SqlError {
    switch (name) {
      case "ifnull":
        return sameType(r, "ifnull({0}, {1})", operands, scope, name);
      case "if":
        return ifFunction(r, operands, scope);
      case "isnull":
        return new Typed(Template.call("({0} IS NULL)", rewrite(r, operands.get(0), scope, null).node()),
            SqlType.BOOLEAN, name);
      case "concat":
        return concat(r, operands, scope);
      case "now", "current_timestamp", "localtime", "localtimestamp", "sysdate":
        return now(r, operands, name);
      case "utc_timestamp":
        return new Typed(Template.call("substr({0}, 1, 19)", r.implicit(new Argument.TransactionTimestamp())),
            SqlType.of(TypeKind.TIMESTAMP, "datetime"), name);
      case "curdate", "current_date":
        return new Typed(r.implicit(new Argument.CurrentDate()), SqlType.DATE, name);
      case "utc_date":
        return new Typed(Template.call("substr({0}, 1, 10)", r.implicit(new Argument.TransactionTimestamp())),
            SqlType.DATE, name);
      case "curtime", "current_time":
        return new Typed(Template.call("substr({0}, 12, 8)", r.implicit(new Argument.LocalTimestamp())),
            SqlType.TIME, name);
      case "utc_time":
        return new Typed(Template.call("substr({0}, 12, 8)", r.implicit(new Argument.TransactionTimestamp())),
            SqlType.TIME, name);
      case "unix_timestamp":
        return operands.isEmpty()
            ? new Typed(Template.call("CAST(strftime('%s', 'now') AS INTEGER)"), SqlType.BIGINT, name)
            : new Typed(Template.call("CAST(strftime('%s', {0}) AS INTEGER)",
                rewrite(r, operands.get(0), scope, SqlType.TIMESTAMP).node()), SqlType.BIGINT, name);
      case "from_unixtime": {
        SqlNode seconds = rewrite(r, operands.get(0), scope, SqlType.BIGINT).node();
        Typed time = new Typed(Template.call("datetime({0}, 'unixepoch')", seconds),
            SqlType.of(TypeKind.TIMESTAMP, "datetime"), name);
        return operands.size() > 1 ? dateFormat(r, time, operands.get(1), scope, name) : time;
      }
      case "date_format":
        return dateFormat(r, rewrite(r, operands.get(0), scope, SqlType.TIMESTAMP), operands.get(1), scope, name);
      case "date_add", "adddate":
        return dateAdd(r, operands.get(0), operands.get(1), false, scope);
      case "date_sub", "subdate":
        return dateAdd(r, operands.get(0), operands.get(1), true, scope);
      case "datediff":
        return new Typed(Template.call("CAST(julianday(date({0})) - julianday(date({1})) AS INTEGER)",
            rewrite(r, operands.get(0), scope, SqlType.DATE).node(), rewrite(r, operands.get(1), scope, SqlType.DATE)
                .node()), SqlType.BIGINT, name);
      case "date":
        return new Typed(Template.call("date({0})", rewrite(r, operands.get(0), scope, SqlType.TIMESTAMP).node()),
            SqlType.DATE, name);
      case "time":
        return new Typed(Template.call("time({0})", rewrite(r, operands.get(0), scope, SqlType.TIMESTAMP).node()),
            SqlType.TIME, name);
      case "year", "month", "day", "dayofmonth", "hour", "minute", "second", "dayofyear":
        return datePart(r, name, operands.get(0), scope);
      case "dayofweek":
        return new Typed(Template.call("(CAST(strftime('%w', {0}) AS INTEGER) + 1)",
            rewrite(r, operands.get(0), scope, SqlType.TIMESTAMP).node()), SqlType.BIGINT, name);
      case "last_insert_id":
        return new Typed(r.implicit(new Argument.LastInsertId()), UNSIGNED_BIGINT, name);
      case "found_rows":
        return new Typed(r.implicit(new Argument.FoundRows()), SqlType.BIGINT, name);
      case "row_count":
        return new Typed(r.implicit(new Argument.RowCount()), SqlType.BIGINT, name);
      case "database", "schema":
        return new Typed(r.implicit(new Argument.CurrentDatabase()), SqlType.VARCHAR, name);
      case "version":
        return new Typed(Expressions.charLiteral(SystemVariables.VERSION), SqlType.VARCHAR, name);
      case "connection_id":
        return new Typed(r.implicit(new Argument.SessionId()), UNSIGNED_BIGINT, name);
      case "user", "session_user", "system_user":
        return new Typed(Template.call("({0} || '@localhost')", r.implicit(new Argument.CurrentUser())),
            SqlType.VARCHAR, name);
      case "current_user":
        return new Typed(Template.call("({0} || '@%')", r.implicit(new Argument.CurrentUser())), SqlType.VARCHAR,
            name);
      case "group_concat":
        return groupConcat(r, call, scope);
      case "lcase":
        return call(r, "lower", operands, call, scope);
      case "ucase":
        return call(r, "upper", operands, call, scope);
      case "lower", "upper":
        return new Typed(Expressions.sqlite(name, List.of(rewrite(r, operands.get(0), scope, SqlType.TEXT).node())),
            SqlType.VARCHAR, name);
      case "length", "octet_length":
        return new Typed(Template.call("length(CAST({0} AS BLOB))", rewrite(r, operands.get(0), scope, SqlType.TEXT)
            .node()), SqlType.BIGINT, name);
      case "locate":
        return operands.size() == 2
            ? new Typed(Template.call("instr({1}, {0})", rewriteAll(r, operands, scope, SqlType.TEXT)), SqlType.BIGINT,
                name)
            : null;
      case "substring_index":
        return udf(r, "bop_substring_index", operands, scope, SqlType.VARCHAR, name);
      case "convert_tz":
        return udf(r, "bop_convert_tz", operands, scope, SqlType.of(TypeKind.TIMESTAMP, "datetime"), name);
      case "sha1", "sha":
        return udf(r, "bop_sha1", operands, scope, SqlType.VARCHAR, name);
      case "sha2":
        return udf(r, "bop_sha2", operands, scope, SqlType.VARCHAR, name);
      case "json_valid":
        // SQLite's json_valid(NULL) is 0; MySQL's is NULL, which lets CHECK (json_valid(doc)) accept NULL.
        return new Typed(Template.call("iif({0} IS NULL, NULL, json_valid({0}))",
            rewrite(r, operands.get(0), scope, SqlType.TEXT).node()), SqlType.BIGINT, name);
      case "hex": {
        // NULL stays NULL (SQLite's hex gives ''); a number is written in base 16, as MySQL does
        Typed value = rewrite(r, operands.get(0), scope, null);
        String hex = value.type().kind().isInteger() ? "printf('%X', {0})" : "hex({0})";
        return new Typed(Template.call("iif({0} IS NULL, NULL, " + hex + ")", value.node()), SqlType.VARCHAR, name);
      }
      case "sleep":
        // 0 once the time has passed; a KILL QUERY interrupts it, and the statement fails with 1317
        r.waits = true;
        return new Typed(Template.call("iif(pg_sleep({0}) IS NULL, NULL, 0)",
            rewrite(r, operands.get(0), scope, SqlType.DOUBLE).node()), SqlType.BIGINT, name);
      case "rand":
        return new Typed(Expressions.sqlite("bop_random", List.of()), SqlType.DOUBLE, name);
      case "uuid":
        return new Typed(Expressions.sqlite("gen_random_uuid", List.of()), SqlType.VARCHAR.withLength(36, -1), name);
      default:
        return null;
    }
  }

  private static Typed rewrite(Rewriter r, SqlNode node, Scope scope, SqlType expected) throws SqlError {
    return r.expressions.rewrite(node, scope, expected);
  }

  private static List<SqlNode> rewriteAll(Rewriter r, List<SqlNode> nodes, Scope scope, SqlType expected)
      throws SqlError {
    return r.expressions.rewriteAll(nodes, scope, expected);
  }

  private static Typed udf(Rewriter r, String function, List<SqlNode> operands, Scope scope, SqlType type, String name)
      throws SqlError {
    return new Typed(Expressions.sqlite(function, rewriteAll(r, operands, scope, null)), type, name);
  }

  /** A two-argument function whose result has the type of whichever argument has one, the first preferred. */
  private static Typed sameType(Rewriter r, String template, List<SqlNode> operands, Scope scope, String name)
      throws SqlError {
    Typed first = rewrite(r, operands.get(0), scope, null);
    Typed second = rewrite(r, operands.get(1), scope, first.type().kind() == TypeKind.UNKNOWN ? null : first.type());
    SqlType type = first.type().kind() != TypeKind.UNKNOWN ? first.type() : second.type();
    return new Typed(Template.call(template, first.node(), second.node()), type, name);
  }

  /** IF(condition, then, else). */
  private static Typed ifFunction(Rewriter r, List<SqlNode> operands, Scope scope) throws SqlError {
    SqlNode condition = r.expressions.condition(operands.get(0), scope);
    Typed then = rewrite(r, operands.get(1), scope, null);
    Typed otherwise = rewrite(r, operands.get(2), scope,
        then.type().kind() == TypeKind.UNKNOWN ? null : then.type());
    SqlType type = then.type().kind() != TypeKind.UNKNOWN ? then.type() : otherwise.type();
    return new Typed(Template.call("CASE WHEN {0} THEN {1} ELSE {2} END", condition, then.node(), otherwise.node()),
        type, "if");
  }

  /** CONCAT(a, ...): NULL if any argument is NULL, unlike PostgreSQL's. */
  private static Typed concat(Rewriter r, List<SqlNode> operands, Scope scope) throws SqlError {
    List<SqlNode> parts = rewriteAll(r, operands, scope, SqlType.TEXT);
    StringBuilder template = new StringBuilder("(''");
    for (int i = 0; i < parts.size(); i++) {
      template.append(" || {").append(i).append('}');
    }
    return new Typed(Template.call(template.append(')').toString(), parts), SqlType.VARCHAR, "concat");
  }

  /**
   * NOW([fsp]) and its synonyms: the time the transaction (in autocommit mode, the statement) started, in the
   * session's time zone, to whole seconds unless fractional digits are asked for.
   */
  private static Typed now(Rewriter r, List<SqlNode> operands, String name) throws SqlError {
    int digits = operands.isEmpty() ? 0 : ((SqlLiteral) operands.get(0)).intValue(true);
    SqlNode now = r.implicit(new Argument.LocalTimestamp());
    SqlType type = SqlType.of(TypeKind.TIMESTAMP, "datetime").withLength(digits > 0 ? digits : -1, -1);
    return new Typed(digits > 0 ? now : Template.call("substr({0}, 1, 19)", now), type, name);
  }

  private static Typed dateFormat(Rewriter r, Typed time, SqlNode format, Scope scope, String name) throws SqlError {
    return new Typed(Expressions.sqlite("bop_date_format", List.of(time.node(),
        rewrite(r, format, scope, SqlType.TEXT).node())), SqlType.VARCHAR, name);
  }

  private static Typed datePart(Rewriter r, String part, SqlNode operand, Scope scope) throws SqlError {
    String format = switch (part) {
      case "year" -> "%Y";
      case "month" -> "%m";
      case "day", "dayofmonth" -> "%d";
      case "hour" -> "%H";
      case "minute" -> "%M";
      case "second" -> "%S";
      default -> "%j";
    };
    return new Typed(Template.call("CAST(strftime('" + format + "', {0}) AS INTEGER)",
        rewrite(r, operand, scope, SqlType.TIMESTAMP).node()), SqlType.BIGINT, part);
  }

  /** GROUP_CONCAT([DISTINCT] expression [SEPARATOR 'text']); SQLite 3.40 cannot order an aggregate's input. */
  private static Typed groupConcat(Rewriter r, SqlCall call, Scope scope) throws SqlError {
    List<SqlNode> values = new ArrayList<>();
    SqlNode separator = Expressions.charLiteral(",");
    for (SqlNode operand : call.getOperandList()) {
      if (operand.getKind() == SqlKind.SEPARATOR) {
        separator = ((SqlCall) operand).operand(0);
      } else if (!(operand instanceof SqlNodeList)) {
        values.add(operand);
      }
    }
    if (values.size() != 1) {
      throw Expressions.unsupported("GROUP_CONCAT of several expressions");
    }
    SqlNode value = rewrite(r, values.get(0), scope, SqlType.TEXT).node();
    boolean distinct = call.getFunctionQuantifier() != null;
    String template = distinct ? "group_concat(DISTINCT {0})" : "group_concat({0}, {1})";
    return new Typed(Template.call(template, value, separator), SqlType.VARCHAR, "group_concat");
  }

  // ===================================================================================== intervals

  /** Whether a node is MySQL's {@code INTERVAL n unit}. */
  static boolean isInterval(SqlNode node) {
    return node instanceof SqlIntervalLiteral || node instanceof SqlCall call && call.getKind() == SqlKind.INTERVAL;
  }

  /**
   * DATE_ADD(time, INTERVAL n unit), DATE_SUB, and time ± INTERVAL: a DATE stays a DATE for units of a day or
   * more; anything else becomes a DATETIME.
   */
  static Typed dateAdd(Rewriter r, SqlNode time, SqlNode interval, boolean subtract, Scope scope) throws SqlError {
    Typed start = rewrite(r, time, scope, SqlType.TIMESTAMP);
    SqlNode amount;
    TimeUnit unit;
    if (interval instanceof SqlIntervalLiteral literal) {
      SqlIntervalLiteral.IntervalValue value = literal.getValueAs(SqlIntervalLiteral.IntervalValue.class);
      unit = value.getIntervalQualifier().getStartUnit();
      amount = SqlLiteral.createExactNumeric(new BigDecimal(value.getIntervalLiteral().strip())
          .multiply(BigDecimal.valueOf(value.getSign())).toPlainString(), Expressions.POS);
    } else if (interval instanceof SqlCall call && call.getKind() == SqlKind.INTERVAL) {
      unit = ((SqlIntervalQualifier) call.operand(1)).getStartUnit();
      amount = rewrite(r, call.operand(0), scope, SqlType.NUMERIC).node();
    } else {
      // ADDDATE(date, days)
      unit = TimeUnit.DAY;
      amount = rewrite(r, interval, scope, SqlType.BIGINT).node();
    }
    String modifier = switch (unit) {
      case YEAR -> "years";
      case QUARTER, MONTH -> "months";
      case WEEK, DAY -> "days";
      case HOUR -> "hours";
      case MINUTE -> "minutes";
      case SECOND, MICROSECOND -> "seconds";
      default -> throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "INTERVAL ... " + unit + " is not supported");
    };
    String scaled = switch (unit) {
      case QUARTER -> "({1} * 3)";
      case WEEK -> "({1} * 7)";
      case MICROSECOND -> "({1} / 1000000.0)";
      default -> "{1}";
    };
    String sign = subtract ? "-" : "";
    boolean wholeDays = unit == TimeUnit.YEAR || unit == TimeUnit.QUARTER || unit == TimeUnit.MONTH
        || unit == TimeUnit.WEEK || unit == TimeUnit.DAY;
    boolean date = start.type().kind() == TypeKind.DATE && wholeDays;
    String function = date ? "date" : unit == TimeUnit.MICROSECOND ? "strftime('%Y-%m-%d %H:%M:%f', " : "datetime";
    String template = function + (function.endsWith(" ") ? "" : "(") + "{0}, (" + sign + scaled + ") || ' "
        + modifier + "')";
    return new Typed(Template.call(template, start.node(), amount), date ? SqlType.DATE
        : SqlType.of(TypeKind.TIMESTAMP, "datetime"), "date_add");
  }
}
