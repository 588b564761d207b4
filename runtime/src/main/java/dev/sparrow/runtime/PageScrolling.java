package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.wx.UiApis;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code wx.pageScrollTo} on the current page (loop thread). Without screens the page scrolls at once, with no end
 * known. With screens the viewport's layout is asked first (one measure round trip, answered at once when nothing
 * lays the page out): the offset stops at the page's end, {@code onReachBottom} can run, and the painted page follows
 * ({@link Screen#pageScrolledTo}). The sink and the router are made after this, so they are handed in as suppliers.
 */
final class PageScrolling implements UiApis.PageScroll {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIEWPORT = "{\"nodes\":[],\"viewport\":true}";

  private final Project project;
  private final List<Screen> screens;
  private final Supplier<LogicSink> sink;
  private final Supplier<Router> router;

  PageScrolling(Project project, List<Screen> screens, Supplier<LogicSink> sink, Supplier<Router> router) {
    this.project = project;
    this.screens = screens;
    this.sink = sink;
    this.router = router;
  }

  @Override
  public double scrollTop() {
    return router.get().current().map(PageInstance::scrollTop).orElse(0.0);
  }

  @Override
  public void scrollTo(double top) {
    router.get().current().ifPresent(p -> unclamped(p.id(), top));
  }

  @Override
  public void scrollTo(double top, Runnable done) {
    Optional<PageInstance> page = router.get().current();
    if (screens.isEmpty() || page.isEmpty()) {
      scrollTo(top);
      done.run();
      return;
    }
    int id = page.get().id();
    sink.get().measure(id, VIEWPORT, layout -> {
      try {
        scrolled(id, top, layout);
      } finally {
        done.run();
      }
    });
  }

  @Override
  public void scrollToSelector(String selector, double offsetTop, Runnable done) {
    Optional<PageInstance> page = router.get().current();
    JsonNode found = null;
    if (!screens.isEmpty() && page.isPresent()) {
      found = parse(sink.get().queryNodes(page.get().id(), 0, selector)).path(0).path("nodeId");
    }
    if (found == null || !found.canConvertToInt()) {
      done.run(); // no layout, or nothing found: nothing to scroll to
      return;
    }
    int id = page.get().id();
    String node = found.asText();
    sink.get().measure(id, "{\"nodes\":[" + node + "],\"viewport\":true}", layout -> {
      try {
        JsonNode answer = parse(layout);
        JsonNode box = answer.path("nodes").path(node);
        if (box.isObject()) {
          double top = answer.path("viewport").path("scrollTop").asDouble() + box.path("top").asDouble() + offsetTop;
          scrolled(id, Math.max(0, top), layout);
        }
      } finally {
        done.run();
      }
    });
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? JSON.missingNode() : JSON.readTree(json);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private void unclamped(int id, double top) {
    screens.forEach(s -> s.pageScrolledTo(id, top));
    router.get().pageScrolled(id, top, Double.POSITIVE_INFINITY, 0);
  }

  private void scrolled(int id, double top, String layout) {
    Optional<PageInstance> page = router.get().page(id);
    if (page.isEmpty()) {
      return; // the page went away meanwhile
    }
    JsonNode viewport = parse(layout).path("viewport");
    if (!viewport.isObject()) {
      unclamped(id, top);
      return;
    }
    double end = Math.max(0, viewport.path("scrollHeight").asDouble() - viewport.path("clientHeight").asDouble());
    double clamped = Math.min(top, end);
    screens.forEach(s -> s.pageScrolledTo(id, clamped));
    if (clamped != page.get().scrollTop()) {
      Object distance = project.windowOf(page.get().route()).get("onReachBottomDistance");
      router.get().pageScrolled(id, clamped, end - clamped, distance instanceof Number n ? n.doubleValue() : 50);
    }
  }
}
