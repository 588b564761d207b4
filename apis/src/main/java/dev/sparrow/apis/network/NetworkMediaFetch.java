package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.media.MediaFetch;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The media families' fetch ({@link MediaFetch}: images for {@code getImageInfo}, audio sources)
 * through the session's network: the downloadFile domain list, a slot of the 10, the Referer, host
 * mapping, the deadline and the traffic log. A non-2xx status and any network or policy failure
 * complete the future with an {@link IOException} carrying WeChat's reason; what the reader throws
 * is passed on unchanged; cancelling aborts the task.
 */
public final class NetworkMediaFetch implements MediaFetch {
  private final Network network;

  public NetworkMediaFetch(Network network) {
    this.network = network;
  }

  @Override
  public <T> CompletableFuture<T> fetch(String url, BodyReader<T> reader) {
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    HttpTask<T> task;
    try {
      task = network.stream(Family.DOWNLOAD, url, Map.of(), (status, headers, body, t) -> {
        if (status / 100 != 2) {
          IOException notOk = new IOException("HTTP " + status);
          readerFailure.set(notOk);
          throw notOk;
        }
        String length = headers.get("Content-Length");
        try {
          return reader.read(headers.get("Content-Type") == null ? "" : headers.get("Content-Type"),
              length == null ? -1 : Long.parseLong(length.trim()), body);
        } catch (IOException | RuntimeException e) {
          readerFailure.set(e);
          throw e;
        }
      });
    } catch (ApiFailure f) {
      return CompletableFuture.failedFuture(new IOException(f.reason()));
    }
    CompletableFuture<T> out = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        task.abort();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    task.result().whenComplete((v, e) -> {
      if (e == null) {
        out.complete(v);
        return;
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      Throwable fromReader = readerFailure.get();
      out.completeExceptionally(fromReader != null ? fromReader
          : new IOException(cause instanceof ApiFailure f ? f.reason() : String.valueOf(cause)));
    });
    return out;
  }
}
