package dev.sparrow.simulator;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the simulator. Pure rules, table-tested:
 *
 * <ul>
 *   <li>{@link #hostAllowed}: the {@code Host} header must name this server by a loopback name (or the
 *       configured bind address) and its port, so a DNS-rebinding page (evil.example resolving to
 *       127.0.0.1) reads nothing;
 *   <li>{@link #originAllowed}: the WebSocket and uploads only accept the simulator's own origin, so
 *       another web page open in the same browser cannot drive the session.
 * </ul>
 */
public final class LoopbackGuard {
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final String bindHost;
  private final int port;

  public LoopbackGuard(String bindHost, int port) {
    this.bindHost = bindHost.toLowerCase(Locale.ROOT);
    this.port = port;
  }

  /** True when {@code host} ({@code name:port}) names this server. */
  public boolean hostAllowed(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon < 0 || h.endsWith("]")) {
      return false; // a browser always sends the port of a non-default port
    }
    String name = h.substring(0, colon);
    String p = h.substring(colon + 1);
    return p.equals(Integer.toString(port)) && knownName(name);
  }

  /** True when {@code origin} is exactly this server's origin ({@code http://127.0.0.1:PORT} and loopback aliases). */
  public boolean originAllowed(String origin) {
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      return false;
    }
    try {
      URI u = new URI(origin.trim());
      if (!"http".equalsIgnoreCase(u.getScheme()) || u.getPort() != port || u.getRawPath() != null && !u.getRawPath().isEmpty()
          || u.getRawUserInfo() != null || u.getRawQuery() != null) {
        return false;
      }
      String name = u.getHost();
      return name != null && knownName(name.toLowerCase(Locale.ROOT));
    } catch (Exception e) {
      return false;
    }
  }

  private boolean knownName(String name) {
    return LOOPBACK_NAMES.contains(name) || name.equals(bindHost) || ("[" + bindHost + "]").equals(name);
  }
}
