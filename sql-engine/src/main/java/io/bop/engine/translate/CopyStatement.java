package io.bop.engine.translate;

import io.bop.engine.CopyFormat;
import io.bop.engine.catalog.Table;
import io.bop.engine.catalog.TableColumn;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.CopyInPlan;
import io.bop.engine.exec.CopyOutPlan;
import io.bop.engine.exec.Plan;
import io.bop.engine.exec.SqlitePlan;
import io.bop.engine.parser.Dialect;
import io.bop.engine.parser.ast.BopCopy;
import io.bop.engine.parser.ast.BopOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.util.NlsString;

/**
 * PostgreSQL's COPY between a table or query and the client. Rows coming in are stored by an INSERT of one row,
 * rows going out are read by a query; the options become the {@link CopyFormat} the protocol module writes and
 * reads, validated with PostgreSQL's messages.
 */
final class CopyStatement {
  private final Rewriter r;

  CopyStatement(Rewriter r) {
    this.r = r;
  }

  Plan translate(BopCopy copy) throws SqlError {
    if (copy.file() != null) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY to or from a file or program on the server is not"
          + " supported", null, "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.",
          0, null);
    }
    if (copy.where() != null) {
      throw Expressions.unsupported("COPY FROM with WHERE");
    }
    boolean in = copy.direction() == BopCopy.Direction.FROM;
    if (copy.query() != null) {
      SqlitePlan query = Translator.query(r, copy.query());
      List<String> names = query.columns().stream().map(io.bop.engine.Column::name).toList();
      return new CopyOutPlan(query, format(copy, names, false), names);
    }
    String name = copy.table().names.get(copy.table().names.size() - 1);
    Table table = r.catalog.table(name).orElseThrow(() ->
        new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
    if (table.view()) {
      throw new SqlError(Condition.WRONG_OBJECT_TYPE, "cannot copy " + (in ? "to" : "from") + " view \""
          + table.name() + "\"", null, in ? null : "Try the COPY (SELECT ...) TO variant.", 0, null);
    }
    List<String> columns = columns(copy, table);
    CopyFormat format = format(copy, columns, in);
    String list = String.join(", ", columns.stream().map(CopyStatement::quote).toList());
    if (in) {
      String parameters = String.join(", ", java.util.stream.IntStream.rangeClosed(1, columns.size())
          .mapToObj(i -> "$" + i).toList());
      String insert = "INSERT INTO " + quote(table.name()) + " (" + list + ") VALUES (" + parameters + ")";
      List<io.bop.engine.types.SqlType> types = columns.stream()
          .map(c -> table.column(c).orElseThrow().type()).toList();
      return new CopyInPlan(table.name(), columns, types, format, (SqlitePlan) translated(insert));
    }
    return new CopyOutPlan((SqlitePlan) translated("SELECT " + list + " FROM " + quote(table.name())), format,
        columns);
  }

  private Plan translated(String sql) throws SqlError {
    return Translator.translate(Dialect.POSTGRESQL, Translator.parse(Dialect.POSTGRESQL, sql).get(0), r.catalog,
        r.database);
  }

  private static List<String> columns(BopCopy copy, Table table) throws SqlError {
    List<String> columns = new ArrayList<>();
    if (copy.columns() == null) {
      table.columns().forEach(c -> columns.add(c.name()));
      return columns;
    }
    for (SqlNode node : copy.columns()) {
      String name = ((SqlIdentifier) node).getSimple();
      TableColumn column = table.column(name).orElseThrow(() -> new SqlError(Condition.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist"));
      if (columns.contains(column.name())) {
        throw new SqlError(Condition.DUPLICATE_COLUMN, "column \"" + column.name() + "\" specified more than once");
      }
      columns.add(column.name());
    }
    return columns;
  }

  // ===================================================================================== options

  /** The options as PostgreSQL's ProcessCopyOptions checks them. */
  private static CopyFormat format(BopCopy copy, List<String> columns, boolean in) throws SqlError {
    Set<String> seen = new HashSet<>();
    boolean csv = false;
    String delimiter = null;
    String nullText = null;
    String quote = null;
    String escape = null;
    boolean header = false;
    Set<Integer> forceQuote = Set.of();
    Set<Integer> forceNotNull = Set.of();
    Set<Integer> forceNull = Set.of();
    for (SqlNode node : copy.options()) {
      BopOption option = (BopOption) node;
      String name = option.name();
      if (!seen.add(name)) {
        throw new SqlError(Condition.SYNTAX_ERROR, "conflicting or redundant options");
      }
      SqlNode value = option.value();
      switch (name) {
        case "format" -> {
          String format = word(option).toLowerCase(Locale.ROOT);
          switch (format) {
            case "text" -> csv = false;
            case "csv" -> csv = true;
            case "binary" -> throw Expressions.unsupported("COPY in binary format");
            default -> throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "COPY format \"" + format
                + "\" not recognized");
          }
        }
        case "freeze" -> bool(option); // rows are visible to others only once committed anyway
        case "delimiter" -> delimiter = text(option);
        case "null" -> nullText = text(option);
        case "header" -> {
          if (value != null && word(option).equalsIgnoreCase("match")) {
            throw Expressions.unsupported("COPY HEADER MATCH");
          }
          header = bool(option);
        }
        case "quote" -> quote = text(option);
        case "escape" -> escape = text(option);
        case "force_quote" -> forceQuote = columnSet(option, columns, "FORCE_QUOTE");
        case "force_not_null" -> forceNotNull = columnSet(option, columns, "FORCE_NOT_NULL");
        case "force_null" -> forceNull = columnSet(option, columns, "FORCE_NULL");
        case "encoding" -> {
          String encoding = text(option).replace("-", "").replace("_", "");
          if (!encoding.equalsIgnoreCase("utf8") && !encoding.equalsIgnoreCase("unicode")) {
            throw Expressions.unsupported("COPY with encoding \"" + text(option) + "\" (bop speaks UTF8)");
          }
        }
        default -> throw new SqlError(Condition.SYNTAX_ERROR, "option \"" + name + "\" not recognized");
      }
    }
    if (delimiter == null) {
      delimiter = csv ? "," : "\t";
    }
    if (nullText == null) {
      nullText = csv ? "" : "\\N";
    }
    oneByte(delimiter, "delimiter");
    if (delimiter.equals("\n") || delimiter.equals("\r")) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be newline or carriage return");
    }
    if (nullText.contains("\n") || nullText.contains("\r")) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE,
          "COPY null representation cannot use newline or carriage return");
    }
    if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(delimiter.charAt(0)) >= 0) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"" + delimiter + "\"");
    }
    onlyCsv(csv, quote != null, "quote");
    onlyCsv(csv, escape != null, "escape");
    onlyCsv(csv, !forceQuote.isEmpty(), "force quote");
    onlyCsv(csv, !forceNotNull.isEmpty(), "force not null");
    onlyCsv(csv, !forceNull.isEmpty(), "force null");
    if (!forceQuote.isEmpty() && in) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO");
    }
    if ((!forceNotNull.isEmpty() || !forceNull.isEmpty()) && !in) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY force " + (forceNull.isEmpty() ? "not null" : "null")
          + " only available using COPY FROM");
    }
    if (quote == null) {
      quote = "\"";
    }
    if (escape == null) {
      escape = quote;
    }
    oneByte(quote, "quote");
    oneByte(escape, "escape");
    if (csv && delimiter.equals(quote)) {
      throw new SqlError(Condition.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
    }
    if (nullText.contains(delimiter)) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY delimiter must not appear in the NULL specification");
    }
    if (csv && nullText.contains(quote)) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED,
          "CSV quote character must not appear in the NULL specification");
    }
    return new CopyFormat(csv, delimiter.charAt(0), nullText, quote.charAt(0), escape.charAt(0), header, forceQuote,
        forceNotNull, forceNull);
  }

  private static void oneByte(String value, String what) throws SqlError {
    if (value.length() != 1 || value.charAt(0) > 0x7f) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY " + what + " must be a single one-byte character");
    }
  }

  private static void onlyCsv(boolean csv, boolean given, String what) throws SqlError {
    if (given && !csv) {
      throw new SqlError(Condition.FEATURE_NOT_SUPPORTED, "COPY " + what + " available only in CSV mode");
    }
  }

  /** A string option's value. */
  private static String text(BopOption option) throws SqlError {
    if (option.value() instanceof SqlLiteral literal && literal.getValue() instanceof NlsString s) {
      return s.getValue();
    }
    throw new SqlError(Condition.SYNTAX_ERROR, option.name() + " requires a string value");
  }

  /** A word option's value: {@code csv}, {@code 'csv'}. */
  private static String word(BopOption option) throws SqlError {
    if (option.value() instanceof SqlIdentifier id && id.isSimple()) {
      return id.getSimple();
    }
    if (option.value() instanceof SqlLiteral literal) {
      return literal.getValue() instanceof NlsString s ? s.getValue() : String.valueOf(literal.getValue());
    }
    throw new SqlError(Condition.SYNTAX_ERROR, option.name() + " requires a string value");
  }

  /** A Boolean option's value as PostgreSQL reads it; written alone, the option is true. */
  private static boolean bool(BopOption option) throws SqlError {
    if (option.value() == null) {
      return true;
    }
    return switch (word(option).toLowerCase(Locale.ROOT)) {
      case "true", "on", "1", "yes" -> true;
      case "false", "off", "0", "no" -> false;
      default -> throw new SqlError(Condition.SYNTAX_ERROR, option.name() + " requires a Boolean value");
    };
  }

  /** The positions in the COPY's column list of the columns a FORCE option names; {@code *} is all of them. */
  private static Set<Integer> columnSet(BopOption option, List<String> columns, String what) throws SqlError {
    Set<Integer> positions = new TreeSet<>();
    if (option.value() instanceof SqlIdentifier id && id.isStar()) {
      for (int i = 0; i < columns.size(); i++) {
        positions.add(i);
      }
      return positions;
    }
    if (!(option.value() instanceof SqlNodeList list)) {
      throw new SqlError(Condition.SYNTAX_ERROR, "argument to option \"" + option.name()
          + "\" must be a list of column names");
    }
    for (SqlNode node : list) {
      String name = ((SqlIdentifier) node).getSimple();
      int position = -1;
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).equalsIgnoreCase(name)) {
          position = i;
        }
      }
      if (position < 0) {
        throw new SqlError(Condition.INVALID_COLUMN_REFERENCE, what + " column \"" + name
            + "\" not referenced by COPY");
      }
      positions.add(position);
    }
    return positions;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
