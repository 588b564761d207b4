package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.LocalPath;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.ConsoleMessage;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.ScratchDir;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.runtime.project.ProjectLoader;
import dev.sparrow.runtime.project.TabBar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The browser simulator: runs one session and serves it as a phone in a web page on loopback.
 *
 * <pre>{@code
 * SessionOptions options = SessionOptions.of(Path.of("examples/todo")).dataDir(dir);
 * try (Simulator sim = Simulator.start(options, Simulator.Config.DEFAULT.port(8421))) {
 *   System.out.println(sim.url());       // http://127.0.0.1:8421/
 *   sim.awaitClosed();
 * }
 * }</pre>
 *
 * The session's devices become the browser's (see {@link SimulatorDevices}) while a tab is
 * connected; without one they behave as in a headless session. A front-end that prepares its own
 * options (host mapping, a local backend, as {@code sparrow demo} does) passes them in unchanged.
 */
public final class Simulator implements AutoCloseable {
  /**
   * Where to serve and what to call once listening.
   *
   * @param host the address to bind (loopback by default; only the loopback names and this one are accepted as Host)
   * @param port 0 picks a free port
   * @param onListening called with the URL as soon as the server listens, before the session has launched (print it, open a browser)
   */
  public record Config(String host, int port, Consumer<String> onListening) {
    public static final Config DEFAULT = new Config("127.0.0.1", 0, url -> {});

    public Config port(int newPort) {
      return new Config(host, newPort, onListening);
    }

    public Config host(String newHost) {
      return new Config(newHost, port, onListening);
    }

    public Config onListening(Consumer<String> listener) {
      return new Config(host, port, listener);
    }
  }

  private final SessionOptions options;
  private final Browsers browsers = new Browsers();
  private final Mirror mirror;
  private final SimulatorDevices devices;
  private final Panels panels = new Panels();
  private final SimulatorServer server;
  private final ScratchDir uploads;
  private final Chromium chromium = new Chromium();
  private final Map<String, Path> uploaded = new ConcurrentHashMap<>();
  private final AtomicInteger uploadIds = new AtomicInteger();
  private final Map<String, String> screens = new ConcurrentHashMap<>();
  private final NetworkMedia media;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch launched = new CountDownLatch(1);
  private volatile Session session;
  private volatile boolean closing;

  private Simulator(SessionOptions options, Config config) throws IOException {
    this.options = options;
    this.mirror = new Mirror(browsers, options.device());
    this.devices = new SimulatorDevices(browsers);
    this.uploads = ScratchDir.create("simulator");
    this.media = new NetworkMedia(uploads.path().resolve("media"));
    options.screen(mirror).devices(devices).onConsole(mirror::console).onError(mirror::error).onTraffic(mirror::traffic);
    mirror.replay(devices::replay);
    browsers.handler(new Inbox(this));
    this.server = new SimulatorServer(config.host(), config.port(), browsers, new Routes());
  }

  /**
   * Serves on {@code config}'s address, then launches the session from {@code options} (the
   * project's problems throw {@link dev.sparrow.runtime.project.ProjectException}).
   */
  public static Simulator start(SessionOptions options, Config config) throws Exception {
    Simulator sim = new Simulator(options, config);
    // the session launches while the server starts and the browser loads the page (two cores at work)
    CompletableFuture<Session> launch = CompletableFuture.supplyAsync(() -> Sparrow.launch(options),
        r -> new Thread(r, "sparrow-simulator-launch").start());
    try {
      sim.server.start();
      options.controlPorts().add(sim.server.port());
      config.onListening().accept(sim.url());
      sim.session = launch.join();
    } catch (CompletionException e) {
      sim.launched.countDown();
      sim.close();
      throw e.getCause() instanceof Exception ex ? ex : e;
    } catch (Exception | Error e) {
      sim.launched.countDown();
      // the launch finishes and its session closes before this returns: a process that exits now leaves no folder
      launch.handle((session, failure) -> session).thenAccept(session -> {
        if (session != null) {
          session.close();
        }
      }).join();
      sim.close();
      throw e;
    }
    sim.launched.countDown();
    return sim;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public String url() {
    String host = server.host();
    String shown = host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + server.port() + "/";
  }

  public int port() {
    return server.port();
  }

  /** The running session (null while it launches). */
  public Session session() {
    return session;
  }

  /** Whether a browser tab is connected and painted. */
  public boolean connected() {
    return browsers.connected();
  }

  /** Receives every message sent to the browsers as JSON text (tests, tools). */
  public void tap(Consumer<String> listener) {
    browsers.tap(listener);
  }

  /**
   * A PNG of the phone screen as it is now (page, navigation bar, tab bar, toast and dialogs),
   * rendered by headless Chromium at the device's pixel ratio.
   *
   * @throws IOException when Chromium is missing or fails (the message says how to fix it)
   */
  public byte[] screenshot() throws IOException {
    Session s = session;
    if (s == null) {
      throw new IOException("the session is not running");
    }
    List<ObjectNode> snapshot = s.readPages(mirror::snapshot);
    ArrayNode all = Browsers.JSON.createArrayNode();
    all.add(hello());
    snapshot.forEach(all::add);
    String key = UUID.randomUUID().toString();
    screens.put(key, all.toString());
    try {
      DeviceProfile d = options.device();
      return chromium.screenshot(url() + "screen?key=" + key, d.screenWidth(), d.screenHeight(), d.pixelRatio());
    } finally {
      screens.remove(key);
    }
  }

  /** Blocks until {@link #close()}. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Stops in order: the tabs are told (close code 1001), the server stops, the session closes (its
   * sockets and tasks with it), running screenshots end, the upload folder goes. A second call
   * waits for the first.
   */
  @Override
  public synchronized void close() {
    if (closing) {
      return;
    }
    closing = true;
    browsers.close();
    server.close();
    Session s = session;
    if (s != null) {
      s.close();
    }
    chromium.close();
    uploads.close();
    closed.countDown();
  }

  // ---- for the inbox -------------------------------------------------------------------------------

  Session awaitSession() {
    try {
      launched.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return session;
  }

  Mirror mirror() {
    return mirror;
  }

  SimulatorDevices devices() {
    return devices;
  }

  Panels panels() {
    return panels;
  }

  Optional<Path> uploadFile(String id) {
    return Optional.ofNullable(uploaded.remove(id));
  }

  /** Relaunches the session on another device preset; the tabs reload. */
  void switchDevice(String name) {
    Optional<DeviceProfile> preset = DeviceProfile.preset(name);
    if (preset.isEmpty() || preset.get().equals(options.device()) || closing) {
      return;
    }
    Session old = session;
    session = null;
    if (old != null) {
      old.close();
    }
    options.device(preset.get());
    mirror.reset(preset.get());
    session = Sparrow.launch(options);
    browsers.broadcast(Messages.of("reload"));
  }

  /**
   * Live reload after files of the project changed ({@code changed}: paths relative to the project folder). Only
   * stylesheets: the open pages restyle in place. Anything else: the session relaunches at the same page stack
   * (routes and queries) and the tabs reload. A project that no longer loads, or a changed script with a syntax
   * error, keeps the running session: the problems go to the console panel and are returned (empty: reloaded).
   */
  public synchronized List<String> reload(Collection<String> changed) {
    Session old = session;
    if (closing || changed.isEmpty()) {
      return List.of();
    }
    if (old != null && changed.stream().allMatch(f -> f.endsWith(".wxss"))) {
      Map<Integer, String> open = new LinkedHashMap<>();
      old.pageStack().forEach(p -> open.put(p.id(), p.route()));
      mirror.restyle(open);
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    try {
      ProjectLoader.load(options.projectDir(), options.extendedLibs());
    } catch (ProjectException e) {
      e.problems().forEach(p -> problems.add(p.toString()));
    }
    for (String file : changed) {
      if (problems.isEmpty() && old != null && file.endsWith(".js")) {
        Path packageRoot = old.project().files().root();
        Path changedFile = options.projectDir().toAbsolutePath().normalize().resolve(file).normalize();
        String script = packageRoot.relativize(changedFile).toString().replace('\\', '/');
        if (changedFile.startsWith(packageRoot) && old.project().files().exists(script)) {
          old.checkSyntax(script).ifPresent(e -> problems.add(e.toString()));
        }
      }
    }
    if (problems.isEmpty()) {
      try {
        relaunch(old);
      } catch (RuntimeException e) {   // the files changed again while loading: the next save tries anew
        problems.add(String.valueOf(e.getMessage()));
      }
    }
    problems.forEach(p -> mirror.console(new ConsoleMessage("error", "not reloaded: " + p)));
    return problems;
  }

  /** Closes {@code old} (if any) and launches again at its page stack; the tabs reload. */
  private void relaunch(Session old) {
    List<PageHandle> stack = old == null ? List.of() : old.pageStack();
    session = null;
    if (old != null) {
      old.close();
    }
    mirror.reset(options.device());
    if (!stack.isEmpty()) {
      options.launchUrl(url(stack.get(0)));
    }
    Session fresh = Sparrow.launch(options).awaitIdle();
    for (PageHandle page : stack.subList(Math.min(1, stack.size()), stack.size())) {
      fresh.callWx("navigateTo", Map.of("url", "/" + url(page)));
      fresh.awaitIdle();
    }
    session = fresh;
    browsers.broadcast(Messages.of("reload"));
  }

  private static String url(PageHandle page) {
    StringBuilder url = new StringBuilder(page.route());
    String sep = "?";
    for (Map.Entry<String, String> q : page.query().entrySet()) {
      url.append(sep).append(q.getKey()).append('=').append(q.getValue());
      sep = "&";
    }
    return url.toString();
  }

  /** The first message a tab gets: the device, the app's chrome and how local paths look. */
  ObjectNode hello() {
    return hello(options.device(), mirror.project(), session);
  }

  /** The hello message for a tab painting a session of {@code p} (null while loading) on {@code d}. */
  static ObjectNode hello(DeviceProfile d, Project p, Session s) {
    ObjectNode m = Messages.of("hello");
    m.set("device", Messages.json(d));
    ArrayNode presets = m.putArray("presets");
    DeviceProfile.presets().forEach(preset -> presets.add(preset.name()));
    ObjectNode app = m.putObject("app");
    if (p != null) {
      app.put("appId", p.appId());
      app.put("name", p.projectName());
      app.set("window", Messages.json(p.app().window()));
      p.app().tabBar().ifPresent(t -> app.set("tabBar", tabBar(t)));
    }
    ArrayNode local = m.putArray("localPrefixes");
    FileSandbox files = s == null ? null : s.files();
    if (files != null && files.scheme() == FileSandbox.Scheme.HTTP) {
      for (LocalPath.Area area : List.of(LocalPath.Area.TEMP, LocalPath.Area.STORE, LocalPath.Area.USER)) {
        String sample = files.pathOf(area, "x");
        local.add(sample.substring(0, sample.length() - 1));
      }
    } else {
      local.add(FileSandbox.Scheme.WXFILE.prefix());
    }
    local.add("cloud://"); // cloud storage file IDs, which <image>/<video>/<cover-image> take as src
    return m;
  }

  private static ObjectNode tabBar(TabBar t) {
    ObjectNode o = Browsers.JSON.createObjectNode();
    o.put("color", t.color());
    o.put("selectedColor", t.selectedColor());
    o.put("backgroundColor", t.backgroundColor());
    o.put("borderStyle", t.borderStyle());
    o.put("position", t.position());
    o.put("custom", t.custom());
    ArrayNode items = o.putArray("list");
    for (TabBar.Item i : t.list()) {
      ObjectNode item = items.addObject();
      item.put("pagePath", i.pagePath());
      item.put("text", i.text());
      item.put("iconPath", i.iconPath());
      item.put("selectedIconPath", i.selectedIconPath());
    }
    return o;
  }

  /** The simulator's HTTP routes. */
  private final class Routes implements SimulatorServer.Routes {
    @Override
    public Optional<Path> localFile(String path) {
      return Simulator.localFile(session, path);
    }

    @Override
    public String upload(InputStream body, String fileName) throws IOException {
      String id = "u" + uploadIds.incrementAndGet();
      String ext = extension(fileName);
      Path target = uploads.path().resolve(id + (ext.isEmpty() ? "" : "." + ext));
      Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
      uploaded.put(id, target);
      return id;
    }

    @Override
    public Optional<String> screen(String key) {
      return Optional.ofNullable(screens.get(key));
    }

    @Override
    public boolean extra(String path, Request request, Response response, Callback callback) throws Exception {
      if (path.equals("/media")) {
        media.serve(session, request, response, callback);
        return true;
      }
      Matcher doc = Pattern.compile("/document/(\\d{1,9})/([a-z0-9.]{1,16})").matcher(path);
      if (!doc.matches() || devices.documents == null) {
        return false;
      }
      Optional<byte[]> png = devices.documents.image(Integer.parseInt(doc.group(1)), doc.group(2));
      if (png.isEmpty()) {
        Response.writeError(request, response, callback, 404, "no such document page");
      } else {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/png");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, png.get().length);
        response.write(true, ByteBuffer.wrap(png.get()), callback);
      }
      return true;
    }
  }

  /** The host file behind local path {@code path} of session {@code s} (null while launching), if it may be served. */
  static Optional<Path> localFile(Session s, String path) {
    if (s == null || path == null || path.isEmpty()) {
      return Optional.empty();
    }
    if (path.startsWith("cloud://")) {
      return s.cloudFileForUser(path);
    }
    FileSandbox files = s.files();
    List<Path> roots = new ArrayList<>(List.of(files.tempDir(), files.storeDir(), files.userDir(),
        s.project().files().root()));
    roots.addAll(s.project().files().mountedFolders());
    return files.resolve(path).flatMap(f -> FileResponses.confined(f, roots));
  }

  /** A safe lower-case extension of an uploaded file's name (letters and digits, at most 5). */
  static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,5}") ? ext : "";
  }
}
