package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.runtime.app.LogicLayer;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.js.EventLoop;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.component.NavigationRequest;
import dev.sparrow.view.component.OpenTypeRequest;
import dev.sparrow.view.event.HandlerCall;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.graalvm.polyglot.Value;

/**
 * A person's (or the view's own) interactions with page elements, on the loop thread: the page handlers they call,
 * the component properties they change (reported to the screens as a diff) and the navigations they ask for.
 */
final class Interactions {
  /** A display frame: when WXS {@code requestAnimationFrame} callbacks run (60 Hz). */
  static final long FRAME_MS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventLoop loop;
  private final ViewLayer view;
  private final LogicLayer logic;
  private final Router router;
  private final List<Screen> screens;
  private final SessionLog log;
  /** What a tapped {@code <button open-type>} hands its handler (the detail), when it comes; null: nothing. */
  private final Function<String, CompletionStage<Map<String, Object>>> openTypes;
  /** Pages whose WXS animation frame is scheduled. */
  private final Set<Integer> framesDue = new HashSet<>();

  Interactions(EventLoop loop, ViewLayer view, LogicLayer logic, Router router, List<Screen> screens, SessionLog log,
      Function<String, CompletionStage<Map<String, Object>>> openTypes) {
    this.loop = loop;
    this.openTypes = openTypes;
    this.view = view;
    this.logic = logic;
    this.router = router;
    this.screens = screens;
    this.log = log;
  }

  /**
   * Runs a headless interaction with an element and what it causes: the page handlers in order (an
   * input handler returning a string replaces the input's value), then any navigation a navigator asked for.
   */
  void interact(int pageId, int nodeId, Function<ElementHandle, Interaction> action) {
    PageView pageView = view.view(pageId)
        .orElseThrow(() -> new IllegalStateException("page " + pageId + " is no longer open"));
    ElementHandle element = pageView.handle(nodeId)
        .orElseThrow(() -> new IllegalStateException("element " + nodeId + " is no longer on the page"));
    Map<Integer, Map<String, JsonNode>> before = pageView.componentState();
    Interaction result = action.apply(element);
    view.publishWxsPatches(pageId);
    // model: bindings first: the owner's data holds what the user did when the event handlers run
    pageView.modelUpdates(before).forEach(m -> logic.writeModel(pageId, m));
    String route = router.page(pageId).map(PageInstance::route).orElse("");
    for (HandlerCall call : result.calls()) {
      Value returned = call(pageId, route, call);
      boolean input = "input".equals(call.event().path("type").asText());
      if (returned != null && returned.isString() && input && element.exists()) {
        element.setValue(returned.asString());
      }
    }
    if (!screens.isEmpty()) {
      reportControls(pageId, pageView, before);
    }
    for (NavigationRequest n : result.navigations()) {
      navigate(n);
    }
    for (OpenTypeRequest r : result.openTypes()) {
      openType(pageId, route, r);
    }
    wxs(pageId);
  }

  /**
   * What a tapped {@code <button open-type>} does after its tap handlers: {@code share} calls the page's
   * {@code onShareAppMessage({from: 'button', target})}; {@code getUserInfo} (the person's profile, no prompt: WeChat
   * answers at once since 2021) and {@code openSetting} (the settings page, then the decisions) fire
   * {@code getuserinfo} / {@code opensetting} on the button when answered. The other open types do nothing yet.
   */
  private void openType(int pageId, String route, OpenTypeRequest r) {
    if (r.openType().equals("share")) {
      if (logic.fn("hasMethod").execute(pageId, "onShareAppMessage").asBoolean()) {
        ObjectNode share = JsonNodeFactory.instance.objectNode().put("from", "button");
        share.set("target", r.target());
        logic.call(route + " onShareAppMessage", logic.fn("callInstanceHandler"), pageId, 0,
            "onShareAppMessage", share.toString());
      }
      return;
    }
    CompletionStage<Map<String, Object>> answer = openTypes.apply(r.openType());
    if (answer == null) {
      return;
    }
    String event = r.openType().toLowerCase(Locale.ROOT);
    loop.beginIo(); // the session is busy until the answer came
    answer.whenComplete((detail, t) -> {
      try {
        if (t == null) {
          loop.post(() -> fire(pageId, r.button(), event, JSON.valueToTree(detail)));
        }
      } finally {
        loop.endIo();
      }
    });
  }

  private Value call(int pageId, String route, HandlerCall call) {
    return logic.call(route + " " + call.handler(), logic.fn("callInstanceHandler"), pageId, call.instance(),
        call.handler(), call.event().toString());
  }

  /**
   * Delivers what WXS of a page left: its patches to the screens, its {@code callMethod} calls to the logic layer,
   * and its {@code requestAnimationFrame} callbacks at the next frame of the session clock.
   */
  void wxs(int pageId) {
    PageView pageView = view.view(pageId).orElse(null);
    if (pageView == null) {
      return;
    }
    view.publishWxsPatches(pageId);
    String route = router.page(pageId).map(PageInstance::route).orElse("");
    for (HandlerCall call : pageView.takeWxsCalls()) {
      call(pageId, route, call);
    }
    if (pageView.hasAnimationFrames() && framesDue.add(pageId)) {
      loop.schedule(FRAME_MS, () -> {
        framesDue.remove(pageId);
        view.view(pageId).ifPresent(v -> {
          v.runAnimationFrames();
          wxs(pageId);
        });
      });
    }
  }

  /** An event the view raises by itself on an element still on the page (an animation step's transitionend). */
  void fire(int pageId, int nodeId, String type) {
    fire(pageId, nodeId, type, JsonNodeFactory.instance.objectNode());
  }

  /** As above with the event's {@code detail} (an image's load or error). */
  void fire(int pageId, int nodeId, String type, JsonNode detail) {
    if (view.view(pageId).flatMap(v -> v.handle(nodeId)).isPresent()) {
      interact(pageId, nodeId, h -> h.trigger(type, detail));
    }
  }

  /** Tells the screens which component properties users changed (or the page took back) in an interaction. */
  private void reportControls(int pageId, PageView pageView, Map<Integer, Map<String, JsonNode>> before) {
    Map<Integer, Map<String, JsonNode>> after = pageView.componentState();
    Map<Integer, Map<String, JsonNode>> changed = new LinkedHashMap<>();
    Set<Integer> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    for (int id : ids) {
      Map<String, JsonNode> was = before.getOrDefault(id, Map.of());
      Map<String, JsonNode> now = after.getOrDefault(id, Map.of());
      Set<String> props = new LinkedHashSet<>(was.keySet());
      props.addAll(now.keySet());
      for (String prop : props) {
        if (!Objects.equals(was.get(prop), now.get(prop))) {
          pageView.handle(id).ifPresent(h -> {
            JsonNode value = h.attribute(prop);
            changed.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(prop,
                value == null ? NullNode.getInstance() : value);
          });
        }
      }
    }
    if (!changed.isEmpty()) {
      screens.forEach(s -> s.controlsChanged(pageId, changed));
    }
  }

  private void navigate(NavigationRequest n) {
    try {
      switch (n.openType()) {
        case "redirect" -> router.redirectTo(n.url());
        case "switchTab" -> router.switchTab(n.url());
        case "reLaunch" -> router.reLaunch(n.url());
        case "navigateBack" -> router.navigateBack(n.delta());
        case "exit" -> {
          return;
        }
        default -> router.navigateTo(n.url());
      }
    } catch (ApiFailure f) {
      String api = switch (n.openType()) {
        case "redirect" -> "redirectTo";
        case "switchTab" -> "switchTab";
        case "reLaunch" -> "reLaunch";
        case "navigateBack" -> "navigateBack";
        default -> "navigateTo";
      };
      log.console(new ConsoleMessage("error", f.errMsg(api)));
      return;
    }
    loop.post(router::flushReady);
  }
}
