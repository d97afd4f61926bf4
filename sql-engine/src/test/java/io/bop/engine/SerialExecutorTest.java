package io.bop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tasks run in order, and the submitter sees one end only after running what the task queued to it. */
class SerialExecutorTest {

  @Test
  void idleOnlyOnceTheSubmitterRanWhatTheTasksQueuedToIt() throws Exception {
    Queue<Runnable> eventLoop = new ArrayDeque<>(); // the submitter's queue, run by hand below
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      SerialExecutor executor = new SerialExecutor(pool, task -> {
        synchronized (eventLoop) {
          eventLoop.add(task);
        }
      });
      List<String> written = new ArrayList<>();
      CountDownLatch ended = new CountDownLatch(1);
      assertThat(executor.idle()).isTrue();
      executor.execute(() -> {
        synchronized (eventLoop) {
          eventLoop.add(() -> written.add("response of the task")); // as a write from another thread is queued
        }
      });
      pool.execute(ended::countDown); // runs after the executor's drain: the task has ended
      assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(executor.idle()).as("ended, but its response is still queued").isFalse();
      Runnable next;
      while ((next = eventLoop.poll()) != null) {
        next.run();
        if (executor.idle()) {
          written.add("answered on the submitter");
        }
      }
      assertThat(written).containsExactly("response of the task", "answered on the submitter");
    } finally {
      pool.shutdownNow();
    }
  }
}
