package io.bop.wire.mysql.command;

import io.bop.engine.Session;
import io.bop.engine.TransactionState;
import io.bop.wire.mysql.protocol.ServerStatus;

/** The server status flags of a session: autocommit, in a transaction. */
final class Status {
  private Status() {}

  static int of(Session session) {
    int status = session.mysql().autocommit() ? ServerStatus.AUTOCOMMIT : 0;
    return session.transactionState() == TransactionState.IDLE ? status : status | ServerStatus.IN_TRANS;
  }
}
