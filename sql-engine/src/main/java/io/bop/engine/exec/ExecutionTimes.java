package io.bop.engine.exec;

/**
 * How long a plan's executions take, as a moving average: a plan whose executions are known to take microseconds
 * may run on the I/O thread that received it, saving two thread hand-offs, which then cost more than the query.
 * Updated without locks; a lost update only delays the judgement.
 */
public final class ExecutionTimes {
  /** Longer than a point lookup with its encoding, far shorter than anything worth a thread of its own. */
  private static final long QUICK_NANOS = 100_000;
  private static final int SAMPLES_BEFORE_JUDGING = 3;

  private volatile long averageNanos;
  private volatile int samples;
  private final boolean mayBeQuick;

  public ExecutionTimes() {
    this(true);
  }

  private ExecutionTimes(boolean mayBeQuick) {
    this.mayBeQuick = mayBeQuick;
  }

  /** For a plan that may wait, however fast it was so far. */
  public static ExecutionTimes never() {
    return new ExecutionTimes(false);
  }

  void record(long nanos) {
    int n = samples;
    averageNanos = n == 0 ? nanos : averageNanos + (nanos - averageNanos) / 8;
    if (n < SAMPLES_BEFORE_JUDGING) {
      samples = n + 1;
    }
  }

  boolean quick() {
    return mayBeQuick && samples >= SAMPLES_BEFORE_JUDGING && averageNanos < QUICK_NANOS;
  }
}
