package dev.sparrow.apis.media.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Daemon threads for one session's blocking work (media decoding, copying, stream reads; documents opening). Threads are made on demand
 * and end after 10 s idle, so an idle session holds none; {@link #close} stops them with the session.
 */
public final class MediaWorkers implements Executor, AutoCloseable {
  private static final int MAX_THREADS = 64;
  private static final long IDLE_SECONDS = 10;

  private final ExecutorService pool = new ThreadPoolExecutor(0, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "sparrow-media");
        t.setDaemon(true);
        return t;
      });

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
