package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.device.Scheduler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Network deadlines in real time, on one daemon thread per session. The peer is a real server, so
 * its timeout is real even in a virtual-clock session (see docs/decisions.md).
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;

  public RealTimeScheduler(String name) {
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  /** Deadlines armed and not yet fired or cancelled. */
  public int pending() {
    return executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
