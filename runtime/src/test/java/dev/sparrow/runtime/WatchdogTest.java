package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The runaway-script watchdog counts the loop thread's CPU time, not the wall clock. */
class WatchdogTest {
  private static final String TOO_LONG = "Error: script ran too long and was interrupted (runaway loop?)";

  /** Starts a task that logs {@code marker} and then spins forever; returns once it spins. */
  private static void startRunaway(Session s, CountDownLatch spinning) throws InterruptedException {
    s.evaluate("function () { setTimeout(function () { console.log('spinning'); while (true) {} }, 0) }");
    assertThat(spinning.await(30, TimeUnit.SECONDS)).isTrue();
  }

  private static boolean ranTooLong(Session s) {
    return s.errors().stream().anyMatch(e -> e.message().equals(TOO_LONG));
  }

  @Test
  void aTaskIsInterruptedOnlyOnceItsThreadHasUsedItsCpuBudget() throws Exception {
    AtomicLong cpu = new AtomicLong();
    Watchdog watchdog = new Watchdog(threadId -> cpu.get());
    CountDownLatch spinning = new CountDownLatch(1);
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("playground")).scriptTimeout(Duration.ofMillis(100))
        .watchdog(watchdog).onConsole(m -> {
          if (m.text().equals("spinning")) {
            spinning.countDown();
          }
        })).awaitIdle()) {
      startRunaway(s, spinning);
      watchdog.check();
      cpu.addAndGet(Duration.ofMillis(90).toNanos());
      watchdog.check();
      assertThatThrownBy(() -> s.awaitIdle(Duration.ofMillis(200))).isInstanceOf(IllegalStateException.class);
      assertThat(ranTooLong(s)).isFalse();

      cpu.addAndGet(Duration.ofMillis(20).toNanos());
      watchdog.check();
      s.awaitIdle(Duration.ofSeconds(30));
      assertThat(ranTooLong(s)).isTrue();
      assertThat(s.currentPage().callMethod("add", 2, 3)).isEqualTo(5);
    }
  }

  @Test
  void withBusyNeighbourThreadsAScriptWaitingForTheCpuKeepsItsBudgetAndARunawayIsStillStopped() throws Exception {
    AtomicBoolean busy = new AtomicBoolean(true);
    List<Thread> neighbours = new ArrayList<>();
    for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
      Thread t = new Thread(() -> {
        long x = 0;
        while (busy.get()) {
          x += System.nanoTime() % 7;
        }
        assertThat(x).isNotNegative();
      }, "busy-neighbour-" + i);
      t.setDaemon(true);
      t.start();
      neighbours.add(t);
    }
    Duration limit = Duration.ofMillis(200);
    CountDownLatch spinning = new CountDownLatch(1);
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("playground")).scriptTimeout(limit).onConsole(m -> {
      if (m.text().equals("off the cpu")) {
        // the loop thread waits three limits without running (as when the machine gives its core to others)
        LockSupport.parkNanos(3 * limit.toNanos());
      } else if (m.text().equals("spinning")) {
        spinning.countDown();
      }
    })).awaitIdle()) {
      assertThat(s.evaluate("function () { console.log('off the cpu'); return 'finished' }")).isEqualTo("finished");
      assertThat(ranTooLong(s)).isFalse();

      startRunaway(s, spinning);
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(ranTooLong(s)).isTrue();
    } finally {
      busy.set(false);
      for (Thread t : neighbours) {
        t.join();
      }
    }
  }
}
