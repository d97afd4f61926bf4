package io.bop.engine.functions;

import io.bop.engine.catalog.Catalog;
import io.bop.engine.catalog.CatalogLoader;
import io.bop.engine.catalog.Sequence;
import io.bop.engine.catalog.SequenceValues;
import io.bop.engine.catalog.SequenceValues.Value;
import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import io.bop.engine.exec.Database;
import io.bop.engine.exec.Sequences;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * nextval, currval, setval, lastval and pg_get_serial_sequence. They run on the writer (the translator sends
 * statements that call them there) and read and write the sequence's stored value through their own connection.
 * The session's id comes as the last argument; nextval in a column default has none and sets no currval.
 */
final class SequenceFunctions {
  private SequenceFunctions() {}

  private static final int NO_SESSION = -1;

  static void install(Connection c, Database database) throws SQLException {
    Udf.register(c, "nextval", 1, false, a -> nextval(c, database, a[0], NO_SESSION));
    Udf.register(c, "nextval", 2, false, a -> nextval(c, database, a[0], session(a[1])));
    Udf.register(c, "currval", 2, false, a -> a[0] == null ? null : sequenceValue(
        database.sequences().currval(session(a[1]), sequence(c, database, a[0]).name()),
        "currval of sequence \"" + sequence(c, database, a[0]).name() + "\" is not yet defined in this session"));
    Udf.register(c, "lastval", 1, false, a -> sequenceValue(database.sequences().lastval(session(a[0])),
        "lastval is not yet defined in this session"));
    Udf.register(c, "setval", 4, false, a -> a[0] == null || a[1] == null || a[2] == null ? null
        : setval(c, database, sequence(c, database, a[0]), ((Number) a[1]).longValue(), a[2].equals(1L),
            session(a[3])));
    Udf.register(c, "pg_get_serial_sequence", 2, false, a -> a[0] == null || a[1] == null ? null
        : serialSequence(c, database, Functions.text(a[0]), Functions.text(a[1])));
  }

  private static int session(Object id) {
    return ((Number) id).intValue();
  }

  private static long sequenceValue(OptionalLong value, String undefined) throws SqlError {
    return value.orElseThrow(() -> new SqlError(Condition.OBJECT_NOT_IN_PREREQUISITE_STATE, undefined));
  }

  private static Object nextval(Connection c, Database database, Object name, int session) throws SqlError {
    if (name == null) {
      return null;
    }
    Sequence q = sequence(c, database, name);
    Sequences remembered = database.sequences();
    try {
      Value stored = SequenceValues.read(c, q);
      Value from = stored;
      OptionalLong handedOut = remembered.handedOut(q.name(), stored.generation());
      if (q.kind() == Sequence.Kind.STANDALONE && handedOut.isPresent()
          && (q.increment() > 0 ? handedOut.getAsLong() >= stored.last() : handedOut.getAsLong() <= stored.last())) {
        from = new Value(handedOut.getAsLong(), true, stored.generation()); // its transaction rolled back
      }
      long next = next(q, from);
      SequenceValues.write(c, q, new Value(next, true, stored.generation()));
      if (session != NO_SESSION) {
        remembered.returned(session, q.name(), stored.generation(), next);
      }
      return next;
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, "nextval: " + e.getMessage());
    }
  }

  /** The value after {@code v}: one increment on, or around to the other end if the sequence cycles. */
  static long next(Sequence q, Value v) throws SqlError {
    if (!v.called()) {
      return v.last();
    }
    long next = v.last() + q.increment();
    boolean overflow = ((v.last() ^ next) & (q.increment() ^ next)) < 0;
    if (q.increment() > 0 && (overflow || next > q.maximum())) {
      if (!q.cycle()) {
        throw limit(q, "maximum", q.maximum());
      }
      return q.minimum();
    }
    if (q.increment() < 0 && (overflow || next < q.minimum())) {
      if (!q.cycle()) {
        throw limit(q, "minimum", q.minimum());
      }
      return q.maximum();
    }
    return next;
  }

  private static SqlError limit(Sequence q, String end, long value) {
    return new SqlError(Condition.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached " + end + " value of sequence \""
        + q.name() + "\" (" + value + ")");
  }

  private static long setval(Connection c, Database database, Sequence q, long value, boolean called, int session)
      throws SqlError {
    if (value < q.minimum() || value > q.maximum()) {
      throw new SqlError(Condition.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
          + " is out of bounds for sequence \"" + q.name() + "\" (" + q.minimum() + ".." + q.maximum() + ")");
    }
    try {
      SequenceValues.write(c, q, Value.set(value, called));
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, "setval: " + e.getMessage());
    }
    if (called) {
      database.sequences().set(session, q.name(), value);
    }
    return value;
  }

  /**
   * The sequence a nextval argument names: text, read as a relation name as regclass reads it, or a regclass
   * OID. Sequences of CREATE SEQUENCE are read through the connection, so that one created by the running
   * transaction is found; serial columns' come from the catalog.
   */
  static Sequence sequence(Connection c, Database database, Object argument) throws SqlError {
    try {
      if (argument instanceof Number oid) {
        return CatalogLoader.load(c, -1).sequences().stream().filter(q -> q.oid() == oid.longValue()).findFirst()
            .orElseThrow(() -> new SqlError(Condition.UNDEFINED_TABLE, "could not open relation with OID " + oid));
      }
      String name = relationName(Functions.text(argument));
      Optional<Sequence> stored = CatalogLoader.sequence(c, name);
      if (stored.isPresent()) {
        return stored.get();
      }
      Catalog cached = database.cachedCatalog();
      Optional<Sequence> serial = cached == null ? Optional.empty() : cached.sequence(name)
          .filter(q -> q.kind() != Sequence.Kind.STANDALONE);
      if (serial.isEmpty()) {
        serial = CatalogLoader.load(c, -1).sequence(name);
      }
      return serial.orElseThrow(() -> new SqlError(Condition.UNDEFINED_TABLE,
          "relation \"" + name + "\" does not exist"));
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, e.getMessage());
    }
  }

  /** A relation name written as text: [public.]name, folded to lower case unless double-quoted. */
  static String relationName(String text) throws SqlError {
    String name = text.strip();
    if (name.regionMatches(true, 0, "public.", 0, 7)) {
      name = name.substring(7);
    } else if (name.startsWith("\"public\".")) {
      name = name.substring(9);
    } else if (name.indexOf('.') > 0 && !name.startsWith("\"")) {
      throw new SqlError(Condition.UNDEFINED_OBJECT, "schema \"" + name.substring(0, name.indexOf('.'))
          + "\" does not exist");
    }
    return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase(java.util.Locale.ROOT);
  }

  private static String serialSequence(Connection c, Database database, String table, String column)
      throws SqlError {
    String tableName = relationName(table);
    try {
      Catalog catalog = database.cachedCatalog();
      if (catalog == null || catalog.table(tableName).isEmpty()) {
        catalog = CatalogLoader.load(c, -1);
      }
      Catalog found = catalog;
      if (found.table(tableName).isEmpty()) {
        throw new SqlError(Condition.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist");
      }
      String columnName = column.strip();
      if (found.table(tableName).get().column(columnName).isEmpty()) {
        throw new SqlError(Condition.UNDEFINED_COLUMN, "column \"" + columnName + "\" of relation \"" + tableName
            + "\" does not exist");
      }
      return found.ownedSequence(tableName, columnName).map(q -> "public." + q.name()).orElse(null);
    } catch (SQLException e) {
      throw new SqlError(Condition.INTERNAL_ERROR, e.getMessage());
    }
  }
}
