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
    [ statement = SqlStmt() { statements.add(statement); } ]
    (
        <SEMICOLON>
        [ statement = SqlStmt() { statements.add(statement); } ]
    )*
    <EOF>
    {
        return new SqlNodeList(statements, Span.of(statements).pos());
    }
}
