package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.ConsoleMessage;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.simulator.Simulator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Serves WeChat DevTools' automation protocol for one session on {@code ws://127.0.0.1:<port>}, so
 * that {@code miniprogram-automator} and minium suites drive Sparrow unchanged. Binds to loopback
 * only.
 *
 * <pre>{@code
 * try (AutomationServer server = AutomationServer.start(SessionOptions.of(dir), 9420)) {
 *   server.awaitClosed();    // until a client sends Tool.close
 * }
 * }</pre>
 */
public final class AutomationServer implements AutoCloseable {
  private final Server jetty;
  private final Dispatcher dispatcher = new Dispatcher();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sparrow-automation");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean logEnabled;
  private final CompletableFuture<Session> session = new CompletableFuture<>();
  private volatile Simulator simulator;
  private final String token;

  private AutomationServer(String token) {
    this.jetty = new Server();
    this.token = token;
  }

  /**
   * Launches the project and starts serving on {@code port} (0 picks a free one). The session's
   * console and errors become {@code App.logAdded} and {@code App.exceptionThrown} events.
   */
  public static AutomationServer start(SessionOptions options, int port) throws Exception {
    return start(options, port, null);
  }

  /**
   * As {@link #start(SessionOptions, int)}; with a {@code token}, only clients whose endpoint carries
   * it ({@code ws://127.0.0.1:<port>/<token>}, see {@link #endpoint()}) may connect: for shared machines,
   * where any local user could otherwise drive the session (DevTools has no token, so none is the default).
   */
  public static AutomationServer start(SessionOptions options, int port, String token) throws Exception {
    if (token != null && !token.matches("[A-Za-z0-9._~-]{8,128}")) {
      throw new IllegalArgumentException("an automation token is 8 to 128 letters, digits or . _ ~ -");
    }
    AutomationServer server = new AutomationServer(token);
    options.onConsole(server::console).onError(server::exception);
    try {
      // Listen first: a client polling the port (automator.launch) connects while the project launches;
      // requests wait for the session.
      PageDomain pages = new PageDomain(server);
      new ToolDomain(server, options.device().sdkVersion()).register(server.dispatcher);
      new AppDomain(server).register(server.dispatcher);
      pages.register(server.dispatcher);
      new ElementDomain(server, pages).register(server.dispatcher);
      server.listen(port);
      options.controlPorts().add(server.port());
      // the simulator serves the screen-only page App.captureScreenshot photographs; with no tab
      // connected its devices are the headless ones, so the protocol behaves as before
      server.simulator = Simulator.start(options, Simulator.Config.DEFAULT);
      Session session = server.simulator.session();
      server.session.complete(session);
      session.awaitIdle(Duration.ofMinutes(1));
    } catch (Exception | Error e) {
      server.session.completeExceptionally(e);
      server.close();
      throw e;
    }
    return server;
  }

  private void listen(int port) throws Exception {
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, context, container -> {
      container.setMaxTextMessageSize(64L * 1024 * 1024);
      container.setIdleTimeout(Duration.ofHours(24));
      container.addMapping("/*", (request, response, callback) -> {
        if (!tokenMatches(Request.getPathInContext(request))) {
          Response.writeError(request, response, callback, 403, "automation token required");
          return null;
        }
        return new Connection(this);
      });
    });
    context.setHandler(ws);
    jetty.setHandler(context);
    jetty.start();
  }

  /** The port clients connect to. */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** {@code ws://127.0.0.1:<port>} (with a token: {@code …/<token>}), for {@code automator.connect({wsEndpoint})}. */
  public String endpoint() {
    String base = "ws://" + new InetSocketAddress("127.0.0.1", port()).getHostString() + ":" + port();
    return token == null ? base : base + "/" + token;
  }

  private boolean tokenMatches(String path) {
    if (token == null) {
      return true;
    }
    String given = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** The session; waits for it while the project is still launching. */
  public Session session() {
    try {
      return session.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new ProtocolError("the mini program failed to launch: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ProtocolError("the mini program is still launching");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProtocolError("interrupted");
    }
  }

  /** The simulator behind the session (screenshots). */
  Simulator simulator() {
    return simulator;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  ExecutorService executor() {
    return executor;
  }

  void enableLog() {
    logEnabled = true;
  }

  /** Sends an event {@code {method, params}} to every client. */
  public void emit(String method, JsonNode params) {
    ObjectNode event = Json.object();
    event.put("method", method);
    event.set("params", params);
    for (Connection c : connections) {
      c.send(event);
    }
  }

  void opened(Connection c) {
    connections.add(c);
  }

  void closed(Connection c) {
    connections.remove(c);
  }

  private void console(ConsoleMessage m) {
    if (logEnabled) {
      ObjectNode params = Json.object();
      params.put("type", m.level());
      params.set("args", Json.of(List.of(m.text())));
      emit("App.logAdded", params);
    }
  }

  private void exception(ScriptError e) {
    ObjectNode params = Json.object();
    params.put("message", e.message());
    params.put("stack", e.stack());
    params.put("file", e.file());
    params.put("line", e.line());
    emit("App.exceptionThrown", params);
  }

  private volatile boolean closeRequested;

  /** Tool.close: the server closes once the reply has been written. */
  void requestClose() {
    closeRequested = true;
  }

  boolean closeRequested() {
    return closeRequested;
  }

  void closeSoon() {
    new Thread(this::close, "sparrow-automation-close").start();
  }

  /** Blocks until the server is closed (by {@code Tool.close} or {@link #close}). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    connections.forEach(Connection::stopping);
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // stopping is best effort
    }
    if (simulator != null) {
      simulator.close();
    } else if (session.isDone() && !session.isCompletedExceptionally()) {
      session.join().close();
    }
    executor.shutdownNow();
    closed.countDown();
  }
}
