package dev.sparrow.apis.media;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.device.Scheduler;
import java.util.concurrent.Executor;

/**
 * The session thread as media sees it: its clock, its timers, a way to run work on it, and a mark
 * for I/O in flight (a download keeps the session busy; waiting for the clock or a person does not).
 */
public interface MediaLoop extends Scheduler, Executor {
  Clock clock();

  /** Marks an operation in flight; run the returned action exactly once when it ends. */
  Runnable beginIo();
}
