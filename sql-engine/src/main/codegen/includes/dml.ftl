<#--
  INSERT, UPDATE and DELETE of both dialects.
-->

/**
 * Parses "{INSERT [IGNORE] | REPLACE} INTO table [AS alias] [(columns)]
 * {query | DEFAULT VALUES} [AS row_alias] [ON CONFLICT ... | ON DUPLICATE KEY UPDATE ...] [RETURNING ...]".
 */
SqlNode InsertStatement() :
{
    final Span s;
    BopInsert.Verb verb = BopInsert.Verb.INSERT;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNodeList columns = null;
    SqlNodeList values;
    final SqlNode source;
    SqlIdentifier rowAlias = null;
    BopOnConflict onConflict = null;
    SqlNodeList returning = null;
}
{
    (
        <INSERT> { s = span(); } [ <IGNORE> { verb = BopInsert.Verb.INSERT_IGNORE; } ]
    |
        <REPLACE> { s = span(); verb = BopInsert.Verb.REPLACE; }
    )
    <INTO> table = CompoundTableIdentifier()
    [ <AS> alias = SimpleIdentifier() ]
    (
        <SET> {
            columns = new SqlNodeList(getPos());
            values = new SqlNodeList(getPos());
        }
        AddAssignments(columns, values) {
            source = SqlStdOperatorTable.VALUES.createCall(values.getParserPosition(),
                SqlStdOperatorTable.ROW.createCall(values.getParserPosition(), values.getList()));
        }
    |
        [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
        (
            <DEFAULT_> <VALUES> { source = BopInsert.defaultValues(getPos()); }
        |
            source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
            [ <AS> rowAlias = RowAlias() ]
        )
    )
    [
        <ON>
        (
            onConflict = OnConflict()
        |
            onConflict = OnDuplicateKeyUpdate()
        )
    ]
    [ returning = Returning() ]
    {
        return new BopInsert(s.end(this), verb, table, alias, columns, source, rowAlias, onConflict,
            returning);
    }
}

/** Parses the name of MySQL's row alias, usually the reserved word "new". */
SqlIdentifier RowAlias() :
{
    final SqlIdentifier alias;
}
{
    (
        <NEW> { alias = new SqlIdentifier(unquotedIdentifier(), getPos()); }
    |
        alias = SimpleIdentifier()
    )
    { return alias; }
}

/**
 * Parses PostgreSQL's "CONFLICT [(keys) [WHERE predicate] | ON CONSTRAINT name]
 * DO {NOTHING | UPDATE SET assignments [WHERE condition]}", after ON.
 */
BopOnConflict OnConflict() :
{
    final Span s;
    SqlNodeList target = null;
    SqlNode targetWhere = null;
    SqlIdentifier constraint = null;
    final SqlNodeList columns;
    final SqlNodeList values;
    SqlNode where = null;
}
{
    <CONFLICT> { s = span(); }
    [
        target = ConflictTarget() [ targetWhere = Where() ]
    |
        <ON> <CONSTRAINT> constraint = SimpleIdentifier()
    ]
    <DO>
    (
        <NOTHING> {
            return new BopOnConflict(s.end(this), target, targetWhere, constraint,
                BopOnConflict.Action.DO_NOTHING, null, null, null);
        }
    |
        <UPDATE> <SET> {
            columns = new SqlNodeList(getPos());
            values = new SqlNodeList(getPos());
        }
        AddAssignments(columns, values)
        [ where = Where() ]
        {
            return new BopOnConflict(s.end(this), target, targetWhere, constraint,
                BopOnConflict.Action.DO_UPDATE, columns, values, where);
        }
    )
}

/** Parses a conflict target "(column, (expression), ...)". */
SqlNodeList ConflictTarget() :
{
    final Span s;
    final List<SqlNode> keys = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    AddExpression(keys, ExprContext.ACCEPT_NON_QUERY)
    ( <COMMA> AddExpression(keys, ExprContext.ACCEPT_NON_QUERY) )*
    <RPAREN> {
        return new SqlNodeList(keys, s.end(this));
    }
}

/** Parses MySQL's "DUPLICATE KEY UPDATE assignments" after ON: a DO UPDATE without conflict target. */
BopOnConflict OnDuplicateKeyUpdate() :
{
    final Span s;
    final SqlNodeList columns;
    final SqlNodeList values;
}
{
    <DUPLICATE> { s = span(); } <KEY> <UPDATE> {
        columns = new SqlNodeList(getPos());
        values = new SqlNodeList(getPos());
    }
    AddAssignments(columns, values) {
        return new BopOnConflict(s.end(this), null, null, null, BopOnConflict.Action.DO_UPDATE, columns,
            values, null);
    }
}

/** Parses "RETURNING select_item, ...". */
SqlNodeList Returning() :
{
    final Span s;
    final List<SqlNode> items = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(items) ( <COMMA> AddSelectItem(items) )*
    {
        return new SqlNodeList(items, s.end(this));
    }
}

/**
 * Parses "UPDATE table [[AS] alias] SET assignments [FROM from_list] [WHERE condition] [ORDER BY ...] [LIMIT n]
 * [RETURNING ...]".
 */
SqlNode UpdateStatement() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    final SqlNodeList columns;
    final SqlNodeList values;
    SqlNode from = null;
    SqlNode where = null;
    SqlNodeList orderBy = null;
    SqlNode limit = null;
    SqlNodeList returning = null;
}
{
    <UPDATE> { s = span(); }
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    <SET> {
        columns = new SqlNodeList(getPos());
        values = new SqlNodeList(getPos());
    }
    AddAssignments(columns, values)
    [ <FROM> from = FromClause() ]
    [ where = Where() ]
    [ orderBy = OrderBy(true) ]
    [ <LIMIT> limit = UnsignedNumericLiteralOrParam() ]
    [ returning = Returning() ]
    {
        return new BopUpdate(s.end(this), table, alias, columns, values, from, where, returning, orderBy, limit);
    }
}

/**
 * Parses "DELETE FROM table [[AS] alias] [USING from_list] [WHERE condition] [ORDER BY ...] [LIMIT n]
 * [RETURNING ...]".
 */
SqlNode DeleteStatement() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNode using = null;
    SqlNode where = null;
    SqlNodeList orderBy = null;
    SqlNode limit = null;
    SqlNodeList returning = null;
}
{
    <DELETE> { s = span(); } <FROM>
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    [ <USING> using = FromClause() ]
    [ where = Where() ]
    [ orderBy = OrderBy(true) ]
    [ <LIMIT> limit = UnsignedNumericLiteralOrParam() ]
    [ returning = Returning() ]
    {
        return new BopDelete(s.end(this), table, alias, using, where, returning, orderBy, limit);
    }
}

/** Parses "assignment, ..." into the parallel lists described at BopUpdate. */
void AddAssignments(SqlNodeList columns, SqlNodeList values) :
{
}
{
    AddAssignment(columns, values) ( <COMMA> AddAssignment(columns, values) )*
}

/** Parses "column = value" or "(column, ...) = (value, ...) | (sub-query)"; a value may be DEFAULT. */
void AddAssignment(SqlNodeList columns, SqlNodeList values) :
{
    final SqlIdentifier column;
    final SqlNodeList targets;
    final SqlNode value;
}
{
    column = CompoundIdentifier() <EQ> value = AssignedValue() {
        columns.add(column);
        values.add(value);
    }
|
    targets = ParenthesizedSimpleIdentifierList() <EQ> value = AssignedValue() {
        if (value.getKind() == SqlKind.ROW) {
            final List<SqlNode> row = ((SqlCall) value).getOperandList();
            if (row.size() != targets.size()) {
                throw parseError(value.getParserPosition(),
                    "number of columns does not match number of values");
            }
            columns.addAll(targets);
            values.addAll(row);
        } else if (targets.size() == 1) {
            columns.add(targets.get(0));
            values.add(value);
        } else {
            columns.add(targets);
            values.add(value);
        }
    }
}

SqlNode AssignedValue() :
{
    final SqlNode value;
}
{
    (
        value = Default()
    |
        value = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    { return value; }
}
