package dev.sparrow.demo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code https://cdn.example.com/…}: the demo's pictures, music and documents ({@link Assets}),
 * with {@code Accept-Ranges: bytes} and single-range answers ({@link ByteRanges}) as audio players
 * need for seeking, an {@code ETag} and {@code If-None-Match} revalidation.
 */
final class CdnSite extends Handler.Abstract {
  private final Assets assets;
  private final Received received;
  private final Map<String, String> etags = new ConcurrentHashMap<>();

  CdnSite(Assets assets, Received received) {
    this.assets = assets;
    this.received = received;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    String range = request.getHeaders().get(HttpHeader.RANGE);
    var asset = assets.asset(path);
    if (asset.isEmpty()) {
      note(method, path, range, 404);
      Responses.text(response, callback, 404, "text/plain;charset=utf-8", "404 Not Found: " + path);
      return true;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      note(method, path, range, 405);
      Responses.text(response, callback, 405, "text/plain;charset=utf-8", "405 Method Not Allowed");
      return true;
    }
    byte[] body = assets.bytes(path);
    String etag = etags.computeIfAbsent(path, p -> "\"" + md5(body) + "\"");
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=86400");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.get().contentType());
    if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
      note(method, path, range, 304);
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    ByteRanges.Answer a = ByteRanges.of(range, body.length);
    if (a instanceof ByteRanges.Unsatisfiable) {
      note(method, path, range, 416);
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + body.length);
      Responses.text(response, callback, 416, "text/plain;charset=utf-8", "416 Range Not Satisfiable");
      return true;
    }
    int status = 200;
    int from = 0;
    int length = body.length;
    if (a instanceof ByteRanges.Partial p) {
      status = 206;
      from = (int) p.range().first();
      length = (int) p.range().length();
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, p.range().contentRange(body.length));
    }
    note(method, path, range, status);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    if (method.equals("HEAD")) {
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(body, from, length), callback);
    }
    return true;
  }

  private void note(String method, String path, String range, int status) {
    received.fetch(new Received.Fetch(method, path, range, status));
  }

  private static String md5(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
