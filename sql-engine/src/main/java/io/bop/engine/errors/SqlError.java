package io.bop.engine.errors;

/**
 * A failure to report to the client as a native error. The message is written for the user, in the words
 * PostgreSQL or MySQL would use where they have one; {@code detail} and {@code hint} are optional.
 */
public final class SqlError extends Exception {
  /**
   * The database object an error is about, where it is one (PostgreSQL's schema, table, column and constraint
   * fields, which drivers hand to applications); any part may be null.
   */
  public record Subject(String table, String column, String constraint) {}

  private final Condition condition;
  private final String detail;
  private final String hint;
  private final int position;
  private final String context;
  private final Subject subject;

  public SqlError(Condition condition, String message) {
    this(condition, message, null, null, 0, null);
  }

  public SqlError(Condition condition, String message, Throwable cause) {
    this(condition, message, null, null, 0, cause);
  }

  /**
   * @param position 1-based character position in the statement text the error refers to, 0 if none
   */
  public SqlError(Condition condition, String message, String detail, String hint, int position, Throwable cause) {
    this(condition, message, detail, hint, position, null, null, cause);
  }

  private SqlError(Condition condition, String message, String detail, String hint, int position, String context,
      Subject subject, Throwable cause) {
    super(message, cause, false, cause != null);
    this.condition = condition;
    this.detail = detail;
    this.hint = hint;
    this.position = position;
    this.context = context;
    this.subject = subject;
  }

  public Condition condition() {
    return condition;
  }

  public String detail() {
    return detail;
  }

  public String hint() {
    return hint;
  }

  public int position() {
    return position;
  }

  /** Where in the work of a statement it happened (PostgreSQL's CONTEXT: {@code COPY t, line 3}), or null. */
  public String context() {
    return context;
  }

  /** What the error is about, or null. */
  public Subject subject() {
    return subject;
  }

  /** The same error pointing at {@code position}, for errors found before the statement text was known. */
  public SqlError at(int position) {
    return new SqlError(condition, getMessage(), detail, hint, position, context, subject, getCause());
  }

  /** The same error with its context. */
  public SqlError in(String context) {
    return new SqlError(condition, getMessage(), detail, hint, position, context, subject, getCause());
  }

  /** The same error about a table, its column or a constraint. */
  public SqlError about(String table, String column, String constraint) {
    return new SqlError(condition, getMessage(), detail, hint, position, context,
        new Subject(table, column, constraint), getCause());
  }
}
