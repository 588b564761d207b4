package dev.sparrow.apis.network.internal;

import java.net.InetAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each phase of one network task happened, for WeChat's {@code res.profile}: epoch
 * milliseconds, 0 for a phase that did not happen (no TLS, a reused connection has no lookup or
 * connect of its own: those take the moment the connection was taken). Filled by the links on the
 * task's worker thread; after redirects it describes the last exchange.
 */
public final class Timing {
  public volatile long fetchStart;
  public volatile long queueStart;
  public volatile long queueEnd;
  public volatile long domainLookUpStart;
  public volatile long domainLookUpEnd;
  public volatile long connectStart;
  public volatile long connectEnd;
  public volatile long sslConnectionStart;
  public volatile long sslConnectionEnd;
  public volatile long requestStart;
  public volatile long requestEnd;
  public volatile long responseStart;
  public volatile boolean socketReused;
  public volatile String peerIP = "";
  public volatile int port;
  /** {@code http1.1} or {@code h2}; WeChat's words. */
  public volatile String protocol = "unknown";
  /** Bytes of request head and body written. */
  public volatile long sendBytesCount;

  static long now() {
    return System.currentTimeMillis();
  }

  /** A connection from the pool: no lookup, connect or handshake of its own. */
  void reused(Socket socket) {
    long t = now();
    domainLookUpStart = domainLookUpEnd = connectStart = connectEnd = t;
    sslConnectionStart = sslConnectionEnd = 0;
    socketReused = true;
    peer(socket);
  }

  void peer(Socket socket) {
    InetAddress a = socket.getInetAddress();
    peerIP = a == null ? "" : a.getHostAddress();
    port = socket.getPort();
  }

  /**
   * WeChat's {@code res.profile} (spec network.md: 2.10.4 fields, {@code queueStart/End} 3.8.10) for
   * an exchange that ends now with {@code received} body bytes; estimates Sparrow cannot make
   * (network type, RTT estimates) are 0.
   */
  public Map<String, Object> profile(long received) {
    long responseEnd = now();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("fetchStart", fetchStart);
    p.put("domainLookUpStart", domainLookUpStart);
    p.put("domainLookUpEnd", domainLookUpEnd);
    p.put("connectStart", connectStart);
    p.put("connectEnd", connectEnd);
    p.put("SSLconnectionStart", sslConnectionStart);
    p.put("SSLconnectionEnd", sslConnectionEnd);
    p.put("requestStart", requestStart);
    p.put("requestEnd", requestEnd);
    p.put("responseStart", responseStart);
    p.put("responseEnd", responseEnd);
    long tcpEnd = sslConnectionStart > 0 ? sslConnectionStart : connectEnd; // the TCP handshake: one round trip
    p.put("rtt", socketReused || tcpEnd == 0 ? 0 : tcpEnd - connectStart);
    p.put("estimate_nettype", 0);
    p.put("httpRttEstimate", 0);
    p.put("transportRttEstimate", 0);
    p.put("downstreamThroughputKbpsEstimate", 0);
    p.put("throughputKbps", responseStart == 0 ? 0 : received * 8 / Math.max(1, responseEnd - responseStart));
    p.put("peerIP", peerIP);
    p.put("port", port);
    p.put("protocol", protocol);
    p.put("socketReused", socketReused);
    p.put("sendBytesCount", sendBytesCount);
    p.put("receivedBytedCount", received); // sic, WeChat's spelling
    p.put("queueStart", queueStart);
    p.put("queueEnd", queueEnd);
    return p;
  }
}
