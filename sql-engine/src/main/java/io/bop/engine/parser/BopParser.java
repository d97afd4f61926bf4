package io.bop.engine.parser;

import io.bop.engine.parser.impl.BopParserImpl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import java.io.StringReader;
import java.util.List;

/**
 * Parses the SQL text a client sends into Calcite trees, one per statement. Queries and expressions use
 * Calcite's nodes; other statements and type names use the nodes of {@link io.bop.engine.parser.ast}.
 *
 * <p>Thread-safe: every call uses a parser of its own.
 */
public final class BopParser {

  private BopParser() {
  }

  /**
   * Parses one or more statements separated by {@code ;}. Empty statements are skipped, so text that
   * is empty or only comments gives an empty list.
   *
   * @throws SqlParseException on a syntax error, with the position of the offending token
   */
  public static List<SqlNode> parse(String sql, Dialect dialect) throws SqlParseException {
    final BopParserImpl parser = newParser(sql, dialect.parserConfig());
    final SqlNodeList statements;
    try {
      statements = parser.StatementList();
    } catch (Throwable e) {
      // ParseException, TokenMgrError, CalciteContextException, or a StackOverflowError on absurdly
      // nested text: each becomes a SqlParseException, as in Calcite's SqlParser.
      throw parser.normalizeException(e);
    }
    return PositionalParameters.renumber(statements, parser.token_source.positionalParameters);
  }

  /**
   * A parser for the text, set up the way {@link SqlParser} sets up its own. (Not through
   * {@code BopParserImpl.FACTORY}, which sizes the input buffer to the text and fails on empty text.)
   */
  private static BopParserImpl newParser(String sql, SqlParser.Config config) {
    final BopParserImpl parser = new BopParserImpl(new StringReader(sql));
    parser.setOriginalSql(sql);
    parser.setTabSize(1);
    parser.setQuotedCasing(config.quotedCasing());
    parser.setUnquotedCasing(config.unquotedCasing());
    parser.setIdentifierMaxLength(config.identifierMaxLength());
    parser.setConformance(config.conformance());
    parser.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(config));
    return parser;
  }
}
