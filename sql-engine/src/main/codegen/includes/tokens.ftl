<#--
  Tokens added to Calcite's. They are declared ahead of Calcite's, so when a token of ours and one of
  Calcite's match the same text, ours wins (JavaCC prefers the longest match, then the first declared).
-->

<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    < INFIX_CAST: "::" >
|   < TILDE: "~" >
|   < NEGATE: "!" >
    // PostgreSQL's json and jsonb operators; "->" is Calcite's LAMBDA token.
|   < JSON_GET_TEXT: "->>" >
|   < JSON_PATH_GET_TEXT: "#>>" >
|   < JSON_PATH_GET: "#>" >
    // "$1": a "?" marker whose number the parser must keep, see positionalParameters.
|   < POSITIONAL_PARAMETER: "$" (["0"-"9"])+ > {
        positionalParameters.put(
            new SqlParserPos(matchedToken.beginLine, matchedToken.beginColumn,
                matchedToken.endLine, matchedToken.endColumn),
            Integer.valueOf(matchedToken.image.substring(1)));
        matchedToken.kind = HOOK;
    }
}

<DEFAULT, DQID, BTID> TOKEN :
{
    // PostgreSQL E'...' string with backslash escapes. Same text as Calcite's
    // C_STYLE_ESCAPED_STRING_LITERAL, which would give the value a UTF16 character set.
    < ESCAPED_STRING: ["e","E"] "'" ( (~["'", "\\"]) | ("\\" ~[]) | "''" )* "'" >
    // psql writes pg_catalog.unnest(...); UNNEST is reserved, so the qualified name is one UNNEST token.
|   < PG_CATALOG_UNNEST: "pg_catalog" ([" ","\t","\n","\r"])* "." ([" ","\t","\n","\r"])* "unnest" > {
        matchedToken.kind = UNNEST;
    }
    // PostgreSQL's interval '1 day' needs no unit after the string; Calcite's INTERVAL does.
|   < INTERVAL_STRING: "INTERVAL" ([" ","\t","\n","\r","\f"])+ <QUOTED_STRING> >
    // PostgreSQL's "type 'text'" constants for the type names that are not also common column names (MySQL
    // takes a string after a column as its alias); DATE, TIME and TIMESTAMP are Calcite's own.
|   < TYPED_STRING: ( "timestamptz" | "timetz" | "int2" | "int4" | "int8" | "float4" | "float8" | "bool" | "uuid"
        | "jsonb" | "bytea" | "regclass" | "regtype" | "regproc" | "regnamespace" | "regrole" )
        ([" ","\t","\n","\r","\f"])+ <QUOTED_STRING> >
}
