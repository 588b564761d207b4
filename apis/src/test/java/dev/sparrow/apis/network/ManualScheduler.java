package dev.sparrow.apis.network;

import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.apis.device.VirtualClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Deadlines on a {@link VirtualClock}: nothing fires until the test {@link #advance}s. */
final class ManualScheduler implements Scheduler {
  private record Entry(long due, long seq, Runnable task) {}

  final VirtualClock clock = new VirtualClock();
  private final List<Entry> entries = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  @Override
  public synchronized Cancellable schedule(long delayMillis, Runnable task) {
    Entry e = new Entry(clock.epochMillis() + Math.max(0, delayMillis), seq.incrementAndGet(), task);
    entries.add(e);
    return () -> {
      synchronized (this) {
        entries.remove(e);
      }
    };
  }

  /** Deadlines armed and not yet fired or cancelled. */
  synchronized int pending() {
    return entries.size();
  }

  /** Moves the clock on by {@code millis}, running every deadline that comes due, in order. */
  void advance(long millis) {
    long end = clock.epochMillis() + millis;
    while (true) {
      Entry next;
      synchronized (this) {
        next = entries.stream().filter(e -> e.due() <= end)
            .min(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq)).orElse(null);
        if (next != null) {
          entries.remove(next);
        }
      }
      if (next == null) {
        break;
      }
      clock.moveTo(next.due());
      next.task().run();
    }
    clock.moveTo(end);
  }

  /** A network runtime on real threads with these deadlines and this clock. */
  Network.Runtime runtime() {
    return new Network.Runtime(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "manual-net");
      t.setDaemon(true);
      return t;
    }), this, clock);
  }
}
