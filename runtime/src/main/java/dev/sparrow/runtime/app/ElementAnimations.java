package dev.sparrow.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.view.animation.AnimationSteps;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The styles animations put on elements, on the session clock, as the view shows them headless: the {@code
 * animation} attribute's steps (each step's style once its delay and duration have passed, a {@code transitionend}
 * event on the element after each step that lasts and changes something, when {@code stepEvents} says so, i.e. when no
 * browser runs the transitions), and
 * {@code this.animate}'s final keyframe once its duration has passed (kept until {@code clearAnimation}).
 * Loop thread only.
 */
public final class ElementAnimations {
  /** Fires an event on an element (a {@code transitionend} after a step). */
  public interface Events {
    void fire(int pageId, int nodeId, String type);
  }

  /** An {@code animation} attribute value being played from {@code start}. */
  private record Run(long start, List<AnimationSteps.Step> steps) {}

  /** A {@code this.animate} call whose last keyframe applies at {@code end}. */
  private record Keyframes(long end, Map<String, JsonNode> last) {}

  /** One element's animated state. */
  private static final class Node {
    final Map<String, String> settled = new LinkedHashMap<>();
    Run run;
    final List<Scheduler.Cancellable> timers = new ArrayList<>();
    final List<Keyframes> pending = new ArrayList<>();
    final Map<String, JsonNode> kept = new LinkedHashMap<>();
  }

  private final Clock clock;
  private final Scheduler scheduler;
  private final Events events;
  private final BooleanSupplier stepEvents;
  private final Map<Integer, Map<Integer, Node>> pages = new HashMap<>();

  public ElementAnimations(Clock clock, Scheduler scheduler, Events events, BooleanSupplier stepEvents) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.events = events;
    this.stepEvents = stepEvents;
  }

  /** A page was rendered for the first time: elements written with an {@code animation} attribute start it. */
  public void opened(int pageId, VElement root) {
    scan(pageId, root);
  }

  /** A render changed the page: new {@code animation} values start playing, removed elements are forgotten. */
  public void patched(int pageId, List<Patch> patches) {
    for (Patch p : patches) {
      if (p instanceof Patch.SetAttr s && s.name().equals("animation")) {
        play(pageId, s.id(), s.value());
      } else if (p instanceof Patch.Insert i) {
        scan(pageId, i.node());
      } else if (p instanceof Patch.Remove r) {
        forget(pageId, r.id());
      }
    }
  }

  /** The page is gone. */
  public void closed(int pageId) {
    Map<Integer, Node> nodes = pages.remove(pageId);
    if (nodes != null) {
      nodes.values().forEach(n -> n.timers.forEach(Scheduler.Cancellable::cancel));
    }
  }

  /** {@code this.animate} on elements: the last keyframe's properties apply after {@code duration} ms. */
  public void animate(int pageId, List<Integer> nodeIds, JsonNode keyframes, long duration) {
    Map<String, JsonNode> last = new LinkedHashMap<>();
    for (JsonNode frame : keyframes) {
      frame.fields().forEachRemaining(e -> {
        if (AnimationSteps.isKeyframeProperty(e.getKey())) {
          last.remove(e.getKey());
          last.put(e.getKey(), e.getValue());
        }
      });
    }
    long end = clock.epochMillis() + Math.max(0, duration);
    for (int id : nodeIds) {
      node(pageId, id).pending.add(new Keyframes(end, last));
    }
  }

  /** {@code this.clearAnimation}: removes the named keyframe properties ({@code null}: all) from the elements. */
  public void clear(int pageId, List<Integer> nodeIds, Set<String> properties) {
    for (int id : nodeIds) {
      Node n = pages.getOrDefault(pageId, Map.of()).get(id);
      if (n == null) {
        continue;
      }
      settle(n);
      if (properties == null) {
        n.kept.clear();
        n.pending.clear();
      } else {
        n.kept.keySet().removeAll(properties);
      }
    }
  }

  /** The style animations give the element now (CSS property → value), on top of its own {@code style}. */
  public Map<String, String> style(int pageId, int nodeId) {
    Node n = pages.getOrDefault(pageId, Map.of()).get(nodeId);
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    out.putAll(n.settled);
    if (n.run != null) {
      out.putAll(runStyle(n.run, clock.epochMillis()));
    }
    settle(n);
    if (!n.kept.isEmpty()) {
      ObjectNode frame = JsonNodeFactory.instance.objectNode();
      n.kept.forEach(frame::set);
      out.putAll(AnimationSteps.keyframe(frame));
    }
    return out;
  }

  private void scan(int pageId, VNode node) {
    if (node instanceof VElement e) {
      JsonNode value = e.attribute("animation");
      if (value != null && value.isObject()) {
        play(pageId, e.id(), value);
      }
      for (VNode c : e.children()) {
        scan(pageId, c);
      }
    }
  }

  private void play(int pageId, int nodeId, JsonNode value) {
    List<AnimationSteps.Step> steps = AnimationSteps.steps(value);
    Node n = node(pageId, nodeId);
    long now = clock.epochMillis();
    if (n.run != null) {
      n.settled.putAll(runStyle(n.run, now));
    }
    n.timers.forEach(Scheduler.Cancellable::cancel);
    n.timers.clear();
    n.run = steps.isEmpty() ? null : new Run(now, steps);
    if (n.run == null || !stepEvents.getAsBoolean()) {
      return;
    }
    // as a browser: a step transitions (and ends with transitionend) only if it lasts and changes something
    Map<String, String> shown = new LinkedHashMap<>(n.settled);
    long at = 0;
    for (AnimationSteps.Step step : steps) {
      at += step.length();
      boolean changes = step.style().entrySet().stream().anyMatch(e -> !e.getValue().equals(shown.get(e.getKey())));
      shown.putAll(step.style());
      if (changes && step.duration() > 0) {
        n.timers.add(scheduler.schedule(at, () -> events.fire(pageId, nodeId, "transitionend")));
      }
    }
  }

  /** The style of the steps of {@code run} that have ended by {@code now}. */
  private static Map<String, String> runStyle(Run run, long now) {
    Map<String, String> out = new LinkedHashMap<>();
    long end = run.start();
    for (AnimationSteps.Step step : run.steps()) {
      end += step.length();
      if (end > now) {
        break;
      }
      out.putAll(step.style());
      if (step.style().containsKey("transform")) {
        out.put("transform-origin", step.transformOrigin());
      }
    }
    return out;
  }

  private void settle(Node n) {
    long now = clock.epochMillis();
    for (Iterator<Keyframes> it = n.pending.iterator(); it.hasNext();) {
      Keyframes k = it.next();
      if (k.end() <= now) {
        k.last().forEach((name, v) -> {
          n.kept.remove(name);
          n.kept.put(name, v);
        });
        it.remove();
      }
    }
  }

  private Node node(int pageId, int nodeId) {
    return pages.computeIfAbsent(pageId, k -> new HashMap<>()).computeIfAbsent(nodeId, k -> new Node());
  }

  private void forget(int pageId, int nodeId) {
    Map<Integer, Node> nodes = pages.get(pageId);
    Node n = nodes == null ? null : nodes.remove(nodeId);
    if (n != null) {
      n.timers.forEach(Scheduler.Cancellable::cancel);
    }
  }
}
