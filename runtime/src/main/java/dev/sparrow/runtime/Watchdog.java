package dev.sparrow.runtime;

import dev.sparrow.runtime.js.EventLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;

/**
 * Interrupts page code whose task has used more than its limit of CPU time (an endless loop, say), so that one
 * runaway script cannot hang its session. It counts the loop thread's CPU time, not the wall clock: a healthy
 * script that waits for a core on a loaded machine is not a runaway.
 *
 * <p>Each {@link #check()} looks at every watched loop: a task seen for the first time has its thread's CPU time
 * noted; once the same task has used more than the limit since, its context is interrupted (the session reports
 * "script ran too long" and goes on). {@link #start} checks every 50 ms on its own daemon thread; a watchdog made
 * with the constructor checks only when called (tests).
 */
public final class Watchdog implements AutoCloseable {
  /** CPU time a thread has used so far, in nanoseconds. */
  @FunctionalInterface
  public interface CpuClock {
    long cpuNanos(long threadId);

    /** The JVM's own account ({@link ThreadMXBean#getThreadCpuTime}); -1 when the platform keeps none. */
    static CpuClock threads() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      return threads.isThreadCpuTimeSupported() ? threads::getThreadCpuTime : id -> -1;
    }
  }

  private static final class Watched {
    final EventLoop loop;
    final Context context;
    final long limitNanos;
    long task;
    long cpuAtStart;

    Watched(EventLoop loop, Context context, long limitNanos) {
      this.loop = loop;
      this.context = context;
      this.limitNanos = limitNanos;
    }
  }

  private final CpuClock cpu;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService ticker;

  /** A watchdog that checks when {@link #check()} is called. */
  public Watchdog(CpuClock cpu) {
    this.cpu = cpu;
  }

  /** A watchdog checking every {@code period} on a daemon thread of its own, until {@link #close()}. */
  public static Watchdog start(CpuClock cpu, Duration period) {
    Watchdog w = new Watchdog(cpu);
    w.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sparrow-watchdog");
      t.setDaemon(true);
      return t;
    });
    w.ticker.scheduleWithFixedDelay(w::check, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return w;
  }

  /** Watches the tasks of {@code loop} (running {@code context}'s code); returns the handle to stop watching. */
  public Runnable watch(EventLoop loop, Context context, Duration limit) {
    Watched w = new Watched(loop, context, limit.toNanos());
    watched.add(w);
    return () -> watched.remove(w);
  }

  /** One look at every watched loop; interrupts each task past its limit. */
  public void check() {
    for (Watched w : watched) {
      long task = w.loop.runningTask();
      long now = cpu.cpuNanos(w.loop.threadId());
      if (task == 0 || now < 0) {
        w.task = 0;
      } else if (task != w.task) {
        w.task = task;
        w.cpuAtStart = now;
      } else if (now - w.cpuAtStart > w.limitNanos) {
        try {
          w.context.interrupt(Duration.ofSeconds(5));
        } catch (Exception e) {
          // the task ended meanwhile, or the context is closing: nothing to interrupt
        }
      }
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
