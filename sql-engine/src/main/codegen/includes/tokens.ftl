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

<#--
  MySQL's lexical rules. MySQL clients are lexed in state BTID (backquoted identifiers), PostgreSQL clients in
  DQID, so none of these tokens can reach a PostgreSQL statement. MySQL strings and hexadecimal literals are
  handed to the grammar as Calcite's own string tokens with their text rewritten to standard quoting (see
  tokenManagerDeclarations.ftl), so every production that takes a string takes MySQL's.
-->
<BTID> TOKEN :
{
    // 'it\'s', "double-quoted", 'it''s': backslash escapes and both quote characters.
    < MYSQL_STRING: <MYSQL_SINGLE_QUOTED> | <MYSQL_DOUBLE_QUOTED> > {
        mysqlString(matchedToken);
    }
    // _utf8mb4'text', _binary 'bytes': a character set introducer before a string.
|   < MYSQL_INTRODUCED_STRING: "_" (["a"-"z","A"-"Z","0"-"9"])+ ([" ","\t","\n","\r"])*
        (<MYSQL_SINGLE_QUOTED> | <MYSQL_DOUBLE_QUOTED>) > {
        introducedString(matchedToken);
    }
    // 0x1F2E: a binary string.
|   < MYSQL_HEX_LITERAL: "0" ["x","X"] (["0"-"9","a"-"f","A"-"F"])+ > {
        matchedToken.image = "X'" + matchedToken.image.substring(2) + "'";
        matchedToken.kind = BINARY_STRING_LITERAL;
    }
|   < MYSQL_SYSTEM_VARIABLE: "@@" (<MYSQL_NAME_CHAR>)+ ("." (<MYSQL_NAME_CHAR>)+)? >
|   < MYSQL_USER_VARIABLE: "@" ( (<MYSQL_NAME_CHAR> | ".")+ | <MYSQL_SINGLE_QUOTED> | <MYSQL_DOUBLE_QUOTED>
        | "`" (~["`"] | "``")+ "`" ) >
|   < COLON_EQUALS: ":=" >
    // SELECT's MySQL modifiers; reserved words to MySQL too.
|   < MYSQL_SELECT_MODIFIER: "SQL_CALC_FOUND_ROWS" | "SQL_NO_CACHE" | "SQL_CACHE" | "SQL_BUFFER_RESULT"
        | "SQL_SMALL_RESULT" | "SQL_BIG_RESULT" | "HIGH_PRIORITY" >
|   < #MYSQL_SINGLE_QUOTED: "'" ( (~["'", "\\"]) | ("\\" ~[]) | "''" )* "'" >
|   < #MYSQL_DOUBLE_QUOTED: "\"" ( (~["\"", "\\"]) | ("\\" ~[]) | "\"\"" )* "\"" >
|   < #MYSQL_NAME_CHAR: ["a"-"z","A"-"Z","0"-"9","_","$"] >
}

<BTID> SKIP :
{
    < MYSQL_HASH_COMMENT: "#" (~["\n","\r"])* >
}

<BTID> SPECIAL_TOKEN :
{
    // "/*!40101 SET NAMES utf8 */": MySQL runs the text of an executable comment when its version (if any) is not
    // newer than the server's; so its opening and closing marks are skipped, and the text between is lexed.
    < EXECUTABLE_COMMENT_START: "/*!" (["0"-"9"])* > {
        if (newerThanServer(matchedToken.image.substring(3))) {
            pushState();
            SwitchTo(IN_MULTI_LINE_COMMENT);
        }
    }
    // Declared as a sequence so that it is not the same string token as Calcite's COMMENT_END, which it shadows.
|   < EXECUTABLE_COMMENT_END: "*" "/" >
}

<BTID> MORE :
{
    // MySQL's optimizer hints "/*+ ... */" are advice a server may ignore; to bop they are comments.
    < "/*" "+" > { pushState(); } : IN_MULTI_LINE_COMMENT
}
