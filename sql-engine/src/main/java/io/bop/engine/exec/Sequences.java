package io.bop.engine.exec;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a database's sequences remember outside its transactions. PostgreSQL never takes back a value nextval
 * returned, even when the transaction rolls back; bop's sequence values live in the database file, so a rollback
 * would take them back, and this process remembers the last value handed out to hand out none twice. A value is
 * remembered with the generation of the sequence's stored state (which setval, RESTART and CREATE renew), so a
 * sequence that was set back on purpose is not skipped forward. It also keeps each session's currval and lastval.
 */
public final class Sequences {
  private record Mark(long generation, long value) {}

  private final Map<String, Mark> handedOut = new ConcurrentHashMap<>();
  private final Map<Integer, Map<String, Long>> current = new ConcurrentHashMap<>();
  private final Map<Integer, Long> last = new ConcurrentHashMap<>();

  /** The last value nextval returned for a sequence in a generation of its state, if any. */
  public OptionalLong handedOut(String sequence, long generation) {
    Mark mark = handedOut.get(key(sequence));
    return mark == null || mark.generation() != generation ? OptionalLong.empty() : OptionalLong.of(mark.value());
  }

  /** Records a value nextval returned to a session. */
  public void returned(int session, String sequence, long generation, long value) {
    handedOut.put(key(sequence), new Mark(generation, value));
    current.computeIfAbsent(session, s -> new ConcurrentHashMap<>()).put(key(sequence), value);
    last.put(session, value);
  }

  /** Records the value setval gave the session's currval. */
  public void set(int session, String sequence, long value) {
    current.computeIfAbsent(session, s -> new ConcurrentHashMap<>()).put(key(sequence), value);
  }

  public OptionalLong currval(int session, String sequence) {
    Long value = current.getOrDefault(session, Map.of()).get(key(sequence));
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  public OptionalLong lastval(int session) {
    Long value = last.get(session);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** When a session ends. */
  public void forget(int session) {
    current.remove(session);
    last.remove(session);
  }

  private static String key(String sequence) {
    return sequence.toLowerCase(java.util.Locale.ROOT);
  }
}
