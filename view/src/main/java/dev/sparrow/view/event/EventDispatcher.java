package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Works out which handlers an event reaches, following WeChat's rules (spec framework.md §4):
 * <ol>
 *   <li>capture phase, root → target: {@code capture-bind} handlers run; a {@code capture-catch} handler runs and
 *       ends the whole dispatch;</li>
 *   <li>bubble phase, target → root, for bubbling events only (touchstart, touchmove, touchcancel, touchend, tap,
 *       longpress, longtap, transitionend, animationstart, animationiteration, animationend, touchforcechange);
 *       other events reach the target alone: {@code bind} runs, {@code catch} runs and stops bubbling, and of all
 *       {@code mut-bind} handlers on the path only the first runs.</li>
 * </ol>
 * A binding whose handler is empty (an empty string, or a binding that evaluates to nothing) is disabled: it
 * neither runs nor stops propagation.
 * Event objects carry {@code target} (the originating element) and {@code currentTarget} (the bound element),
 * each as {@code {id, dataset, offsetLeft, offsetTop}}.
 */
public final class EventDispatcher {
  public static final Set<String> BUBBLING = Set.of("touchstart", "touchmove", "touchcancel", "touchend", "tap",
      "longpress", "longtap", "transitionend", "animationstart", "animationiteration", "animationend",
      "touchforcechange");
  private static final Set<String> TOUCH = Set.of("touchstart", "touchmove", "touchcancel", "touchend", "tap",
      "longpress", "longtap", "touchforcechange");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EventDispatcher() {}

  /**
   * @param target the element the event starts on
   * @param detail the event's {@code detail} (for taps {@code {x, y}})
   * @param timeStamp milliseconds since the page was opened
   */
  public static List<HandlerCall> dispatch(VElement target, String type, JsonNode detail, long timeStamp) {
    List<VElement> path = new ArrayList<>();
    for (VElement el = target; el != null; el = el.parent()) {
      if (el.parent() != null || !el.tag().equals("page")) {
        path.add(el);
      }
    }
    ObjectNode targetInfo = info(target);
    ObjectNode marks = Dataset.marks(target);
    List<HandlerCall> calls = new ArrayList<>();
    for (int i = path.size() - 1; i >= 0; i--) {
      for (Binding b : Binding.of(path.get(i).attributes(), type)) {
        if (b.phase() != Binding.Phase.CAPTURE || b.handler().isEmpty()) {
          continue;
        }
        add(calls, b, path.get(i), type, targetInfo, marks, detail, timeStamp);
        if (b.stops()) {
          return calls;
        }
      }
    }
    boolean bubbles = BUBBLING.contains(type);
    boolean mutualDone = false;
    for (int i = 0; i < path.size() && (i == 0 || bubbles); i++) {
      boolean stop = false;
      for (Binding b : Binding.of(path.get(i).attributes(), type)) {
        if (b.phase() != Binding.Phase.BUBBLE || b.handler().isEmpty()) {
          continue;
        }
        if (b.mutual()) {
          if (mutualDone) {
            continue;
          }
          mutualDone = true;
        }
        add(calls, b, path.get(i), type, targetInfo, marks, detail, timeStamp);
        stop |= b.stops();
      }
      if (stop) {
        break;
      }
    }
    return calls;
  }

  private static void add(List<HandlerCall> calls, Binding b, VElement current, String type, ObjectNode target,
      ObjectNode marks, JsonNode detail, long timeStamp) {
    if (b.handler().isEmpty()) {
      return;
    }
    ObjectNode e = F.objectNode();
    e.put("type", type);
    e.set("timeStamp", Js.number(timeStamp));
    e.set("target", target.deepCopy());
    e.set("currentTarget", info(current));
    e.set("mark", marks.deepCopy());
    e.set("detail", detail == null ? F.objectNode() : detail.deepCopy());
    if (TOUCH.contains(type)) {
      ArrayNode touches = F.arrayNode();
      ObjectNode t = touches.addObject();
      double x = detail != null && detail.has("x") ? detail.get("x").asDouble() : 0;
      double y = detail != null && detail.has("y") ? detail.get("y").asDouble() : 0;
      t.put("identifier", 0);
      t.set("pageX", Js.number(x));
      t.set("pageY", Js.number(y));
      t.set("clientX", Js.number(x));
      t.set("clientY", Js.number(y));
      e.set("touches", type.equals("touchend") || type.equals("touchcancel") ? F.arrayNode() : touches);
      e.set("changedTouches", touches.deepCopy());
    }
    calls.add(new HandlerCall(b.handler(), e, current.id()));
  }

  /** {@code {id, dataset, offsetLeft, offsetTop}} of an element; {@code id} is its {@code id} attribute or "". */
  static ObjectNode info(VElement el) {
    ObjectNode o = F.objectNode();
    JsonNode id = el.attribute("id");
    o.put("id", id == null ? "" : Js.toDisplay(id));
    o.set("dataset", Dataset.of(el));
    o.put("offsetLeft", 0);
    o.put("offsetTop", 0);
    return o;
  }
}
