package dev.sparrow.simulator;

import dev.sparrow.apis.canvas.CanvasFont;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The simulator's HTTP side (Jetty 12 core): the browser client ({@code /}, {@code /sim/*}), the
 * screen-only page for screenshots ({@code /screen}), local files ({@code /files?path=}), uploads
 * from the browser ({@code POST /upload}) and the WebSocket ({@code /ws}). Every request must name
 * this server in its {@code Host}; the WebSocket and uploads also need the simulator's own {@code
 * Origin} ({@link LoopbackGuard}).
 */
final class SimulatorServer implements AutoCloseable {
  /** Largest upload (a picked photo or video). */
  static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
  private static final String WEB = "dev/sparrow/simulator/web/";
  private static final String CANVAS_FONT = "canvas-font.ttf";

  /** What the routes need from the simulator. */
  interface Routes {
    /** The host file behind a local path the page uses, if it may be served. */
    Optional<Path> localFile(String path);

    /** Stores an upload; returns its id. */
    String upload(InputStream body, String fileName) throws IOException;

    /** The screen-only page's snapshot (a JSON array of messages) for a one-time key, if known. */
    Optional<String> screen(String key);

    /** Any other GET route (document pages, proxied media); false if unknown. */
    default boolean extra(String path, Request request, Response response, Callback callback) throws Exception {
      return false;
    }
  }

  private final Server jetty;
  private final ServerConnector connector;
  private final Browsers browsers;
  private final Routes routes;
  private final Map<String, byte[]> resources = new ConcurrentHashMap<>();
  private volatile LoopbackGuard guard;

  SimulatorServer(String host, int port, Browsers browsers, Routes routes) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 2, 60_000);
    threads.setName("sparrow-simulator-http");
    threads.setDaemon(true);
    this.jetty = new Server(threads);
    this.connector = new ServerConnector(jetty, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    this.browsers = browsers;
    this.routes = routes;
  }

  void start() throws Exception {
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, context, container -> {
      container.setMaxTextMessageSize(16L * 1024 * 1024);
      container.setMaxBinaryMessageSize(4L * 1024 * 1024);
      container.setIdleTimeout(Duration.ofDays(1));
      container.addMapping("/ws", (request, response, callback) -> {
        if (!guard.hostAllowed(request.getHeaders().get(HttpHeader.HOST))
            || !guard.originAllowed(request.getHeaders().get(HttpHeader.ORIGIN))) {
          Response.writeError(request, response, callback, 403, "origin not allowed");
          return null;
        }
        return new BrowserSocket(browsers);
      });
    });
    ws.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return SimulatorServer.this.handle(request, response, callback);
      }
    });
    context.setHandler(ws);
    jetty.setHandler(context);
    jetty.setErrorHandler(SimulatorServer::error);
    jetty.start();
    guard = new LoopbackGuard(connector.getHost(), connector.getLocalPort());
  }

  int port() {
    return connector.getLocalPort();
  }

  String host() {
    return connector.getHost();
  }

  private boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!guard.hostAllowed(request.getHeaders().get(HttpHeader.HOST))) {
      Response.writeError(request, response, callback, 403, "unknown host");
      return true;
    }
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (method.equals("POST") && path.equals("/upload")) {
      upload(request, response, callback);
      return true;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      Response.writeError(request, response, callback, 405, "only GET, HEAD and POST /upload");
      return true;
    }
    Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    switch (path) {
      case "/", "/index.html" -> resource(response, callback, "index.html");
      case "/screen" -> screen(request, response, callback, query.getValue("key"));
      case "/files" -> {
        Optional<Path> file = routes.localFile(query.getValue("path"));
        if (file.isEmpty()) {
          Response.writeError(request, response, callback, 404, "no such sandbox or package file");
        } else {
          FileResponses.send(request, response, callback, file.get());
        }
      }
      default -> {
        if (path.startsWith("/sim/") && path.indexOf("..") < 0) {
          resource(response, callback, path.substring(5));
        } else if (!routes.extra(path, request, response, callback)) {
          Response.writeError(request, response, callback, 404, "no such page");
        }
      }
    }
    return true;
  }

  private void upload(Request request, Response response, Callback callback) throws IOException {
    if (!guard.originAllowed(request.getHeaders().get(HttpHeader.ORIGIN))) {
      Response.writeError(request, response, callback, 403, "origin not allowed");
      return;
    }
    long declared = request.getLength();
    if (declared > MAX_UPLOAD_BYTES) {
      Response.writeError(request, response, callback, 413, "upload too large");
      return;
    }
    String name = Optional.ofNullable(Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("name")).orElse("upload");
    String id;
    try (InputStream body = new Limited(Request.asInputStream(request), MAX_UPLOAD_BYTES)) {
      id = routes.upload(body, name);
    }
    text(response, callback, 200, "application/json", "{\"upload\":\"" + id + "\"}");
  }

  private void screen(Request request, Response response, Callback callback, String key) throws IOException {
    Optional<String> snapshot = key == null ? Optional.empty() : routes.screen(key);
    if (snapshot.isEmpty()) {
      Response.writeError(request, response, callback, 404, "unknown screen key");
      return;
    }
    String html = new String(load("index.html"), StandardCharsets.UTF_8).replace("<body>",
        "<body class=\"screen-only\">\n<script id=\"snapshot\" type=\"application/json\">"
            + snapshot.get().replace("</", "<\\/") + "</script>");
    text(response, callback, 200, "text/html; charset=utf-8", html);
  }

  private void resource(Response response, Callback callback, String name) throws IOException {
    byte[] bytes;
    try {
      bytes = resources.computeIfAbsent(name, SimulatorServer::load);
    } catch (IllegalArgumentException missing) {
      text(response, callback, 404, "text/plain; charset=utf-8", "404 no such client file\n");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, FileResponses.contentType(name));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** {@code /sim/<name>}: the client's files, and the canvas font (the face headless canvases draw with). */
  private static byte[] load(String name) {
    String resource = name.equals(CANVAS_FONT) ? CanvasFont.FACE_RESOURCE.substring(1) : WEB + name;
    try (InputStream in = SimulatorServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Every error response (ours through {@code Response.writeError}, and Jetty's own, such as a 400 for
   * a bad URI): a one-line plain-text reason, and {@code Connection: close} announced, since the
   * connection is not reused after an error (a keep-alive client then knows to open a new one).
   */
  private static boolean error(Request request, Response response, Callback callback) throws IOException {
    int status = response.getStatus();
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    String reason = message instanceof String m && !m.isBlank() ? m : HttpStatus.getMessage(status);
    String line = status + " " + reason.replaceAll("[\\r\\n]+", " ") + "\n";
    text(response, callback, status, "text/plain; charset=utf-8", line);
    return true;
  }

  static void text(Response response, Callback callback, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    if (status >= 400) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      out.write(bytes);
    }
    callback.succeeded();
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // best effort
    }
  }

  /** Fails a read past {@code max} bytes (a body without a declared length). */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new IOException("upload too large");
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (left -= n) < 0) {
        throw new IOException("upload too large");
      }
      return n;
    }
  }
}
