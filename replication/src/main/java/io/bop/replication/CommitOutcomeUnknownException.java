package io.bop.replication;

import java.sql.SQLException;

/**
 * {@code COMMIT} succeeded locally but the commit could not be captured or published, so the client must be told
 * that its transaction may or may not have committed. SQLSTATE 08007 is the standard "transaction resolution
 * unknown". The shard accepts no more writes until it is reopened.
 */
public final class CommitOutcomeUnknownException extends SQLException {

  CommitOutcomeUnknownException(String message, Throwable cause) {
    super(message, "08007", cause);
  }
}
