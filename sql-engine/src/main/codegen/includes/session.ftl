<#--
  Transaction control and session variables.
-->

/**
 * Parses BEGIN [WORK | TRANSACTION] [modes], START TRANSACTION [modes], {COMMIT | END} [WORK | TRANSACTION]
 * [AND [NO] CHAIN], {ROLLBACK | ABORT} [WORK | TRANSACTION] [AND [NO] CHAIN | TO [SAVEPOINT] name],
 * SAVEPOINT name and RELEASE [SAVEPOINT] name.
 */
SqlNode TransactionStatement() :
{
    final Span s;
    BopTransaction.Kind kind;
    SqlNodeList modes = SqlNodeList.EMPTY;
    SqlIdentifier savepoint = null;
    boolean chain = false;
}
{
    (
        <BEGIN> { s = span(); kind = BopTransaction.Kind.BEGIN; }
        [ <WORK> | <TRANSACTION> ]
        modes = TransactionModes()
    |
        <START> { s = span(); kind = BopTransaction.Kind.BEGIN; }
        <TRANSACTION>
        modes = TransactionModes()
    |
        ( <COMMIT> | <END> ) { s = span(); kind = BopTransaction.Kind.COMMIT; }
        [ <WORK> | <TRANSACTION> ]
        chain = AndChainOpt()
    |
        ( <ROLLBACK> | <ABORT> ) { s = span(); kind = BopTransaction.Kind.ROLLBACK; }
        [ <WORK> | <TRANSACTION> ]
        (
            <TO> [ <SAVEPOINT> ] savepoint = SimpleIdentifier() {
                kind = BopTransaction.Kind.ROLLBACK_TO_SAVEPOINT;
            }
        |
            chain = AndChainOpt()
        )
    |
        <SAVEPOINT> { s = span(); kind = BopTransaction.Kind.SAVEPOINT; }
        savepoint = SimpleIdentifier()
    |
        <RELEASE> { s = span(); kind = BopTransaction.Kind.RELEASE_SAVEPOINT; }
        [ <SAVEPOINT> ]
        savepoint = SimpleIdentifier()
    )
    {
        return new BopTransaction(s.end(this), kind, modes, savepoint, chain);
    }
}

/** Parses "[AND [NO] CHAIN]" and tells whether a new transaction is to start at once. */
boolean AndChainOpt() :
{
    boolean chain = true;
}
{
    <AND> [ <NO> { chain = false; } ] <CHAIN> { return chain; }
|
    { return false; }
}

/** Parses transaction modes, separated by commas or (PostgreSQL's old syntax) blanks; maybe none. */
SqlNodeList TransactionModes() :
{
    final List<SqlNode> modes = new ArrayList<SqlNode>();
    SqlNode mode;
}
{
    [
        mode = TransactionMode() { modes.add(mode); }
        ( [ <COMMA> ] mode = TransactionMode() { modes.add(mode); } )*
    ]
    {
        return new SqlNodeList(modes, Span.of(modes).pos());
    }
}

/** Parses ISOLATION LEVEL ..., READ {ONLY | WRITE} or [NOT] DEFERRABLE. */
SqlNode TransactionMode() :
{
    final BopTransaction.Mode mode;
}
{
    (
        <ISOLATION> <LEVEL>
        (
            <SERIALIZABLE> { mode = BopTransaction.Mode.SERIALIZABLE; }
        |
            <REPEATABLE> <READ> { mode = BopTransaction.Mode.REPEATABLE_READ; }
        |
            LOOKAHEAD(2) <READ> <COMMITTED> { mode = BopTransaction.Mode.READ_COMMITTED; }
        |
            <READ> <UNCOMMITTED> { mode = BopTransaction.Mode.READ_UNCOMMITTED; }
        )
    |
        LOOKAHEAD(2) <READ> <ONLY> { mode = BopTransaction.Mode.READ_ONLY; }
    |
        <READ> <WRITE> { mode = BopTransaction.Mode.READ_WRITE; }
    |
        <DEFERRABLE> { mode = BopTransaction.Mode.DEFERRABLE; }
    |
        <NOT> <DEFERRABLE> { mode = BopTransaction.Mode.NOT_DEFERRABLE; }
    )
    {
        return BopTransaction.mode(mode, getPos());
    }
}

/**
 * Parses SET statements: "SET [SESSION | LOCAL | GLOBAL] name {TO | =} value, ...", "SET TIME ZONE value",
 * "SET NAMES value" and, as transaction statements, "SET TRANSACTION modes",
 * "SET SESSION CHARACTERISTICS AS TRANSACTION modes" and MySQL's "SET [SESSION | GLOBAL] TRANSACTION modes".
 * MySQL's "SET target = value, ..." with variables as targets, or more than one target, is a BopSetVariables.
 */
SqlNode SetStatement() :
{
    final Span s;
    final SqlNodeList modes;
    final SqlNodeList targets;
    final SqlNodeList values;
    SqlNode first;
}
{
    <SET> { s = span(); }
    (
        <TRANSACTION> modes = TransactionModes() {
            return new BopTransaction(s.end(this), BopTransaction.Kind.SET_TRANSACTION, modes, null, false);
        }
    |
        LOOKAHEAD(2) <SESSION> [ <CHARACTERISTICS> <AS> ] <TRANSACTION> modes = TransactionModes() {
            return new BopTransaction(s.end(this), BopTransaction.Kind.SET_SESSION_CHARACTERISTICS, modes,
                null, false);
        }
    |
        LOOKAHEAD(2) <GLOBAL> <TRANSACTION> modes = TransactionModes() {
            return new BopTransaction(s.end(this), BopTransaction.Kind.SET_GLOBAL_TRANSACTION, modes, null,
                false);
        }
    |
        first = SetAssignment(s) {
            targets = new SqlNodeList(getPos());
            values = new SqlNodeList(getPos());
        }
        (
            <COMMA> { addAssignment(targets, values, first); }
            first = SetAssignment(s)
        )*
        {
            if (targets.isEmpty() && first instanceof BopSessionStatement) {
                return first;
            }
            addAssignment(targets, values, first);
            return new BopSetVariables(s.end(this), targets, values);
        }
    )
}

/**
 * Parses one assignment of SET: a BopSessionStatement for "[scope] name {TO | = | :=} value, ...", "TIME ZONE
 * value", "NAMES value" or "CHARACTER SET value"; a BopSetVariables of one target for "@variable {= | :=} value".
 */
SqlNode SetAssignment(Span s) :
{
    BopSessionStatement.Scope scope = null;
    final SqlIdentifier name;
    final SqlNodeList values;
    final BopVariable variable;
    final SqlNode value;
}
{
    (
        variable = MySqlVariable() ( <EQ> | <COLON_EQUALS> ) value = SetValue() {
            return new BopSetVariables(s.end(this), SqlNodeList.of(variable), SqlNodeList.of(value));
        }
    |
        [ scope = SetScope() ]
        (
            LOOKAHEAD(2) <TIME> <ZONE> { name = new SqlIdentifier("timezone", getPos()); }
            values = TimeZoneValue()
        |
            <NAMES> { name = new SqlIdentifier("names", getPos()); }
            values = SetValues()
        |
            ( <CHARACTER> <SET> | <CHARSET> ) { name = new SqlIdentifier("character set", getPos()); }
            values = SetValues()
        |
            name = CompoundIdentifier() ( <TO> | <EQ> | <COLON_EQUALS> ) values = SetValues()
        )
        {
            return new BopSessionStatement(s.end(this), BopSessionStatement.Kind.SET, scope, name, values);
        }
    )
}

/** Adds a parsed assignment to MySQL's list of SET targets and values; see BopSetVariables. */
JAVACODE void addAssignment(SqlNodeList targets, SqlNodeList values, SqlNode assignment)
{
    if (assignment instanceof BopSetVariables) {
        targets.addAll(((BopSetVariables) assignment).targets());
        values.addAll(((BopSetVariables) assignment).values());
        return;
    }
    final BopSessionStatement set = (BopSessionStatement) assignment;
    if (set.values().size() != 1) {
        throw parseError(set.getParserPosition(), "SET of several variables takes one value for each");
    }
    final String name = set.name().toString();
    targets.add(new BopVariable(set.name().getParserPosition(), BopVariable.Kind.SYSTEM,
        set.scope() == BopSessionStatement.Scope.LOCAL ? BopSessionStatement.Scope.SESSION : set.scope(), name));
    values.add(set.values().get(0));
}

/** Whether the tokens after a comma start another assignment of SET rather than another value. */
JAVACODE boolean assignmentFollows()
{
    final int second = getToken(2).kind;
    final int third = getToken(3).kind;
    return second == MYSQL_USER_VARIABLE || second == MYSQL_SYSTEM_VARIABLE || second == SESSION
        || second == GLOBAL || second == LOCAL || second == NAMES
        || third == EQ || third == DOT || third == COLON_EQUALS;
}

BopSessionStatement.Scope SetScope() :
{
}
{
    <SESSION> { return BopSessionStatement.Scope.SESSION; }
|
    <LOCAL> { return BopSessionStatement.Scope.LOCAL; }
|
    <GLOBAL> { return BopSessionStatement.Scope.GLOBAL; }
}

/** Parses the value of SET TIME ZONE; LOCAL, like DEFAULT, means the server's time zone. */
SqlNodeList TimeZoneValue() :
{
    final SqlNode value;
}
{
    (
        <LOCAL> { value = SqlStdOperatorTable.DEFAULT.createCall(getPos()); }
    |
        value = SetValue()
    )
    { return new SqlNodeList(Collections.singletonList(value), value.getParserPosition()); }
}

/**
 * Parses "value, ...". It stops before a comma that starts another assignment, so that MySQL's
 * "SET a = 1, b = 2" is not read as the values 1 and (b = 2) of one variable.
 */
SqlNodeList SetValues() :
{
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode value;
}
{
    value = SetValue() { values.add(value); }
    (
        LOOKAHEAD({ getToken(1).kind == COMMA && !assignmentFollows() })
        <COMMA> value = SetValue() { values.add(value); }
    )*
    { return new SqlNodeList(values, Span.of(values).pos()); }
}

/** Parses one value of SET: DEFAULT, PostgreSQL's "on" (a reserved word), or an expression. */
SqlNode SetValue() :
{
    final SqlNode value;
}
{
    (
        value = Default()
    |
        <ON> { value = new SqlIdentifier("on", getPos()); }
    |
        value = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    { return value; }
}

/**
 * Parses "SHOW {name | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL}", "RESET {name | ALL}" and
 * "DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}".
 */
SqlNode SessionStatement() :
{
    final Span s;
    final BopSessionStatement.Kind kind;
    SqlIdentifier name = null;
}
{
    (
        <SHOW> { s = span(); kind = BopSessionStatement.Kind.SHOW; }
        (
            <ALL>
        |
            LOOKAHEAD(2) <TIME> <ZONE> { name = new SqlIdentifier("timezone", getPos()); }
        |
            LOOKAHEAD(2) <TRANSACTION> <ISOLATION> <LEVEL> {
                name = new SqlIdentifier("transaction_isolation", getPos());
            }
        |
            name = CompoundIdentifier()
        )
    |
        <RESET> { s = span(); kind = BopSessionStatement.Kind.RESET; }
        ( <ALL> | name = CompoundIdentifier() )
    |
        <DISCARD> { s = span(); kind = BopSessionStatement.Kind.DISCARD; }
        (
            <ALL>
        |
            ( <TEMP> | <TEMPORARY> ) { name = new SqlIdentifier("temp", getPos()); }
        |
            name = SimpleIdentifier()
        )
    )
    {
        return new BopSessionStatement(s.end(this), kind, null, name, null);
    }
}
