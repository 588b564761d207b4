package dev.sparrow.apis.network;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Routes an origin the page uses to another server, for tests and offline demos ({@code
 * --host-map https://www.baidu.com=http://127.0.0.1:8080}). It works as a resolver, not as a URL
 * rewrite: the whitelist checks, the {@code Host} header, the Referer, the TLS server name and the
 * traffic log all keep the URL the page wrote; only the TCP connection goes to the target, and the
 * target's scheme decides whether the wire speaks TLS.
 *
 * <p>{@code http}/{@code ws} and {@code https}/{@code wss} are the same origin here, so one entry
 * serves both requests and sockets of a host.
 */
public final class HostMap {
  public static final HostMap EMPTY = new HostMap(List.of());

  /**
   * One entry.
   *
   * @param secure whether the page's origin is https/wss
   * @param host the page's host, lower case
   * @param port the page's effective port (443/80 when the URL has none)
   * @param targetSecure whether the target speaks TLS
   * @param targetHost the target's host or IP
   * @param targetPort the target's port
   */
  public record Route(boolean secure, String host, int port, boolean targetSecure, String targetHost, int targetPort) {
    @Override
    public String toString() {
      return (secure ? "https" : "http") + "://" + host + ":" + port + "=" + (targetSecure ? "https" : "http") + "://" + targetHost + ":" + targetPort;
    }
  }

  private final List<Route> routes;

  private HostMap(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Parses entries {@code FROM=TO}, each an origin such as {@code https://api.example.com} or {@code http://127.0.0.1:8080}. */
  public static HostMap parse(List<String> entries) {
    HostMap map = EMPTY;
    for (String e : entries) {
      int eq = e.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("host map entry \"" + e + "\" is not FROM=TO");
      }
      map = map.with(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
    }
    return map;
  }

  /** A copy with one more entry (a later entry for the same origin wins). */
  public HostMap with(String from, String to) {
    URI f = origin(from);
    URI t = origin(to);
    boolean fs = secure(f);
    boolean ts = secure(t);
    Route r = new Route(fs, f.getHost().toLowerCase(Locale.ROOT), port(f, fs), ts, t.getHost(), port(t, ts));
    List<Route> out = new ArrayList<>();
    for (Route existing : routes) {
      if (!(existing.secure == r.secure && existing.host.equals(r.host) && existing.port == r.port)) {
        out.add(existing);
      }
    }
    out.add(r);
    return new HostMap(out);
  }

  public List<Route> routes() {
    return routes;
  }

  public boolean isEmpty() {
    return routes.isEmpty();
  }

  /** The route for the page's URL, if its origin is mapped. */
  public Optional<Route> find(URI url) {
    if (routes.isEmpty() || url.getHost() == null) {
      return Optional.empty();
    }
    boolean s = secure(url);
    int p = port(url, s);
    String h = url.getHost().toLowerCase(Locale.ROOT);
    return routes.stream().filter(r -> r.secure == s && r.port == p && r.host.equals(h)).findFirst();
  }

  /** {@code true} for https and wss. */
  public static boolean secure(URI u) {
    String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("wss");
  }

  private static int port(URI u, boolean secure) {
    return u.getPort() >= 0 ? u.getPort() : secure ? 443 : 80;
  }

  private static URI origin(String s) {
    URI u;
    try {
      u = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an origin: " + s, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss"))) {
      throw new IllegalArgumentException("not an http(s)/ws(s) origin: " + s);
    }
    return u;
  }
}
