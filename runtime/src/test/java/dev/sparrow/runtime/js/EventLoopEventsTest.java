package dev.sparrow.runtime.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.device.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mark {@code Session.awaitUntil} waits on: an event (posted work, a timer) that finishes while the caller is
 * still checking its condition is not missed, and the check's own calls are no events.
 */
class EventLoopEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final EventLoop loop = new EventLoop("events-test", Clock.system(), t -> {});

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void anEventThatFinishesDuringTheCheckIsSeenAfterIt() throws InterruptedException {
    AtomicBoolean answered = new AtomicBoolean();
    long mark = loop.finishedEvents();
    // the check: a call on the loop, during which another thread's answer is posted and runs
    CountDownLatch ran = new CountDownLatch(1);
    boolean seenInCheck = loop.call(() -> {
      new Thread(() -> loop.post(() -> {
        answered.set(true);
        ran.countDown();
      })).start();
      return answered.get();
    }, WAIT);
    ran.await();
    assertThat(seenInCheck).isFalse();
    assertThat(loop.awaitEventAfter(mark, WAIT)).as("the answer finished after the mark").isTrue();
    assertThat(answered).isTrue();
  }

  @Test
  void theChecksOwnCallsAreNoEvents() {
    assertThat(loop.awaitIdle(WAIT)).isTrue();
    long mark = loop.finishedEvents();
    loop.call(() -> 1, WAIT);
    loop.call(() -> 2, WAIT);
    assertThat(loop.finishedEvents()).isEqualTo(mark);
    loop.post(() -> {});
    assertThat(loop.awaitEventAfter(mark, WAIT)).isTrue();
    assertThat(loop.finishedEvents()).isEqualTo(mark + 1);
  }

  @Test
  void anotherThreadsCallIsAnEvent() throws InterruptedException {
    assertThat(loop.awaitIdle(WAIT)).isTrue();
    long mark = loop.finishedEvents();
    Thread server = new Thread(() -> loop.call(() -> 1, WAIT)); // a browser connecting renders through a call
    server.start();
    server.join();
    assertThat(loop.awaitEventAfter(mark, WAIT)).isTrue();
  }
}
