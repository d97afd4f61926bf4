<#--
  Members of the generated token manager.
-->

    /**
     * The number n of each PostgreSQL "$n" parameter, by the position of its token. The token reaches the
     * parser as a "?" marker, which Calcite numbers in order of appearance; BopParser renumbers the
     * markers found here to n - 1, so "$2" is parameter 1 however often and wherever it appears.
     */
    public final Map<SqlParserPos, Integer> positionalParameters = new HashMap<SqlParserPos, Integer>();

    /** The MySQL release bop presents itself as, in executable comments' form: 8.0.36 is 80036. */
    static final int MYSQL_VERSION = 80036;

    /** Whether a MySQL executable comment "/*!NNNNN" is for a newer server than ours (then it is a comment). */
    static boolean newerThanServer(String digits) {
      return digits.length() > 0 && Long.parseLong(digits) > MYSQL_VERSION;
    }

    /**
     * The value of a MySQL string token: its quotes removed, a doubled quote read as one, and backslash escapes
     * read as MySQL reads them. "\%" and "\_" keep their backslash, so that LIKE sees them escaped.
     */
    static String unescapeMysqlString(String image) {
      final char quote = image.charAt(0);
      final StringBuilder value = new StringBuilder(image.length());
      for (int i = 1; i < image.length() - 1; i++) {
        final char c = image.charAt(i);
        if (c == quote) {
          i++; // a doubled quote
          value.append(c);
        } else if (c == '\\') {
          final char next = image.charAt(++i);
          switch (next) {
          case '0': value.append('\0'); break;
          case 'b': value.append('\b'); break;
          case 'n': value.append('\n'); break;
          case 'r': value.append('\r'); break;
          case 't': value.append('\t'); break;
          case 'Z': value.append('\u001a'); break;
          case '%':
          case '_': value.append('\\').append(next); break;
          default: value.append(next);
          }
        } else {
          value.append(c);
        }
      }
      return value.toString();
    }

    /** A string value as the image of a standard string token: single quotes, a quote doubled. */
    static String standardString(String value) {
      return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A MySQL string token as a standard one: a character string, or a binary string if it holds bytes that are not
     * UTF-8 (mysqldump writes BLOB values so; see RawText).
     */
    static void mysqlString(Token token) {
      setString(token, unescapeMysqlString(token.image), false);
    }

    /**
     * "_charset'text'": the introducer names the character set the text is in. _binary makes a binary string; any
     * other text is a character string (bop's strings are all Unicode).
     */
    static void introducedString(Token token) {
      final int quote = firstQuote(token.image);
      final String charset = token.image.substring(1, quote).trim();
      setString(token, unescapeMysqlString(token.image.substring(quote)), charset.equalsIgnoreCase("binary"));
    }

    static void setString(Token token, String value, boolean binary) {
      if (binary || io.bop.engine.types.RawText.hasEscapedBytes(value)) {
        token.image = "X'" + io.bop.engine.types.RawText.hex(value) + "'";
        token.kind = BINARY_STRING_LITERAL;
      } else {
        token.image = standardString(value);
        token.kind = QUOTED_STRING;
      }
    }

    static int firstQuote(String image) {
      final int single = image.indexOf('\'');
      final int dbl = image.indexOf('"');
      return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }
