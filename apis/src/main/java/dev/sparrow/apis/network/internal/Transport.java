package dev.sparrow.apis.network.internal;

import java.io.IOException;

/**
 * The last link: HTTP/1.1 on Sparrow's own client, or HTTP/2 on the JDK client when the page asked
 * for {@code enableHttp2} (a host-mapped origin always speaks HTTP/1.1, see docs/decisions.md).
 */
public final class Transport implements Interceptor, AutoCloseable {
  private final Dialer dialer;
  private final Http1Transport http1;
  private final Http2Transport http2;

  public Transport(Dialer dialer) {
    this.dialer = dialer;
    this.http1 = new Http1Transport(dialer);
    this.http2 = new Http2Transport(dialer);
  }

  public Dialer dialer() {
    return dialer;
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    return req.http2() && !dialer.mapped(req.url()) ? http2.send(req) : http1.intercept(chain);
  }

  public int idleConnections() {
    return http1.idleConnections();
  }

  @Override
  public void close() {
    http1.close();
    http2.close();
  }

  @Override
  public String toString() {
    return "Transport";
  }
}
