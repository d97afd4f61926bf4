package io.bop.engine.exec;

import io.bop.engine.Column;
import io.bop.engine.Execution;
import io.bop.engine.errors.SqlError;
import io.bop.engine.types.SqlType;
import java.util.List;

/**
 * A translated statement, immutable and shared by every session that runs the same text on the same database
 * schema.
 */
public interface Plan {
  /** The parameter types the statement's text implies; a client's declared types take precedence. */
  List<SqlType> parameterTypes();

  /** The result columns, or null if the statement returns no rows. */
  List<Column> columns();

  /**
   * @param types the effective parameter types (declared or implied), one per parameter
   * @param parameters the values: Java values of {@link io.bop.engine.types.Values}, or text to be read as the type
   */
  Execution execute(Context context, List<SqlType> types, List<Object> parameters) throws SqlError;

  /**
   * Whether an execution takes microseconds and never waits, judged by those before it: it may then run on the I/O
   * thread that received it.
   */
  default boolean quick() {
    return false;
  }

  /** Records how long an execution took, from its start until its last row was read. */
  default void executed(long nanos) {}

  /** Whether the statement may run in a failed transaction block (only ending it may). */
  default boolean allowedInFailedTransaction() {
    return false;
  }
}
