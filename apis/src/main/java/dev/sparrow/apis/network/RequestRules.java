package dev.sparrow.apis.network;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code wx.request}'s parameter and payload rules (spec network.md §2, §2.1, §6) as pure
 * functions: the method, the headers a page may send, how {@code data} becomes a query string or a
 * body, and how a response body becomes {@code res.data}.
 *
 * <p>Serialisation of {@code data} (the base library's rule, with the spec's open points decided
 * in docs/decisions.md):
 *
 * <ul>
 *   <li>a string is sent as is: appended to the URL for GET/HEAD, else the UTF-8 body;
 *   <li>an ArrayBuffer is the raw body whatever the method;
 *   <li>an object for GET/HEAD becomes {@code encodeURIComponent(k)=encodeURIComponent(String(v))}
 *       pairs appended with {@code ?}, or with {@code &} when the URL already has a query; nested
 *       values follow JS {@code String(v)} ({@code [object Object]}, arrays joined with commas);
 *   <li>an object for every other method (POST, PUT, DELETE…) is {@code JSON.stringify(data)}, or the
 *       same pair encoding when the content-type (any header-name case) is {@code
 *       application/x-www-form-urlencoded}.
 * </ul>
 */
public final class RequestRules {
  public static final List<String> METHODS = List.of("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT");

  /**
   * Headers pages cannot set: {@code Referer} is fixed by WeChat; the rest belong to the transport
   * (the JDK client refuses them). They are dropped silently, as WeChat does with Referer.
   */
  public static final Set<String> FORBIDDEN_HEADERS = Set.of("referer", "host", "connection", "content-length", "expect",
      "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

  private static final JsonFactory JSON = new JsonFactory();

  private RequestRules() {}

  /** The request line's method: upper-cased, one of {@link #METHODS}. */
  public static String method(String method) {
    String m = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw ApiFailure.of("parameter error: parameter.method should be one of " + String.join(", ", METHODS) + " instead of " + method + ";",
          Errno.INVALID_PARAMETER);
    }
    return m;
  }

  /**
   * The page's {@code header} object as fields: names as written, values {@code String(v)};
   * forbidden names and fields the wire cannot carry (CR/LF, empty names) dropped.
   */
  public static Headers pageHeaders(Map<String, Object> header) {
    List<Headers.Field> out = new ArrayList<>();
    if (header != null) {
      header.forEach((name, value) -> {
        String v = jsString(value);
        if (!name.isEmpty() && !FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && validToken(name) && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
          out.add(new Headers.Field(name, v));
        }
      });
    }
    return Headers.of(out);
  }

  /** The URL and body to send for {@code data} (see class doc). */
  public record Payload(String url, byte[] body) {}

  public static Payload payload(String method, String url, Headers headers, Object data) {
    boolean query = method.equals("GET") || method.equals("HEAD");
    if (data == null) {
      return new Payload(url, null);
    }
    if (data instanceof byte[] raw) {
      return new Payload(url, raw);
    }
    if (data instanceof String s) {
      return query ? new Payload(appendQuery(url, s), null) : new Payload(url, s.getBytes(StandardCharsets.UTF_8));
    }
    if (query) {
      return new Payload(appendQuery(url, formEncode(data)), null);
    }
    String type = headers.get("content-type");
    boolean form = type != null && type.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded");
    return new Payload(url, (form ? formEncode(data) : JsJson.stringify(data)).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code url} + {@code ?query}, or {@code &query} when it already carries one; before any fragment. */
  public static String appendQuery(String url, String query) {
    if (query.isEmpty()) {
      return url;
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String sep = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return base + sep + query + fragment;
  }

  /** {@code k=v&…} with {@code encodeURIComponent}; a non-object is {@code String(data)}. */
  public static String formEncode(Object data) {
    if (!(data instanceof Map<?, ?> map)) {
      return jsString(data);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() != null && e.getValue().getClass().getName().startsWith("org.graalvm")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(encodeUriComponent(String.valueOf(e.getKey()))).append('=').append(encodeUriComponent(jsString(e.getValue())));
    }
    return sb.toString();
  }

  /** JavaScript's {@code encodeURIComponent}. */
  public static String encodeUriComponent(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("%21", "!").replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
  }

  /** JavaScript's {@code String(v)} for plain data (Map → {@code [object Object]}, List → joined with commas). */
  public static String jsString(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number n) {
      return JsJson.number(n);
    }
    if (v instanceof Map<?, ?>) {
      return "[object Object]";
    }
    if (v instanceof byte[]) {
      return "[object ArrayBuffer]";
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object item = l.get(i);
        sb.append(item == null ? "" : jsString(item));
      }
      return sb.toString();
    }
    return String.valueOf(v);
  }

  /**
   * A response body as text: one leading UTF-8 BOM stripped, decoded as UTF-8 unless the
   * content-type names another charset the JVM knows (best effort, as WeChat converts).
   */
  public static String text(byte[] body, String contentType) {
    int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
    String s = new String(body, start, body.length - start, charset(contentType));
    return start == 0 && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").trim());
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Whether {@code JSON.parse(text)} would succeed (one complete JSON value, whitespace around allowed). */
  public static boolean isJson(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean validToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

}
