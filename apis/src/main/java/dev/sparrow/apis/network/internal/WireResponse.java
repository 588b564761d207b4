package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.Headers;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A response whose body has not been read yet: the consumer streams {@link #body()} and closes it.
 *
 * @param protocol {@code http1.1} or {@code h2} (WeChat's {@code profile.protocol} words)
 * @param url the URL that answered (after redirects), as the page would write it
 */
public record WireResponse(int status, String reason, Headers headers, String protocol, URI url, InputStream body) implements Closeable {
  public WireResponse withBody(InputStream b) {
    return new WireResponse(status, reason, headers, protocol, url, b);
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
