package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The "服务器域名" rules (spec network.md §1.1) as pure functions: scheme, whitelist, exact port, IP
 * and localhost hosts. Reasons are the text after {@code "<api>:fail "}.
 *
 * <ol>
 *   <li>The URL must parse with a host, else {@code invalid url} (600009).
 *   <li>With verification off: any http/https (ws/wss for sockets) URL passes.
 *   <li>With verification on, each of these fails with {@code url not in domain list} (600002):
 *       a scheme other than https (wss); an IP or {@code localhost} host unless allowed; {@code
 *       api.weixin.qq.com}; a host not listed for the family (no parent-domain wildcard); for
 *       https, a port that is not exactly the listed one (an entry without port admits only URLs
 *       without port, so even {@code :443} fails). wss URLs may use any port.
 * </ol>
 */
public final class DomainRules {
  public static final String NOT_IN_LIST = "url not in domain list";
  public static final int NOT_IN_LIST_ERRNO = 600002;
  public static final String INVALID_URL = "invalid url";
  public static final int INVALID_URL_ERRNO = 600009;

  private DomainRules() {}

  /** Checks {@code url} for {@code family}; returns it parsed or throws the page's failure. */
  public static URI check(Family family, String url, NetworkPolicy policy) {
    URI u = parse(url);
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    if (!policy.verifyDomains()) {
      if (!scheme.equals(family.secureScheme()) && !scheme.equals(family.plainScheme())) {
        throw ApiFailure.of(INVALID_URL, INVALID_URL_ERRNO);
      }
      return u;
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (!scheme.equals(family.secureScheme())
        || (isIpOrLocalhost(host) && !policy.allowIpHosts())
        || host.equals("api.weixin.qq.com")
        || !listed(family, host, u.getPort(), policy)) {
      throw ApiFailure.of(NOT_IN_LIST, NOT_IN_LIST_ERRNO);
    }
    return u;
  }

  /** Parses a page URL: absolute, with a host; else {@code invalid url}. */
  public static URI parse(String url) {
    try {
      URI u = new URI(url == null ? "" : url.trim());
      if (u.getScheme() == null || u.getHost() == null || u.getHost().isEmpty()) {
        throw ApiFailure.of(INVALID_URL, INVALID_URL_ERRNO);
      }
      return u;
    } catch (URISyntaxException e) {
      throw ApiFailure.of(INVALID_URL, INVALID_URL_ERRNO);
    }
  }

  private static boolean listed(Family family, String host, int port, NetworkPolicy policy) {
    for (String entry : policy.domains(family)) {
      int colon = entry.lastIndexOf(':');
      boolean hasPort = colon > 0 && entry.indexOf(']') < colon;
      String entryHost = hasPort ? entry.substring(0, colon) : entry;
      if (!entryHost.equals(host)) {
        continue;
      }
      if (family == Family.SOCKET) {
        return true;
      }
      if (hasPort ? port == Integer.parseInt(entry.substring(colon + 1)) : port < 0) {
        return true;
      }
    }
    return false;
  }

  /** IPv4/IPv6 literals and {@code localhost}. */
  public static boolean isIpOrLocalhost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("[") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** A configured entry as {@code host} or {@code host:port}, lower case; accepts a URL origin. */
  public static String normaliseEntry(String entry) {
    String e = entry.trim();
    int scheme = e.indexOf("://");
    if (scheme >= 0) {
      e = e.substring(scheme + 3);
    }
    int slash = e.indexOf('/');
    if (slash >= 0) {
      e = e.substring(0, slash);
    }
    if (e.isEmpty()) {
      throw new IllegalArgumentException("empty domain entry: \"" + entry + "\"");
    }
    return e.toLowerCase(Locale.ROOT);
  }
}
