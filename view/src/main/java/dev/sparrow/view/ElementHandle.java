package dev.sparrow.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.component.Interactions;
import dev.sparrow.view.event.Dataset;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.query.Selector;
import dev.sparrow.view.query.Wxml;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live reference to an element of a {@link PageView}, by node id: it keeps pointing at the same element across
 * {@code setData} as long as the diff keeps the element (keyed list items follow their key). Reads reflect the
 * current tree plus component state (a typed input value shows in {@link #attribute}{@code ("value")}).
 */
public final class ElementHandle {
  private final PageView page;
  private final int id;

  ElementHandle(PageView page, int id) {
    this.page = page;
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** False once the element has left the page. */
  public boolean exists() {
    return page.node(id) instanceof VElement;
  }

  public VElement element() {
    return page.element(id);
  }

  public String tag() {
    return element().tag();
  }

  /** Attribute (or component property) value, or null when absent. */
  public JsonNode attribute(String name) {
    return plain(page.state().get(element(), name));
  }

  /** All attributes, with component state applied. */
  public Map<String, JsonNode> attributes() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    element().attributes().forEach((k, v) -> out.put(k, plain(v)));
    for (String k : List.of("value", "checked")) {
      JsonNode v = page.state().get(element(), k);
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  /** An event bound to a WXS function reads {@code null}, as JSON carries it; other values as they are. */
  private static JsonNode plain(JsonNode v) {
    return v instanceof POJONode ? Js.jsonValue(v) : v;
  }

  /** The custom component instance this element hosts (0 when it is not a component host). */
  public int instance() {
    return element().hosted();
  }

  public ObjectNode dataset() {
    return Dataset.of(element());
  }

  /** Concatenated text of all descendant text nodes. */
  public String text() {
    return Wxml.text(element());
  }

  /** The element's markup, including itself. */
  public String wxml() {
    return Wxml.outer(element());
  }

  public String innerWxml() {
    return Wxml.inner(element());
  }

  /**
   * Elements under this one matching {@code selector}. On a custom component's host it searches the component's own
   * WXML (its shadow tree) and the content put in its slots; elsewhere the elements written by the same template
   * (WeChat DevTools' {@code element.$}).
   */
  public List<ElementHandle> findAll(String selector) {
    List<ElementHandle> out = new ArrayList<>();
    VElement el = element();
    Selector s = Selector.parse(selector);
    for (VElement e : el.hosted() != 0 ? s.selectInHost(el) : s.select(el, el.scope())) {
      out.add(new ElementHandle(page, e.id()));
    }
    return out;
  }

  public Optional<ElementHandle> find(String selector) {
    List<ElementHandle> all = findAll(selector);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Taps the element: touchstart, touchend and tap handlers plus the component's effect (see {@code Interactions}). */
  public Interaction tap() {
    return page.interactions().tap(element());
  }

  /** Taps at page coordinates, as a browser reports them (the event's {@code detail} and touches carry them). */
  public Interaction tap(double x, double y) {
    return page.interactions().tap(element(), x, y);
  }

  /** A tap at page coordinates; {@code touches=false} when the front-end already sent touchstart/touchend. */
  public Interaction tap(double x, double y, boolean touches) {
    return page.interactions().tap(element(), x, y, touches);
  }

  public Interaction longPress(double x, double y) {
    return page.interactions().longPress(element(), x, y);
  }

  public Interaction longPress(double x, double y, boolean touches) {
    return page.interactions().longPress(element(), x, y, touches);
  }

  /** Long-presses the element: {@code longpress} handlers, or the tap when none ran. */
  public Interaction longPress() {
    return page.interactions().longPress(element());
  }

  /** Types {@code text} into an input or textarea (replacing its content) and fires {@code input}. */
  public Interaction input(String text) {
    return page.interactions().input(element(), text);
  }

  /** Sets an input's content without events (the runtime applies an input handler's returned string so). */
  public void setValue(String text) {
    page.interactions().setValue(element(), text);
  }

  public Interaction confirm() {
    return page.interactions().confirm(element());
  }

  public Interaction focus() {
    return page.interactions().focus(element());
  }

  public Interaction blur() {
    return page.interactions().blur(element());
  }

  /** Submits the form this element is in (or is). */
  public Interaction submit() {
    return page.interactions().submit(element());
  }

  public Interaction reset() {
    return page.interactions().reset(element());
  }

  /** Slider position or picker selection ({@code change} event with {@code {value}}). */
  public Interaction change(JsonNode value) {
    return page.interactions().change(element(), value);
  }

  /** A finger event with its Touch lists (see {@code Interactions.touch}: taps and long presses are recognised). */
  public Interaction touch(String type, JsonNode touches, JsonNode changedTouches) {
    return page.interactions().touch(element(), type, touches, changedTouches);
  }

  /** The finger a {@link #touch} put down here is still resting: {@code longpress} once held 350 ms. */
  public Interaction pressHeld() {
    return page.interactions().pressHeld(element());
  }

  /** A swiper swiped to page {@code index}: {@code change} and {@code animationfinish}. */
  public Interaction swipeTo(int index) {
    return page.interactions().swipeTo(element(), index);
  }

  /** A scroll-view scrolled to {@code (x, y)}: {@code scroll}, {@code scrolltoupper}, {@code scrolltolower}. */
  public Interaction scrollTo(double x, double y) {
    return page.interactions().scrollTo(element(), x, y);
  }

  /** {@link #scrollTo(double, double)} with the scroll-view's sizes from a layout (null: none). */
  public Interaction scrollTo(double x, double y, Interactions.ScrollSize size) {
    return page.interactions().scrollTo(element(), x, y, size);
  }

  /** A movable-view dragged to {@code (x, y)}: {@code change}. */
  public Interaction moveTo(double x, double y) {
    return page.interactions().moveTo(element(), x, y);
  }

  /** A {@code VideoContext} method on this {@code <video>}: {@code play}, {@code seek}, {@code requestFullScreen}… */
  public Interaction videoContext(String method, List<JsonNode> args) {
    return page.interactions().videoContext(element(), method, args);
  }

  /** This video's player: {@code {paused, currentTime, playbackRate, fullScreen, danmu}}. */
  public ObjectNode video() {
    return page.interactions().videoState(element());
  }

  /** Fires any event with any detail, bubbling as WeChat does. */
  public Interaction trigger(String type, JsonNode detail) {
    return page.interactions().trigger(element(), type, detail);
  }

  @Override
  public String toString() {
    return exists() ? wxml() : "<gone #" + id + ">";
  }
}
