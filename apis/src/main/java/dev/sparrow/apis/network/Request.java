package dev.sparrow.apis.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code wx.request} (spec network.md §2): options in, a {@link HttpTask} whose result carries the
 * status, headers (server spelling), {@code Set-Cookie} values and the body — as text, parsed JSON
 * or bytes per {@code dataType}/{@code responseType}. Any HTTP status is a success.
 *
 * <p>With {@code enableChunked} each piece of body goes to {@code onChunkReceived} as it arrives
 * and is not kept: the success result's {@code data} is then empty (see docs/decisions.md).
 */
public final class Request {
  private Request() {}

  /**
   * The page's options, converted.
   *
   * @param data String, byte[] (ArrayBuffer), Map/List (object) or null
   * @param timeout per-call ms, or null
   * @param redirect {@code follow} (default) or {@code manual}
   */
  public record Options(String url, Object data, Map<String, Object> header, Number timeout, String method, String dataType,
      String responseType, boolean enableHttp2, boolean enableCache, boolean enableChunked, String redirect) {

    public static Options get(String url) {
      return new Options(url, null, Map.of(), null, "GET", "json", "text", false, false, false, "follow");
    }
  }

  /**
   * The success result.
   *
   * @param data a String, or byte[] for {@code responseType: 'arraybuffer'}
   * @param json true when {@code data} is JSON text the page gets parsed ({@code dataType: 'json'})
   * @param cookies the raw {@code Set-Cookie} values
   */
  public record Result(int statusCode, Headers header, List<String> cookies, Object data, boolean json, Map<String, Object> profile) {}

  static HttpTask<Result> start(Network net, Options o, HttpEvents events) {
    NetworkPolicy policy = net.policy();
    DomainRules.check(Family.REQUEST, o.url(), policy);
    String method = RequestRules.method(o.method());
    Headers headers = RequestRules.pageHeaders(o.header());
    RequestRules.Payload payload = RequestRules.payload(method, o.url(), headers, o.data());
    URI url = DomainRules.parse(payload.url());
    boolean arrayBuffer = "arraybuffer".equals(o.responseType());
    boolean parseJson = "json".equals(o.dataType() == null ? "json" : o.dataType());
    return net.run(Family.REQUEST, method, url, headers, payload.body() == null ? null : List.of(payload.body()), o.enableHttp2(),
        !"manual".equals(o.redirect()), o.enableCache(), policy.timeoutMillis(Family.REQUEST, o.timeout()), events,
        (status, h, body, task) -> {
          byte[] bytes = o.enableChunked() ? chunks(body, events) : body.readAllBytes();
          Object data;
          boolean json = false;
          if (arrayBuffer) {
            data = bytes;
          } else {
            String text = RequestRules.text(bytes, h.get("Content-Type"));
            json = parseJson && RequestRules.isJson(text);
            data = text;
          }
          return new Result(status, h, h.all("Set-Cookie"), data, json,
              profile(task, bytes.length));
        });
  }

  private static byte[] chunks(InputStream body, HttpEvents events) throws IOException {
    byte[] buf = new byte[16 * 1024];
    int n;
    while ((n = body.read(buf)) > 0) {
      events.chunk(Arrays.copyOf(buf, n));
    }
    return new byte[0];
  }

  /** {@code res.profile} of a finished exchange (see {@link dev.sparrow.apis.network.internal.Timing#profile}). */
  static Map<String, Object> profile(HttpTask<?> task, long received) {
    return task.control().timing().profile(received);
  }
}
