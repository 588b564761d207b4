package dev.sparrow.apis.network;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real Jetty 12 server on 127.0.0.1 for network tests and benchmarks: HTTP/1.1 and h2c on one
 * port, TLS (HTTP/1.1 and h2 by ALPN) with the test certificate on another, WebSocket endpoints at
 * {@code /ws/*}. Routes are plain Jetty handlers keyed by path; every request is recorded (method,
 * target, headers, protocol) like MockWebServer's {@code takeRequest()}.
 */
public final class LoopbackServer implements AutoCloseable {
  /** A route: answer with {@code response} and complete {@code callback}. */
  @FunctionalInterface
  public interface Route {
    void handle(Request request, Response response, Callback callback) throws Exception;
  }

  /** What the server saw: method, path with query, headers as sent (name case kept), protocol. */
  public record Recorded(String method, String target, List<Map.Entry<String, String>> headers, String protocol, String host) {
    /** The first header of that name (case-insensitive), or null. */
    public String header(String name) {
      return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
  }

  private static final String STORE_PASSWORD = "sparrow";

  private final Server server;
  private final ServerConnector plain;
  private final ServerConnector secure;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final BlockingQueue<Recorded> recorded = new LinkedBlockingQueue<>();
  /** What WebSocket endpoints saw: "open <protocol>", "text <m>", "binary <n>", "close <code> <reason>". */
  public final BlockingQueue<String> socketEvents = new LinkedBlockingQueue<>();
  /** Benchmarks switch the recording of WebSocket messages off. */
  public static volatile boolean recordMessages = true;

  private LoopbackServer() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("loopback-server");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(false);
    config.setRequestHeaderSize(64 * 1024);
    config.setResponseHeaderSize(512 * 1024);
    plain = new ServerConnector(server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
    plain.setHost("127.0.0.1");
    plain.setPort(0);

    HttpConfiguration tlsConfig = new HttpConfiguration(config);
    SecureRequestCustomizer secureCustomizer = new SecureRequestCustomizer();
    secureCustomizer.setSniHostCheck(false);
    tlsConfig.addCustomizer(secureCustomizer);
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore());
    ssl.setKeyStorePassword(STORE_PASSWORD);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
    alpn.setDefaultProtocol("http/1.1");
    secure = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
        new HTTP2ServerConnectionFactory(tlsConfig), new HttpConnectionFactory(tlsConfig));
    secure.setHost("127.0.0.1");
    secure.setPort(0);
    server.addConnector(plain);
    server.addConnector(secure);

    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
      container.setMaxBinaryMessageSize(16 * 1024 * 1024);
      container.setMaxTextMessageSize(16 * 1024 * 1024);
      container.addMapping("/ws/echo", (rq, rs, cb) -> {
        List<String> offered = rq.getSubProtocols();
        if (!offered.isEmpty()) {
          rs.setAcceptedSubProtocol(offered.get(0));
        }
        rs.getHeaders().put("X-Upgrade-Seen", String.valueOf(rq.getHeaders().get("X-Token")));
        return new Echo(socketEvents, null);
      });
      container.addMapping("/ws/close", (rq, rs, cb) -> {
        var q = URIUtil.decodePath(rq.getHttpURI().getQuery() == null ? "" : rq.getHttpURI().getQuery());
        return new Echo(socketEvents, q);
      });
    });
    context.setHandler(ws);
    ws.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HttpField f : request.getHeaders()) {
          headers.add(Map.entry(f.getName(), f.getValue()));
        }
        String target = request.getHttpURI().getPathQuery();
        recorded.add(new Recorded(request.getMethod(), target, headers, request.getConnectionMetaData().getProtocol(),
            request.getHttpURI().getHost()));
        Route route = routes.get(Request.getPathInContext(request));
        if (route == null) {
          respond(response, callback, 404, "text/plain", "no route " + target);
          return true;
        }
        route.handle(request, response, callback);
        return true;
      }
    });
    server.setHandler(context);
    server.start();
  }

  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the loopback server", e);
    }
  }

  public LoopbackServer route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  public int httpPort() {
    return plain.getLocalPort();
  }

  public int tlsPort() {
    return secure.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String http(String path) {
    return "http://127.0.0.1:" + httpPort() + path;
  }

  /** {@code https://localhost:<tls port><path>} (the certificate names localhost and 127.0.0.1). */
  public String https(String path) {
    return "https://localhost:" + tlsPort() + path;
  }

  public String ws(String path) {
    return "ws://127.0.0.1:" + httpPort() + path;
  }

  public String wss(String path) {
    return "wss://localhost:" + tlsPort() + path;
  }

  /** The next request the server saw (waits up to 10 s). */
  public Recorded takeRequest() {
    try {
      Recorded r = recorded.poll(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("the server saw no request");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The requests seen and not yet taken. */
  public List<Recorded> recorded() {
    return List.copyOf(recorded);
  }

  public void clearRecorded() {
    recorded.clear();
  }

  /** Open connections on the plain and TLS ports. */
  public int openConnections() {
    return plain.getConnectedEndPoints().size() + secure.getConnectedEndPoints().size();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- helpers for routes ---------------------------------------------------------------------

  public static void respond(Response response, Callback callback, int status, String contentType, String body) {
    respond(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static void respond(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** A route that streams the body away and answers {@code {"received":<bytes>}} (uploads of any size). */
  public static Route countingSink() {
    return (rq, rs, cb) -> {
      long n = 0;
      byte[] buf = new byte[1 << 20];
      try (InputStream in = Content.Source.asInputStream(rq)) {
        int r;
        while ((r = in.read(buf)) > 0) {
          n += r;
        }
      }
      respond(rs, cb, 200, "application/json", "{\"received\":" + n + "}");
    };
  }

  /** A route that answers {@code ?n=<bytes>} zero bytes with a Content-Length, written 1 MiB at a time (downloads). */
  public static Route zeros() {
    return (rq, rs, cb) -> {
      long n = Long.parseLong(rq.getHttpURI().getQuery().substring(2));
      rs.setStatus(200);
      rs.getHeaders().put("Content-Type", "application/octet-stream");
      rs.getHeaders().put("Content-Length", n);
      byte[] chunk = new byte[1 << 20];
      try (OutputStream out = Content.Sink.asOutputStream(rs)) {
        for (long left = n; left > 0; left -= chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
      }
      cb.succeeded();
    };
  }

  /** The whole request body (blocking; for small bodies). */
  public static byte[] body(Request request) throws Exception {
    ByteBuffer b = Content.Source.asByteBuffer(request);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  /** An SSLContext that trusts the test certificate (and nothing else). */
  public static SSLContext trustingContext() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keyStore());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore keyStore() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = LoopbackServer.class.getResourceAsStream("test-tls.p12")) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    return ks;
  }

  /** Echoes text and binary messages; with a "code reason" instruction closes right after opening. */
  public static final class Echo implements Session.Listener.AutoDemanding {
    private final BlockingQueue<String> events;
    private final String closeWith;
    private Session session;

    Echo(BlockingQueue<String> events, String closeWith) {
      this.events = events;
      this.closeWith = closeWith;
    }

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      events.add("open " + session.getUpgradeResponse().getAcceptedSubProtocol());
      if (closeWith != null) {
        String[] parts = closeWith.split("&");
        int code = Integer.parseInt(parts[0].substring(parts[0].indexOf('=') + 1));
        String reason = parts.length > 1 ? parts[1].substring(parts[1].indexOf('=') + 1) : "";
        session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
    }

    @Override
    public void onWebSocketText(String message) {
      if (recordMessages) {
        events.add("text " + (message.length() > 64 ? message.length() + " chars" : message));
      }
      session.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
      if (recordMessages) {
        events.add("binary " + payload.remaining());
      }
      ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
      callback.succeed();
      session.sendBinary(copy, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      events.add("close " + statusCode + " " + reason);
    }
  }
}
