package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code enableHttp2}: the JDK client, which speaks h2 over TLS (ALPN) and h2c by upgrade on
 * http://. HTTP/2 header names are lower case by protocol, so nothing is lost there. Redirects are
 * the chain's job ({@code Redirect.NEVER}); the whole-request deadline cancels the exchange.
 */
final class Http2Transport implements AutoCloseable {
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

  private final Dialer dialer;
  private HttpClient client;

  Http2Transport(Dialer dialer) {
    this.dialer = dialer;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_2)
          .followRedirects(HttpClient.Redirect.NEVER)
          .sslContext(dialer.sslContext())
          .build();
    }
    return client;
  }

  WireResponse send(WireRequest req) throws IOException {
    dialer.refuseControl(dialer.target(req.url()));
    Control control = req.control();
    HttpRequest.Builder b = HttpRequest.newBuilder(req.url()).version(HttpClient.Version.HTTP_2);
    for (Headers.Field f : req.headers().fields()) {
      if (!RESTRICTED.contains(f.name().toLowerCase(Locale.ROOT))) {
        b.header(f.name(), f.value());
      }
    }
    b.method(req.method(), publisher(req));
    Timing timing = control.timing();
    timing.requestStart = Timing.now(); // the JDK client connects and sends out of sight: one span for all
    CompletableFuture<HttpResponse<InputStream>> future = client().sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    control.onCancel(() -> future.cancel(true));
    HttpResponse<InputStream> resp;
    try {
      resp = future.get();
    } catch (CancellationException e) {
      throw new Control.Cancelled(control.cancelReason());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Control.Cancelled("abort");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    InputStream body = resp.body();
    control.onCancel(() -> Dialer.closeQuietly(body));
    control.sent(req.bodyLength());
    List<Headers.Field> fields = new ArrayList<>();
    resp.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        values.forEach(v -> fields.add(new Headers.Field(name, v)));
      }
    });
    String protocol = resp.version() == HttpClient.Version.HTTP_2 ? "h2" : "http1.1";
    timing.requestEnd = timing.responseStart = Timing.now();
    timing.protocol = protocol;
    timing.sendBytesCount = req.bodyLength();
    timing.port = dialer.target(req.url()).port();
    return new WireResponse(resp.statusCode(), "", Headers.of(fields), protocol, req.url(), body);
  }

  private static HttpRequest.BodyPublisher publisher(WireRequest req) throws IOException {
    if (req.body() == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    for (Object part : req.body()) {
      parts.add(part instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes) : HttpRequest.BodyPublishers.ofFile((Path) part));
    }
    return parts.size() == 1 ? parts.get(0) : HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
  }

  @Override
  public synchronized void close() {
    if (client instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // JDK 21+ only; on 17 the client's thread ends once it is unreachable
      }
    }
    client = null;
  }
}
