package io.bop.engine;

/** A session's transaction block, as PostgreSQL's ReadyForQuery and MySQL's status flags report it. */
public enum TransactionState {
  /** Not in a transaction block. */
  IDLE,
  /** In a transaction block. */
  ACTIVE,
  /** In a failed transaction block: statements are refused until ROLLBACK. */
  FAILED
}
