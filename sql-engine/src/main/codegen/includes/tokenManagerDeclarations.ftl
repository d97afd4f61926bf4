<#--
  Members of the generated token manager.
-->

    /**
     * The number n of each PostgreSQL "$n" parameter, by the position of its token. The token reaches the
     * parser as a "?" marker, which Calcite numbers in order of appearance; BopParser renumbers the
     * markers found here to n - 1, so "$2" is parameter 1 however often and wherever it appears.
     */
    public final Map<SqlParserPos, Integer> positionalParameters = new HashMap<SqlParserPos, Integer>();
