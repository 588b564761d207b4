package dev.sparrow.apis.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * How media APIs fetch a network URL (images for {@code getImageInfo}, audio streams for players). The session's
 * implementation goes through the network layer's rules (domain list, Referer, concurrency slots).
 */
public interface MediaFetch {
  /** Reads a response body; runs on a worker thread and may block. */
  @FunctionalInterface
  interface BodyReader<T> {
    /** @param contentLength the declared length in bytes, or -1 */
    T read(String contentType, long contentLength, InputStream body) throws IOException;
  }

  /**
   * Fetches {@code url}; a non-2xx status, a bad URL or a transport fault completes the future
   * exceptionally with an {@link IOException}; what the reader throws is passed on as it is.
   * Cancelling the future aborts the transfer.
   */
  <T> CompletableFuture<T> fetch(String url, BodyReader<T> reader);

  /** True for the URLs this fetch handles ({@code http://} and {@code https://}). */
  static boolean isNetworkUrl(String url) {
    return url != null && (url.startsWith("http://") || url.startsWith("https://"));
  }
}
