package dev.sparrow.apis.device;

/**
 * Runs a task later on the session's own thread, in session time (see {@link Clock}). The runtime
 * backs this with its event loop's timers, so a virtual clock drives it too.
 */
public interface Scheduler {
  /** Runs {@code task} after {@code delayMillis}; the returned handle cancels it if it has not run. */
  Cancellable schedule(long delayMillis, Runnable task);

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task; harmless if it already ran or was cancelled. */
    void cancel();
  }
}
