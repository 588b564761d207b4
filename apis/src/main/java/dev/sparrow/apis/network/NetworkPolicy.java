package dev.sparrow.apis.network;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * One session's network rules (spec network.md §1), immutable; build with {@link #builder(String)}.
 *
 * <ul>
 *   <li>domain lists per {@link Family} and the "do not verify domains" switch (DevTools' checkbox,
 *       {@code project.config.json setting.urlCheck}); IP and {@code localhost} hosts only with
 *       {@link Builder#allowIpHosts};
 *   <li>the fixed {@code Referer} {@code https://servicewechat.com/{appid}/{version}/page-frame.html};
 *   <li>limits: 10 request/upload/download tasks ({@link OverLimit#QUEUE} or legacy {@link
 *       OverLimit#FAIL}), 5 sockets, 200 MiB per download, 20 redirects;
 *   <li>timeouts: per call, else app.json {@code networkTimeout}, else 60 s, optionally capped;
 *   <li>host mapping ({@link HostMap}) and the TLS trust ({@link SSLContext}).
 * </ul>
 */
public final class NetworkPolicy {
  /** What a task does when the 10 slots are taken. */
  public enum OverLimit {
    /** Waits in FIFO order (current clients; {@code profile.queueStart/queueEnd}). */
    QUEUE,
    /** Fails at once: {@code exceed max task count}, errno 600007 (older clients, DevTools). */
    FAIL
  }

  public static final long DEFAULT_TIMEOUT_MS = 60_000;
  public static final long DEFAULT_DOWNLOAD_LIMIT = 200L * 1024 * 1024;

  private final String appId;
  private final String refererVersion;
  private final boolean verifyDomains;
  private final boolean allowIpHosts;
  private final Map<Family, List<String>> domains;
  private final int maxTasks;
  private final int maxSockets;
  private final OverLimit overLimit;
  private final long downloadLimit;
  private final int maxRedirects;
  private final long closingHandshakeMillis;
  private final ControlPorts controlPorts;
  private final Map<String, Long> appTimeouts;
  private final long timeoutCap;
  private final HostMap hostMap;
  private final SSLContext sslContext;
  private final String userAgent;

  private NetworkPolicy(Builder b) {
    this.appId = b.appId;
    this.refererVersion = b.refererVersion;
    this.verifyDomains = b.verifyDomains;
    this.allowIpHosts = b.allowIpHosts;
    Map<Family, List<String>> d = new EnumMap<>(Family.class);
    b.domains.forEach((k, v) -> d.put(k, List.copyOf(v)));
    this.domains = d;
    this.maxTasks = b.maxTasks;
    this.maxSockets = b.maxSockets;
    this.overLimit = b.overLimit;
    this.downloadLimit = b.downloadLimit;
    this.maxRedirects = b.maxRedirects;
    this.closingHandshakeMillis = b.closingHandshakeMillis;
    this.controlPorts = b.controlPorts;
    this.appTimeouts = Map.copyOf(b.appTimeouts);
    this.timeoutCap = b.timeoutCap;
    this.hostMap = b.hostMap;
    this.sslContext = b.sslContext;
    this.userAgent = b.userAgent;
  }

  public static Builder builder(String appId) {
    return new Builder(appId);
  }

  public Builder toBuilder() {
    Builder b = new Builder(appId);
    b.refererVersion = refererVersion;
    b.verifyDomains = verifyDomains;
    b.allowIpHosts = allowIpHosts;
    domains.forEach((k, v) -> b.domains.put(k, new ArrayList<>(v)));
    b.maxTasks = maxTasks;
    b.maxSockets = maxSockets;
    b.overLimit = overLimit;
    b.downloadLimit = downloadLimit;
    b.maxRedirects = maxRedirects;
    b.closingHandshakeMillis = closingHandshakeMillis;
    b.controlPorts = controlPorts;
    b.appTimeouts.putAll(appTimeouts);
    b.timeoutCap = timeoutCap;
    b.hostMap = hostMap;
    b.sslContext = sslContext;
    b.userAgent = userAgent;
    return b;
  }

  public String appId() {
    return appId;
  }

  /** {@code https://servicewechat.com/{appid}/{version}/page-frame.html}. */
  public String referer() {
    return "https://servicewechat.com/" + appId + "/" + refererVersion + "/page-frame.html";
  }

  public boolean verifyDomains() {
    return verifyDomains;
  }

  public boolean allowIpHosts() {
    return allowIpHosts;
  }

  /** The configured domains of {@code family} ({@code host} or {@code host:port}). */
  public List<String> domains(Family family) {
    return domains.getOrDefault(family, List.of());
  }

  public int maxTasks() {
    return maxTasks;
  }

  public int maxSockets() {
    return maxSockets;
  }

  public OverLimit overLimit() {
    return overLimit;
  }

  public long downloadLimit() {
    return downloadLimit;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  /** Ports of Sparrow's own servers, never dialled for page code (shared and growing: front-ends add theirs). */
  public ControlPorts controlPorts() {
    return controlPorts;
  }

  /** How long a closing socket waits for the server's close frame before dropping the connection (1006). */
  public long closingHandshakeMillis() {
    return closingHandshakeMillis;
  }

  /**
   * The timeout of one call: {@code perCall} if positive, else app.json {@code
   * networkTimeout.<api>}, else 60 s; never above the cap when one is set.
   */
  public long timeoutMillis(Family family, Number perCall) {
    long t = perCall != null && perCall.doubleValue() > 0 ? (long) Math.ceil(perCall.doubleValue()) : appTimeouts.getOrDefault(family.api(), DEFAULT_TIMEOUT_MS);
    if (t <= 0) {
      t = DEFAULT_TIMEOUT_MS;
    }
    return timeoutCap > 0 ? Math.min(t, timeoutCap) : t;
  }

  public HostMap hostMap() {
    return hostMap;
  }

  /** The TLS trust for https/wss; null for the JDK's default. */
  public SSLContext sslContext() {
    return sslContext;
  }

  public String userAgent() {
    return userAgent;
  }

  /** Builds a {@link NetworkPolicy}; every setting has WeChat's default. */
  public static final class Builder {
    private final String appId;
    private String refererVersion = "devtools";
    private boolean verifyDomains = true;
    private boolean allowIpHosts;
    private final Map<Family, List<String>> domains = new EnumMap<>(Family.class);
    private int maxTasks = 10;
    private int maxSockets = 5;
    private OverLimit overLimit = OverLimit.QUEUE;
    private long downloadLimit = DEFAULT_DOWNLOAD_LIMIT;
    private int maxRedirects = 20;
    private long closingHandshakeMillis = 5_000;
    private ControlPorts controlPorts = new ControlPorts();
    private final Map<String, Long> appTimeouts = new LinkedHashMap<>();
    private long timeoutCap;
    private HostMap hostMap = HostMap.EMPTY;
    private SSLContext sslContext;
    private String userAgent = "Mozilla/5.0 (Linux; Sparrow) AppleWebKit/537.36 (KHTML, like Gecko) MicroMessenger/8.0.50 MiniProgramEnv/Sparrow";

    private Builder(String appId) {
      this.appId = Objects.requireNonNull(appId, "appId");
    }

    /** {@code {version}} in the Referer: {@code devtools} (default), {@code 0} for develop/trial, or a release number. */
    public Builder refererVersion(String version) {
      this.refererVersion = Objects.requireNonNull(version);
      return this;
    }

    /** Whether the whitelist, https/wss and port rules apply (default true). */
    public Builder verifyDomains(boolean verify) {
      this.verifyDomains = verify;
      return this;
    }

    /** Lets IP and {@code localhost} hosts pass the whitelist when listed (default false). */
    public Builder allowIpHosts(boolean allow) {
      this.allowIpHosts = allow;
      return this;
    }

    /** Adds domains to {@code family}'s list: {@code api.example.com}, {@code api.example.com:8443} or a URL origin. */
    public Builder allowDomains(Family family, String... entries) {
      List<String> list = domains.computeIfAbsent(family, k -> new ArrayList<>());
      for (String e : entries) {
        list.add(DomainRules.normaliseEntry(e));
      }
      return this;
    }

    public Builder maxTasks(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxTasks < 1: " + max);
      }
      this.maxTasks = max;
      return this;
    }

    public Builder maxSockets(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSockets < 1: " + max);
      }
      this.maxSockets = max;
      return this;
    }

    public Builder overLimit(OverLimit mode) {
      this.overLimit = Objects.requireNonNull(mode);
      return this;
    }

    /** Largest download in bytes (default 200 MiB). */
    public Builder downloadLimit(long bytes) {
      this.downloadLimit = bytes;
      return this;
    }

    /** See {@link NetworkPolicy#controlPorts()}. */
    public Builder controlPorts(ControlPorts ports) {
      this.controlPorts = Objects.requireNonNull(ports);
      return this;
    }

    /** See {@link NetworkPolicy#closingHandshakeMillis()}; 5 s by default (docs/decisions.md). */
    public Builder closingHandshake(long millis) {
      this.closingHandshakeMillis = millis;
      return this;
    }

    public Builder maxRedirects(int max) {
      this.maxRedirects = max;
      return this;
    }

    /** app.json {@code networkTimeout.<api>} in ms. */
    public Builder appTimeout(String api, long millis) {
      appTimeouts.put(api, millis);
      return this;
    }

    /** Upper bound for every timeout in ms (0: none, the default; older docs said 60 s is also the maximum). */
    public Builder timeoutCap(long millis) {
      this.timeoutCap = millis;
      return this;
    }

    public Builder hostMap(HostMap map) {
      this.hostMap = Objects.requireNonNull(map);
      return this;
    }

    /** Trust for https/wss (a test certificate, a corporate CA); null for the JDK default. */
    public Builder sslContext(SSLContext context) {
      this.sslContext = context;
      return this;
    }

    public Builder userAgent(String ua) {
      this.userAgent = Objects.requireNonNull(ua);
      return this;
    }

    public NetworkPolicy build() {
      return new NetworkPolicy(this);
    }
  }
}
