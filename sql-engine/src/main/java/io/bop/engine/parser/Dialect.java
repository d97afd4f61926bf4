package io.bop.engine.parser;

import io.bop.engine.parser.impl.BopParserImpl;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The SQL dialect a client speaks. Both dialects share one grammar; what differs is the lexical and
 * naming rules in each dialect's {@link SqlParser.Config}, and a few conformance checks in the grammar.
 */
public enum Dialect {

  /**
   * PostgreSQL: {@code "quoted"} identifiers, unquoted ones folded to lower case, names matched
   * case-sensitively, {@code $1} parameters, no {@code LIMIT m, n}.
   */
  POSTGRESQL(SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(new PostgresqlConformance())),

  /**
   * MySQL: {@code `quoted`} identifiers, all identifiers kept as written and matched case-insensitively,
   * {@code ?} parameters, {@code LIMIT offset, count}.
   */
  MYSQL(SqlParser.config()
      .withLex(Lex.MYSQL)
      .withConformance(SqlConformanceEnum.MYSQL_5));

  /**
   * Longer than any name a client sends. PostgreSQL truncates long names instead of rejecting them, so
   * checking names is left to the translator.
   */
  private static final int IDENTIFIER_MAX_LENGTH = 65_536;

  private final SqlParser.Config parserConfig;

  Dialect(SqlParser.Config parserConfig) {
    this.parserConfig = parserConfig
        .withParserFactory(BopParserImpl.FACTORY)
        .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH);
  }

  /**
   * How to parse this dialect. {@link BopParser} is the way to parse client text; this configuration also
   * serves {@link SqlParser#create(String, SqlParser.Config)}, e.g. for a single expression, but that
   * numbers {@code $n} parameters in order of appearance.
   */
  public SqlParser.Config parserConfig() {
    return parserConfig;
  }

  /** Calcite's most lenient conformance (Babel), with PostgreSQL's answers where they differ. */
  private static final class PostgresqlConformance extends SqlDelegatingConformance {

    PostgresqlConformance() {
      super(SqlConformanceEnum.BABEL);
    }

    /** MySQL's {@code LIMIT offset, count}. */
    @Override
    public boolean isLimitStartCountAllowed() {
      return false;
    }

    /** {@code SELECT x 'alias'}; PostgreSQL reads {@code type 'text'} there, so rather fail than misread. */
    @Override
    public boolean allowCharLiteralAlias() {
      return false;
    }

    /** {@code ROW(1, 2)}. */
    @Override
    public boolean allowExplicitRowValueConstructor() {
      return true;
    }
  }
}
