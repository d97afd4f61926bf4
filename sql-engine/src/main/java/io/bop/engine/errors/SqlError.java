package io.bop.engine.errors;

/**
 * A failure to report to the client as a native error. The message is written for the user, in the words
 * PostgreSQL or MySQL would use where they have one; {@code detail} and {@code hint} are optional.
 */
public final class SqlError extends Exception {
  private final Condition condition;
  private final String detail;
  private final String hint;
  private final int position;

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
    super(message, cause, false, cause != null);
    this.condition = condition;
    this.detail = detail;
    this.hint = hint;
    this.position = position;
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

  /** The same error pointing at {@code position}, for errors found before the statement text was known. */
  public SqlError at(int position) {
    return new SqlError(condition, getMessage(), detail, hint, position, getCause());
  }
}
