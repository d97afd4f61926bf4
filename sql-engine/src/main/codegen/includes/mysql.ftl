<#--
  MySQL's statements that PostgreSQL has no form of: SHOW, DESCRIBE, USE, KILL, LOCK / UNLOCK TABLES, and its
  variables.
-->

/** Parses "@name" or "@@[scope.]name", a MySQL user or system variable. */
BopVariable MySqlVariable() :
{
}
{
    ( <MYSQL_USER_VARIABLE> | <MYSQL_SYSTEM_VARIABLE> ) {
        return BopVariable.of(token.image, getPos());
    }
}

/**
 * Parses the MySQL modifiers after SELECT. Only SQL_CALC_FOUND_ROWS means something to bop (FOUND_ROWS() then counts
 * the rows without LIMIT); it is kept as a hint of that name. The others advise MySQL's optimizer and cache.
 */
void MySqlSelectModifiers(List<SqlNode> hints) :
{
}
{
    (
        <MYSQL_SELECT_MODIFIER> {
            if (token.image.equalsIgnoreCase("SQL_CALC_FOUND_ROWS")) {
                hints.add(new SqlHint(getPos(), new SqlIdentifier("SQL_CALC_FOUND_ROWS", getPos()),
                    SqlNodeList.EMPTY, SqlHint.HintOptionFormat.EMPTY));
            }
        }
    )*
}

/**
 * Parses MySQL's view options, as SHOW CREATE VIEW and mysqldump write them: "ALGORITHM = name",
 * "DEFINER = user@host", "SQL SECURITY {DEFINER | INVOKER}". bop has one way to run a view and no users but the
 * session's, so they are read and dropped.
 */
void MySqlViewOptions() :
{
}
{
    (
        <ALGORITHM> <EQ> ( <MERGE> | SimpleIdentifier() )
    |
        <DEFINER> <EQ> ( <CURRENT_USER> [ <LPAREN> <RPAREN> ]
            | ( SimpleIdentifier() | StringLiteral() ) [ <MYSQL_USER_VARIABLE> ] )
    |
        <SQL> <SECURITY> ( <DEFINER> | <INVOKER> )
    )+
}

/**
 * Parses MySQL's "CONVERT(expression, type)", a CAST, and "CONVERT(expression USING charset)", the expression
 * itself (bop's strings are all Unicode).
 */
SqlNode MySqlConvert() :
{
    final Span s;
    final SqlNode e;
    final SqlDataTypeSpec type;
    final SqlNode converted;
}
{
    <CONVERT> { s = span(); } <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA> type = BopDataType() <RPAREN> {
            converted = SqlStdOperatorTable.CAST.createCall(s.end(this), e, type);
        }
    |
        <USING> Identifier() <RPAREN> { converted = e; }
    )
    { return converted; }
}

/**
 * Parses "SHOW [FULL] {DATABASES | TABLES | COLUMNS | PROCESSLIST | ...} ..." (see BopShow.Kind); the name
 * after FROM / IN is the table for COLUMNS and INDEX, else the database.
 */
SqlNode ShowStatement() :
{
    final Span s;
    final BopShow.Kind kind;
    boolean full = false;
    BopSessionStatement.Scope scope = null;
    SqlIdentifier object = null;
    SqlIdentifier database = null;
    final SqlNode[] filter = new SqlNode[2];
}
{
    <SHOW> { s = span(); }
    (
        ( <DATABASES> | <SCHEMAS> ) { kind = BopShow.Kind.DATABASES; } ShowFilter(filter)
    |
        [ <FULL> { full = true; } ]
        (
            <TABLES> { kind = BopShow.Kind.TABLES; }
            [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
            ShowFilter(filter)
        |
            ( <COLUMNS> | <FIELDS> ) { kind = BopShow.Kind.COLUMNS; }
            ( <FROM> | <IN> ) object = CompoundTableIdentifier()
            [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
            ShowFilter(filter)
        |
            <PROCESSLIST> { kind = BopShow.Kind.PROCESSLIST; }
        )
    |
        ( <INDEX> | <INDEXES> | <KEYS> ) { kind = BopShow.Kind.INDEX; }
        ( <FROM> | <IN> ) object = CompoundTableIdentifier()
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
        ShowFilter(filter)
    |
        <CREATE>
        (
            <TABLE> { kind = BopShow.Kind.CREATE_TABLE; } object = CompoundTableIdentifier()
        |
            <VIEW> { kind = BopShow.Kind.CREATE_VIEW; } object = CompoundTableIdentifier()
        |
            ( <DATABASE> | <SCHEMA> ) { kind = BopShow.Kind.CREATE_DATABASE; }
            IfNotExistsOpt() object = SimpleIdentifier()
        )
    |
        [ scope = SetScope() ]
        (
            <VARIABLES> { kind = BopShow.Kind.VARIABLES; }
        |
            <STATUS> { kind = BopShow.Kind.STATUS; }
        )
        ShowFilter(filter)
    |
        <WARNINGS> { kind = BopShow.Kind.WARNINGS; } [ ShowLimit() ]
    |
        <ERRORS> { kind = BopShow.Kind.ERRORS; } [ ShowLimit() ]
    |
        [ <STORAGE> ] <ENGINES> { kind = BopShow.Kind.ENGINES; }
    |
        <COLLATION> { kind = BopShow.Kind.COLLATION; } ShowFilter(filter)
    |
        ( <CHARACTER> <SET> | <CHARSET> ) { kind = BopShow.Kind.CHARACTER_SET; } ShowFilter(filter)
    |
        <TABLE> <STATUS> { kind = BopShow.Kind.TABLE_STATUS; }
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
        ShowFilter(filter)
    |
        <TRIGGERS> { kind = BopShow.Kind.TRIGGERS; }
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
        ShowFilter(filter)
    |
        <EVENTS> { kind = BopShow.Kind.EVENTS; }
        [ ( <FROM> | <IN> ) database = SimpleIdentifier() ]
        ShowFilter(filter)
    |
        <FUNCTION> <STATUS> { kind = BopShow.Kind.FUNCTION_STATUS; } ShowFilter(filter)
    |
        <PROCEDURE> <STATUS> { kind = BopShow.Kind.PROCEDURE_STATUS; } ShowFilter(filter)
    |
        <GRANTS> { kind = BopShow.Kind.GRANTS; } [ <FOR> ( <CURRENT_USER> [ <LPAREN> <RPAREN> ] | StringLiteral() ) ]
    )
    {
        return new BopShow(s.end(this), kind, full, scope, object, database, filter[0], filter[1]);
    }
}

/** Parses "[LIKE 'pattern' | WHERE condition]" into filter[0] (the pattern) or filter[1] (the condition). */
void ShowFilter(SqlNode[] filter) :
{
}
{
    [
        <LIKE> filter[0] = StringLiteral()
    |
        filter[1] = Where()
    ]
}

/** Parses and ignores SHOW WARNINGS' "LIMIT [offset,] count": bop keeps few enough to show them all. */
void ShowLimit() :
{
}
{
    <LIMIT> UnsignedNumericLiteral() [ <COMMA> UnsignedNumericLiteral() ]
}

/**
 * Parses "{DESCRIBE | DESC | EXPLAIN} table [column | 'pattern']", MySQL's SHOW COLUMNS FROM table [LIKE ...];
 * a column name is a pattern that matches only itself.
 */
SqlNode DescribeTable() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNode like = null;
    SqlIdentifier column;
}
{
    ( <DESCRIBE> | <DESC> | <EXPLAIN> ) { s = span(); }
    table = CompoundTableIdentifier()
    [
        column = SimpleIdentifier() { like = SqlLiteral.createCharString(column.getSimple(), column.getParserPosition()); }
    |
        like = StringLiteral()
    ]
    {
        return new BopShow(s.end(this), BopShow.Kind.COLUMNS, false, null, table, null, like, null);
    }
}

/** Parses "USE database". */
SqlNode UseStatement() :
{
    final Span s;
    final SqlIdentifier database;
}
{
    <USE> { s = span(); } database = SimpleIdentifier() {
        return new BopUse(s.end(this), database);
    }
}

/** Parses "KILL [CONNECTION | QUERY] id". */
SqlNode KillStatement() :
{
    final Span s;
    boolean query = false;
    final SqlNode id;
}
{
    <KILL> { s = span(); }
    [ <CONNECTION> | <QUERY> { query = true; } ]
    id = UnsignedNumericLiteralOrParam() {
        return new BopKill(s.end(this), query, id);
    }
}

/**
 * Parses "LOCK {TABLES | TABLE} table [[AS] alias] {READ [LOCAL] | [LOW_PRIORITY] WRITE}, ..." and
 * "UNLOCK {TABLES | TABLE}".
 */
SqlNode LockTables() :
{
    final Span s;
    final List<SqlNode> tables = new ArrayList<SqlNode>();
}
{
    (
        <LOCK> { s = span(); } ( <TABLES> | <TABLE> )
        AddLockedTable(tables) ( <COMMA> AddLockedTable(tables) )*
        {
            return new BopLockTables(s.end(this), new SqlNodeList(tables, s.end(this)));
        }
    |
        <UNLOCK> { s = span(); } ( <TABLES> | <TABLE> ) {
            return new BopLockTables(s.end(this), null);
        }
    )
}

void AddLockedTable(List<SqlNode> tables) :
{
    final SqlIdentifier table;
}
{
    table = CompoundTableIdentifier() { tables.add(table); }
    [
        <AS> SimpleIdentifier()
    |
        LOOKAHEAD({ getToken(2).kind == READ || getToken(2).kind == WRITE || getToken(2).kind == LOW_PRIORITY })
        SimpleIdentifier()
    ]
    (
        <READ> [ <LOCAL> ]
    |
        [ <LOW_PRIORITY> ] <WRITE>
    )
}
