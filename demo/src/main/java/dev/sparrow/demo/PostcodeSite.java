package dev.sparrow.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code https://v.juhe.cn/postcode/query}: the postcode stand-in ({@link Postcodes}). Parameters
 * come from the query string and, for POST, from an {@code application/x-www-form-urlencoded}
 * body, as the real service reads them; a JSON body is not read (its key is then missing).
 */
final class PostcodeSite extends Handler.Abstract {
  static final int MAX_BODY = 64 * 1024;
  private final Received received;

  PostcodeSite(Received received) {
    this.received = received;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!Request.getPathInContext(request).equals("/postcode/query")) {
      Responses.json(response, callback, 404, Map.of("resultcode", "404", "reason", "接口地址不存在", "error_code", 404));
      return true;
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      Responses.json(response, callback, 405, Map.of("resultcode", "405", "reason", "请求方式错误", "error_code", 405));
      return true;
    }
    Map<String, String> params = form(request.getHttpURI().getQuery());
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (method.equals("POST") && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      if (request.getLength() > MAX_BODY) {
        Responses.json(response, callback, 413, Map.of("resultcode", "413", "reason", "请求体过大", "error_code", 413));
        return true;
      }
      params.putAll(form(Content.Source.asString(request, StandardCharsets.UTF_8)));
    }
    received.query(new Received.Query(method, Map.copyOf(params)));
    Responses.json(response, callback, 200, Postcodes.answer(params));
    return true;
  }

  /** {@code a=1&b=%E4%B8%AD} → map (first value wins; {@code +} is a space). */
  static Map<String, String> form(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
