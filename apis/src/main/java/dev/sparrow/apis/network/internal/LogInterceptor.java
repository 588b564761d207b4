package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.TrafficLog;
import java.io.FilterInputStream;
import java.io.IOException;

/**
 * First link: notes the response head and counts body bytes into the task's traffic record (kept
 * on its {@link Control}); the task ends the record with its outcome. Request sizes are counted by
 * the transport's progress.
 */
public final class LogInterceptor implements Interceptor {
  private final Dialer dialer;

  public LogInterceptor(Dialer dialer) {
    this.dialer = dialer;
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    TrafficLog.Record record = (TrafficLog.Record) req.control().trace();
    WireResponse resp = chain.proceed(req);
    if (record == null) {
      return resp;
    }
    Dialer.Target t = dialer.target(resp.url());
    record.headers(resp.status(), resp.protocol(), t.mappedTo(dialer.mapped(resp.url())));
    return resp.withBody(new FilterInputStream(resp.body()) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          record.addReceived(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          record.addReceived(n);
        }
        return n;
      }
    });
  }

  @Override
  public String toString() {
    return "LogInterceptor";
  }

}
