package io.bop.engine.exec;

import java.sql.Connection;

/** A lease on one of a {@link Database}'s connections, with that connection's prepared statements. */
public final class Lease {
  private final Database database;
  private final Connection connection;
  private final Runnable release;

  public Lease(Database database, Connection connection, Runnable release) {
    this.database = database;
    this.connection = connection;
    this.release = release;
  }

  public Connection connection() {
    return connection;
  }

  /** Gives the connection back (a no-op for the writer, which its transaction keeps). */
  public void release() {
    release.run();
  }

  StatementCache statements() {
    return database.statements(connection);
  }
}
