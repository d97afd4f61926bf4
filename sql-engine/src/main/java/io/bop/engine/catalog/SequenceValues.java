package io.bop.engine.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a sequence's current value is stored: a CREATE SEQUENCE sequence's in its {@code _bop_sequences} row, a
 * serial or identity column's in SQLite's {@code sqlite_sequence}, the last row id of the column's
 * AUTOINCREMENT table (SQLite numbers the next row after it, as PostgreSQL's nextval would).
 */
public final class SequenceValues {
  private SequenceValues() {}

  /**
   * A sequence's state as PostgreSQL keeps it.
   *
   * @param called whether {@code last} was returned by nextval already (else nextval returns it next)
   * @param generation set anew whenever the value is set rather than advanced (always 0 for serial columns)
   */
  public record Value(long last, boolean called, long generation) {
    /** A value set by setval or RESTART. */
    public static Value set(long last, boolean called) {
      return new Value(last, called, ThreadLocalRandom.current().nextLong());
    }
  }

  public static Value read(Connection connection, Sequence q) throws SQLException {
    boolean standalone = q.kind() == Sequence.Kind.STANDALONE;
    try (PreparedStatement s = connection.prepareStatement(standalone
        ? "SELECT last_value, is_called, generation FROM _bop_sequences WHERE name = ?"
        : "SELECT seq, 1, 0 FROM sqlite_sequence WHERE name = ? COLLATE NOCASE")) {
      s.setString(1, standalone ? q.name() : q.ownerTable());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new Value(r.getLong(1), r.getBoolean(2), r.getLong(3)) : new Value(q.start(), false, 0);
      }
    }
  }

  public static void write(Connection connection, Sequence q, Value value) throws SQLException {
    if (q.kind() == Sequence.Kind.STANDALONE) {
      Metadata.setSequenceValue(connection, q.name(), value);
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM sqlite_sequence WHERE name = ? COLLATE NOCASE");
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
      delete.setString(1, q.ownerTable());
      delete.executeUpdate();
      insert.setString(1, q.ownerTable());
      insert.setLong(2, value.called() ? value.last() : value.last() - 1);
      insert.executeUpdate();
    }
  }
}
