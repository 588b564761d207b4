package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.canvas.CanvasExport;
import dev.sparrow.apis.network.TrafficEntry;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.ConsoleMessage;
import dev.sparrow.runtime.Screen;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.animation.AnimationSteps;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeJson;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.wxss.StyleScope;
import dev.sparrow.view.wxss.WxssCompiler;
import dev.sparrow.view.wxss.WxssOptions;
import dev.sparrow.view.wxss.WxssResult;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session as the browser paints it: turns renders, patches, route and bar changes into protocol
 * messages on the session thread (serialised there, written by the sockets later), and builds the
 * snapshot a tab gets when it connects. Also carries the console and errors to the console panel.
 */
final class Mirror implements Screen {
  /** Console lines a newly connected tab still sees. */
  private static final int CONSOLE_BACKLOG = 500;

  private final Browsers browsers;
  private final boolean reports;
  private volatile WxssOptions css;
  private final Map<String, String> stylesheets = new ConcurrentHashMap<>();
  private final Deque<ObjectNode> console = new ArrayDeque<>();
  private volatile Project project;
  private final List<ObjectNode> fonts = new CopyOnWriteArrayList<>();
  private final List<Supplier<List<ObjectNode>>> replays = new CopyOnWriteArrayList<>();

  Mirror(Browsers browsers, DeviceProfile device) {
    this(browsers, device, true);
  }

  /**
   * @param reports whether the tabs report back to the session (the simulator's); a layout tab ({@link BrowserLayout})
   *     only paints and measures, so the session keeps playing animation steps on its own clock
   */
  Mirror(Browsers browsers, DeviceProfile device, boolean reports) {
    this.browsers = browsers;
    this.css = ViewLayer.cssOptions(device);
    this.reports = reports;
  }

  @Override
  public void started(Project project, DeviceProfile device) {
    this.project = project;
    this.tabBar = null; // a new session starts from app.json's tab bar
  }

  private final Map<Integer, CompletableFuture<String>> measuring = new ConcurrentHashMap<>();
  private final AtomicInteger measureIds = new AtomicInteger();

  /** A SelectorQuery's layout from the browser that paints the page (the first tab that answers); null without one. */
  @Override
  public CompletionStage<String> measure(int pageId, String request) {
    if (!browsers.connected()) {
      return null;
    }
    int id = measureIds.incrementAndGet();
    CompletableFuture<String> answer = new CompletableFuture<>();
    measuring.put(id, answer);
    answer.whenComplete((json, t) -> measuring.remove(id));
    ObjectNode m = Messages.of("measure").put("id", id).put("page", pageId);
    try {
      m.set("request", Browsers.JSON.readTree(request));
    } catch (IOException e) {
      return null;
    }
    browsers.broadcast(m);
    return answer;
  }

  @Override
  public void pageScrolledTo(int pageId, double scrollTop) {
    browsers.broadcast(Messages.of("page.scrollTo").put("page", pageId).put("scrollTop", scrollTop));
  }

  /** The last tab bar change (badges, items, style, hidden), replayed to tabs that connect later. */
  private volatile ObjectNode tabBar;

  @Override
  public void tabBarChanged(Map<String, Object> state) {
    ObjectNode m = Messages.of("tabbar");
    m.set("state", Messages.json(state));
    tabBar = m;
    browsers.broadcast(m);
  }

  /** A font the app loaded: every page of every tab gets it (also pages opened later, and tabs that connect). */
  @Override
  public void fontLoaded(String family, String source, Map<String, Object> desc) {
    ObjectNode m = Messages.of("font").put("family", family).put("source", source);
    m.set("desc", Messages.json(desc));
    fonts.add(m);
    browsers.broadcast(m);
  }

  /** A canvas drew: the browser draws the same batch on its own canvas. */
  @Override
  public void canvasDrawn(int pageId, int nodeId, boolean legacy, String batch) {
    ObjectNode m = Messages.of("canvas").put("page", pageId).put("node", nodeId).put("legacy", legacy);
    try {
      m.set("batch", Browsers.JSON.readTree(batch));
    } catch (IOException e) {
      return;
    }
    browsers.broadcast(m);
  }

  @Override
  public void pullDownRefreshChanged(int pageId, boolean refreshing) {
    browsers.broadcast(Messages.of("page.refreshing").put("page", pageId).put("on", refreshing));
  }

  /**
   * The simulator's tabs fire {@code <image>} load/error from the browser's own image events, also for pages painted
   * once a tab connects, so the session never fires them too; a layout tab reports nothing.
   */
  @Override
  public boolean firesImageEvents() {
    return reports;
  }

  /** A connected tab plays the {@code animation} attribute and reports its steps' ends. */
  @Override
  public boolean playsAnimations() {
    return reports && browsers.connected();
  }

  /** {@code this.animate}: the browser plays the keyframes (as CSS) with Web Animations. */
  @Override
  public void animated(int pageId, List<Integer> nodeIds, JsonNode keyframes, long duration) {
    ObjectNode m = Messages.of("animate").put("page", pageId).put("duration", duration);
    nodeIds.forEach(m.putArray("nodes")::add);
    ArrayNode frames = m.putArray("keyframes");
    for (JsonNode k : keyframes) {
      ObjectNode f = frames.addObject();
      if (k.path("offset").isNumber()) {
        f.put("offset", k.path("offset").asDouble());
      }
      if (k.path("ease").isTextual()) {
        f.put("easing", k.path("ease").asText());
      }
      f.set("style", Messages.json(AnimationSteps.keyframe(k)));
    }
    browsers.broadcast(m);
  }

  /** {@code this.clearAnimation}: the browser drops the CSS properties the named keyframe properties set. */
  @Override
  public void animationCleared(int pageId, List<Integer> nodeIds, Set<String> properties) {
    ObjectNode m = Messages.of("animate.clear").put("page", pageId);
    nodeIds.forEach(m.putArray("nodes")::add);
    if (properties != null) {
      ArrayNode css = m.putArray("properties");
      properties.stream().map(AnimationSteps::cssProperty).distinct().forEach(css::add);
    }
    browsers.broadcast(m);
  }

  /** A tab's answer to {@link #measure}. */
  void measured(int id, JsonNode layout) {
    CompletableFuture<String> answer = measuring.get(id);
    if (answer != null) {
      answer.complete(layout.toString());
    }
  }

  Project project() {
    return project;
  }

  /** The device changed: stylesheets are compiled again for its width. */
  void reset(DeviceProfile device) {
    css = ViewLayer.cssOptions(device);
    stylesheets.clear();
  }

  /**
   * Live reload of styles: forgets the compiled stylesheets and sends each open page ({@code pages}: id → route) its
   * stylesheet compiled again from the files, which the tabs swap in place.
   */
  void restyle(Map<Integer, String> pages) {
    stylesheets.clear();
    pages.forEach((id, route) ->
        browsers.broadcast(Messages.of("page.css").put("page", id).put("css", stylesheet(route))));
  }

  @Override
  public void pageOpened(int pageId, String route, VElement root, Map<String, Object> window, Map<String, Object> bar) {
    browsers.broadcast(open(pageId, route, root, window, bar));
  }

  private ObjectNode open(int pageId, String route, VElement root, Map<String, Object> window, Map<String, Object> bar) {
    ObjectNode m = Messages.of("page.open");
    m.put("page", pageId);
    m.put("route", route);
    m.put("css", stylesheet(route));
    m.set("window", Messages.json(window));
    m.set("bar", Messages.json(bar));
    m.set("tree", TreeJson.toJson(root));
    return m;
  }

  @Override
  public void pagePatched(int pageId, List<Patch> patches) {
    ObjectNode m = Messages.of("page.patch");
    m.put("page", pageId);
    ArrayNode list = m.putArray("patches");
    for (Patch p : patches) {
      list.add(p.toJson());
    }
    browsers.broadcast(m);
  }

  @Override
  public void pageClosed(int pageId) {
    browsers.broadcast(Messages.of("page.close").put("page", pageId));
  }

  @Override
  public void routeChanged(String openType, List<PageRef> stack) {
    browsers.broadcast(route(openType, stack));
  }

  private static ObjectNode route(String openType, List<PageRef> stack) {
    ObjectNode m = Messages.of("route");
    m.put("openType", openType);
    ArrayNode pages = m.putArray("stack");
    for (PageRef p : stack) {
      pages.addObject().put("page", p.pageId()).put("route", p.route());
    }
    return m;
  }

  @Override
  public void navigationBarChanged(int pageId, Map<String, Object> bar) {
    ObjectNode m = Messages.of("navbar");
    m.put("page", pageId);
    m.set("bar", Messages.json(bar));
    browsers.broadcast(m);
  }

  @Override
  public void controlsChanged(int pageId, Map<Integer, Map<String, JsonNode>> controls) {
    browsers.broadcast(controls(pageId, controls));
  }

  private static ObjectNode controls(int pageId, Map<Integer, Map<String, JsonNode>> controls) {
    ObjectNode m = Messages.of("page.controls");
    m.put("page", pageId);
    ObjectNode c = m.putObject("controls");
    controls.forEach((id, props) -> {
      ObjectNode p = c.putObject(Integer.toString(id));
      props.forEach((k, v) -> p.set(k, TreeJson.plain(v)));
    });
    return m;
  }

  /**
   * The page CSS (rpx resolved for the device), compiled once per route: the components' {@code :host} rules first
   * (WeChat's global sheet), then app.wxss and the page's wxss, then each component's stylesheet scoped by its class
   * prefix (elements carry it in cssClass).
   */
  String stylesheet(String route) {
    return stylesheets.computeIfAbsent(route, r -> {
      Project p = project;
      WxssCompiler compiler = new WxssCompiler(path -> p.files().read(path));
      WxssResult result = ViewLayer.pageCss(p, r, css);
      StringBuilder host = new StringBuilder(result.hostCss());
      StringBuilder components = new StringBuilder();
      List<ViewProblem> problems = new ArrayList<>(result.problems());
      p.components().configs().forEach((component, config) -> {
        if (p.files().exists(component + ".wxss")) {
          String prefix = "shared".equals(config.get("styleIsolation")) ? "" : StyleScope.classPrefix(component);
          WxssResult c = compiler.compile(component + ".wxss", css.withClassPrefix(prefix));
          components.append("/* ").append(component).append(".wxss */\n").append(c.css());
          host.append(c.hostCss());
          problems.addAll(c.problems());
        }
      });
      for (ViewProblem problem : problems) {
        console(new ConsoleMessage("error", "WXSS " + problem.file() + ":" + problem.line() + ": " + problem.message()));
      }
      return (host.length() == 0 ? "" : "/* :host */\n" + host) + result.css() + components;
    });
  }

  // ---- console and errors ------------------------------------------------------------------------

  void console(ConsoleMessage message) {
    ObjectNode m = Messages.of("console");
    m.put("level", message.level());
    m.put("text", message.text());
    keep(m);
  }

  void error(ScriptError error) {
    ObjectNode m = Messages.of("console");
    m.put("level", "error");
    m.put("text", error.message());
    m.put("stack", error.stack());
    m.put("file", error.file());
    m.put("line", error.line());
    m.put("column", error.column());
    m.put("where", error.origin());
    keep(m);
  }

  /** A finished network task, for the network panel. */
  void traffic(TrafficEntry entry) {
    ObjectNode m = Messages.of("traffic");
    m.set("entry", Messages.json(entry));
    keep(m);
  }

  /** Sends a message that later tabs should still see (console lines, network log). */
  void keep(ObjectNode m) {
    synchronized (console) {
      console.addLast(m);
      while (console.size() > CONSOLE_BACKLOG) {
        console.removeFirst();
      }
    }
    browsers.broadcast(m);
  }

  /** More replay for new tabs: the devices' open prompts and the toast, read on the session thread. */
  void replay(Supplier<List<ObjectNode>> source) {
    replays.add(source);
  }

  // ---- snapshot for a tab that connects ------------------------------------------------------------

  /**
   * Paints a new tab: on the session thread, every open page, the stack and the devices' state are
   * queued to it, then it joins the broadcasts, so that nothing in between is lost or doubled.
   */
  void paint(Session session, BrowserSocket socket) {
    List<ObjectNode> backlog;
    synchronized (console) {
      backlog = new ArrayList<>(console);
    }
    for (ObjectNode m : backlog) {
      socket.send(m.toString());
    }
    session.readPages(pages -> {
      for (ObjectNode m : snapshot(pages)) {
        socket.send(m.toString());
      }
      browsers.join(socket);
      return null;
    });
  }

  /** What a tab needs to show the session now (also the screenshot page's content). Session thread. */
  List<ObjectNode> snapshot(Session.PageTrees pages) {
    List<ObjectNode> out = new ArrayList<>();
    List<Integer> all = new ArrayList<>(pages.hiddenTabs());
    all.addAll(pages.stack());
    for (int id : all) {
      pages.tree(id).ifPresent(root -> out.add(open(id, pages.route(id), root, pages.window(id), pages.navigationBar(id))));
      pages.canvases(id).forEach((node, canvas) -> {
        ObjectNode m = Messages.of("canvas").put("page", id).put("node", node).put("legacy", canvas.legacy())
            .put("image", CanvasExport.dataUrl(canvas.bitmap(), "image/png", 1));
        try {
          m.set("state", Browsers.JSON.readTree(canvas.state()));
        } catch (IOException e) {
          return;
        }
        out.add(m);
      });
      Map<Integer, Map<String, JsonNode>> controls = pages.controls(id);
      if (!controls.isEmpty()) {
        out.add(controls(id, controls));
      }
    }
    List<PageRef> stack = new ArrayList<>();
    for (int id : pages.stack()) {
      stack.add(new PageRef(id, pages.route(id)));
    }
    out.add(route("snapshot", stack));
    ObjectNode bar = tabBar;
    if (bar != null) {
      out.add(bar);
    }
    out.addAll(fonts);
    for (var r : replays) {
      out.addAll(r.get());
    }
    return out;
  }
}
