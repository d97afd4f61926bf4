<#--
  PostgreSQL's COPY, in the current syntax and in the old one that psql's \copy passes through.
-->

/**
 * Parses "COPY [BINARY] {table [(columns)] | (query)} {FROM | TO} {STDIN | STDOUT | 'file' | PROGRAM 'command'}
 * [[WITH] (option [value], ...) | [WITH] old-style options] [WHERE condition]".
 */
SqlNode CopyStatement() :
{
    final Span s;
    final SqlNodeList copyOptions;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    SqlNode query = null;
    final BopCopy.Direction direction;
    SqlNode file = null;
    boolean program = false;
    String word;
    SqlNode where = null;
}
{
    <COPY> { s = span(); copyOptions = new SqlNodeList(getPos()); }
    [ <BINARY> { copyOptions.add(new BopOption(getPos(), "format", new SqlIdentifier("binary", getPos()))); } ]
    (
        table = CompoundTableIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
    |
        <LPAREN> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
    )
    (
        <FROM> { direction = BopCopy.Direction.FROM; }
    |
        <TO> { direction = BopCopy.Direction.TO; }
    )
    (
        file = StringLiteral()
    |
        word = Identifier()
        (
            file = StringLiteral() {
                if (!word.equalsIgnoreCase("program")) {
                    throw parseError(file.getParserPosition(), "syntax error at or near \"" + word + "\"");
                }
                program = true;
            }
        |
            {
                if (!word.equalsIgnoreCase(direction == BopCopy.Direction.FROM ? "stdin" : "stdout")) {
                    throw parseError(getPos(), "syntax error at or near \"" + word + "\"");
                }
            }
        )
    )
    [ <WITH> ]
    (
        <LPAREN> AddCopyOption(copyOptions) ( <COMMA> AddCopyOption(copyOptions) )* <RPAREN>
    |
        ( AddOldCopyOption(copyOptions) )*
    )
    [ <WHERE> where = Expression(ExprContext.ACCEPT_NON_QUERY) ]
    {
        return new BopCopy(s.end(this), table, columns, query, direction, file, program, copyOptions, where);
    }
}

/** Parses "name [value]" where the value is a literal, a word, "*" or "(column, ...)". */
void AddCopyOption(SqlNodeList copyOptions) :
{
    final Token first = getToken(1);
    final String name;
    SqlNode value = null;
}
{
    (
        <NULL> { name = "null"; }
    |
        <ESCAPE> { name = "escape"; }
    |
        name = OptionName()
    )
    [
        value = OptionValue()
    |
        <STAR> { value = SqlIdentifier.star(getPos()); }
    |
        value = ParenthesizedSimpleIdentifierList()
    ]
    {
        copyOptions.add(new BopOption(positionFrom(first), name, value));
    }
}

/**
 * Parses one option of the syntax before PostgreSQL 9.0: BINARY, CSV, HEADER, FREEZE, DELIMITER [AS] 'c',
 * NULL [AS] 'text', QUOTE [AS] 'c', ESCAPE [AS] 'c', ENCODING 'name', FORCE QUOTE {column, ... | *},
 * FORCE NOT NULL column, ..., FORCE NULL column, ...
 */
void AddOldCopyOption(SqlNodeList copyOptions) :
{
    final Token first = getToken(1);
    final String name;
    final String word;
    SqlNode value = null;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
}
{
    (
        <BINARY> { name = "format"; value = new SqlIdentifier("binary", getPos()); }
    |
        <NULL> { name = "null"; } [ <AS> ] value = StringLiteral()
    |
        <ESCAPE> { name = "escape"; } [ <AS> ] value = StringLiteral()
    |
        LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("force") })
        Identifier()
        (
            <NOT> <NULL> { name = "force_not_null"; } AddSimpleIdentifiers(columns)
        |
            <NULL> { name = "force_null"; } AddSimpleIdentifiers(columns)
        |
            word = Identifier() {
                if (!word.equalsIgnoreCase("quote")) {
                    throw parseError(getPos(), "syntax error at or near \"" + word + "\"");
                }
                name = "force_quote";
            }
            ( <STAR> { value = SqlIdentifier.star(getPos()); } | AddSimpleIdentifiers(columns) )
        )
        {
            if (value == null) {
                value = new SqlNodeList(columns, positionFrom(first));
            }
        }
    |
        word = Identifier() [ [ <AS> ] value = StringLiteral() ] {
            if (word.equalsIgnoreCase("csv")) {
                name = "format";
                value = new SqlIdentifier("csv", getPos());
            } else {
                name = word.toLowerCase(Locale.ROOT);
            }
        }
    )
    {
        copyOptions.add(new BopOption(positionFrom(first), name, value));
    }
}
