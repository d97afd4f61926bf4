<#--
  Expression syntax of PostgreSQL and MySQL that Calcite's grammar lacks, and shared helpers.
-->

/** Builds an error at a position; BopParser reports it as a SqlParseException with that position. */
JAVACODE CalciteContextException parseError(SqlParserPos pos, String message)
{
    return new CalciteContextException(message, new ParseException(message), pos.getLineNum(),
        pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
}

/** The position from a production's first token to the last token it consumed. */
JAVACODE SqlParserPos positionFrom(Token first)
{
    return new SqlParserPos(first.beginLine, first.beginColumn, token.endLine, token.endColumn);
}

/** Parses "::type" after an operand; the cast becomes a standard CAST call, see BopOperators.INFIX_CAST. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    type = BopDataType() {
        list.add(new SqlParserUtil.ToTreeListItem(BopOperators.INFIX_CAST, s.pos()));
        list.add(type);
    }
}

/** Parses "COLLATE name" after an operand, e.g. PostgreSQL's "COLLATE pg_catalog.default". */
void PostfixCollate(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlIdentifier collation;
}
{
    <COLLATE> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    collation = CollationName() {
        list.add(new SqlParserUtil.ToTreeListItem(BopOperators.COLLATE, s.pos()));
        list.add(collation);
    }
}

/** Parses a collation name; "default" is a reserved word, yet also PostgreSQL's default collation. */
SqlIdentifier CollationName() :
{
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
}
{
    AddCollationNameSegment(names, positions)
    ( <DOT> AddCollationNameSegment(names, positions) )*
    {
        return new SqlIdentifier(names, null, SqlParserPos.sum(positions), positions);
    }
}

void AddCollationNameSegment(List<String> names, List<SqlParserPos> positions) :
{
}
{
    <DEFAULT_> {
        names.add("default");
        positions.add(getPos());
    }
|
    AddIdentifierSegment(names, positions)
}

/**
 * Parses "OPERATOR(pg_catalog.~) operand", PostgreSQL's spelled-out form of a binary operator, into a
 * call of the operator itself.
 */
void NamedOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final StringBuilder symbol = new StringBuilder();
    final SqlOperator op;
    String schema = "pg_catalog";
}
{
    <OPERATOR> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    <LPAREN>
    [ schema = Identifier() <DOT> ]
    (
        (
            <EQ> | <NE> | <NE2> | <LT> | <LE> | <GT> | <GE> | <PLUS> | <MINUS> | <STAR> | <SLASH>
        |   <PERCENT_REMAINDER> | <CONCAT> | <TILDE> | <NEGATE>
        )
        { symbol.append(token.image); }
    )+
    <RPAREN> {
        op = BopOperators.bySymbol(symbol.toString());
        if (op == null || !schema.equalsIgnoreCase("pg_catalog")) {
            throw parseError(s.end(this), "operator does not exist: " + schema + "." + symbol);
        }
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** Parses PostgreSQL's E'...' string; unlike Calcite's, the value carries no character set. */
SqlNode EscapedStringLiteral() :
{
}
{
    <ESCAPED_STRING> {
        try {
            return SqlLiteral.createCharString(SqlParserUtil.parseCString(token.image), getPos());
        } catch (SqlParserUtil.MalformedUnicodeEscape e) {
            throw SqlUtil.newContextException(getPos(), RESOURCE.unicodeEscapeMalformed(e.i));
        }
    }
}

/**
 * Parses "INTERVAL 'text' [unit]". With a unit it is Calcite's interval literal; without one it is
 * PostgreSQL's "interval '1 day'", the same as CAST('1 day' AS interval).
 */
SqlNode IntervalStringLiteral() :
{
    final Span s;
    final String text;
    final SqlIntervalQualifier unit;
}
{
    <INTERVAL_STRING> {
        s = span();
        text = SqlParserUtil.parseString(token.image.substring(token.image.indexOf('\'')));
    }
    (
        unit = IntervalQualifier() {
            return SqlParserUtil.parseIntervalLiteral(s.end(unit), 1, text, unit);
        }
    |
        { return typedString("interval", text, s.pos()); }
    )
}

/** Parses PostgreSQL's "timestamptz '...'", "uuid '...'" and the like: the string cast to the type. */
SqlNode TypedStringLiteral() :
{
}
{
    <TYPED_STRING> {
        final int quote = token.image.indexOf('\'');
        return typedString(token.image.substring(0, quote).trim(),
            SqlParserUtil.parseString(token.image.substring(quote)), getPos());
    }
}

/** CAST('text' AS type): what PostgreSQL makes of a type name before a string. */
JAVACODE SqlNode typedString(String type, String text, SqlParserPos pos)
{
    final BopTypeNameSpec name = new BopTypeNameSpec(null, type.toLowerCase(Locale.ROOT),
        Collections.<SqlLiteral>emptyList(), 0, false, false, null, null, pos);
    return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(text, pos),
        new SqlDataTypeSpec(name, pos));
}

/** Parses MySQL's VALUES(column), the value a row would have inserted, in ON DUPLICATE KEY UPDATE. */
SqlNode MySqlValuesFunction() :
{
    final Span s;
    final SqlIdentifier name;
    final SqlIdentifier column;
}
{
    <VALUES> { s = span(); name = new SqlIdentifier(unquotedIdentifier(), s.pos()); }
    <LPAREN> column = CompoundIdentifier() <RPAREN> {
        return createCall(name, s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, Collections.<SqlNode>singletonList(column));
    }
}

/**
 * Parses PostgreSQL's set-returning unnest(array, ...) in an expression, as a call of a function
 * named unnest; UNNEST is a reserved word because of Calcite's UNNEST in FROM.
 */
SqlNode UnnestFunctionCall() :
{
    final Span s;
    final SqlIdentifier name;
    final List<SqlNode> args;
}
{
    <UNNEST> { s = span(); name = new SqlIdentifier(unquotedIdentifier(), s.pos()); }
    args = UnquantifiedFunctionParameterList(ExprContext.ACCEPT_SUB_QUERY) {
        return createCall(name, s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, args);
    }
}

/**
 * Parses CAST(expression AS type) into a standard CAST call whose type is a BopTypeNameSpec, as with
 * "::". Calcite's own CAST cannot read PostgreSQL's interval types (its grammar reserves INTERVAL after
 * AS for SQL interval qualifiers); literal productions are tried before Calcite's functions, so this
 * one is met first.
 */
SqlNode CastExpression() :
{
    final Span s;
    final SqlNode e;
    final SqlDataTypeSpec type;
}
{
    <CAST> { s = span(); }
    <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <AS> type = BopDataType() <RPAREN> {
        return SqlStdOperatorTable.CAST.createCall(s.end(this), e, type);
    }
}

/**
 * Parses "new.column" of MySQL's conventional row alias (INSERT ... VALUES (...) AS new); NEW is a
 * reserved word, so "new" cannot start a compound identifier.
 */
SqlNode RowAliasColumn() :
{
    final SqlParserPos pos;
    final List<String> names = new ArrayList<String>();
    final List<SqlParserPos> positions = new ArrayList<SqlParserPos>();
}
{
    <NEW> {
        names.add(unquotedIdentifier());
        positions.add(getPos());
    }
    <DOT> AddIdentifierSegment(names, positions) {
        return new SqlIdentifier(names, null, SqlParserPos.sum(positions), positions);
    }
}

/** Parses one of PostgreSQL's json operators and its right operand: {@code -> ->> #> #>>}. */
void JsonOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <LAMBDA> { op = BopOperators.JSON_GET; }
    |   <JSON_GET_TEXT> { op = BopOperators.JSON_GET_TEXT; }
    |   <JSON_PATH_GET> { op = BopOperators.JSON_PATH_GET; }
    |   <JSON_PATH_GET_TEXT> { op = BopOperators.JSON_PATH_GET_TEXT; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}
