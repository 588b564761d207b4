package dev.sparrow.apis.device;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. The session's event loop advances it timer by timer, so
 * that "advance 60 s" fires every timer due in that minute, in order, at its own instant.
 */
public final class VirtualClock implements Clock {
  /** 2026-01-01T00:00:00Z: a fixed start so that tests are reproducible. */
  public static final long DEFAULT_START = 1_767_225_600_000L;

  private final AtomicLong now;

  public VirtualClock() {
    this(DEFAULT_START);
  }

  public VirtualClock(long startEpochMillis) {
    this.now = new AtomicLong(startEpochMillis);
  }

  @Override
  public long epochMillis() {
    return now.get();
  }

  /** Moves the clock to {@code epochMillis}; time never goes backwards. */
  public void moveTo(long epochMillis) {
    now.accumulateAndGet(epochMillis, Math::max);
  }

  @Override
  public String toString() {
    return "VirtualClock@" + now.get();
  }
}
