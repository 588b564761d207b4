package dev.sparrow.demo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The demo's servers in one Jetty on 127.0.0.1 (plain HTTP/1.1 and WebSocket; a free port unless
 * one is given). Requests are routed by their {@code Host}, which host mapping keeps as the page
 * wrote it: {@code www.baidu.com} gets the home page, {@code v.juhe.cn} the postcode service,
 * {@code api.example.com} the upload endpoint, {@code cdn.example.com} the files and {@code
 * echo.websocket.org} the WebSocket echo (see {@link DemoSite}). Asked by its own address
 * ({@code http://127.0.0.1:PORT/}) it lists the sites, and {@code /_received} answers
 * {@link #received()} as JSON for test suites outside the JVM.
 */
public final class DemoBackend implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final Received received = new Received();
  private final Assets assets = new Assets();
  private final Map<DemoSite, Handler> sites = new EnumMap<>(DemoSite.class);

  private DemoBackend(int port) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("sparrow-demo-backend");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);

    sites.put(DemoSite.HOME_PAGE, new HomePageSite());
    sites.put(DemoSite.POSTCODES, new PostcodeSite(received));
    sites.put(DemoSite.API, new UploadSite(received));
    sites.put(DemoSite.CDN, new CdnSite(assets, received));

    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container ->
        container.addMapping("/*", (rq, rs, cb) -> {
          if (!DemoSite.ECHO.host().equals(host(Request.getServerName(rq)))) {
            rs.setStatus(404);
            cb.succeeded();
            return null;
          }
          return new EchoSocket(received);
        }));
    ws.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return route(request, response, callback);
      }
    });
    context.setHandler(ws);
    server.setHandler(context);
    connector.open(); // bound and listening: connections wait in the backlog until serve()
  }

  /**
   * Binds the backend to 127.0.0.1:{@code port} (0: a free port) without serving yet: its {@link
   * #address()} is known and connections queue until {@link #serve()}, so a caller can start
   * Jetty beside other work (the CLI launches the session meanwhile).
   */
  public static DemoBackend open(int port) {
    try {
      return new DemoBackend(port);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the demo backend on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** Starts serving (once; later calls return at once). */
  public synchronized DemoBackend serve() {
    if (!server.isStarted()) {
      try {
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the demo backend on " + address() + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  /** Starts the backend on 127.0.0.1:{@code port} (0: a free port). */
  public static DemoBackend start(int port) {
    return open(port).serve();
  }

  /** Starts the backend on a free port. */
  public static DemoBackend start() {
    return start(0);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT}: where the host map sends every {@link DemoSite}. */
  public String address() {
    return "http://127.0.0.1:" + port();
  }

  /** What the backend received so far. */
  public Received received() {
    return received;
  }

  /** The CDN's paths ({@code /images/landscape.jpg}, {@code /music/sparrow-song.mp3}…). */
  public Set<String> cdnPaths() {
    return assets.paths();
  }

  /** The bytes the CDN serves at {@code path}. */
  public byte[] cdnBytes(String path) {
    return assets.bytes(path);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the demo backend", e);
    }
  }

  private boolean route(Request request, Response response, Callback callback) throws Exception {
    String host = host(Request.getServerName(request));
    for (Map.Entry<DemoSite, Handler> e : sites.entrySet()) {
      if (e.getKey().host().equals(host)) {
        return e.getValue().handle(request, response, callback);
      }
    }
    if (host.equals("127.0.0.1") || host.equals("localhost")) {
      return inspect(request, response, callback);
    }
    Responses.text(response, callback, 421, "text/plain;charset=utf-8", "421 Misdirected Request: no demo site for host " + host);
    return true;
  }

  private boolean inspect(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (path.equals("/_received")) {
      Responses.json(response, callback, 200, received.toMap());
      return true;
    }
    Map<String, Object> index = new LinkedHashMap<>();
    for (DemoSite s : DemoSite.values()) {
      index.put(s.origin(), s.family());
    }
    Responses.json(response, callback, path.equals("/") ? 200 : 404, Map.of("sites", index, "received", "/_received"));
    return true;
  }

  private static String host(String serverName) {
    return serverName == null ? "" : serverName.toLowerCase(Locale.ROOT);
  }
}
