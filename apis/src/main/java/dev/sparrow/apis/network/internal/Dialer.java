package dev.sparrow.apis.network.internal;

import dev.sparrow.apis.network.ControlPorts;
import dev.sparrow.apis.network.DomainRules;
import dev.sparrow.apis.network.HostMap;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens the TCP (and TLS) connection for a page URL. Host mapping happens here and only here, as a
 * resolver: the socket goes to the mapped address, while TLS still names and verifies the page's
 * host (SNI and hostname check), and the HTTP layer still sends the page's {@code Host}.
 */
public final class Dialer {
  /**
   * Where a URL's connection goes.
   *
   * @param tls whether the wire speaks TLS (the target's scheme when mapped)
   * @param host the page's host (Host header, SNI, certificate check)
   * @param port the page's effective port (Host header)
   * @param dialHost the address actually dialled
   */
  public record Target(boolean tls, String host, int port, String dialHost, int dialPort) {
    /** Pool key: connections are shared only for the same wire. */
    public String key() {
      return (tls ? "tls:" : "tcp:") + host + ":" + port + "@" + dialHost + ":" + dialPort;
    }

    /** The Host header value: host, plus the port when it is not the scheme default. */
    public String hostHeader(URI url) {
      String h = url.getHost();
      return url.getPort() < 0 ? h : h + ":" + url.getPort();
    }

    /** Address as logged: the mapped one, or null when not mapped. */
    public String mappedTo(boolean mapped) {
      return mapped ? dialHost + ":" + dialPort : null;
    }
  }

  private final HostMap hostMap;
  private final SSLContext sslContext;
  private final ControlPorts controlPorts;

  public Dialer(HostMap hostMap, SSLContext sslContext, ControlPorts controlPorts) {
    this.hostMap = hostMap;
    this.sslContext = sslContext;
    this.controlPorts = controlPorts;
  }

  public HostMap hostMap() {
    return hostMap;
  }

  public SSLContext sslContext() {
    try {
      return sslContext != null ? sslContext : SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Target target(URI url) {
    boolean secure = HostMap.secure(url);
    int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
    String host = url.getHost();
    return hostMap.find(url)
        .map(r -> new Target(r.targetSecure(), host, port, r.targetHost(), r.targetPort()))
        .orElse(new Target(secure, host, port, host, port));
  }

  public boolean mapped(URI url) {
    return hostMap.find(url).isPresent();
  }

  /** Fails with {@code net::ERR_UNSAFE_PORT} if {@code t} is one of Sparrow's own servers ({@link ControlPorts}). */
  public void refuseControl(Target t) throws IOException {
    controlPorts.check(new InetSocketAddress(t.dialHost(), t.dialPort()));
  }

  /** Connects (and handshakes) to {@code t}; {@code control} closes the socket on cancel. */
  public Socket dial(Target t, Control control, boolean tcpNoDelay, List<String> alpn) throws IOException {
    Socket raw = new Socket();
    control.onCancel(() -> closeQuietly(raw));
    control.check();
    raw.setTcpNoDelay(tcpNoDelay);
    raw.setReceiveBufferSize(256 * 1024);
    raw.setSendBufferSize(256 * 1024);
    Timing timing = control.timing();
    timing.socketReused = false;
    timing.domainLookUpStart = Timing.now();
    InetSocketAddress address = new InetSocketAddress(t.dialHost(), t.dialPort());
    controlPorts.check(address);
    timing.domainLookUpEnd = timing.connectStart = Timing.now();
    raw.connect(address);
    timing.connectEnd = Timing.now();
    timing.sslConnectionStart = timing.sslConnectionEnd = 0;
    timing.peer(raw);
    if (!t.tls()) {
      return raw;
    }
    SSLSocket s = (SSLSocket) sslContext().getSocketFactory().createSocket(raw, t.host(), t.port(), true);
    control.onCancel(() -> closeQuietly(s));
    SSLParameters p = s.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    String h = t.host().toLowerCase(Locale.ROOT);
    if (!DomainRules.isIpOrLocalhost(h) || h.equals("localhost")) {
      p.setServerNames(List.of(new SNIHostName(h)));
    }
    if (!alpn.isEmpty()) {
      p.setApplicationProtocols(alpn.toArray(String[]::new));
    }
    s.setSSLParameters(p);
    timing.sslConnectionStart = Timing.now();
    s.startHandshake();
    timing.sslConnectionEnd = timing.connectEnd = Timing.now();
    return s;
  }

  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException ignored) {
      // already closed
    }
  }
}
