package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.network.NetworkPolicy.OverLimit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * The 10-slot pool shared by request, uploadFile and downloadFile (spec network.md §1.3; one pool,
 * as the doc lists the three together). In {@link OverLimit#QUEUE} mode extra tasks wait in FIFO
 * order and each finished task starts the next; in {@link OverLimit#FAIL} mode the 11th fails at
 * once with {@code exceed max task count} (errno 600007). A slot is released in {@code finally}.
 */
public final class Dispatcher {
  public static final String EXCEEDED = "exceed max task count";
  public static final int EXCEEDED_ERRNO = 600007;

  private final int max;
  private final OverLimit mode;
  private final Executor executor;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  public Dispatcher(int max, OverLimit mode, Executor executor) {
    if (max < 1) {
      throw new IllegalArgumentException("max < 1: " + max);
    }
    this.max = max;
    this.mode = mode;
    this.executor = executor;
  }

  /** Runs {@code job} in a slot now or later; throws {@code exceed max task count} in FAIL mode when full. */
  public void submit(Runnable job) {
    synchronized (this) {
      if (running >= max) {
        if (mode == OverLimit.FAIL) {
          throw ApiFailure.of(EXCEEDED, EXCEEDED_ERRNO);
        }
        waiting.addLast(job);
        return;
      }
      running++;
    }
    start(job);
  }

  /** Takes a job out of the queue (abort while waiting); false if it already started. */
  public synchronized boolean cancelWaiting(Runnable job) {
    return waiting.remove(job);
  }

  public synchronized int running() {
    return running;
  }

  public synchronized int waiting() {
    return waiting.size();
  }

  private void start(Runnable job) {
    try {
      executor.execute(() -> {
        try {
          job.run();
        } finally {
          finished();
        }
      });
    } catch (RuntimeException rejected) {
      finished();
      throw rejected;
    }
  }

  private void finished() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        running--;
        return;
      }
    }
    start(next);
  }
}
