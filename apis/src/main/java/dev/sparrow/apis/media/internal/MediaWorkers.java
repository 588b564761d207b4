package dev.sparrow.apis.media.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Daemon threads for blocking media work (decoding, copying, stream reads); they end after 10 s idle. */
public final class MediaWorkers {
  public static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, 64, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
    Thread t = new Thread(r, "sparrow-media");
    t.setDaemon(true);
    return t;
  });

  private MediaWorkers() {}
}
