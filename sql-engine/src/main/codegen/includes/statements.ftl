<#--
  The statement list: the entry point BopParser calls.
-->

/**
 * Parses statements separated by ";". Empty statements (a leading, doubled or trailing ";", or text
 * that is only comments) are skipped.
 */
SqlNodeList StatementList() :
{
    final List<SqlNode> statements = new ArrayList<SqlNode>();
    SqlNode statement;
}
{
    [ statement = Statement() { statements.add(statement); } ]
    (
        <SEMICOLON>
        [ statement = Statement() { statements.add(statement); } ]
    )*
    <EOF>
    {
        return new SqlNodeList(statements, Span.of(statements).pos());
    }
}

/** Parses a statement; a query may end with locking clauses, as in "SELECT ... FOR UPDATE". */
SqlNode Statement() :
{
    SqlNode statement;
    final StringBuilder locking = new StringBuilder();
}
{
    statement = SqlStmt()
    [
        ( LockingClause(locking) )+ {
            statement = new BopLockedQuery(statement.getParserPosition(), statement, locking.toString().strip());
        }
    ]
    {
        return statement;
    }
}

/**
 * Parses one locking clause into {@code locking}: "FOR {UPDATE | NO KEY UPDATE | SHARE | KEY SHARE}
 * [OF table, ...]". NOWAIT and SKIP LOCKED are not accepted: bop does not lock rows. Nor is MySQL's older
 * "LOCK IN SHARE MODE": LOCK after a table would be read as its alias.
 */
void LockingClause(StringBuilder locking) :
{
    SqlIdentifier table;
}
{
    (
        <FOR> { locking.append(" FOR"); }
        (
            <UPDATE> { locking.append(" UPDATE"); }
        |
            <NO> <KEY> <UPDATE> { locking.append(" NO KEY UPDATE"); }
        |
            <SHARE> { locking.append(" SHARE"); }
        |
            <KEY> <SHARE> { locking.append(" KEY SHARE"); }
        )
        [
            <OF> table = CompoundTableIdentifier() { locking.append(" OF ").append(table); }
            ( <COMMA> table = CompoundTableIdentifier() { locking.append(", ").append(table); } )*
        ]
    )
}
