package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.network.internal.Control;
import dev.sparrow.apis.network.internal.NetErrors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One request, upload or download as its page holds it (the Java object behind {@code
 * RequestTask}, {@code UploadTask}, {@code DownloadTask}). {@link #result()} completes once, with
 * the result or an {@link ApiFailure} ({@code abort}, {@code timeout}, {@code net::ERR_…}).
 */
public final class HttpTask<T> {
  private final Family family;
  private final Control control = new Control();
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile Consumer<String> dequeue = reason -> {};

  HttpTask(Family family) {
    this.family = family;
  }

  public Family family() {
    return family;
  }

  /** Completes with the success result, or exceptionally with the page's {@link ApiFailure}. */
  public CompletableFuture<T> result() {
    return result;
  }

  public boolean isDone() {
    return result.isDone();
  }

  /**
   * {@code task.abort()}: a waiting task leaves the queue, a running one has its connection closed;
   * either way the call fails with {@code abort}. No effect once finished.
   */
  public void abort() {
    cancel("abort");
  }

  /**
   * The app stayed in the background too long (spec network.md §1, "Background"): like {@link
   * #abort} but the call fails with {@code interrupted}.
   */
  public void interrupt() {
    cancel("interrupted");
  }

  /** What a task started while the app is in the background fails with at once: {@code interrupted} and its errno. */
  public static ApiFailure interruptedFailure() {
    return NetErrors.cancelled("interrupted");
  }

  private void cancel(String reason) {
    if (result.isDone()) {
      return;
    }
    dequeue.accept(reason);
    control.cancel(reason);
  }

  Control control() {
    return control;
  }

  void onAbortWhileQueued(Consumer<String> r) {
    this.dequeue = r;
  }

  void complete(T value) {
    result.complete(value);
  }

  void fail(ApiFailure f) {
    result.completeExceptionally(f);
  }
}
