package dev.sparrow.runtime.cloud;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The clock that cloud functions' timers run on, shared by the calls running at once: it moves on, to the earliest
 * timer any of them waits for, only when every running call waits for a timer. A call alone never waits (its timers
 * fire at once, in order); calls in flight together see each other's writes in the order their timers say, as
 * separate instances in WeChat would over real time. A running call is one worker thread (a nested call runs on its
 * caller's thread and waits in its place).
 */
final class FunctionTime {
  /** The time each waiting thread waits for; guarded by this. */
  private final Map<Thread, Long> waiting = new HashMap<>();
  private int running;
  private long now;

  synchronized long now() {
    return now;
  }

  /** A call starts running on the current thread. */
  synchronized void enter() {
    running++;
  }

  /** The current thread's call has ended: the others may no longer need to wait for it. */
  synchronized void exit() {
    running--;
    notifyAll();
  }

  /** Wakes the waiting threads so that they look at their {@code stop} condition again. */
  synchronized void wake() {
    notifyAll();
  }

  /**
   * Waits until function time reaches {@code due} (milliseconds); false if {@code stop} became true first or the
   * thread was interrupted.
   */
  synchronized boolean reach(long due, BooleanSupplier stop) {
    Thread me = Thread.currentThread();
    waiting.put(me, due);
    notifyAll();
    try {
      while (now < due) {
        if (stop.getAsBoolean()) {
          return false;
        }
        long earliest = Collections.min(waiting.values());
        if (waiting.size() >= running && earliest > now) {
          now = earliest;
          notifyAll();
        } else {
          wait(); // others run, or the thread due now has yet to wake and leave
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.remove(me);
    }
  }
}
