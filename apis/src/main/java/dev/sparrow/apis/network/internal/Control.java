package dev.sparrow.apis.network.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Cancellation and progress of one network task, shared by every link that touches it. {@link
 * #cancel} (abort or deadline) is first-wins and runs the registered hooks, which close sockets
 * and streams so that blocked I/O ends at once.
 */
public final class Control {
  private final List<Runnable> hooks = new ArrayList<>();
  private volatile String cancelReason;
  private volatile LongConsumer sent = n -> {};
  private volatile Object trace;
  private final Timing timing = new Timing();

  /** Runs {@code hook} when the task is cancelled (at once if it already is). */
  public void onCancel(Runnable hook) {
    synchronized (hooks) {
      if (cancelReason == null) {
        hooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  /** Cancels with WeChat's reason ({@code abort}, {@code timeout}); false if already cancelled or finished. */
  public boolean cancel(String reason) {
    List<Runnable> run;
    synchronized (hooks) {
      if (cancelReason != null) {
        return false;
      }
      cancelReason = reason;
      run = new ArrayList<>(hooks);
      hooks.clear();
    }
    for (Runnable r : run) {
      try {
        r.run();
      } catch (RuntimeException ignored) {
        // closing a socket twice and the like
      }
    }
    return true;
  }

  /** Drops the hooks once the task is over (so nothing it held is kept alive). */
  public void finish() {
    synchronized (hooks) {
      hooks.clear();
      if (cancelReason == null) {
        cancelReason = "";
      }
    }
  }

  /** The reason given to {@link #cancel}, null while running, "" once finished normally. */
  public String cancelReason() {
    return cancelReason;
  }

  public boolean isCancelled() {
    String r = cancelReason;
    return r != null && !r.isEmpty();
  }

  /** Throws {@link Cancelled} if the task was cancelled. */
  public void check() throws Cancelled {
    if (isCancelled()) {
      throw new Cancelled(cancelReason);
    }
  }

  /** Upload progress: bytes of the request body written so far. */
  public void onSent(LongConsumer listener) {
    this.sent = listener;
  }

  public void sent(long bytes) {
    sent.accept(bytes);
  }

  /** When this task's phases happened ({@code res.profile}). */
  public Timing timing() {
    return timing;
  }

  /** The traffic-log record of this task (set by the log link). */
  public Object trace() {
    return trace;
  }

  public void trace(Object t) {
    this.trace = t;
  }

  /** Thrown where I/O stopped because the task was cancelled; carries the reason. */
  public static final class Cancelled extends IOException {
    private static final long serialVersionUID = 1L;

    public Cancelled(String reason) {
      super(reason, null);
    }
  }
}
