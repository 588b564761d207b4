package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.media.ImageInfo;
import dev.sparrow.apis.media.ImageSources;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.runtime.wx.ImageApis;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * The {@code load} and {@code error} events of {@code <image>} elements when no browser shows the page: each time a
 * render gives an image a new non-empty {@code src}, its natural size is read ({@link ImageSources}, off the loop) and
 * {@code load} ({@code detail {height, width}}) or {@code error} ({@code detail {errMsg}}) is fired on the loop, once
 * per src value, unless the src changed or the element left meanwhile. Loop thread only.
 */
final class ImageEvents {
  /** Fires an event with its detail on an element still on the page. */
  interface Events {
    void fire(int pageId, int nodeId, String type, JsonNode detail);
  }

  private final EventLoop loop;
  private final ImageSources sources;
  private final IntFunction<String> routes;
  private final Events events;
  private final BooleanSupplier headless;
  /** page → image node → the src whose events are awaited or were fired. */
  private final Map<Integer, Map<Integer, String>> pages = new HashMap<>();
  /** page → image node → the folder its relative srcs start from (the page's or its component's path). */
  private final Map<Integer, Map<Integer, String>> bases = new HashMap<>();
  /** page → component instance → its path, learned from the hosts the renders showed. */
  private final Map<Integer, Map<Integer, String>> components = new HashMap<>();

  /**
   * @param routes page id → its route (relative srcs resolve from it)
   * @param headless whether the session fires the events (no screen's browser does)
   */
  ImageEvents(EventLoop loop, ImageSources sources, IntFunction<String> routes, Events events,
      BooleanSupplier headless) {
    this.loop = loop;
    this.sources = sources;
    this.routes = routes;
    this.events = events;
    this.headless = headless;
  }

  /** A page was rendered for the first time. */
  void opened(int pageId, VElement root) {
    scan(pageId, root);
  }

  /** A render changed the page. */
  void patched(int pageId, List<Patch> patches) {
    for (Patch p : patches) {
      if (p instanceof Patch.SetAttr s && s.name().equals("src")) {
        Map<Integer, String> nodes = pages.get(pageId);
        if (nodes != null && nodes.containsKey(s.id())) {
          load(pageId, s.id(), s.value());
        }
      } else if (p instanceof Patch.RemoveAttr r && r.name().equals("src")) {
        Map<Integer, String> nodes = pages.get(pageId);
        if (nodes != null && nodes.containsKey(r.id())) {
          nodes.put(r.id(), "");
        }
      } else if (p instanceof Patch.Insert i) {
        scan(pageId, i.node());
      } else if (p instanceof Patch.Remove r) {
        Map<Integer, String> nodes = pages.get(pageId);
        if (nodes != null) {
          nodes.remove(r.id());
          bases.getOrDefault(pageId, new HashMap<>()).remove(r.id());
        }
      }
    }
  }

  /** The page is gone. */
  void closed(int pageId) {
    pages.remove(pageId);
    bases.remove(pageId);
    components.remove(pageId);
  }

  private void scan(int pageId, VNode node) {
    if (node instanceof VElement e) {
      if (e.hosted() != 0 && e.componentPath() != null) {
        components.computeIfAbsent(pageId, k -> new HashMap<>()).put(e.hosted(), e.componentPath());
      }
      if (e.tag().equals("image")) {
        pages.computeIfAbsent(pageId, k -> new HashMap<>()).put(e.id(), "");
        String component = e.scope() == 0 ? null : components.getOrDefault(pageId, Map.of()).get(e.scope());
        bases.computeIfAbsent(pageId, k -> new HashMap<>()).put(e.id(),
            component != null ? component : routes.apply(pageId));
        load(pageId, e.id(), e.attribute("src"));
      }
      for (VNode c : e.children()) {
        scan(pageId, c);
      }
    }
  }

  private void load(int pageId, int nodeId, JsonNode value) {
    String src = value == null || value.isNull() ? "" : value.asText().trim();
    Map<Integer, String> nodes = pages.get(pageId);
    if (src.equals(nodes.get(nodeId))) {
      return;
    }
    nodes.put(nodeId, src);
    if (src.isEmpty() || !headless.getAsBoolean()) {
      return;
    }
    String base = bases.getOrDefault(pageId, Map.of()).getOrDefault(nodeId, routes.apply(pageId));
    String absolute = src.startsWith("data:") ? src : ImageApis.packagePath(src, base);
    CompletableFuture<ImageInfo> read;
    try {
      read = sources.info(absolute);
    } catch (RuntimeException e) { // a worker refused the task (the session closes)
      read = CompletableFuture.failedFuture(e);
    }
    loop.beginIo(); // the session is not idle while an image loads
    read.whenComplete((info, t) -> {
      try {
        loop.post(() -> deliver(pageId, nodeId, src, info, t));
      } finally {
        loop.endIo();
      }
    });
  }

  private void deliver(int pageId, int nodeId, String src, ImageInfo info, Throwable t) {
    Map<Integer, String> nodes = pages.get(pageId);
    if (nodes == null || !src.equals(nodes.get(nodeId))) {
      return; // the element left or shows another src now
    }
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    if (t == null) {
      detail.put("height", info.height());
      detail.put("width", info.width());
      events.fire(pageId, nodeId, "load", detail);
    } else {
      // as the simulator's browser reports any failed image; WeChat's own text is unverified (docs/decisions.md)
      detail.put("errMsg", "GET " + src + " 404 (Not Found)");
      events.fire(pageId, nodeId, "error", detail);
    }
  }
}
