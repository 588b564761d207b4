package dev.sparrow.apis.device;

/**
 * A session's sense of time. Everything time-based in Sparrow (timers, media positions, file
 * creation times, toast durations) reads this, so a test can swap in a {@link VirtualClock}.
 */
public interface Clock {
  /** Milliseconds since the Unix epoch, as the session sees it. */
  long epochMillis();

  /** The machine's clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
