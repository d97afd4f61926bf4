<#--
  CREATE, DROP, ALTER TABLE, TRUNCATE, VACUUM and ANALYZE.
-->

/** Parses "[IF NOT EXISTS]" and tells whether it was there. */
boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses "[IF EXISTS]" and tells whether it was there. */
boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses "[TEMP | TEMPORARY]" and tells whether it was there. */
boolean TemporaryOpt() :
{
}
{
    ( <TEMP> | <TEMPORARY> ) { return true; }
|
    { return false; }
}

DropBehavior DropBehaviorOpt() :
{
}
{
    <CASCADE> { return DropBehavior.CASCADE; }
|
    <RESTRICT> { return DropBehavior.RESTRICT; }
|
    { return null; }
}

/**
 * Parses the rest of "CREATE [TEMP] TABLE [IF NOT EXISTS] name (element, ...) [WITH (parameters)]
 * [table options]" or "CREATE [TEMP] TABLE [IF NOT EXISTS] name AS query".
 */
SqlCreate CreateTable(Span s, boolean replace) :
{
    final boolean temporary;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList columns = new SqlNodeList(getPos());
    final SqlNodeList constraints = new SqlNodeList(getPos());
    SqlNodeList storageParameters = SqlNodeList.EMPTY;
    final SqlNodeList tableOptions = new SqlNodeList(getPos());
    SqlNode query = null;
}
{
    temporary = TemporaryOpt() <TABLE> ifNotExists = IfNotExistsOpt()
    name = CompoundTableIdentifier()
    (
        <LPAREN>
        AddTableElement(columns, constraints)
        ( <COMMA> AddTableElement(columns, constraints) )*
        <RPAREN>
        [ <WITH> storageParameters = StorageParameters() ]
        ( [ <COMMA> ] AddTableOption(tableOptions) )*
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    {
        if (replace) {
            throw parseError(s.end(this), "CREATE OR REPLACE TABLE is not supported");
        }
        return new BopCreateTable(s.end(this), temporary, ifNotExists, name, columns, constraints, query,
            storageParameters, tableOptions);
    }
}

/** Parses a column, a table constraint or a MySQL index inside CREATE TABLE's parentheses. */
void AddTableElement(SqlNodeList columns, SqlNodeList constraints) :
{
    final SqlNode element;
}
{
    element = TableConstraint() { constraints.add(element); }
|
    LOOKAHEAD(MySqlIndexStart()) element = MySqlIndex() { constraints.add(element); }
|
    element = ColumnDefinition() { columns.add(element); }
}

/**
 * The start of MySQL's "[FULLTEXT | SPATIAL] KEY name (column" / "INDEX (column", unlike a column named key or
 * index.
 */
void MySqlIndexStart() :
{
}
{
    ( <FULLTEXT> | <SPATIAL> ) [ <KEY> | <INDEX> ]
|
    ( <KEY> | <INDEX> ) [ SimpleIdentifier() ] <LPAREN> SimpleIdentifier()
}

/** Parses "name type clause...". A COLLATE clause goes to the type, see BopTypeNameSpec.collation(). */
BopColumnDefinition ColumnDefinition() :
{
    final SqlIdentifier name;
    SqlDataTypeSpec type;
    SqlIdentifier collation;
    BopColumnConstraint constraint;
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
}
{
    name = SimpleIdentifier()
    type = BopDataType()
    (
        <COLLATE> collation = CollationName() {
            type = new SqlDataTypeSpec(((BopTypeNameSpec) type.getTypeNameSpec()).withCollation(collation),
                type.getParserPosition());
        }
    |
        constraint = ColumnConstraint() { constraints.add(constraint); }
    )*
    {
        return new BopColumnDefinition(name.getParserPosition().plus(getPos()), name, type,
            new SqlNodeList(constraints, getPos()));
    }
}

/** Parses one clause after a column's type; see BopColumnConstraint.Kind. */
BopColumnConstraint ColumnConstraint() :
{
    final Token first = getToken(1);
    SqlIdentifier name = null;
    final BopColumnConstraint.Kind kind;
    SqlNode e = null;
    BopReferences references = null;
    SqlNodeList identityOptions = null;
}
{
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    (
        <NOT> <NULL> { kind = BopColumnConstraint.Kind.NOT_NULL; }
    |
        <NULL> { kind = BopColumnConstraint.Kind.NULL; }
    |
        <DEFAULT_> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { kind = BopColumnConstraint.Kind.DEFAULT; }
    |
        <PRIMARY> <KEY> { kind = BopColumnConstraint.Kind.PRIMARY_KEY; }
    |
        <UNIQUE> [ <KEY> ] { kind = BopColumnConstraint.Kind.UNIQUE; }
    |
        <CHECK> <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            kind = BopColumnConstraint.Kind.CHECK;
        }
    |
        references = References() { kind = BopColumnConstraint.Kind.REFERENCES; }
    |
        <GENERATED>
        (
            <ALWAYS> { kind = BopColumnConstraint.Kind.GENERATED_ALWAYS_AS_IDENTITY; }
        |
            <BY> <DEFAULT_> { kind = BopColumnConstraint.Kind.GENERATED_BY_DEFAULT_AS_IDENTITY; }
        )
        <AS> <IDENTITY>
        [ <LPAREN> { identityOptions = new SqlNodeList(getPos()); } ( AddSequenceOption(identityOptions) )+ <RPAREN> ]
    |
        <AUTO_INCREMENT> { kind = BopColumnConstraint.Kind.AUTO_INCREMENT; }
    |
        <COMMENT> e = StringLiteral() { kind = BopColumnConstraint.Kind.COMMENT; }
    |
        <ON> <UPDATE> e = Expression(ExprContext.ACCEPT_NON_QUERY) { kind = BopColumnConstraint.Kind.ON_UPDATE; }
    )
    {
        return new BopColumnConstraint(positionFrom(first), kind, name, e, references, identityOptions);
    }
}

/** Parses "REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action]". */
BopReferences References() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    ReferentialAction onDelete = null;
    ReferentialAction onUpdate = null;
}
{
    <REFERENCES> { s = span(); }
    table = CompoundTableIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    (
        LOOKAHEAD(2) <ON> <DELETE> onDelete = ReferentialActionWords()
    |
        LOOKAHEAD(2) <ON> <UPDATE> onUpdate = ReferentialActionWords()
    )*
    {
        return new BopReferences(s.end(this), table, columns, onDelete, onUpdate);
    }
}

ReferentialAction ReferentialActionWords() :
{
}
{
    <CASCADE> { return ReferentialAction.CASCADE; }
|
    <RESTRICT> { return ReferentialAction.RESTRICT; }
|
    <NO> <ACTION> { return ReferentialAction.NO_ACTION; }
|
    LOOKAHEAD(2) <SET> <NULL> { return ReferentialAction.SET_NULL; }
|
    <SET> <DEFAULT_> { return ReferentialAction.SET_DEFAULT; }
}

/**
 * Parses "[CONSTRAINT name] {PRIMARY KEY (columns) | UNIQUE [KEY | INDEX] [name] (columns) | CHECK (condition)
 * | FOREIGN KEY [name] (columns) REFERENCES ...}"; the names after KEY are MySQL index names.
 */
BopTableConstraint TableConstraint() :
{
    final Token first = getToken(1);
    SqlIdentifier name = null;
    SqlIdentifier indexName = null;
    final BopTableConstraint.Kind kind;
    SqlNodeList columns = null;
    SqlNode check = null;
    BopReferences references = null;
}
{
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> columns = KeyColumns() {
            kind = BopTableConstraint.Kind.PRIMARY_KEY;
        }
    |
        <UNIQUE> [ <KEY> | <INDEX> ] [ indexName = SimpleIdentifier() ]
        columns = KeyColumns() {
            kind = BopTableConstraint.Kind.UNIQUE;
        }
    |
        <CHECK> <LPAREN> check = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            kind = BopTableConstraint.Kind.CHECK;
        }
    |
        <FOREIGN> <KEY> [ indexName = SimpleIdentifier() ]
        columns = ParenthesizedSimpleIdentifierList()
        references = References() {
            kind = BopTableConstraint.Kind.FOREIGN_KEY;
        }
    )
    {
        return new BopTableConstraint(positionFrom(first), kind, name == null ? indexName : name, columns,
            check, references);
    }
}

/**
 * Parses MySQL's "[FULLTEXT | SPATIAL] {KEY | INDEX} [name] (columns)"; a full-text or spatial index is an
 * ordinary index here.
 */
BopTableConstraint MySqlIndex() :
{
    final Token first = getToken(1);
    SqlIdentifier name = null;
    final SqlNodeList columns;
}
{
    (
        ( <FULLTEXT> | <SPATIAL> ) [ <KEY> | <INDEX> ]
    |
        <KEY>
    |
        <INDEX>
    )
    [ name = SimpleIdentifier() ]
    columns = KeyColumns() {
        return new BopTableConstraint(positionFrom(first), BopTableConstraint.Kind.INDEX, name, columns, null,
            null);
    }
}

/**
 * Parses a key's columns "(column [(length)] [ASC | DESC], ...)". MySQL's prefix length, which indexes only the
 * first characters of a column, is read and dropped: bop indexes whole values. A descending column is wrapped in
 * a DESC call.
 */
SqlNodeList KeyColumns() :
{
    final Span s;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    AddKeyColumn(columns) ( <COMMA> AddKeyColumn(columns) )*
    <RPAREN> {
        return new SqlNodeList(columns, s.end(this));
    }
}

void AddKeyColumn(List<SqlNode> columns) :
{
    SqlNode column;
}
{
    column = SimpleIdentifier()
    [ <LPAREN> UnsignedNumericLiteral() <RPAREN> ]
    [
        <ASC>
    |
        <DESC> { column = SqlStdOperatorTable.DESC.createCall(getPos(), column); }
    ]
    { columns.add(column); }
}

/** Parses PostgreSQL's "(name [= value], ...)" storage parameters after WITH. */
SqlNodeList StorageParameters() :
{
    final SqlNodeList parameters;
}
{
    <LPAREN> { parameters = new SqlNodeList(getPos()); }
    AddStorageParameter(parameters) ( <COMMA> AddStorageParameter(parameters) )*
    <RPAREN> { return parameters; }
}

void AddStorageParameter(SqlNodeList parameters) :
{
    final SqlIdentifier name;
    SqlNode value = null;
}
{
    name = CompoundIdentifier() [ <EQ> value = OptionValue() ] {
        parameters.add(new BopOption(name.getParserPosition(), name.toString().toLowerCase(Locale.ROOT), value));
    }
}

/**
 * Parses one MySQL table option "name [=] value", e.g. ENGINE=InnoDB, AUTO_INCREMENT=5, COMMENT='x';
 * "[DEFAULT] {CHARSET | CHARACTER SET}" is named "character set", "[DEFAULT] COLLATE" "collate".
 */
void AddTableOption(SqlNodeList tableOptions) :
{
    final Token first = getToken(1);
    final String name;
    final SqlNode value;
}
{
    (
        [ <DEFAULT_> ]
        (
            ( <CHARSET> | <CHARACTER> <SET> ) { name = "character set"; }
        |
            <COLLATE> { name = "collate"; }
        )
    |
        name = OptionName()
    )
    [ <EQ> ]
    value = OptionValue() {
        tableOptions.add(new BopOption(positionFrom(first), name, value));
    }
}

/** Parses an option's name in lower case. */
String OptionName() :
{
    final String name;
}
{
    name = Identifier() { return name.toLowerCase(Locale.ROOT); }
}

/** Parses an option's value: a literal, a name, or PostgreSQL's "on". */
SqlNode OptionValue() :
{
    final SqlNode value;
}
{
    (
        value = Literal()
    |
        value = CompoundIdentifier()
    |
        <ON> { value = new SqlIdentifier("on", getPos()); }
    )
    { return value; }
}

/**
 * Parses the rest of "CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING method]
 * (key [ASC | DESC] [NULLS {FIRST | LAST}], ...) [WHERE predicate]"; a key is a column or "(expression)".
 */
SqlCreate CreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    boolean concurrently = false;
    final boolean ifNotExists;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    SqlIdentifier method = null;
    final List<SqlNode> keys = new ArrayList<SqlNode>();
    SqlNode where = null;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX>
    [ <CONCURRENTLY> { concurrently = true; } ]
    ifNotExists = IfNotExistsOpt()
    [ name = SimpleIdentifier() ]
    <ON> table = CompoundTableIdentifier()
    [ <USING> method = SimpleIdentifier() ]
    <LPAREN> AddOrderItem(keys) ( <COMMA> AddOrderItem(keys) )* <RPAREN>
    [ where = Where() ]
    {
        if (replace) {
            throw parseError(s.end(this), "CREATE OR REPLACE INDEX is not supported");
        }
        return new BopCreateIndex(s.end(this), unique, concurrently, ifNotExists, name, table, method,
            new SqlNodeList(keys, s.end(this)), where);
    }
}

/** Parses the rest of "CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS query". */
SqlCreate CreateView(Span s, boolean replace) :
{
    final boolean temporary;
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode query;
}
{
    [ MySqlViewOptions() ] temporary = TemporaryOpt() <VIEW> ifNotExists = IfNotExistsOpt()
    name = CompoundTableIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
        return new BopCreateView(s.end(this), replace, temporary, ifNotExists, name, columns, query);
    }
}

/**
 * Parses the rest of "CREATE {DATABASE | SCHEMA} [IF NOT EXISTS] name [[WITH] option ...]", where an option is
 * MySQL's "[DEFAULT] {CHARACTER SET | CHARSET | COLLATE} [=] value" or PostgreSQL's "name [=] value".
 */
SqlCreate CreateDatabase(Span s, boolean replace) :
{
    boolean schema = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList databaseOptions = new SqlNodeList(getPos());
}
{
    ( <DATABASE> | <SCHEMA> { schema = true; } )
    ifNotExists = IfNotExistsOpt()
    name = SimpleIdentifier()
    [ <WITH> ]
    ( AddTableOption(databaseOptions) )*
    {
        if (replace) {
            throw parseError(s.end(this), "CREATE OR REPLACE DATABASE is not supported");
        }
        return new BopCreateDatabase(s.end(this), schema, ifNotExists, name, databaseOptions);
    }
}

/** Parses the rest of "CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [option ...]". */
SqlCreate CreateSequence(Span s, boolean replace) :
{
    final boolean temporary;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNodeList sequenceOptions = new SqlNodeList(getPos());
}
{
    temporary = TemporaryOpt() <SEQUENCE> ifNotExists = IfNotExistsOpt()
    name = CompoundTableIdentifier()
    ( AddSequenceOption(sequenceOptions) )*
    {
        if (replace) {
            throw parseError(s.end(this), "CREATE OR REPLACE SEQUENCE is not supported");
        }
        return new BopCreateSequence(s.end(this), temporary, ifNotExists, name, sequenceOptions);
    }
}

/**
 * Parses one sequence option, as in CREATE SEQUENCE and identity columns: AS type, INCREMENT [BY] n,
 * [NO] MINVALUE n, [NO] MAXVALUE n, START [WITH] n, CACHE n, [NO] CYCLE, OWNED BY column | NONE,
 * SEQUENCE NAME name. Options are named without their noise words: "increment", "no minvalue", ...
 */
void AddSequenceOption(SqlNodeList sequenceOptions) :
{
    final Token first = getToken(1);
    final String name;
    SqlNode value = null;
}
{
    (
        <AS> value = BopDataType() { name = "as"; }
    |
        <INCREMENT> [ <BY> ] value = NumericLiteral() { name = "increment"; }
    |
        <MINVALUE> value = NumericLiteral() { name = "minvalue"; }
    |
        <MAXVALUE> value = NumericLiteral() { name = "maxvalue"; }
    |
        <START> [ <WITH> ] value = NumericLiteral() { name = "start"; }
    |
        <CACHE> value = NumericLiteral() { name = "cache"; }
    |
        <CYCLE> { name = "cycle"; }
    |
        <NO> ( <MINVALUE> | <MAXVALUE> | <CYCLE> ) { name = "no " + token.image.toLowerCase(Locale.ROOT); }
    |
        <OWNED> <BY> ( <NONE> | value = CompoundIdentifier() ) { name = "owned by"; }
    |
        <SEQUENCE> <NAME> value = CompoundIdentifier() { name = "sequence name"; }
    )
    {
        sequenceOptions.add(new BopOption(positionFrom(first), name, value));
    }
}

/**
 * Parses "ALTER SEQUENCE [IF EXISTS] name {option | RESTART [[WITH] n]} ..." or
 * "ALTER SEQUENCE [IF EXISTS] name RENAME TO new_name"; RESTART is an option named "restart".
 */
SqlNode AlterSequence() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    SqlIdentifier newName = null;
    final SqlNodeList sequenceOptions = new SqlNodeList(getPos());
    Token first;
    SqlNode value;
}
{
    <ALTER> { s = span(); } <SEQUENCE> ifExists = IfExistsOpt() name = CompoundTableIdentifier()
    (
        <RENAME> <TO> newName = SimpleIdentifier()
    |
        (
            AddSequenceOption(sequenceOptions)
        |
            <RESTART> { first = token; value = null; } [ [ <WITH> ] value = NumericLiteral() ] {
                sequenceOptions.add(new BopOption(positionFrom(first), "restart", value));
            }
        )+
    )
    {
        return new BopAlterSequence(s.end(this), ifExists, name, sequenceOptions, newName);
    }
}

/** Parses "COMMENT ON {TABLE | VIEW | COLUMN | SEQUENCE | INDEX} name IS {'text' | NULL}". */
SqlNode CommentOn() :
{
    final Span s;
    final String kind;
    final SqlIdentifier name;
    SqlNode text = null;
}
{
    <COMMENT> { s = span(); } <ON>
    (
        ( <TABLE> | <VIEW> | <SEQUENCE> | <INDEX> ) { kind = token.image.toLowerCase(Locale.ROOT); }
        name = CompoundTableIdentifier()
    |
        <COLUMN> { kind = "column"; } name = CompoundIdentifier()
    )
    <IS> ( text = StringLiteral() | <NULL> )
    {
        return new BopComment(s.end(this), kind, name, text);
    }
}

/**
 * Parses the rest of "DROP {TABLE | VIEW | INDEX [CONCURRENTLY] | SEQUENCE | DATABASE | SCHEMA} [IF EXISTS]
 * name, ... [ON table] [CASCADE | RESTRICT]"; "ON table" is MySQL's DROP INDEX.
 */
SqlDrop DropObject(Span s, boolean replace) :
{
    final BopDrop.ObjectType type;
    boolean concurrently = false;
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier name;
    SqlIdentifier table = null;
    final DropBehavior behavior;
}
{
    (
        <TABLE> { type = BopDrop.ObjectType.TABLE; }
    |
        <VIEW> { type = BopDrop.ObjectType.VIEW; }
    |
        <INDEX> { type = BopDrop.ObjectType.INDEX; } [ <CONCURRENTLY> { concurrently = true; } ]
    |
        <SEQUENCE> { type = BopDrop.ObjectType.SEQUENCE; }
    |
        <DATABASE> { type = BopDrop.ObjectType.DATABASE; }
    |
        <SCHEMA> { type = BopDrop.ObjectType.SCHEMA; }
    )
    ifExists = IfExistsOpt()
    name = CompoundTableIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundTableIdentifier() { names.add(name); } )*
    [ <ON> table = CompoundTableIdentifier() ]
    behavior = DropBehaviorOpt()
    {
        return new BopDrop(s.end(this), type, concurrently, ifExists, new SqlNodeList(names, s.end(this)),
            table, behavior);
    }
}

/**
 * Parses "ALTER TABLE [IF EXISTS] [ONLY] name action, ..." where an action is one of
 * BopAlterTableAction.Kind; a RENAME is the only action of its statement.
 */
SqlNode AlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final SqlNodeList actions = new SqlNodeList(getPos());
    BopAlterTableAction action;
}
{
    <ALTER> { s = span(); } <TABLE> ifExists = IfExistsOpt() [ <ONLY> ]
    name = CompoundTableIdentifier()
    (
        action = RenameAction() { actions.add(action); }
    |
        action = AlterTableAction() { actions.add(action); }
        ( <COMMA> action = AlterTableAction() { actions.add(action); } )*
    )
    {
        return new BopAlterTable(s.end(this), ifExists, name, actions);
    }
}

/** Parses "RENAME TO new_name", "RENAME CONSTRAINT name TO new_name" or "RENAME [COLUMN] name TO new_name". */
BopAlterTableAction RenameAction() :
{
    final Span s;
    BopAlterTableAction.Kind kind = BopAlterTableAction.Kind.RENAME_COLUMN;
    SqlIdentifier name = null;
    final SqlIdentifier newName;
}
{
    <RENAME> { s = span(); }
    (
        <TO> { kind = BopAlterTableAction.Kind.RENAME_TABLE; }
    |
        [ <COLUMN> | <CONSTRAINT> { kind = BopAlterTableAction.Kind.RENAME_CONSTRAINT; } ]
        name = SimpleIdentifier() <TO>
    )
    newName = SimpleIdentifier() {
        return new BopAlterTableAction(s.end(this), kind, name, newName, null, null, null, null, false, null);
    }
}

/**
 * Parses one ADD, DROP, ALTER [COLUMN] or MySQL MODIFY, CHANGE, DISABLE KEYS or ENABLE KEYS action; see
 * BopAlterTableAction.Kind. MySQL's column position (FIRST, AFTER column) is read and dropped: columns are added
 * last.
 */
BopAlterTableAction AlterTableAction() :
{
    final Span s;
    final SqlNode element;
    boolean ifExists;
    SqlIdentifier name;
    final DropBehavior behavior;
    BopAlterTableAction action;
}
{
    <ADD> { s = span(); }
    (
        element = TableConstraint()
    |
        LOOKAHEAD(MySqlIndexStart()) element = MySqlIndex()
    |
        [ <COLUMN> ] ifExists = IfNotExistsOpt() element = ColumnDefinition() [ ColumnPosition() ] {
            return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.ADD_COLUMN, null, null,
                (BopColumnDefinition) element, null, null, null, ifExists, null);
        }
    )
    {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.ADD_CONSTRAINT, null, null, null,
            (BopTableConstraint) element, null, null, false, null);
    }
|
    <DROP> { s = span(); }
    (
        <CONSTRAINT> ifExists = IfExistsOpt() name = SimpleIdentifier() behavior = DropBehaviorOpt() {
            return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.DROP_CONSTRAINT, name, null,
                null, null, null, null, ifExists, behavior);
        }
    |
        LOOKAHEAD(2) ( <INDEX> | <KEY> ) name = SimpleIdentifier() {
            return BopAlterTableAction.on(s.end(this), BopAlterTableAction.Kind.DROP_INDEX, name);
        }
    |
        <PRIMARY> <KEY> {
            return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.DROP_PRIMARY_KEY, null, null,
                null, null, null, null, false, null);
        }
    |
        <FOREIGN> <KEY> name = SimpleIdentifier() {
            return BopAlterTableAction.on(s.end(this), BopAlterTableAction.Kind.DROP_FOREIGN_KEY, name);
        }
    |
        [ <COLUMN> ] ifExists = IfExistsOpt() name = SimpleIdentifier() behavior = DropBehaviorOpt() {
            return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.DROP_COLUMN, name, null,
                null, null, null, null, ifExists, behavior);
        }
    )
|
    <ALTER> { s = span(); } [ <COLUMN> ] name = SimpleIdentifier()
    action = AlterColumnAction(s, name) { return action; }
|
    <MODIFY> { s = span(); } [ <COLUMN> ] element = ColumnDefinition() [ ColumnPosition() ] {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.MODIFY_COLUMN, null, null,
            (BopColumnDefinition) element, null, null, null, false, null);
    }
|
    <CHANGE> { s = span(); } [ <COLUMN> ] name = SimpleIdentifier() element = ColumnDefinition()
    [ ColumnPosition() ] {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.CHANGE_COLUMN, name, null,
            (BopColumnDefinition) element, null, null, null, false, null);
    }
|
    <DISABLE> { s = span(); } <KEYS> {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.DISABLE_KEYS, null, null, null, null,
            null, null, false, null);
    }
|
    <ENABLE> { s = span(); } <KEYS> {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.ENABLE_KEYS, null, null, null, null,
            null, null, false, null);
    }
}

/** Parses MySQL's "FIRST" or "AFTER column", where a column goes in the table; see AlterTableAction. */
void ColumnPosition() :
{
}
{
    <FIRST>
|
    <AFTER> SimpleIdentifier()
}

/** Parses what ALTER [COLUMN] name does: [SET DATA] TYPE, SET / DROP DEFAULT, SET / DROP NOT NULL. */
BopAlterTableAction AlterColumnAction(Span s, SqlIdentifier name) :
{
    final SqlDataTypeSpec type;
    SqlNode e = null;
}
{
    LOOKAHEAD(2)
    [ <SET> <DATA> ] <TYPE> type = BopDataType() [ <USING> e = Expression(ExprContext.ACCEPT_SUB_QUERY) ] {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.ALTER_COLUMN_TYPE, name, null,
            null, null, type, e, false, null);
    }
|
    LOOKAHEAD(2) <SET> <DEFAULT_> e = Expression(ExprContext.ACCEPT_SUB_QUERY) {
        return new BopAlterTableAction(s.end(this), BopAlterTableAction.Kind.SET_DEFAULT, name, null, null,
            null, null, e, false, null);
    }
|
    <SET> <NOT> <NULL> {
        return BopAlterTableAction.on(s.end(this), BopAlterTableAction.Kind.SET_NOT_NULL, name);
    }
|
    LOOKAHEAD(2) <DROP> <DEFAULT_> {
        return BopAlterTableAction.on(s.end(this), BopAlterTableAction.Kind.DROP_DEFAULT, name);
    }
|
    <DROP> <NOT> <NULL> {
        return BopAlterTableAction.on(s.end(this), BopAlterTableAction.Kind.DROP_NOT_NULL, name);
    }
}

/**
 * Parses the rest of "TRUNCATE [TABLE] [ONLY] name, ... [RESTART IDENTITY | CONTINUE IDENTITY]
 * [CASCADE | RESTRICT]".
 */
SqlTruncate TruncateTables(Span s) :
{
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    SqlIdentifier table;
    boolean restartIdentity = false;
    final DropBehavior behavior;
}
{
    [ <TABLE> ] [ <ONLY> ]
    table = CompoundTableIdentifier() { tables.add(table); }
    ( <COMMA> table = CompoundTableIdentifier() { tables.add(table); } )*
    [
        <RESTART> <IDENTITY> { restartIdentity = true; }
    |
        <CONTINUE> <IDENTITY>
    ]
    behavior = DropBehaviorOpt()
    {
        return new BopTruncate(s.end(this), new SqlNodeList(tables, s.end(this)), restartIdentity, behavior);
    }
}

/**
 * Parses "{VACUUM | ANALYZE} [(option, ...) | option ...] [table, ...]"; the old-style options are
 * FULL, FREEZE, VERBOSE and ANALYZE.
 */
SqlNode VacuumOrAnalyze() :
{
    final Span s;
    final BopMaintenance.Kind kind;
    final List<SqlNode> vacuumOptions = new ArrayList<SqlNode>();
    final List<SqlNode> tables = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    (
        <VACUUM> { kind = BopMaintenance.Kind.VACUUM; }
    |
        <ANALYZE> { kind = BopMaintenance.Kind.ANALYZE; }
    )
    { s = span(); }
    (
        <LPAREN> id = MaintenanceOption() { vacuumOptions.add(id); }
        ( <COMMA> id = MaintenanceOption() { vacuumOptions.add(id); } )*
        <RPAREN>
    |
        (
            ( <FULL> | <FREEZE> | <VERBOSE> | <ANALYZE> ) {
                vacuumOptions.add(new SqlIdentifier(token.image.toLowerCase(Locale.ROOT), getPos()));
            }
        )*
    )
    [
        id = CompoundTableIdentifier() { tables.add(id); }
        ( <COMMA> id = CompoundTableIdentifier() { tables.add(id); } )*
    ]
    {
        return new BopMaintenance(s.end(this), kind, new SqlNodeList(vacuumOptions, s.pos()),
            new SqlNodeList(tables, s.end(this)));
    }
}

/** Parses an option inside VACUUM's or ANALYZE's parentheses, as a lower-case identifier. */
SqlIdentifier MaintenanceOption() :
{
    final String name;
}
{
    ( name = Identifier() | <FULL> { name = "full"; } ) {
        return new SqlIdentifier(name.toLowerCase(Locale.ROOT), getPos());
    }
}
