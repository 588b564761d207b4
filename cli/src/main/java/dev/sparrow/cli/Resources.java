package dev.sparrow.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * What a command holds open (servers, sessions, throw-away folders), closed once and newest first:
 * when the command line has run, or earlier by the process's shutdown hook when it is stopped
 * (Ctrl-C, SIGTERM). Whichever comes second waits for the first to finish, so the process ends only
 * after everything is closed.
 */
final class Resources implements AutoCloseable {
  private final Deque<AutoCloseable> held = new ArrayDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  /** Holds {@code resource} until {@link #close()}; once stopping, closes it at once and throws. */
  synchronized <T extends AutoCloseable> T hold(T resource) {
    if (closing) {
      closeQuietly(resource);
      throw new IllegalStateException("stopping");
    }
    held.push(resource);
    return resource;
  }

  /** Blocks until {@link #close()} (a headless run waits here until it is stopped). */
  void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    closing = true;
    while (!held.isEmpty()) {
      closeQuietly(held.pop());
    }
    closed.countDown();
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // stopping goes on: the rest still closes
    }
  }
}
