package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.project.TabBar;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.ModelUpdate;
import dev.sparrow.view.PageView;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.custom.ComponentDefinition;
import dev.sparrow.view.custom.ComponentHost;
import dev.sparrow.view.custom.Instance;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.wxs.WxsWatchdog;
import dev.sparrow.view.wxss.WxssCompiler;
import dev.sparrow.view.wxss.WxssOptions;
import dev.sparrow.view.wxss.WxssResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The view side of a session: each page's WXML compiled once per route, a {@link PageView} per page
 * instance rendered from its data, and every {@code setData} turned into patches (which a browser
 * simulator applies; headless sessions just keep the tree). Loop-thread only.
 */
public final class ViewLayer implements AutoCloseable {
  /** Told about every render, for a front-end that paints pages. */
  public interface Listener {
    default void opened(int pageId, String route, VElement root) {}

    default void patched(int pageId, List<Patch> patches) {}

    default void closed(int pageId) {}
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The payload key under which the logic layer lists the keys JSON could not carry (see sparrow-base.js). */
  private static final String UNSENT = "__sparrowUnsent__";
  /** The custom tab bar's instance id in every tab page (sparrow-components.js TAB_BAR) and its component. */
  public static final int TAB_BAR = -1;
  public static final String TAB_BAR_PATH = "custom-tab-bar/index";
  /** The tag of its host element, the last child of the page root. */
  public static final String TAB_BAR_TAG = "custom-tab-bar";

  private final Project project;
  private final Clock clock;
  private final WxsWatchdog wxsWatchdog;
  private final ViewSources sources;
  private final Consumer<ScriptError> errors;
  private final Map<String, CompiledPage> compiled = new HashMap<>();
  private final Map<Integer, PageView> views = new HashMap<>();
  private final Map<Integer, Long> openedAt = new HashMap<>();
  private volatile Listener listener = new Listener() {};
  private ComponentCatalog catalog;
  private LogicLayer logic;
  private IntPredicate pageReady = id -> false;
  private IntConsumer wxsWork = id -> {};

  /** {@code wxsWatchdog} limits every page's WXS calls (the caller closes it after the views). */
  public ViewLayer(Project project, Clock clock, WxsWatchdog wxsWatchdog, Consumer<ScriptError> errors) {
    this.project = project;
    this.clock = clock;
    this.wxsWatchdog = wxsWatchdog;
    this.sources = path -> project.files().read(path);
    this.errors = errors;
  }

  public void listener(Listener listener) {
    this.listener = listener == null ? new Listener() {} : listener;
  }

  /** Enables custom components: instances live in {@code logic}; {@code pageReady} tells whether a page ran onReady. */
  public void components(LogicLayer logic, IntPredicate pageReady) {
    this.logic = logic;
    this.pageReady = pageReady;
    this.catalog = new ComponentCatalog(project.components(), sources, logic, errors);
  }

  /**
   * Told (with the page id) when a render left WXS work for the logic layer or the clock: a {@code change:}
   * observer's {@code callMethod}, an animation frame.
   */
  public void wxsWork(IntConsumer work) {
    this.wxsWork = work;
  }

  /** Sends the patches WXS handlers made on the page since the last call to the front-ends. */
  public void publishWxsPatches(int pageId) {
    PageView view = views.get(pageId);
    List<Patch> patches = view == null ? List.of() : view.takeWxsPatches();
    if (!patches.isEmpty()) {
      listener.patched(pageId, patches);
    }
  }

  /** Runs the components' lifecycle after a render, then says whether WXS left work ({@link #wxsWork}). */
  private void drain(int pageId, PageView view) {
    view.drain();
    if (view.hasWxsCalls() || view.hasAnimationFrames()) {
      wxsWork.accept(pageId);
    }
  }

  /** The session's custom components (null before {@link #components}). */
  public ComponentCatalog catalog() {
    return catalog;
  }

  /** Compiles (once) and renders a new page instance from its initial data. */
  public void open(PageInstance page, String dataJson) {
    CompiledPage template = compile(page.route());
    if (template == null) {
      return;
    }
    long opened = clock.epochMillis();
    int id = page.id();
    PageView view = catalog == null
        ? PageView.open(template, parse(dataJson), () -> clock.epochMillis() - opened, null, wxsWatchdog)
        : PageView.open(template, parse(dataJson), () -> clock.epochMillis() - opened,
            new PageComponents(id, catalog, logic, () -> pageReady.test(id), tabBar(page.route())), wxsWatchdog);
    views.put(id, view);
    openedAt.put(id, opened);
    for (String warning : view.warnings()) {
      errors.accept(new ScriptError("WXML: " + warning, "", page.route() + ".wxml", 0, 0, "render " + page.route()));
    }
    listener.opened(id, page.route(), view.root());
    drain(id, view);
  }

  /**
   * A tab page's custom tab bar ({@code tabBar.custom}): {@code custom-tab-bar/index} after the page's content, as
   * the host {@code <custom-tab-bar>} of the instance the logic layer made with the page (id {@link #TAB_BAR}).
   */
  private Optional<ComponentHost.Appended> tabBar(String route) {
    boolean custom = project.app().isTabPage(route) && project.app().tabBar().map(TabBar::custom).orElse(false);
    if (!custom || !project.components().isComponent(TAB_BAR_PATH)) {
      return Optional.empty();
    }
    return catalog.definition(TAB_BAR_PATH).map(d -> new ComponentHost.Appended(TAB_BAR_TAG, d, TAB_BAR));
  }

  /**
   * What component {@code instance}'s setData payload writes back through its host's {@code model:} bindings
   * (see {@link PageView#modelUpdates(int, ObjectNode)}); the payload is read only when the host has such bindings.
   */
  public List<ModelUpdate> modelUpdates(int pageId, int instance, String json) {
    PageView view = views.get(pageId);
    if (view == null || instance == 0 || view.components() == null) {
      return List.of();
    }
    Instance in = view.components().instance(instance);
    if (in == null || in.host() == null || in.host().models().isEmpty()) {
      return List.of();
    }
    try {
      return view.modelUpdates(instance, parse(json));
    } catch (IllegalArgumentException bad) {
      return List.of();
    }
  }

  /** Applies a setData payload (data-path keys) to the page's view; returns the patches. */
  public List<Patch> setData(int pageId, String json) {
    return setData(pageId, 0, json);
  }

  /**
   * Applies a setData payload of the page ({@code instance} 0) or of one of its custom components; returns the
   * patches, which for a component touch only its subtree. The components' lifecycle for the render runs after the
   * patches are out.
   */
  public List<Patch> setData(int pageId, int instance, String json) {
    PageView view = views.get(pageId);
    if (view == null) {
      return List.of();
    }
    SetDataEvent timed = new SetDataEvent();
    boolean timing = timed.isEnabled();
    if (timing) {
      timed.start(pageId, instance, json);
    }
    List<Patch> patches;
    try {
      ObjectNode changes = parse(json);
      // values JSON cannot carry (functions): whatever reads them renders again, and compares as a whole render does
      boolean unsent = changes.remove(UNSENT) != null;
      if (timing) {
        timed.parse = timed.step();
      }
      patches = view.setData(instance, changes, unsent);
    } catch (IllegalArgumentException badPath) {
      errors.accept(ScriptError.of("setData: " + badPath.getMessage(), "", "setData"));
      return List.of();
    } catch (IllegalStateException gone) {
      return List.of();
    }
    if (timing) {
      timed.view = timed.step();
    }
    if (!patches.isEmpty()) {
      listener.patched(pageId, patches);
    }
    if (timing) {
      timed.listeners = timed.step();
    }
    drain(pageId, view);
    if (timing) {
      timed.drain = timed.step();
      timed.patches = patches.size();
      timed.commit();
    }
    return patches;
  }

  /** JSON array {@code [{instance, handler, event}]} of the handlers a component's triggerEvent reaches. */
  public String componentEvent(int pageId, int instance, String type, boolean bubbles, boolean composed, boolean capturePhase) {
    PageView view = views.get(pageId);
    ArrayNode out = JSON.createArrayNode();
    if (view == null) {
      return out.toString();
    }
    long at = clock.epochMillis() - openedAt.getOrDefault(pageId, clock.epochMillis());
    for (HandlerCall c : view.componentEvent(instance, type, null, bubbles, composed, capturePhase, at)) {
      ObjectNode call = out.addObject();
      call.put("instance", c.instance());
      call.put("handler", c.handler());
      c.event().remove("detail");
      call.set("event", c.event());
    }
    return out.toString();
  }

  /** JSON array: see {@link PageView#logicalAncestors}. */
  public String componentAncestors(int pageId, int instance) {
    PageView view = views.get(pageId);
    return view == null ? "[]" : JSON.valueToTree(view.logicalAncestors(instance)).toString();
  }

  /** JSON array: see {@link PageView#componentOrder}. */
  public String componentOrder(int pageId) {
    PageView view = views.get(pageId);
    return view == null ? "[]" : JSON.valueToTree(view.componentOrder()).toString();
  }

  /** JSON array of the instances {@code selector} finds in the template of {@code instance}; null when malformed. */
  public String selectComponents(int pageId, int instance, String selector) {
    PageView view = views.get(pageId);
    if (view == null) {
      return "[]";
    }
    try {
      return JSON.valueToTree(view.selectComponents(instance, selector)).toString();
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  /**
   * JSON array of what a SelectorQuery learns about the elements {@code selector} finds in the template of
   * {@code instance} (0: the page): {@code id} (the attribute, "" without), {@code dataset}, the tag and the
   * attributes; null when the selector is malformed.
   */
  public String queryNodes(int pageId, int instance, String selector) {
    PageView view = views.get(pageId);
    if (view == null) {
      return "[]";
    }
    try {
      ArrayNode out = JSON.createArrayNode();
      for (ElementHandle e : view.query(instance, selector)) {
        ObjectNode n = out.addObject();
        JsonNode id = e.attribute("id");
        n.put("id", id == null || id.isNull() ? "" : id.asText());
        n.put("nodeId", e.id());
        n.set("dataset", e.dataset());
        n.put("tag", e.tag());
        n.set("attributes", JSON.valueToTree(e.attributes()));
      }
      return out.toString();
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  /**
   * The stylesheets of the custom components shown on a page, for a front-end: each compiled with the component's
   * class prefix (none for {@code styleIsolation: shared}); elements carry the matching {@code cssClass}.
   */
  public List<ComponentStyle> componentStyles(int pageId, WxssOptions options) {
    PageView view = views.get(pageId);
    List<ComponentStyle> out = new ArrayList<>();
    if (view == null || view.components() == null) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (Instance in : view.components().components()) {
      ComponentDefinition d = in.definition();
      if (seen.add(d.path()) && sources.read(d.path() + ".wxss").isPresent()) {
        String prefix = d.styleIsolation().equals("shared") ? "" : d.classPrefix();
        WxssResult css = new WxssCompiler(sources).compile(d.path() + ".wxss", options.withClassPrefix(prefix));
        out.add(new ComponentStyle(d.path(), prefix, d.styleIsolation(), css));
      }
    }
    return out;
  }

  /** A custom component's stylesheet as a page uses it. */
  public record ComponentStyle(String path, String classPrefix, String styleIsolation, WxssResult css) {}

  public Optional<PageView> view(int pageId) {
    return Optional.ofNullable(views.get(pageId));
  }

  public void close(int pageId) {
    PageView view = views.remove(pageId);
    openedAt.remove(pageId);
    if (view != null && view.components() != null && logic != null) {
      for (Instance in : view.components().components()) {
        logic.call("detached", logic.fn("detachComponent"), pageId, in.id());
      }
    }
    if (view != null) {
      view.close();
      listener.closed(pageId);
    }
  }

  /** The page's compiled WXML, or null after reporting its problems. */
  CompiledPage compile(String route) {
    if (compiled.containsKey(route)) {
      return compiled.get(route);
    }
    CompiledPage page = null;
    String wxml = route + ".wxml";
    // a page listed without its WXML (reported with the project's problems) shows empty, as in WeChat
    ViewSources from = project.files().exists(wxml) ? sources : path -> path.equals(wxml) ? Optional.of("") : sources.read(path);
    try {
      page = new WxmlCompiler(from).compile(route);
      for (String warning : page.warnings()) {
        errors.accept(new ScriptError("WXML: " + warning, "", route + ".wxml", 0, 0, "compile " + route));
      }
    } catch (ViewException e) {
      for (ViewProblem p : e.problems()) {
        errors.accept(new ScriptError("WXML: " + p.message(), "", p.file(), p.line(), p.column(), "compile " + route));
      }
    }
    compiled.put(route, page);
    return page;
  }

  /** The page's CSS (app.wxss, then the page's wxss) for a screen, with problems located. */
  public WxssResult css(String route, WxssOptions options) {
    return pageCss(project, route, options);
  }

  /** A page's CSS: the extended libraries' stylesheets, app.wxss, then the page's wxss. */
  public static WxssResult pageCss(Project project, String route, WxssOptions options) {
    WxssCompiler compiler = new WxssCompiler(path -> project.files().read(path));
    WxssResult page = compiler.page("app.wxss", route + ".wxss", options);
    if (project.libraryStyles().isEmpty()) {
      return page;
    }
    StringBuilder css = new StringBuilder();
    StringBuilder host = new StringBuilder();
    List<ViewProblem> problems = new ArrayList<>();
    for (String sheet : project.libraryStyles()) {
      WxssResult lib = compiler.compile(sheet, options);
      css.append("/* ").append(sheet).append(" */\n").append(lib.css());
      host.append(lib.hostCss());
      problems.addAll(lib.problems());
    }
    problems.addAll(page.problems());
    return new WxssResult(css.append(page.css()).toString(), problems, host.append(page.hostCss()).toString());
  }

  public static WxssOptions cssOptions(DeviceProfile device) {
    return new WxssOptions(device.screenWidth(), device.pixelRatio(), device.platform().equals("ios") || device.system().startsWith("iOS"), "");
  }

  @Override
  public void close() {
    views.values().forEach(PageView::close);
    views.clear();
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json == null ? "{}" : json);
      return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  /** For callers that need the project (e.g. resolving resources). */
  public Project project() {
    return project;
  }
}
