package dev.sparrow.apis.network;

import dev.sparrow.apis.network.internal.NetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports of Sparrow's own servers on this machine (the simulator, the automation endpoint): page
 * code may never connect to them, whatever the domain list or host mapping says, so a mini program
 * cannot drive its own session. Front-ends add their port once bound; the session's network checks
 * every address it dials (HTTP, redirects, WebSocket).
 */
public final class ControlPorts {
  private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

  public void add(int port) {
    ports.add(port);
  }

  public void remove(int port) {
    ports.remove(port);
  }

  /** Whether {@code address} is one of this machine's addresses on a control port. */
  public boolean refuses(InetSocketAddress address) {
    if (!ports.contains(address.getPort()) || address.getAddress() == null) {
      return false;
    }
    InetAddress a = address.getAddress();
    if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(a) != null;
    } catch (SocketException e) {
      return true;
    }
  }

  /** Fails as Chromium fails a port it will not use ({@code net::ERR_UNSAFE_PORT}). */
  public void check(InetSocketAddress address) throws IOException {
    if (refuses(address)) {
      throw new NetException("ERR_UNSAFE_PORT");
    }
  }
}
