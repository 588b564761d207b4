package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy {@code <toast>} component (base library 1.x, still rendered): each time one is shown (on the page
 * without {@code hidden}, or {@code hidden} turned false) it fires {@code change} {@code {value: false}} after its
 * {@code duration} (ms, default 1500) of session time, if it is still on the page. Pages hide it from that handler;
 * without one it stays. The session fires it whether or not a browser shows the page (the simulator has no timer of
 * its own). Loop thread only.
 */
final class ToastElements {
  static final long DEFAULT_DURATION = 1500;

  private final Scheduler scheduler;
  private final ImageEvents.Events events;
  /** page → the built-in toast elements on it → whether each is shown. */
  private final Map<Integer, Map<Integer, Boolean>> pages = new HashMap<>();
  /** page → toast → its duration attribute as last rendered. */
  private final Map<Integer, Map<Integer, JsonNode>> durations = new HashMap<>();

  ToastElements(Scheduler scheduler, ImageEvents.Events events) {
    this.scheduler = scheduler;
    this.events = events;
  }

  /** A page was rendered for the first time. */
  void opened(int pageId, VElement root) {
    scan(pageId, root);
  }

  /** A render changed the page. */
  void patched(int pageId, List<Patch> patches) {
    Map<Integer, Boolean> toasts = pages.get(pageId);
    Set<Integer> touched = new HashSet<>();
    for (Patch p : patches) {
      if (p instanceof Patch.Insert i) {
        scan(pageId, i.node());
      } else if (toasts == null) {
        continue;
      } else if (p instanceof Patch.SetAttr s && toasts.containsKey(s.id())) {
        if (s.name().equals("hidden")) {
          toasts.put(s.id(), !Js.truthy(s.value()));
          touched.add(s.id());
        } else if (s.name().equals("duration")) {
          durations.get(pageId).put(s.id(), s.value());
        }
      } else if (p instanceof Patch.RemoveAttr r && toasts.containsKey(r.id()) && r.name().equals("hidden")) {
        toasts.put(r.id(), true);
        touched.add(r.id());
      } else if (p instanceof Patch.Remove r) {
        toasts.remove(r.id());
        durations.get(pageId).remove(r.id());
      }
    }
    for (int id : touched) {
      Boolean shown = toasts.get(id);
      if (shown != null && shown) {
        schedule(pageId, id);
      }
    }
  }

  /** The page is gone. */
  void closed(int pageId) {
    pages.remove(pageId);
    durations.remove(pageId);
  }

  private void scan(int pageId, VNode node) {
    if (node instanceof VElement e) {
      if (e.tag().equals("toast") && e.hosted() == 0) {
        boolean shown = !Js.truthy(e.attribute("hidden"));
        pages.computeIfAbsent(pageId, k -> new HashMap<>()).put(e.id(), shown);
        durations.computeIfAbsent(pageId, k -> new HashMap<>()).put(e.id(), e.attribute("duration"));
        if (shown) {
          schedule(pageId, e.id());
        }
      }
      for (VNode c : e.children()) {
        scan(pageId, c);
      }
    }
  }

  private void schedule(int pageId, int nodeId) {
    long delay = duration(durations.getOrDefault(pageId, Map.of()).get(nodeId));
    scheduler.schedule(delay, () -> {
      if (pages.getOrDefault(pageId, Map.of()).containsKey(nodeId)) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("value", false);
        events.fire(pageId, nodeId, "change", detail);
      }
    });
  }

  /** A Number property set from WXML: a number, or a string that reads as one; else the default. */
  static long duration(JsonNode value) {
    if (value == null || value.isNull()) {
      return DEFAULT_DURATION;
    }
    if (value.isNumber()) {
      return Math.max(0, value.asLong());
    }
    try {
      return Math.max(0, (long) Double.parseDouble(value.asText().trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_DURATION;
    }
  }
}
