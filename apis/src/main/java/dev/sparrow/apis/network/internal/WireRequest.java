package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.Family;
import dev.sparrow.apis.network.Headers;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A request as the chain passes it on. {@code url} is always the URL the page wrote (after query
 * serialisation and redirects): host mapping happens only when the transport dials.
 *
 * @param body parts sent in order, each a {@code byte[]} or a {@link Path}; null for none
 */
public record WireRequest(Family family, String method, URI url, Headers headers, List<Object> body, boolean http2,
    boolean followRedirects, boolean cache, Control control) {

  public WireRequest {
    body = body == null ? null : List.copyOf(body);
  }

  public WireRequest withUrl(URI u) {
    return new WireRequest(family, method, u, headers, body, http2, followRedirects, cache, control);
  }

  public WireRequest withHeaders(Headers h) {
    return new WireRequest(family, method, url, h, body, http2, followRedirects, cache, control);
  }

  public WireRequest withMethod(String m, List<Object> b) {
    return new WireRequest(family, m, url, headers, b, http2, followRedirects, cache, control);
  }

  /** Total body length in bytes (0 without body). */
  public long bodyLength() {
    if (body == null) {
      return 0;
    }
    long n = 0;
    for (Object part : body) {
      n += part instanceof byte[] b ? b.length : ((Path) part).toFile().length();
    }
    return n;
  }
}
