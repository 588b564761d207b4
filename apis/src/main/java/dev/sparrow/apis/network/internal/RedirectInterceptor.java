package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.DomainRules;
import dev.sparrow.apis.network.NetworkPolicy;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code redirect: 'follow'} (default): follows 301/302/303/307/308 up to the policy's limit (20,
 * Chromium's), across hosts, like the client's network stack does, but with {@code urlCheck} on each
 * hop must pass the family's domain list as the first URL did (https, listed host and port), else
 * {@code url not in domain list} (600002) before anything is sent there; 303, and 301/302 after a POST,
 * become GET without body; Authorization and Cookie are not carried to another origin. Past the
 * limit: {@code net::ERR_TOO_MANY_REDIRECTS} (errno 600008). {@code 'manual'}: the 3xx is the
 * response.
 */
public final class RedirectInterceptor implements Interceptor {
  private final NetworkPolicy policy;

  public RedirectInterceptor(NetworkPolicy policy) {
    this.policy = policy;
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    for (int hops = 0; ; hops++) {
      WireResponse resp = chain.proceed(req);
      String location = resp.headers().get("Location");
      if (!req.followRedirects() || location == null || !isRedirect(resp.status())) {
        return resp;
      }
      resp.close();
      if (hops >= policy.maxRedirects()) {
        throw new NetException("ERR_TOO_MANY_REDIRECTS");
      }
      URI next;
      try {
        next = req.url().resolve(location.trim());
      } catch (IllegalArgumentException e) {
        throw new NetException("ERR_INVALID_REDIRECT");
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
        throw new NetException("ERR_UNSAFE_REDIRECT");
      }
      if (policy.verifyDomains()) {
        DomainRules.check(req.family(), next.toString(), policy);
      }
      int s = resp.status();
      if (s == 303 && !req.method().equals("HEAD") || (s == 301 || s == 302) && req.method().equals("POST")) {
        req = req.withMethod("GET", null).withHeaders(req.headers().without("content-type"));
      }
      if (!sameOrigin(req.url(), next)) {
        req = req.withHeaders(req.headers().without("Authorization").without("Cookie"));
      }
      req = req.withUrl(next);
    }
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort();
  }

  @Override
  public String toString() {
    return "RedirectInterceptor";
  }
}
