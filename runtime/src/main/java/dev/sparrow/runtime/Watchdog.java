package dev.sparrow.runtime;

import dev.sparrow.runtime.js.EventLoop;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;

/**
 * Interrupts page code that runs too long (an infinite loop, say), so that one runaway script
 * cannot hang its session or the JVM. One daemon thread watches every session of the JVM.
 */
final class Watchdog {
  private record Watched(EventLoop loop, Context context, long limitNanos) {}

  private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sparrow-watchdog");
    t.setDaemon(true);
    return t;
  });

  static {
    TIMER.scheduleWithFixedDelay(Watchdog::check, 50, 50, TimeUnit.MILLISECONDS);
  }

  private Watchdog() {}

  /** Watches {@code loop}; returns the handle to stop watching. */
  static Runnable watch(EventLoop loop, Context context, Duration limit) {
    Watched w = new Watched(loop, context, limit.toNanos());
    WATCHED.add(w);
    return () -> WATCHED.remove(w);
  }

  private static void check() {
    for (Watched w : WATCHED) {
      if (w.loop().currentTaskNanos() > w.limitNanos()) {
        try {
          w.context().interrupt(Duration.ofSeconds(5));
        } catch (Exception e) {
          // the task ended meanwhile, or the context is closing: nothing to interrupt
        }
      }
    }
  }
}
