package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.network.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code enableCache}: a small per-session HTTP cache for GET. A 200 response of at most 4 MiB
 * without {@code no-store} is kept; while fresh ({@code max-age}, in session time) it answers
 * without the network; when stale it is revalidated with {@code If-None-Match}/{@code
 * If-Modified-Since}, and a 304 serves the stored body with status 200. Requests without
 * {@code enableCache} pass straight through.
 */
public final class CacheInterceptor implements Interceptor {
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private static final int MAX_ENTRIES = 256;
  private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

  private record Stored(int status, Headers headers, byte[] body, long storedAt, long maxAgeMillis, String protocol) {}

  private final Clock clock;
  private final Map<String, Stored> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  public CacheInterceptor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public WireResponse intercept(Chain chain) throws IOException {
    WireRequest req = chain.request();
    if (!req.cache() || !req.method().equals("GET")) {
      return chain.proceed(req);
    }
    String key = req.url().toString();
    Stored hit;
    synchronized (entries) {
      hit = entries.get(key);
    }
    if (hit != null && clock.epochMillis() - hit.storedAt < hit.maxAgeMillis) {
      return served(hit, req);
    }
    WireRequest sent = req;
    if (hit != null) {
      String etag = hit.headers.get("ETag");
      String modified = hit.headers.get("Last-Modified");
      if (etag != null) {
        sent = sent.withHeaders(sent.headers().with("If-None-Match", etag));
      }
      if (modified != null) {
        sent = sent.withHeaders(sent.headers().with("If-Modified-Since", modified));
      }
    }
    WireResponse resp = chain.proceed(sent);
    if (resp.status() == 304 && hit != null) {
      resp.close();
      Stored refreshed = new Stored(hit.status, hit.headers, hit.body, clock.epochMillis(), maxAge(resp.headers(), hit.maxAgeMillis), hit.protocol);
      synchronized (entries) {
        entries.put(key, refreshed);
      }
      return served(refreshed, req);
    }
    String cc = String.valueOf(resp.headers().get("Cache-Control")).toLowerCase(Locale.ROOT);
    String length = resp.headers().get("Content-Length");
    if (resp.status() != 200 || cc.contains("no-store") || length == null || Long.parseLong(length.trim()) > MAX_BODY) {
      return resp;
    }
    byte[] body;
    try (InputStream in = resp.body()) {
      body = in.readAllBytes();
    }
    Stored s = new Stored(200, resp.headers(), body, clock.epochMillis(), cc.contains("no-cache") ? 0 : maxAge(resp.headers(), 0), resp.protocol());
    synchronized (entries) {
      entries.put(key, s);
    }
    return resp.withBody(new ByteArrayInputStream(body));
  }

  private static WireResponse served(Stored s, WireRequest req) {
    return new WireResponse(s.status, "OK", s.headers, s.protocol, req.url(), new ByteArrayInputStream(s.body));
  }

  private static long maxAge(Headers h, long otherwise) {
    String cc = h.get("Cache-Control");
    if (cc == null) {
      return otherwise;
    }
    Matcher m = MAX_AGE.matcher(cc.toLowerCase(Locale.ROOT));
    return m.find() ? Long.parseLong(m.group(1)) * 1000 : otherwise;
  }

  @Override
  public String toString() {
    return "CacheInterceptor";
  }
}
