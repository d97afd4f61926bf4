package io.bop.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a connection's messages are handled in
 * order and may block (SQLite calls) without holding a thread while the connection is idle.
 */
public final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final Executor submitter;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Tasks submitted whose end the submitter has not yet seen. */
  private final AtomicInteger unconfirmed = new AtomicInteger();

  /**
   * @param submitter the thread that submits tasks and asks {@link #idle()} (a connection's event loop): each task
   *     confirms its end by a task queued to it, so whatever the task had queued there before (its writes) has run
   *     by the time the submitter sees it end
   */
  public SerialExecutor(Executor pool, Executor submitter) {
    this.pool = pool;
    this.submitter = submitter;
  }

  @Override public void execute(Runnable task) {
    unconfirmed.incrementAndGet();
    tasks.add(() -> {
      try {
        task.run();
      } finally {
        try {
          submitter.execute(unconfirmed::decrementAndGet);
        } catch (RejectedExecutionException e) {
          // the submitter has shut down, so nobody asks any more
        }
      }
    });
    schedule();
  }

  /**
   * Whether every task has ended and the submitter has run all that they queued to it. Only the submitter may rely
   * on it: then nothing can start until it submits again, and its own work comes after the tasks' in every order
   * that matters (a response written now follows the responses the tasks wrote).
   */
  public boolean idle() {
    return unconfirmed.get() == 0;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("task failed", e);
      }
    }
    scheduled.set(false);
    if (!tasks.isEmpty()) {
      schedule();
    }
  }
}
