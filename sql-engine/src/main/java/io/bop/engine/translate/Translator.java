package io.bop.engine.translate;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.DatabasePlans;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SessionPlans;
import io.bop.engine.exec.SqlitePlan;
import io.bop.engine.parser.BopParser;
import io.bop.engine.parser.Dialect;
import io.bop.engine.parser.ast.BopAlterSequence;
import io.bop.engine.parser.ast.BopAlterTable;
import io.bop.engine.parser.ast.BopComment;
import io.bop.engine.parser.ast.BopCopy;
import io.bop.engine.parser.ast.BopCreateDatabase;
import io.bop.engine.parser.ast.BopCreateIndex;
import io.bop.engine.parser.ast.BopCreateSequence;
import io.bop.engine.parser.ast.BopCreateTable;
import io.bop.engine.parser.ast.BopCreateView;
import io.bop.engine.parser.ast.BopDelete;
import io.bop.engine.parser.ast.BopDrop;
import io.bop.engine.parser.ast.BopInsert;
import io.bop.engine.parser.ast.BopMaintenance;
import io.bop.engine.parser.ast.BopTruncate;
import io.bop.engine.parser.ast.BopSessionStatement;
import io.bop.engine.parser.ast.BopTransaction;
import io.bop.engine.parser.ast.BopUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** From SQL text to plans: parse once, then translate each statement against the database's catalog. */
public final class Translator {
  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");

  private Translator() {}

  /** One statement of a query string, parsed but not yet translated. */
  public record Parsed(String text, SqlNode node, SourceText source) {}

  /** Parses every statement of a query string; a syntax error anywhere fails the whole string, as in PostgreSQL. */
  public static List<Parsed> parse(Dialect dialect, String sql) throws SqlError {
    List<SqlNode> nodes;
    try {
      nodes = BopParser.parse(sql, dialect);
    } catch (SqlParseException e) {
      throw syntaxError(e, sql);
    }
    SourceText source = new SourceText(sql);
    List<Parsed> parsed = new ArrayList<>();
    for (SqlNode node : nodes) {
      String text = nodes.size() == 1 ? sql.strip() : source.of(node);
      parsed.add(new Parsed(text != null ? text : sql, node, source));
    }
    return parsed;
  }

  /** Translates one parsed statement. */
  public static Plan translate(Dialect dialect, Parsed parsed, Catalog catalog, String database) throws SqlError {
    SqlNode node = parsed.node();
    Rewriter r = new Rewriter(dialect, catalog, database, node, parsed.source());
    if (dialect == Dialect.MYSQL) {
      Plan plan = new MySqlTranslator(r).translate(node);
      if (plan != null) {
        return plan;
      }
    }
    if (node instanceof BopInsert insert) {
      return new Dml(r).insert(insert);
    }
    if (node instanceof BopUpdate update) {
      return new Dml(r).update(update);
    }
    if (node instanceof BopDelete delete) {
      return new Dml(r).delete(delete);
    }
    if (node instanceof BopCreateTable create) {
      return new Ddl(r, parsed.source()).createTable(create);
    }
    if (node instanceof BopCreateIndex create) {
      return new Ddl(r, parsed.source()).createIndex(create);
    }
    if (node instanceof BopCreateView create) {
      return new Ddl(r, parsed.source()).createView(create);
    }
    if (node instanceof BopCreateDatabase create && !create.schema()) {
      return new DatabasePlans.Create(create.name().getSimple(), create.ifNotExists());
    }
    if (node instanceof BopDrop drop && drop.objectType() == BopDrop.ObjectType.DATABASE) {
      return new DatabasePlans.Drop(names(drop.names()), drop.ifExists());
    }
    if (node instanceof BopCreateSequence create) {
      return new SequenceDdl(r).create(create);
    }
    if (node instanceof BopAlterSequence alter) {
      return new SequenceDdl(r).alter(alter);
    }
    if (node instanceof BopComment comment) {
      return CommentOn.translate(comment);
    }
    if (node instanceof BopAlterTable alter) {
      return new AlterTable(r, new Ddl(r, parsed.source())).alter(alter);
    }
    if (node instanceof BopDrop drop) {
      return new Ddl(r, parsed.source()).drop(drop);
    }
    if (node instanceof BopTruncate truncate) {
      return new Ddl(r, parsed.source()).truncate(truncate);
    }
    if (node instanceof BopMaintenance maintenance) {
      return new Ddl(r, parsed.source()).maintenance(maintenance);
    }
    if (node instanceof BopTransaction transaction) {
      return transaction(transaction);
    }
    if (node instanceof BopSessionStatement statement) {
      return session(statement);
    }
    if (node instanceof BopCopy copy) {
      return new CopyStatement(r).translate(copy);
    }
    if (Queries.isQuery(node)) {
      return query(r, node);
    }
    throw Expressions.unsupported("the statement " + node.getKind().lowerName.replace('_', ' ').toUpperCase(Locale.ROOT));
  }

  /** The last part of each name of a list of identifiers. */
  static List<String> names(SqlNodeList identifiers) {
    List<String> names = new ArrayList<>();
    for (SqlNode n : identifiers) {
      List<String> parts = ((SqlIdentifier) n).names;
      names.add(parts.get(parts.size() - 1));
    }
    return names;
  }

  static SqlitePlan query(Rewriter r, SqlNode node) throws SqlError {
    Queries.Result query = Queries.shown(r.queries.query(node, null));
    return new SqlitePlan(SqliteDialect.unparse(query.node()), r.arguments(), r.parameterTypes(),
        Queries.describe(query.columns()), r.writes, "SELECT", List.copyOf(r.catalogRelations),
        r.times());
  }

  private static Plan transaction(BopTransaction t) throws SqlError {
    String isolation = t.isolationLevel() == null ? null : t.isolationLevel().sql.substring("ISOLATION LEVEL ".length());
    Boolean readOnly = t.modes().contains(BopTransaction.Mode.READ_ONLY) ? Boolean.TRUE
        : t.modes().contains(BopTransaction.Mode.READ_WRITE) ? Boolean.FALSE : null;
    String savepoint = t.savepoint() == null ? null : t.savepoint().getSimple();
    return switch (t.kind()) {
      case BEGIN -> new SessionPlans.Transaction(SessionPlans.TransactionAction.BEGIN, isolation, readOnly, null);
      case COMMIT -> new SessionPlans.Transaction(SessionPlans.TransactionAction.COMMIT, null, null, null);
      case ROLLBACK -> new SessionPlans.Transaction(SessionPlans.TransactionAction.ROLLBACK, null, null, null);
      case SAVEPOINT -> new SessionPlans.Transaction(SessionPlans.TransactionAction.SAVEPOINT, null, null, savepoint);
      case RELEASE_SAVEPOINT -> new SessionPlans.Transaction(SessionPlans.TransactionAction.RELEASE, null, null, savepoint);
      case ROLLBACK_TO_SAVEPOINT ->
          new SessionPlans.Transaction(SessionPlans.TransactionAction.ROLLBACK_TO, null, null, savepoint);
      case SET_GLOBAL_TRANSACTION -> throw Expressions.unsupported("SET GLOBAL TRANSACTION");
      case SET_TRANSACTION, SET_SESSION_CHARACTERISTICS -> isolation == null
          ? new SessionPlans.Set("transaction_read_only", Boolean.TRUE.equals(readOnly) ? "on" : "off", "SET")
          : new SessionPlans.Set(t.kind() == BopTransaction.Kind.SET_TRANSACTION ? "transaction_isolation"
              : "default_transaction_isolation", isolation.toLowerCase(Locale.ROOT), "SET");
    };
  }

  private static Plan session(BopSessionStatement s) throws SqlError {
    String name = s.name() == null ? null : String.join(".", s.name().names);
    if (name != null && name.equalsIgnoreCase("timezone")) {
      name = "TimeZone";
    }
    switch (s.kind()) {
      case SHOW:
        return name == null ? new SessionPlans.ShowAll() : new SessionPlans.Show(name);
      case RESET:
        return name == null ? new SessionPlans.ResetAll("RESET") : new SessionPlans.Set(name, null, "RESET");
      case DISCARD:
        return new SessionPlans.ResetAll("DISCARD ALL");
      case SET:
      default:
        if (s.isSetDefault()) {
          return new SessionPlans.Set(name, null, "SET");
        }
        List<String> values = new ArrayList<>();
        for (SqlNode value : s.values()) {
          values.add(settingText(value));
        }
        String value = String.join(", ", values);
        if (name.equals("TimeZone") && value.equalsIgnoreCase("local")) {
          return new SessionPlans.Set(name, null, "SET");
        }
        return new SessionPlans.Set(name, value, "SET");
    }
  }

  /** A SET value as text: a literal's value, an identifier's name, an expression's SQL. */
  private static String settingText(SqlNode value) {
    if (value instanceof SqlLiteral literal) {
      Object v = literal.getValue();
      return v instanceof org.apache.calcite.util.NlsString s ? s.getValue() : literal.toValue();
    }
    if (value instanceof SqlIdentifier id) {
      return String.join(".", id.names);
    }
    return value.toString();
  }

  /** A parse failure as PostgreSQL reports it: {@code syntax error at or near "x"}, with its position. */
  static SqlError syntaxError(SqlParseException e, String sql) {
    SqlParserPos pos = e.getPos();
    int position = pos == null ? 0 : new SourceText(sql).offset(pos.getLineNum(), pos.getColumnNum()) + 1;
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = ENCOUNTERED.matcher(message);
    String text;
    if (m.find()) {
      String token = m.group(1).strip();
      text = token.equals("<EOF>") ? "syntax error at end of input" : "syntax error at or near \"" + firstWord(token) + "\"";
    } else {
      text = "syntax error: " + message.lines().findFirst().orElse(message);
    }
    return new SqlError(Condition.SYNTAX_ERROR, text, null, null, position, null);
  }

  private static String firstWord(String token) {
    int space = token.indexOf(' ');
    return space > 0 ? token.substring(0, space) : token;
  }
}
