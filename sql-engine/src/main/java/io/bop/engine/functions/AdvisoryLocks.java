package io.bop.engine.functions;

import io.bop.engine.errors.Condition;
import io.bop.engine.errors.SqlError;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL's advisory locks, shared by every session of the server: exclusive, re-entrant, held until unlocked or
 * the session ends (session level) or until the transaction ends (transaction level). Migration tools take one to
 * run alone.
 */
public final class AdvisoryLocks {
  /** A lock key: one bigint, or a pair of integers, which PostgreSQL keeps apart. */
  private record Key(long value, boolean pair) {}

  private static final class Holder {
    final int session;
    int sessionLevel;
    int transactionLevel;

    Holder(int session) {
      this.session = session;
    }
  }

  private final Map<Key, Holder> held = new HashMap<>();
  /** Sessions holding transaction-level locks: every other transaction ends without taking the monitor. */
  private final Set<Integer> transactionHolders = ConcurrentHashMap.newKeySet();

  /**
   * Takes the lock for {@code session}, waiting while another session holds it unless {@code wait} is false.
   *
   * @return whether the session holds it now
   */
  synchronized boolean lock(long key, boolean pair, int session, boolean transactionLevel, boolean wait)
      throws SqlError {
    Key k = new Key(key, pair);
    Holder holder = held.get(k);
    while (holder != null && holder.session != session) {
      if (!wait) {
        return false;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        throw new SqlError(Condition.QUERY_CANCELED, "canceling statement due to user request");
      }
      holder = held.get(k);
    }
    if (holder == null) {
      holder = new Holder(session);
      held.put(k, holder);
    }
    if (transactionLevel) {
      holder.transactionLevel++;
      transactionHolders.add(session);
    } else {
      holder.sessionLevel++;
    }
    return true;
  }

  /** Releases one session-level hold; false if the session held none. */
  synchronized boolean unlock(long key, boolean pair, int session) {
    Key k = new Key(key, pair);
    Holder holder = held.get(k);
    if (holder == null || holder.session != session || holder.sessionLevel == 0) {
      return false;
    }
    holder.sessionLevel--;
    release(k, holder);
    return true;
  }

  /** At the end of a session's transaction: its transaction-level holds end. */
  public void transactionEnded(int session) {
    if (transactionHolders.remove(session)) {
      releaseAll(session, true);
    }
  }

  /** pg_advisory_unlock_all, and the end of a session: every session-level hold ends. */
  public void unlockAll(int session) {
    releaseAll(session, false);
  }

  private synchronized void releaseAll(int session, boolean transactionLevel) {
    held.values().removeIf(holder -> {
      if (holder.session != session) {
        return false;
      }
      if (transactionLevel) {
        holder.transactionLevel = 0;
      } else {
        holder.sessionLevel = 0;
      }
      return holder.sessionLevel == 0 && holder.transactionLevel == 0;
    });
    notifyAll();
  }

  private void release(Key key, Holder holder) {
    if (holder.sessionLevel == 0 && holder.transactionLevel == 0) {
      held.remove(key);
      notifyAll();
    }
  }
}
