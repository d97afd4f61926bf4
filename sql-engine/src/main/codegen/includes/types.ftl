<#--
  Data types: every type name of both dialects becomes a BopTypeNameSpec.
-->

/** Parses a data type, as after "::" and in column definitions. */
SqlDataTypeSpec BopDataType() :
{
    final SqlTypeNameSpec type;
}
{
    type = BopTypeName() {
        return new SqlDataTypeSpec(type, type.getParserPos());
    }
}

/**
 * Parses a type name: SQL's multi-word names and the reserved words among type names, else
 * "[schema.]name"; then arguments "(10, 2)", array suffixes "[]" or ARRAY, and MySQL modifiers.
 * See BopTypeNameSpec for the canonical name.
 */
SqlTypeNameSpec BopTypeName() :
{
    final Token first = getToken(1);
    String schema = null;
    final StringBuilder name = new StringBuilder();
    final List<SqlLiteral> arguments = new ArrayList<SqlLiteral>();
    int arrayDimensions = 0;
    boolean unsigned = false;
    boolean zerofill = false;
    String characterSet = null;
    SqlIdentifier id;
}
{
    (
        ( <TIME> | <TIMESTAMP> ) { name.append(token.image.toLowerCase(Locale.ROOT)); }
        [ TypeArguments(arguments) ]
        [
            LOOKAHEAD(3) <WITH> <TIME> <ZONE> { name.append(" with time zone"); }
        |
            LOOKAHEAD(3) <WITHOUT> <TIME> <ZONE>
        ]
    |
        <INTERVAL> { name.append("interval"); }
        [ IntervalFields(name) ]
        [ TypeArguments(arguments) ]
    |
        (
            <DOUBLE> { name.append("double"); } [ <PRECISION> { name.append(" precision"); } ]
        |
            [ <NATIONAL> { name.append("national "); } ]
            ( <CHARACTER> | <CHAR> ) { name.append(token.image.toLowerCase(Locale.ROOT)); }
            [ <VARYING> { name.append(" varying"); } ]
        |
            ( <NCHAR> | <BIT> | <BINARY> ) { name.append(token.image.toLowerCase(Locale.ROOT)); }
            [ <VARYING> { name.append(" varying"); } ]
        |
            // MySQL's cast targets SIGNED [INTEGER] and UNSIGNED [INTEGER].
            ( <SIGNED> | <UNSIGNED> { unsigned = true; } ) [ <INTEGER> | <INT> ] { name.append("integer"); }
        |
            <SET> { name.append("set"); }
        |
            id = SimpleIdentifier() [ <DOT> { schema = id.getSimple(); } id = SimpleIdentifier() ] {
                name.append(id.getParserPosition().isQuoted()
                    ? DQ + id.getSimple() + DQ
                    : id.getSimple().toLowerCase(Locale.ROOT));
            }
        )
        [ TypeArguments(arguments) ]
    )
    (
        <LBRACKET> [ <UNSIGNED_INTEGER_LITERAL> ] <RBRACKET> { arrayDimensions++; }
    |
        <ARRAY> [ LOOKAHEAD(2) <LBRACKET> <UNSIGNED_INTEGER_LITERAL> <RBRACKET> ] { arrayDimensions++; }
    )*
    (
        <UNSIGNED> { unsigned = true; }
    |
        <SIGNED>
    |
        <ZEROFILL> { zerofill = true; }
    |
        ( <CHARACTER> <SET> | <CHARSET> ) characterSet = Identifier()
    )*
    {
        return new BopTypeNameSpec(schema, name.toString(), arguments, arrayDimensions, unsigned,
            zerofill, characterSet, null, positionFrom(first));
    }
}

/** Parses "(10)", "(10, 2)" or MySQL's "('a', 'b')" after a type name. */
void TypeArguments(List<SqlLiteral> arguments) :
{
    SqlLiteral argument;
}
{
    <LPAREN>
    argument = TypeArgument() { arguments.add(argument); }
    ( <COMMA> argument = TypeArgument() { arguments.add(argument); } )*
    <RPAREN>
}

SqlLiteral TypeArgument() :
{
    final SqlLiteral argument;
    final String text;
}
{
    (
        argument = NumericLiteral()
    |
        text = SimpleStringLiteral() { argument = SqlLiteral.createCharString(text, getPos()); }
    )
    { return argument; }
}

/** Parses the fields of PostgreSQL's "interval day to second" and appends them to the type name. */
void IntervalFields(StringBuilder name) :
{
}
{
    ( <YEAR> | <MONTH> | <DAY> | <HOUR> | <MINUTE> | <SECOND> ) {
        name.append(' ').append(token.image.toLowerCase(Locale.ROOT));
    }
    [
        <TO> ( <MONTH> | <HOUR> | <MINUTE> | <SECOND> ) {
            name.append(" to ").append(token.image.toLowerCase(Locale.ROOT));
        }
    ]
}
