package io.bop.engine.translate;

import io.bop.engine.catalog.Table;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqlitePlan;
import io.bop.engine.mysql.MySqlPlans;
import io.bop.engine.mysql.SessionRows;
import io.bop.engine.parser.BopParser;
import io.bop.engine.parser.Dialect;
import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopShow;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.util.NlsString;

/**
 * MySQL's SHOW statements. Those about the schema are queries of {@code information_schema}, written here as MySQL
 * itself rewrites them (SHOW COLUMNS reads COLUMNS, SHOW INDEX reads STATISTICS), so LIKE and WHERE filter them as
 * any query; those about the session and server (VARIABLES, STATUS, WARNINGS, PROCESSLIST) list its state.
 */
final class MySqlShow {
  private final Rewriter r;

  MySqlShow(Rewriter r) {
    this.r = r;
  }

  Plan plan(BopShow show) throws SqlError {
    String like = show.like() == null ? null : ((SqlLiteral) show.like()).getValueAs(NlsString.class).getValue();
    boolean global = show.scope() == BopSessionStatement.Scope.GLOBAL;
    switch (show.kind()) {
      case DATABASES:
        return query("SELECT SCHEMA_NAME AS `Database` FROM information_schema.SCHEMATA"
            + filter("SCHEMA_NAME", like, true) + " ORDER BY SCHEMA_NAME", show.where());
      case TABLES: {
        String database = database(show);
        return query("SELECT TABLE_NAME AS " + quote("Tables_in_" + database)
            + (show.full() ? ", TABLE_TYPE AS `Table_type`" : "") + " FROM information_schema.TABLES"
            + filter("TABLE_NAME", like, true) + " ORDER BY TABLE_NAME", show.where());
      }
      case COLUMNS: {
        Table table = table(show);
        return query("SELECT COLUMN_NAME AS `Field`, COLUMN_TYPE AS `Type`"
            + (show.full() ? ", COLLATION_NAME AS `Collation`" : "")
            + ", IS_NULLABLE AS `Null`, COLUMN_KEY AS `Key`, COLUMN_DEFAULT AS `Default`, EXTRA AS `Extra`"
            + (show.full() ? ", PRIVILEGES AS `Privileges`, COLUMN_COMMENT AS `Comment`" : "")
            + " FROM information_schema.COLUMNS WHERE TABLE_NAME = " + string(table.name())
            + filter("COLUMN_NAME", like, false) + " ORDER BY ORDINAL_POSITION", show.where());
      }
      case INDEX: {
        Table table = table(show);
        return query("SELECT TABLE_NAME AS `Table`, NON_UNIQUE AS `Non_unique`, INDEX_NAME AS `Key_name`,"
            + " SEQ_IN_INDEX AS `Seq_in_index`, COLUMN_NAME AS `Column_name`, COLLATION AS `Collation`,"
            + " CARDINALITY AS `Cardinality`, SUB_PART AS `Sub_part`, PACKED AS `Packed`, NULLABLE AS `Null`,"
            + " INDEX_TYPE AS `Index_type`, COMMENT AS `Comment`, INDEX_COMMENT AS `Index_comment`,"
            + " IS_VISIBLE AS `Visible`, EXPRESSION AS `Expression` FROM information_schema.STATISTICS"
            + " WHERE TABLE_NAME = " + string(table.name())
            + " ORDER BY INDEX_NAME <> 'PRIMARY', NON_UNIQUE, INDEX_NAME, SEQ_IN_INDEX", show.where());
      }
      case TABLE_STATUS:
        database(show);
        return query("SELECT TABLE_NAME AS `Name`, ENGINE AS `Engine`, VERSION AS `Version`,"
            + " ROW_FORMAT AS `Row_format`, TABLE_ROWS AS `Rows`, AVG_ROW_LENGTH AS `Avg_row_length`,"
            + " DATA_LENGTH AS `Data_length`, MAX_DATA_LENGTH AS `Max_data_length`, INDEX_LENGTH AS `Index_length`,"
            + " DATA_FREE AS `Data_free`, AUTO_INCREMENT AS `Auto_increment`, CREATE_TIME AS `Create_time`,"
            + " UPDATE_TIME AS `Update_time`, CHECK_TIME AS `Check_time`, TABLE_COLLATION AS `Collation`,"
            + " CHECKSUM AS `Checksum`, CREATE_OPTIONS AS `Create_options`, TABLE_COMMENT AS `Comment`"
            + " FROM information_schema.TABLES" + filter("TABLE_NAME", like, true) + " ORDER BY TABLE_NAME",
            show.where());
      case CREATE_TABLE:
      case CREATE_VIEW:
        return new MySqlPlans.ShowCreateTable(table(show).name());
      case CREATE_DATABASE:
        return new MySqlPlans.ShowCreateDatabase(show.object().getSimple());
      case ENGINES:
        return query("SELECT ENGINE AS `Engine`, SUPPORT AS `Support`, COMMENT AS `Comment`,"
            + " TRANSACTIONS AS `Transactions`, XA AS `XA`, SAVEPOINTS AS `Savepoints`"
            + " FROM information_schema.ENGINES", null);
      case COLLATION:
        return query("SELECT COLLATION_NAME AS `Collation`, CHARACTER_SET_NAME AS `Charset`, ID AS `Id`,"
            + " IS_DEFAULT AS `Default`, IS_COMPILED AS `Compiled`, SORTLEN AS `Sortlen`,"
            + " PAD_ATTRIBUTE AS `Pad_attribute` FROM information_schema.COLLATIONS"
            + filter("COLLATION_NAME", like, true) + " ORDER BY COLLATION_NAME", show.where());
      case CHARACTER_SET:
        return query("SELECT CHARACTER_SET_NAME AS `Charset`, DESCRIPTION AS `Description`,"
            + " DEFAULT_COLLATE_NAME AS `Default collation`, MAXLEN AS `Maxlen`"
            + " FROM information_schema.CHARACTER_SETS" + filter("CHARACTER_SET_NAME", like, true)
            + " ORDER BY CHARACTER_SET_NAME", show.where());
      case TRIGGERS:
        return query("SELECT TRIGGER_NAME AS `Trigger`, EVENT_MANIPULATION AS `Event`,"
            + " EVENT_OBJECT_TABLE AS `Table`, ACTION_STATEMENT AS `Statement`, ACTION_TIMING AS `Timing`,"
            + " DEFINER AS `Definer` FROM information_schema.TRIGGERS", null);
      case EVENTS:
        return query("SELECT EVENT_SCHEMA AS `Db`, EVENT_NAME AS `Name`, DEFINER AS `Definer`,"
            + " TIME_ZONE AS `Time zone`, EVENT_TYPE AS `Type`, EXECUTE_AT AS `Execute at`,"
            + " INTERVAL_VALUE AS `Interval value`, INTERVAL_FIELD AS `Interval field`, STARTS AS `Starts`,"
            + " ENDS AS `Ends`, STATUS AS `Status`, ORIGINATOR AS `Originator`,"
            + " CHARACTER_SET_CLIENT AS `character_set_client`, COLLATION_CONNECTION AS `collation_connection`,"
            + " DATABASE_COLLATION AS `Database Collation` FROM information_schema.EVENTS", null);
      case FUNCTION_STATUS:
      case PROCEDURE_STATUS:
        return query("SELECT ROUTINE_SCHEMA AS `Db`, ROUTINE_NAME AS `Name`, ROUTINE_TYPE AS `Type`,"
            + " DEFINER AS `Definer`, LAST_ALTERED AS `Modified`, CREATED AS `Created`,"
            + " SECURITY_TYPE AS `Security_type`, ROUTINE_COMMENT AS `Comment`"
            + " FROM information_schema.ROUTINES", null);
      case VARIABLES:
        return sessionRows(global ? SessionRows.GLOBAL_VARIABLES : SessionRows.VARIABLES, like, show);
      case STATUS:
        return sessionRows(SessionRows.STATUS, like, show);
      case WARNINGS:
        return new MySqlPlans.ShowDiagnostics(new MySqlPlans.SessionRowsPlan(SessionRows.WARNINGS, null));
      case ERRORS:
        return new MySqlPlans.ShowDiagnostics(new MySqlPlans.SessionRowsPlan(SessionRows.ERRORS, null));
      case PROCESSLIST:
        return new MySqlPlans.SessionRowsPlan(SessionRows.PROCESSLIST, null);
      case GRANTS:
        return new MySqlPlans.SessionRowsPlan(SessionRows.GRANTS, null);
      default:
        throw Expressions.unsupported("SHOW " + show.kind().sql);
    }
  }

  private Plan sessionRows(SessionRows rows, String like, BopShow show) throws SqlError {
    if (show.where() != null) {
      throw Expressions.unsupported("SHOW " + show.kind().sql + " WHERE; use LIKE");
    }
    return new MySqlPlans.SessionRowsPlan(rows, like);
  }

  /** The database SHOW ... FROM database names, which must be the current one (the only one queries can see). */
  private String database(BopShow show) throws SqlError {
    String database = show.database() != null ? show.database().getSimple() : r.database;
    if (database == null) {
      throw new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected");
    }
    if (!database.equals(r.database)) {
      throw Expressions.unsupported("SHOW " + show.kind().sql + " of a database other than the current one (USE "
          + database + " first)");
    }
    return database;
  }

  private Table table(BopShow show) throws SqlError {
    List<String> names = show.object().names;
    if (names.size() > 1 || show.database() != null) {
      String database = show.database() != null ? show.database().getSimple() : names.get(0);
      if (!database.equals(r.database)) {
        throw Expressions.unsupported("SHOW " + show.kind().sql + " of a table of another database (USE "
            + database + " first)");
      }
    } else if (r.database == null) {
      throw new SqlError(Condition.NO_DATABASE_SELECTED, "No database selected");
    }
    String name = names.get(names.size() - 1);
    return r.catalog.table(name).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
  }

  /** {@code WHERE|AND column LIKE 'pattern'}, or nothing without a pattern. */
  private static String filter(String column, String like, boolean first) {
    return like == null ? "" : (first ? " WHERE " : " AND ") + column + " LIKE " + string(like);
  }

  private static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A query of the SHOW's rows; a WHERE condition applies to its output columns, so it wraps the query. */
  private Plan query(String sql, SqlNode where) throws SqlError {
    SqlNode query;
    try {
      query = BopParser.parse(sql, Dialect.MYSQL).get(0);
    } catch (SqlParseException e) {
      throw new IllegalStateException("a SHOW query does not parse: " + sql, e);
    }
    if (where != null) {
      query = new SqlSelect(Expressions.POS, null, SqlNodeList.SINGLETON_STAR,
          SqlStdOperatorTable.AS.createCall(Expressions.POS, query, new SqlIdentifier("shown", Expressions.POS)),
          where, null, null, null, null, null, null, null);
    }
    Queries.Result result = r.queries.query(query, null);
    return new SqlitePlan(SqliteDialect.unparse(result.node()), r.arguments(), r.parameterTypes(),
        Queries.describe(result.columns()), false, "SELECT", List.copyOf(r.catalogRelations), r.times());
  }
}
