package dev.sparrow.view.component;

import static dev.sparrow.view.component.Elements.closest;
import static dev.sparrow.view.component.Elements.descendants;
import static dev.sparrow.view.component.Elements.descendantsAll;
import static dev.sparrow.view.component.Elements.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.event.EventDispatcher;
import dev.sparrow.view.event.HandlerCall;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.custom.Instance;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Headless behaviour of WeChat's built-in components: what a tap, typing or a form submission does besides
 * firing the plain event. Attribute names are the rendered (camel-cased) ones: {@code form-type} is read as
 * {@code formType}.
 *
 * <ul>
 *   <li>Anything inside a {@code disabled} button, input, textarea, checkbox, radio, switch, slider or picker
 *       ignores taps and typing.</li>
 *   <li>Tap: a finger going down and up, so {@code touchstart}, {@code touchend}, then {@code tap} handlers
 *       (detail {@code {x:0, y:0}}), then the component's own effect: a
 *       {@code button} with {@code form-type="submit"/"reset"} submits or resets its form; a {@code navigator}
 *       yields a {@link NavigationRequest}; {@code checkbox} toggles and its {@code checkbox-group} fires
 *       {@code change} with the checked values; {@code radio} selects and its {@code radio-group} fires
 *       {@code change} with its value; {@code switch} toggles and fires {@code change {value}}; an
 *       {@code action-sheet-cancel} (the legacy {@code action-sheet} component's) fires {@code change} with no data
 *       on its {@code action-sheet}; a {@code button} with {@code open-type} yields an {@link OpenTypeRequest}.</li>
 *   <li>Long press: {@code touchstart}, {@code longpress}, {@code touchend}; only if no {@code longpress}
 *       handler ran does the tap (handlers and effect) follow, as in WeChat.</li>
 *   <li>Typing into {@code input}/{@code textarea}: the value is cut to {@code maxlength} (default 140, -1 for
 *       none) and {@code input} fires with {@code {value, cursor, keyCode}}.</li>
 *   <li>Form submit: {@code submit} fires on the form with {@code {value: {name: value…}, formId: ""}} collected
 *       from named inputs, textareas, switches, sliders, pickers, checkbox-groups and radio-groups inside it.</li>
 *   <li>A tap inside a {@code label} (but not on a control) acts on the control named by its {@code for}
 *       attribute (an {@code id}), else on the first checkbox, radio, switch or button inside it.</li>
 *   <li>{@code change} on a slider clamps to {@code min}..{@code max} (defaults 0..100) and snaps to
 *       {@code step} (default 1); on a picker it stores the value (an index in selector mode).</li>
 *   <li>Other component events have no extra behaviour and are fired with {@link #trigger}: image
 *       {@code load {width, height}} / {@code error {errMsg}}, scroll-view {@code scroll}, {@code scrolltolower},
 *       swiper {@code change {current, source}}, textarea {@code linechange}, picker {@code cancel}.</li>
 * </ul>
 */
public final class Interactions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> DISABLEABLE =
      Set.of("button", "input", "textarea", "checkbox", "radio", "switch", "slider", "picker");

  /** WeChat's long-press time and how far a finger may wander before a press is no longer a tap. */
  static final long LONG_PRESS_MS = 350;
  /** The methods of WeChat's VideoContext ({@link #videoContext}). */
  public static final Set<String> VIDEO_CONTEXT = Videos.METHODS;
  static final double TAP_SLOP_PX = 10;

  private final ComponentState state;
  private final LongSupplier clock;
  private final EventDispatcher.WxsHandlers wxs;
  private final FormFields forms;
  private Press press;
  /** Scroll-views scrolled away from their start, which fire {@code scrolltoupper} on coming back. */
  private final Set<Integer> awayFromStart = new HashSet<>();
  /** Scroll-views (by node id) within {@code lower-threshold} of their end, as the last sized scroll left them. */
  private final Set<Integer> nearEnd = new HashSet<>();
  private final Videos videos;

  /** The finger a driver put down with {@link #touch} and has not lifted yet. */
  private static final class Press {
    final int element;
    final long since;
    final double x;
    final double y;
    boolean moved;
    boolean longPressed;
    boolean longHandled;

    Press(int element, long since, double x, double y) {
      this.element = element;
      this.since = since;
      this.x = x;
      this.y = y;
    }
  }

  public Interactions(ComponentState state, LongSupplier clock) {
    this(state, clock, id -> null);
  }

  /** @param components the custom component instance an element hosts, by instance id (null when unknown) */
  public Interactions(ComponentState state, LongSupplier clock, IntFunction<Instance> components) {
    this(state, clock, components, null);
  }

  /** @param wxs runs bindings to WXS functions (null: such bindings are disabled) */
  public Interactions(ComponentState state, LongSupplier clock, IntFunction<Instance> components,
      EventDispatcher.WxsHandlers wxs) {
    this.wxs = wxs;
    this.state = state;
    this.clock = clock;
    this.forms = new FormFields(state, components);
    this.videos = new Videos(clock, this::dispatch);
  }

  public Interaction tap(VElement target) {
    return tap(target, 0, 0);
  }

  /** A tap at page coordinates {@code (x, y)} (what a browser reports). */
  public Interaction tap(VElement target, double x, double y) {
    return tap(target, x, y, true);
  }

  /**
   * A tap at {@code (x, y)}; without {@code touches} only the tap and its effect, for a front-end
   * that already sent the finger's touchstart/touchend as they happened.
   */
  public Interaction tap(VElement target, double x, double y, boolean touches) {
    if (disabled(target)) {
      return Interaction.NONE;
    }
    ObjectNode xy = xy(x, y);
    List<HandlerCall> calls = new ArrayList<>();
    if (touches) {
      calls.addAll(dispatch(target, "touchstart", xy));
      calls.addAll(dispatch(target, "touchend", xy));
    }
    return tapEffects(target, calls, xy);
  }

  /** A long press; the tap only follows when no {@code longpress} handler ran. */
  public Interaction longPress(VElement target) {
    return longPress(target, 0, 0);
  }

  public Interaction longPress(VElement target, double x, double y) {
    return longPress(target, x, y, true);
  }

  /** A long press; without {@code touches}, as {@link #tap(VElement, double, double, boolean)}. */
  public Interaction longPress(VElement target, double x, double y, boolean touches) {
    if (disabled(target)) {
      return Interaction.NONE;
    }
    ObjectNode xy = xy(x, y);
    List<HandlerCall> calls = new ArrayList<>();
    if (touches) {
      calls.addAll(dispatch(target, "touchstart", xy));
    }
    List<HandlerCall> pressed = dispatch(target, "longpress", xy);
    calls.addAll(pressed);
    if (touches) {
      calls.addAll(dispatch(target, "touchend", xy));
    }
    return pressed.isEmpty() ? tapEffects(target, calls, xy) : new Interaction(calls, List.of());
  }

  /**
   * One finger event a driver spells out ({@code touchstart}, {@code touchmove}, {@code touchend} or
   * {@code touchcancel}) with its Touch lists, used as sent (null {@code changedTouches}: the {@code touches};
   * null {@code touches}: the changed ones, none after a finger is lifted; no finger at all: one at 0,0). The press
   * they make up is recognised by WeChat's rules: held {@value #LONG_PRESS_MS} ms without moving more than 10 px it
   * is a {@code longpress} (fired by {@link #pressHeld} when the session's timer comes, or else before the press's next
   * finger event);
   * lifted without moving, {@code tap} and the component's effect follow unless a {@code longpress} handler ran.
   */
  public Interaction touch(VElement target, String type, JsonNode touches, JsonNode changedTouches) {
    boolean canvas = target.tag().equals("canvas");
    boolean lifted = type.equals("touchend") || type.equals("touchcancel");
    ArrayNode changed = Touches.of(changedTouches != null ? changedTouches : touches, canvas);
    if (changed.isEmpty()) {
      changed = Touches.one(0, 0, canvas);
    }
    ArrayNode current = touches != null ? Touches.of(touches, canvas) : lifted ? F.arrayNode() : changed.deepCopy();
    ObjectNode xy = Touches.detail(changed);
    long now = clock.getAsLong();
    List<HandlerCall> calls = new ArrayList<>();
    Press p = press != null && press.element == target.id() ? press : null;
    if (type.equals("touchstart")) {
      press = new Press(target.id(), now, xy.get("x").asDouble(), xy.get("y").asDouble());
    } else if (p != null) {
      double dx = xy.get("x").asDouble() - p.x;
      double dy = xy.get("y").asDouble() - p.y;
      if (Math.hypot(dx, dy) > TAP_SLOP_PX) {
        p.moved = true;
      }
      if (!p.moved && !p.longPressed && now - p.since >= LONG_PRESS_MS && !disabled(target)) {
        p.longPressed = true;
        List<HandlerCall> pressed = dispatch(target, "longpress", xy(p.x, p.y));
        p.longHandled = !pressed.isEmpty();
        calls.addAll(pressed);
      }
    }
    calls.addAll(EventDispatcher.dispatch(target, type, xy, current, changed, now, wxs));
    if (lifted && p != null) {
      press = null;
      if (type.equals("touchend") && !p.moved && !p.longHandled && !disabled(target)) {
        return tapEffects(target, calls, xy);
      }
    }
    return new Interaction(calls, List.of());
  }

  /**
   * The finger put down on {@code target} with {@link #touch} is still resting: once it has been held {@value
   * #LONG_PRESS_MS} ms without moving, {@code longpress} fires now (a front-end calls this from a timer set at the
   * {@code touchstart}), and the {@code touchend} that follows makes no tap when a handler ran.
   */
  public Interaction pressHeld(VElement target) {
    Press p = press;
    if (p == null || p.element != target.id() || p.moved || p.longPressed || disabled(target)
        || clock.getAsLong() - p.since < LONG_PRESS_MS) {
      return Interaction.NONE;
    }
    p.longPressed = true;
    List<HandlerCall> pressed = dispatch(target, "longpress", xy(p.x, p.y));
    p.longHandled = !pressed.isEmpty();
    return new Interaction(pressed, List.of());
  }

  private static ObjectNode xy(double x, double y) {
    ObjectNode xy = F.objectNode();
    xy.set("x", Js.number(x));
    xy.set("y", Js.number(y));
    return xy;
  }

  private Interaction tapEffects(VElement target, List<HandlerCall> calls, ObjectNode xy) {
    calls.addAll(dispatch(target, "tap", xy));
    List<NavigationRequest> nav = new ArrayList<>();
    VElement button = closest(target, "button");
    VElement navigator = closest(target, "navigator");
    VElement checkbox = closest(target, "checkbox");
    VElement radio = closest(target, "radio");
    VElement toggle = closest(target, "switch");
    VElement label = closest(target, "label");
    if (label != null && button == null && checkbox == null && radio == null && toggle == null) {
      VElement control = labelled(label);
      if (control != null && !disabled(control)) {
        button = control.tag().equals("button") ? control : null;
        checkbox = control.tag().equals("checkbox") ? control : null;
        radio = control.tag().equals("radio") ? control : null;
        toggle = control.tag().equals("switch") ? control : null;
      }
    }
    List<OpenTypeRequest> openTypes = new ArrayList<>();
    if (button != null) {
      String openType = string(button.attribute("openType"));
      if (!openType.isEmpty()) {
        openTypes.add(new OpenTypeRequest(button.id(), openType, EventDispatcher.info(button)));
      }
      String formType = string(button.attribute("formType"));
      VElement form = forms.formOf(button);
      if (form != null && formType.equals("submit")) {
        calls.addAll(submit(form).calls());
      } else if (form != null && formType.equals("reset")) {
        calls.addAll(reset(form).calls());
      }
    }
    if (navigator != null) {
      nav.add(navigation(navigator));
    }
    if (checkbox != null) {
      calls.addAll(toggleCheckbox(checkbox));
    } else if (radio != null) {
      calls.addAll(selectRadio(radio));
    } else if (toggle != null) {
      boolean on = !Js.truthy(state.get(toggle, "checked"));
      state.set(toggle, "checked", Js.bool(on));
      calls.addAll(dispatch(toggle, "change", F.objectNode().put("value", on)));
    }
    VElement sheetCancel = closest(target, "action-sheet-cancel");
    VElement sheet = sheetCancel == null || sheetCancel.hosted() != 0 ? null : closest(sheetCancel, "action-sheet");
    if (sheet != null && sheet.hosted() == 0) {
      calls.addAll(dispatch(sheet, "change", F.objectNode()));
    }
    return new Interaction(calls, nav, openTypes);
  }

  /** Types {@code text} as the new content of an input or textarea. */
  public Interaction input(VElement field, String text) {
    requireField(field);
    if (disabled(field)) {
      return Interaction.NONE;
    }
    JsonNode max = field.attribute("maxlength");
    int limit = max == null || max.isMissingNode() ? 140 : (int) Js.toNumber(max);
    String value = limit >= 0 && text.length() > limit ? text.substring(0, limit) : text;
    state.set(field, "value", Js.string(value));
    int keyCode = value.isEmpty() ? 8 : value.charAt(value.length() - 1);
    ObjectNode detail = F.objectNode().put("value", value).put("cursor", value.length()).put("keyCode", keyCode);
    return new Interaction(dispatch(field, "input", detail), List.of());
  }

  /** Replaces a field's value without events (what returning a string from an input handler does). */
  public void setValue(VElement field, String value) {
    requireField(field);
    state.set(field, "value", Js.string(value));
  }

  public Interaction confirm(VElement field) {
    requireField(field);
    return new Interaction(dispatch(field, "confirm", F.objectNode().put("value", value(field))), List.of());
  }

  public Interaction blur(VElement field) {
    requireField(field);
    String v = value(field);
    return new Interaction(dispatch(field, "blur", F.objectNode().put("value", v).put("cursor", v.length())),
        List.of());
  }

  public Interaction focus(VElement field) {
    requireField(field);
    return new Interaction(dispatch(field, "focus", F.objectNode().put("value", value(field)).put("height", 0)),
        List.of());
  }

  /** Submits {@code form} (or the form around the given element). */
  public Interaction submit(VElement within) {
    VElement form = closest(within, "form");
    if (form == null) {
      throw new IllegalArgumentException("<" + within.tag() + "> is not inside a <form>");
    }
    ObjectNode detail = F.objectNode();
    detail.set("value", forms.values(form));
    detail.put("formId", "");
    return new Interaction(dispatch(form, "submit", detail), List.of());
  }

  /** Resets every field in the form to its attributes and fires {@code reset}. */
  public Interaction reset(VElement within) {
    VElement form = closest(within, "form");
    if (form == null) {
      throw new IllegalArgumentException("<" + within.tag() + "> is not inside a <form>");
    }
    forms.reset(form);
    return new Interaction(dispatch(form, "reset", F.objectNode()), List.of());
  }

  /** Moves a slider, or picks in a picker ({@code value} is the selected index in selector mode). */
  public Interaction change(VElement el, JsonNode value) {
    if (disabled(el)) {
      return Interaction.NONE;
    }
    if (el.tag().equals("slider")) {
      value = Js.number(sliderValue(el, Js.toNumber(value)));
    }
    state.set(el, "value", value);
    ObjectNode detail = F.objectNode();
    detail.set("value", value);
    return new Interaction(dispatch(el, "change", detail), List.of());
  }

  /**
   * A swipe to page {@code index} of a swiper (clamped to its items): its {@code current} changes and
   * {@code change}, then {@code animationfinish}, fire with {@code {current, currentItemId, source: "touch"}}.
   * Swiping to the page it shows fires nothing.
   */
  public Interaction swipeTo(VElement swiper, int index) {
    List<VElement> items = descendants(swiper, "swiper-item");
    int to = Math.max(0, Math.min(items.size() - 1, index));
    if (items.isEmpty() || to == (int) number(state.get(swiper, "current"), 0)) {
      return Interaction.NONE;
    }
    state.set(swiper, "current", Js.number(to));
    ObjectNode detail = F.objectNode();
    detail.put("current", to);
    detail.put("currentItemId", string(items.get(to).attribute("itemId")));
    detail.put("source", "touch");
    List<HandlerCall> calls = new ArrayList<>(dispatch(swiper, "change", detail));
    calls.addAll(dispatch(swiper, "animationfinish", detail));
    return new Interaction(calls, List.of());
  }

  /**
   * Scrolls a scroll-view to {@code (x, y)} along the axes it scrolls ({@code scroll-x}, {@code scroll-y}):
   * {@code scroll {scrollLeft, scrollTop, scrollHeight, scrollWidth, deltaX, deltaY}} (deltas new minus old),
   * {@code scrolltoupper {direction}} on coming within {@code upper-threshold} (50) of the start, and
   * {@code scrolltolower {direction}} on reaching the end. Headless there is no layout: the scroll sizes are 0, the
   * offsets are not clamped to the content and every scroll towards the end is taken as reaching it.
   */
  public Interaction scrollTo(VElement view, double x, double y) {
    return scrollTo(view, x, y, null);
  }

  /**
   * A scroll-view's sizes from a layout (the browser's), in px: its content ({@code scrollWidth}, {@code
   * scrollHeight}) and its box ({@code clientWidth}, {@code clientHeight}).
   */
  public record ScrollSize(double scrollWidth, double scrollHeight, double clientWidth, double clientHeight) {}

  /**
   * {@link #scrollTo(VElement, double, double)} with the scroll-view's layout ({@code size}, null without one): the
   * offsets stop at the content's end, {@code scroll} carries the real scroll sizes, and {@code scrolltolower} fires
   * on coming within {@code lower-threshold} (50) of the end, as the simulator's scroll-view does.
   */
  public Interaction scrollTo(VElement view, double x, double y, ScrollSize size) {
    boolean vertical = Js.truthy(view.attribute("scrollY"));
    double left0 = number(state.get(view, "scrollLeft"), 0);
    double top0 = number(state.get(view, "scrollTop"), 0);
    double maxLeft = size == null ? Double.POSITIVE_INFINITY : Math.max(0, size.scrollWidth() - size.clientWidth());
    double maxTop = size == null ? Double.POSITIVE_INFINITY : Math.max(0, size.scrollHeight() - size.clientHeight());
    double left = Js.truthy(view.attribute("scrollX")) ? Math.min(maxLeft, Math.max(0, x)) : left0;
    double top = vertical ? Math.min(maxTop, Math.max(0, y)) : top0;
    if (left == left0 && top == top0) {
      return Interaction.NONE;
    }
    state.set(view, "scrollLeft", Js.number(left));
    state.set(view, "scrollTop", Js.number(top));
    ObjectNode detail = F.objectNode();
    detail.set("scrollLeft", Js.number(left));
    detail.set("scrollTop", Js.number(top));
    detail.set("scrollHeight", Js.number(size == null ? 0 : size.scrollHeight()));
    detail.set("scrollWidth", Js.number(size == null ? 0 : size.scrollWidth()));
    detail.set("deltaX", Js.number(left - left0));
    detail.set("deltaY", Js.number(top - top0));
    List<HandlerCall> calls = new ArrayList<>(dispatch(view, "scroll", detail));
    double position = vertical ? top : left;
    double delta = vertical ? top - top0 : left - left0;
    if (position <= number(view.attribute("upperThreshold"), 50)) {
      if (awayFromStart.remove(view.id())) {
        calls.addAll(dispatch(view, "scrolltoupper", F.objectNode().put("direction", vertical ? "top" : "left")));
      }
    } else {
      awayFromStart.add(view.id());
    }
    boolean lower;
    if (size == null) {
      lower = delta > 0;
    } else {
      boolean near = (vertical ? maxTop : maxLeft) - position <= number(view.attribute("lowerThreshold"), 50);
      lower = near && nearEnd.add(view.id());
      if (!near) {
        nearEnd.remove(view.id());
      }
    }
    if (lower) {
      calls.addAll(dispatch(view, "scrolltolower", F.objectNode().put("direction", vertical ? "bottom" : "right")));
    }
    return new Interaction(calls, List.of());
  }

  /**
   * Drags a movable-view to {@code (x, y)}: its {@code x}/{@code y} change and {@code change {x, y, source: "touch"}}
   * fires (headless there is no movable-area layout to keep it in).
   */
  public Interaction moveTo(VElement view, double x, double y) {
    if (x == number(state.get(view, "x"), 0) && y == number(state.get(view, "y"), 0)) {
      return Interaction.NONE;
    }
    state.set(view, "x", Js.number(x));
    state.set(view, "y", Js.number(y));
    ObjectNode detail = F.objectNode();
    detail.set("x", Js.number(x));
    detail.set("y", Js.number(y));
    detail.put("source", "touch");
    return new Interaction(dispatch(view, "change", detail), List.of());
  }

  /**
   * A {@code VideoContext} method on a {@code <video>} (see {@link Videos}); an unknown method or another element is
   * an {@link IllegalArgumentException}.
   */
  public Interaction videoContext(VElement video, String method, List<JsonNode> args) {
    return videos.call(video, method, args);
  }

  /** A video's player: {@code {paused, currentTime, playbackRate, fullScreen, danmu}}. */
  public ObjectNode videoState(VElement video) {
    return videos.state(video);
  }

  /** Any event with any detail, dispatched by WeChat's bubbling rules. */
  public Interaction trigger(VElement el, String type, JsonNode detail) {
    return new Interaction(dispatch(el, type, detail == null ? F.objectNode() : detail), List.of());
  }

  /** A field's current text value. */
  public String value(VElement field) {
    JsonNode v = state.get(field, "value");
    return v == null ? "" : Js.toDisplay(v);
  }

  private double sliderValue(VElement slider, double wanted) {
    double min = number(slider.attribute("min"), 0);
    double max = number(slider.attribute("max"), 100);
    double step = number(slider.attribute("step"), 1);
    double v = Double.isNaN(wanted) ? min : Math.max(min, Math.min(max, wanted));
    if (step > 0) {
      v = Math.min(max, min + Math.round((v - min) / step) * step);
    }
    return v;
  }

  private static double number(JsonNode v, double fallback) {
    if (v == null || v.isMissingNode()) {
      return fallback;
    }
    double d = Js.toNumber(v);
    return Double.isNaN(d) ? fallback : d;
  }

  /** The control a label acts on: {@code for} names an id; otherwise the first control inside. */
  private VElement labelled(VElement label) {
    String target = string(label.attribute("for"));
    VElement root = label;
    while (root.parent() != null) {
      root = root.parent();
    }
    if (!target.isEmpty()) {
      for (String tag : List.of("checkbox", "radio", "switch", "button")) {
        for (VElement c : descendants(root, tag)) {
          if (target.equals(string(c.attribute("id")))) {
            return c;
          }
        }
      }
      return null;
    }
    for (VElement c : descendantsAll(label)) {
      if (Set.of("checkbox", "radio", "switch", "button").contains(c.tag())) {
        return c;
      }
    }
    return null;
  }

  private List<HandlerCall> toggleCheckbox(VElement checkbox) {
    boolean on = !Js.truthy(state.get(checkbox, "checked"));
    state.set(checkbox, "checked", Js.bool(on));
    VElement group = closest(checkbox, "checkbox-group");
    if (group == null) {
      return List.of();
    }
    ArrayNode checked = F.arrayNode();
    for (VElement c : descendants(group, "checkbox")) {
      if (Js.truthy(state.get(c, "checked"))) {
        checked.add(string(c.attribute("value")));
      }
    }
    ObjectNode detail = F.objectNode();
    detail.set("value", checked);
    return dispatch(group, "change", detail);
  }

  private List<HandlerCall> selectRadio(VElement radio) {
    if (Js.truthy(state.get(radio, "checked"))) {
      return List.of();
    }
    VElement group = closest(radio, "radio-group");
    if (group != null) {
      for (VElement r : descendants(group, "radio")) {
        state.set(r, "checked", Js.bool(r == radio));
      }
      return dispatch(group, "change", F.objectNode().put("value", string(radio.attribute("value"))));
    }
    state.set(radio, "checked", Js.bool(true));
    return List.of();
  }

  private NavigationRequest navigation(VElement nav) {
    String openType = string(nav.attribute("openType"));
    JsonNode delta = nav.attribute("delta");
    int d = delta == null || delta.isMissingNode() ? 1 : (int) Js.toNumber(delta);
    return new NavigationRequest(string(nav.attribute("url")), openType.isEmpty() ? "navigate" : openType, d);
  }

  private List<HandlerCall> dispatch(VElement el, String type, JsonNode detail) {
    return EventDispatcher.dispatch(el, type, detail, null, null, clock.getAsLong(), wxs);
  }

  private boolean disabled(VElement el) {
    for (VElement e = el; e != null; e = e.parent()) {
      if (DISABLEABLE.contains(e.tag()) && Js.truthy(e.attribute("disabled"))) {
        return true;
      }
    }
    return false;
  }

  private static void requireField(VElement el) {
    if (!el.tag().equals("input") && !el.tag().equals("textarea")) {
      throw new IllegalArgumentException("<" + el.tag() + "> is not an input or textarea");
    }
  }


}
