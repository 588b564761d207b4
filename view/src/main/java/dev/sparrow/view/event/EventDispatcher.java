package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.HostValue;
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
 * A binding to a WXS function runs it in the view as the event reaches its element (through {@link WxsHandlers});
 * the function returning {@code false} stops the event as {@code catch} does. Without WxsHandlers such bindings are
 * disabled.
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

  /** Runs WXS event handlers in the view (WeChat's "WXS 响应事件"). */
  public interface WxsHandlers {
    /**
     * Runs {@code fn(event, ownerInstance)} for the handler on {@code current}; logic-layer calls it asks for
     * ({@code callMethod}, {@code triggerEvent}) go to {@code calls}, in order.
     *
     * @return true when the function returned {@code false}: the event goes no further
     */
    boolean run(HostValue fn, ObjectNode event, VElement current, List<HandlerCall> calls);
  }

  /**
   * @param target the element the event starts on
   * @param detail the event's {@code detail} (for taps {@code {x, y}})
   * @param timeStamp milliseconds since the page was opened
   */
  public static List<HandlerCall> dispatch(VElement target, String type, JsonNode detail, long timeStamp) {
    return dispatch(target, type, detail, null, null, timeStamp);
  }

  /**
   * A touch event with the fingers given: {@code touches} and {@code changedTouches} are WeChat Touch objects
   * ({@code identifier, pageX, pageY, clientX, clientY}, or CanvasTouch {@code identifier, x, y} on a canvas), used
   * as they are; null derives one finger from {@code detail.x/y} as for a tap.
   */
  public static List<HandlerCall> dispatch(VElement target, String type, JsonNode detail, ArrayNode touches,
      ArrayNode changedTouches, long timeStamp) {
    return dispatch(target, type, detail, touches, changedTouches, timeStamp, null);
  }

  /** As above, running bindings to WXS functions with {@code wxs} (null: they are disabled). */
  public static List<HandlerCall> dispatch(VElement target, String type, JsonNode detail, ArrayNode touches,
      ArrayNode changedTouches, long timeStamp, WxsHandlers wxs) {
    List<VElement> path = new ArrayList<>();
    for (VElement el = target; el != null; el = el.parent()) {
      if (el.parent() != null || !el.tag().equals("page")) {
        path.add(el);
      }
    }
    return run(target, path, type, detail, new ArrayNode[] {touches, changedTouches}, timeStamp, true,
        BUBBLING.contains(type), wxs);
  }

  /**
   * An event a custom component fires with {@code this.triggerEvent(type, detail, options)}, starting at its host
   * element: without {@code composed} it travels only the tree of the template that wrote the host (slot content's
   * parent there is the host it was written in; it stops at that template's root), with {@code composed} it crosses
   * component boundaries up to the page; without {@code bubbles} only the host's own handlers run; capture handlers
   * run only with {@code capturePhase}. The {@code target} seen by each handler is the host, or the outer host it
   * belongs to once the event has left a component.
   */
  public static List<HandlerCall> dispatchComponentEvent(VElement host, String type, JsonNode detail, long timeStamp,
      boolean bubbles, boolean composed, boolean capturePhase) {
    List<VElement> path = new ArrayList<>();
    for (VElement el = host; el != null; el = composed ? el.parent() : el.logicalParent()) {
      if (el.parent() != null || !el.tag().equals("page")) {
        path.add(el);
      }
    }
    return run(host, path, type, detail, null, timeStamp, capturePhase, bubbles, null);
  }

  private static List<HandlerCall> run(VElement target, List<VElement> path, String type, JsonNode detail,
      ArrayNode[] fingers, long timeStamp, boolean capture, boolean bubbles, WxsHandlers wxs) {
    ObjectNode marks = Dataset.marks(target);
    boolean canvas = target.tag().equals("canvas");
    List<HandlerCall> calls = new ArrayList<>();
    if (capture) {
      for (int i = path.size() - 1; i >= 0; i--) {
        for (Binding b : Binding.of(path.get(i).attributes(), type)) {
          if (b.phase() != Binding.Phase.CAPTURE || !enabled(b, wxs)) {
            continue;
          }
          boolean halted = add(calls, b, path.get(i), type, info(retarget(target, path.get(i))), marks, detail,
              fingers, timeStamp, canvas, wxs);
          if (b.stops() || halted) {
            return calls;
          }
        }
      }
    }
    boolean mutualDone = false;
    for (int i = 0; i < path.size() && (i == 0 || bubbles); i++) {
      boolean stop = false;
      for (Binding b : Binding.of(path.get(i).attributes(), type)) {
        if (b.phase() != Binding.Phase.BUBBLE || !enabled(b, wxs)) {
          continue;
        }
        if (b.mutual()) {
          if (mutualDone) {
            continue;
          }
          mutualDone = true;
        }
        boolean halted = add(calls, b, path.get(i), type, info(retarget(target, path.get(i))), marks, detail,
            fingers, timeStamp, canvas, wxs);
        stop |= b.stops() || halted;
      }
      if (stop) {
        break;
      }
    }
    return calls;
  }

  /**
   * The target as a handler on {@code current} sees it (WeChat's components work like shadow DOM): the element
   * itself when its template's tree is visible from {@code current}'s, else the host of the component it is in,
   * repeatedly.
   */
  static VElement retarget(VElement target, VElement current) {
    if (target.scope() == current.scope()) {
      return target;
    }
    List<Integer> visible = new ArrayList<>();
    for (VElement e = current; e != null; e = hostOf(e)) {
      visible.add(e.scope());
    }
    VElement t = target;
    while (t != null && !visible.contains(t.scope())) {
      VElement h = hostOf(t);
      if (h == null) {
        break;
      }
      t = h;
    }
    return t == null ? target : t;
  }

  /** The host element of the component whose template wrote {@code e}; null for the page's own elements. */
  static VElement hostOf(VElement e) {
    if (e.scope() == 0) {
      return null;
    }
    for (VElement a = e.parent(); a != null; a = a.parent()) {
      if (a.hosted() == e.scope()) {
        return a;
      }
    }
    return null;
  }

  private static boolean enabled(Binding b, WxsHandlers wxs) {
    return b.isWxs() ? wxs != null : !b.handler().isEmpty();
  }

  /** Adds the call (or runs the WXS handler); true when a WXS handler returned false. */
  private static boolean add(List<HandlerCall> calls, Binding b, VElement current, String type, ObjectNode target,
      ObjectNode marks, JsonNode detail, ArrayNode[] fingers, long timeStamp, boolean canvas, WxsHandlers wxs) {
    if (!enabled(b, wxs)) {
      return false;
    }
    ObjectNode e = F.objectNode();
    e.put("type", type);
    e.set("timeStamp", Js.number(timeStamp));
    e.set("target", target.deepCopy());
    e.set("currentTarget", info(current));
    e.set("mark", marks.deepCopy());
    e.set("detail", detail == null ? F.objectNode() : detail.deepCopy());
    if (fingers != null && (fingers[0] != null || fingers[1] != null)) {
      e.set("touches", fingers[0] == null ? F.arrayNode() : fingers[0].deepCopy());
      e.set("changedTouches", fingers[1] == null ? F.arrayNode() : fingers[1].deepCopy());
    } else if (TOUCH.contains(type)) {
      ArrayNode touches = F.arrayNode();
      ObjectNode t = touches.addObject();
      double x = detail != null && detail.has("x") ? detail.get("x").asDouble() : 0;
      double y = detail != null && detail.has("y") ? detail.get("y").asDouble() : 0;
      t.put("identifier", 0);
      if (canvas) {
        // a canvas's touches are CanvasTouch: x and y from its top-left corner
        t.set("x", Js.number(x));
        t.set("y", Js.number(y));
      } else {
        t.set("pageX", Js.number(x));
        t.set("pageY", Js.number(y));
        t.set("clientX", Js.number(x));
        t.set("clientY", Js.number(y));
      }
      e.set("touches", type.equals("touchend") || type.equals("touchcancel") ? F.arrayNode() : touches);
      e.set("changedTouches", touches.deepCopy());
    }
    if (b.isWxs()) {
      return wxs.run(b.wxs(), e, current, calls);
    }
    calls.add(new HandlerCall(b.handler(), e, current.id(), current.scope()));
    return false;
  }

  /** {@code {id, dataset, offsetLeft, offsetTop}} of an element; {@code id} is its {@code id} attribute or "". */
  public static ObjectNode info(VElement el) {
    ObjectNode o = F.objectNode();
    JsonNode id = el.attribute("id");
    o.put("id", id == null ? "" : Js.toDisplay(id));
    o.set("dataset", Dataset.of(el));
    o.put("offsetLeft", 0);
    o.put("offsetTop", 0);
    return o;
  }
}
