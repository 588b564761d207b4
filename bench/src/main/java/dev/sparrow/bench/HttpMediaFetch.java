package dev.sparrow.bench;

import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.apis.media.internal.MediaWorkers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link MediaFetch} over the JDK HttpClient with no domain policy: {@code MediaBench} measures the media readers
 * against a plain client (the product fetches through the session's network rules, {@code NetworkMediaFetch}).
 * Bodies are read on the given workers.
 */
public final class HttpMediaFetch implements MediaFetch {
  private final MediaWorkers workers;
  private final HttpClient client;

  HttpMediaFetch(MediaWorkers workers) {
    this.workers = workers;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .executor(workers)
        .build();
  }

  @Override
  public <T> CompletableFuture<T> fetch(String url, BodyReader<T> reader) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new IOException("bad url " + url, e));
    }
    AtomicReference<InputStream> body = new AtomicReference<>();
    CompletableFuture<T> result = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenApplyAsync(response -> {
          try (InputStream in = response.body()) {
            body.set(in);
            if (response.statusCode() / 100 != 2) {
              throw new IOException("HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("content-type").orElse("");
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            return reader.read(type, length, in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, workers);
    CompletableFuture<T> out = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        InputStream in = body.get();
        if (in != null) {
          try {
            in.close();
          } catch (IOException ignored) {
            // aborting anyway
          }
        }
        result.cancel(true);
        return super.cancel(mayInterruptIfRunning);
      }
    };
    result.whenComplete((v, t) -> {
      if (t == null) {
        out.complete(v);
      } else {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof UncheckedIOException u) {
          cause = u.getCause();
        }
        out.completeExceptionally(cause instanceof IOException || cause instanceof RuntimeException ? cause : new IOException(cause));
      }
    });
    return out;
  }
}
