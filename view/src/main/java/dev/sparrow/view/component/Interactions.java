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
 *       {@code change} with its value; {@code switch} toggles and fires {@code change {value}}.</li>
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

  private final ComponentState state;
  private final LongSupplier clock;
  private final FormFields forms;

  public Interactions(ComponentState state, LongSupplier clock) {
    this(state, clock, id -> null);
  }

  /** @param components the custom component instance an element hosts, by instance id (null when unknown) */
  public Interactions(ComponentState state, LongSupplier clock, IntFunction<Instance> components) {
    this.state = state;
    this.clock = clock;
    this.forms = new FormFields(state, components);
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
    if (button != null) {
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
    return new Interaction(calls, nav);
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
    return EventDispatcher.dispatch(el, type, detail, clock.getAsLong());
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
