package dev.sparrow.view.wxs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends WXS calls that run too long: {@link #arm} schedules the cancel of a context, the returned handle disarms it
 * when the call returns in time. WeChat documents no limit for WXS; a page stuck in a WXS loop would hang its
 * webview, so Sparrow cancels the page's WXS context after {@link #DEFAULT_LIMIT_MS} and renders on (chosen,
 * docs/decisions.md).
 *
 * <p>Whoever creates one owns it: a session makes one for all its pages and closes it with the session; a view
 * opened without one makes its own. The timer thread starts on the first call and stops at {@link #close}.
 */
public final class WxsWatchdog implements AutoCloseable {
  /** Longest a single WXS call (or module top level) may run before the page's WXS context is cancelled. */
  public static final long DEFAULT_LIMIT_MS = 2_000;

  private final String threadName;
  private final long limitMillis;
  private ScheduledExecutorService timer;
  private boolean closed;

  /** A watchdog whose timer thread (a daemon) is called {@code threadName}; calls may run {@code limitMillis}. */
  public WxsWatchdog(String threadName, long limitMillis) {
    if (limitMillis <= 0) {
      throw new IllegalArgumentException("WXS time limit must be positive: " + limitMillis);
    }
    this.threadName = threadName;
    this.limitMillis = limitMillis;
  }

  /** The default limit, timer thread {@code sparrow-wxs-watchdog}. */
  public WxsWatchdog() {
    this("sparrow-wxs-watchdog", DEFAULT_LIMIT_MS);
  }

  public long limitMillis() {
    return limitMillis;
  }

  /** Runs {@code cancel} on the timer thread once the limit has passed, unless the handle is disarmed first. */
  public synchronized Disarm arm(Runnable cancel) {
    if (closed) {
      throw new IllegalStateException("WXS watchdog closed");
    }
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
      });
    }
    ScheduledFuture<?> due = timer.schedule(cancel, limitMillis, TimeUnit.MILLISECONDS);
    return () -> due.cancel(false);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  /** Stops one armed limit. */
  @FunctionalInterface
  public interface Disarm extends AutoCloseable {
    @Override
    void close();
  }
}
