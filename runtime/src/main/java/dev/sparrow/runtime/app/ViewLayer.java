package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.view.PageView;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.wxss.WxssCompiler;
import dev.sparrow.view.wxss.WxssOptions;
import dev.sparrow.view.wxss.WxssResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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

  private final Project project;
  private final Clock clock;
  private final ViewSources sources;
  private final Consumer<ScriptError> errors;
  private final Map<String, CompiledPage> compiled = new HashMap<>();
  private final Map<Integer, PageView> views = new HashMap<>();
  private volatile Listener listener = new Listener() {};

  public ViewLayer(Project project, Clock clock, Consumer<ScriptError> errors) {
    this.project = project;
    this.clock = clock;
    this.sources = path -> project.files().read(path);
    this.errors = errors;
  }

  public void listener(Listener listener) {
    this.listener = listener == null ? new Listener() {} : listener;
  }

  /** Compiles (once) and renders a new page instance from its initial data. */
  public void open(PageInstance page, String dataJson) {
    CompiledPage template = compile(page.route());
    if (template == null) {
      return;
    }
    long openedAt = clock.epochMillis();
    PageView view = PageView.open(template, parse(dataJson), () -> clock.epochMillis() - openedAt);
    views.put(page.id(), view);
    for (String warning : view.warnings()) {
      errors.accept(new ScriptError("WXML: " + warning, "", page.route() + ".wxml", 0, 0, "render " + page.route()));
    }
    listener.opened(page.id(), page.route(), view.root());
  }

  /** Applies a setData payload (data-path keys) to the page's view; returns the patches. */
  public List<Patch> setData(int pageId, String json) {
    PageView view = views.get(pageId);
    if (view == null) {
      return List.of();
    }
    List<Patch> patches;
    try {
      patches = view.setData(parse(json));
    } catch (IllegalArgumentException badPath) {
      errors.accept(ScriptError.of("setData: " + badPath.getMessage(), "", "setData"));
      return List.of();
    }
    if (!patches.isEmpty()) {
      listener.patched(pageId, patches);
    }
    return patches;
  }

  public Optional<PageView> view(int pageId) {
    return Optional.ofNullable(views.get(pageId));
  }

  public void close(int pageId) {
    PageView view = views.remove(pageId);
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
    try {
      page = new WxmlCompiler(sources).compile(route);
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
    return new WxssCompiler(sources).page("app.wxss", route + ".wxss", options);
  }

  public static WxssOptions cssOptions(dev.sparrow.apis.system.DeviceProfile device) {
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
