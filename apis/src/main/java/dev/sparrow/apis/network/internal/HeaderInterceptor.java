package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.Family;
import dev.sparrow.apis.network.NetworkPolicy;
import java.io.IOException;

/**
 * Turns the page's headers into the wire's: the fixed {@code Referer}
 * ({@code https://servicewechat.com/{appid}/{version}/page-frame.html}, whatever the page wrote),
 * a User-Agent unless the page set one, and for {@code wx.request} the default {@code content-type:
 * application/json}. Forbidden page headers were already dropped by {@link
 * dev.sparrow.apis.network.RequestRules#pageHeaders}.
 */
public final class HeaderInterceptor implements Interceptor {
  private final NetworkPolicy policy;

  public HeaderInterceptor(NetworkPolicy policy) {
    this.policy = policy;
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    var h = req.headers().without("Referer");
    if (req.family() == Family.REQUEST && !h.has("content-type")) {
      h = h.with("content-type", "application/json");
    }
    if (!h.has("User-Agent")) {
      h = h.with("User-Agent", policy.userAgent());
    }
    h = h.with("Referer", policy.referer());
    return chain.proceed(req.withHeaders(h));
  }

  @Override
  public String toString() {
    return "HeaderInterceptor";
  }
}
