package io.bop.engine.mysql;

import io.bop.engine.Column;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Context;
import io.bop.engine.types.SqlType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What SHOW lists from the session's and the server's state rather than from a table. */
public enum SessionRows {
  VARIABLES("Variable_name", "Value"),
  GLOBAL_VARIABLES("Variable_name", "Value"),
  STATUS("Variable_name", "Value"),
  WARNINGS("Level", "Code", "Message"),
  ERRORS("Level", "Code", "Message"),
  PROCESSLIST("Id", "User", "Host", "db", "Command", "Time", "State", "Info"),
  GRANTS("Grants");

  private static final Instant STARTED = Instant.now();

  private final List<Column> columns;

  SessionRows(String... names) {
    List<Column> list = new ArrayList<>();
    for (String name : names) {
      boolean number = name.equals("Code") || name.equals("Id") || name.equals("Time");
      list.add(Column.of(name, number ? SqlType.BIGINT : SqlType.VARCHAR));
    }
    this.columns = List.copyOf(list);
  }

  public List<Column> columns() {
    return columns;
  }

  /** The rows, those whose first column matches {@code like} if given (MySQL's LIKE, ignoring case). */
  public List<Object[]> rows(Context context, String like) throws SqlError {
    Pattern pattern = like == null ? null : likePattern(like);
    List<Object[]> rows = new ArrayList<>();
    for (Object[] row : all(context)) {
      if (pattern == null || pattern.matcher(row[0].toString()).matches()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private List<Object[]> all(Context context) throws SqlError {
    MySqlSession mysql = context.mysql();
    List<Object[]> rows = new ArrayList<>();
    switch (this) {
      case VARIABLES, GLOBAL_VARIABLES -> {
        for (SystemVariables.Definition d : SystemVariables.all()) {
          boolean global = this == GLOBAL_VARIABLES || d.scope() == SystemVariables.Scope.GLOBAL;
          if (this == GLOBAL_VARIABLES && d.scope() == SystemVariables.Scope.SESSION) {
            continue;
          }
          String value = SystemVariables.shown(d, mysql.get(d.name(), global, false));
          rows.add(new Object[] {d.name(), value == null ? "" : value});
        }
      }
      case STATUS -> {
        int sessions = context.admin().sessions().size();
        rows.add(new Object[] {"Threads_connected", Integer.toString(sessions)});
        rows.add(new Object[] {"Threads_running", "1"});
        rows.add(new Object[] {"Uptime", Long.toString(Duration.between(STARTED, Instant.now()).toSeconds())});
        rows.add(new Object[] {"Ssl_cipher", ""});
      }
      case WARNINGS, ERRORS -> {
        for (MySqlSession.Diagnostic d : mysql.diagnostics()) {
          if (this == WARNINGS || d.level().equals("Error")) {
            rows.add(new Object[] {d.level(), (long) d.code(), d.message()});
          }
        }
      }
      case PROCESSLIST -> {
        for (Context.SessionInfo s : context.admin().sessions()) {
          long seconds = Duration.between(s.since(), Instant.now()).toSeconds();
          rows.add(new Object[] {(long) s.id(), s.user(), "localhost", s.database(),
              s.statement() == null ? "Sleep" : "Query", seconds, s.statement() == null ? "" : "executing",
              s.statement()});
        }
      }
      case GRANTS -> rows.add(new Object[] {"GRANT ALL PRIVILEGES ON *.* TO `" + context.user()
          + "`@`%` WITH GRANT OPTION"});
    }
    return rows;
  }

  /** MySQL's LIKE pattern as a regular expression: {@code %} any text, {@code _} one character, {@code \} escape. */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
