package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.component.Interaction;
import dev.sparrow.view.component.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An element of a page's rendered WXML, found by a CSS-like selector ({@link PageHandle#select}).
 * Reads show the current tree; actions ({@link #tap()}, {@link #input(String)}…) run the handlers
 * the page bound, as a user would, and return once the session is idle again. It keeps pointing at
 * the same element across {@code setData} while the element stays on the page.
 */
public final class PageElement {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;
  private final int pageId;
  private final int nodeId;
  private final String tag;

  PageElement(Session session, int pageId, int nodeId, String tag) {
    this.session = session;
    this.pageId = pageId;
    this.nodeId = nodeId;
    this.tag = tag;
  }

  /** The element's id in its page's tree (stable while it stays). */
  public int nodeId() {
    return nodeId;
  }

  public int pageId() {
    return pageId;
  }

  /** The WXML tag ({@code view}, {@code button}, a custom tag…). */
  public String tag() {
    return tag;
  }

  public boolean exists() {
    return read(ElementHandle::exists, false);
  }

  /** The text content, as a user would read it. */
  public String text() {
    return read(ElementHandle::text);
  }

  /** An attribute's current value (a typed input's value included) as plain Java data; null when absent. */
  public Object attribute(String name) {
    return read(h -> toJava(h.attribute(name)));
  }

  public Map<String, Object> attributes() {
    return read(h -> {
      Map<String, Object> out = new LinkedHashMap<>();
      h.attributes().forEach((k, v) -> out.put(k, toJava(v)));
      return out;
    });
  }

  /**
   * The style animations put on the element now, on the session clock (CSS property → value, on top of its own
   * {@code style}): the steps of its {@code animation} attribute ({@code wx.createAnimation().export()}) whose delay
   * and duration have passed, then what {@code this.animate} left (its last keyframe, once its duration has passed,
   * until {@code clearAnimation}). The steps themselves are {@code attribute("animation")}.
   */
  public Map<String, String> animatedStyle() {
    return session.pages().animatedStyle(pageId, nodeId);
  }

  /** {@code data-*} attributes by WeChat's naming rules. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> dataset() {
    return read(h -> (Map<String, Object>) toJava(h.dataset()));
  }

  /** The element's children as WXML. */
  public String wxml() {
    return read(ElementHandle::innerWxml);
  }

  /** The element itself as WXML. */
  public String outerWxml() {
    return read(ElementHandle::wxml);
  }

  /**
   * The first element under this one matching {@code selector}: inside a custom component's own WXML and its slots'
   * content when this is its host, else among the elements written by the same template (as WeChat DevTools'
   * {@code element.$}).
   */
  public Optional<PageElement> select(String selector) {
    return read(h -> h.find(selector).map(this::wrap));
  }

  public List<PageElement> selectAll(String selector) {
    return read(h -> h.findAll(selector).stream().map(this::wrap).toList());
  }

  /** Whether this element is a custom component's host (its tag names a component in {@code usingComponents}). */
  public boolean isComponent() {
    return instance() != 0;
  }

  /** The custom component instance this element hosts (0 for ordinary elements); unique within its page. */
  public int instance() {
    return read(ElementHandle::instance, 0);
  }

  /** A custom component's {@code this.data} (plain Java data); see {@link #isComponent()}. */
  public Map<String, Object> data() {
    return session.pages().componentData(pageId, component());
  }

  /** One value of the component's data by WeChat path ({@code "list[2].title"}), or null. */
  public Object data(String path) {
    return DataPaths.get(data(), path);
  }

  /** Calls {@code this.setData(changes)} in the component, as its own code would; returns once the session is idle. */
  public PageElement setData(Map<String, Object> changes) {
    session.pages().componentSetData(pageId, component(), changes);
    return this;
  }

  /** Calls a method of the component with arguments; returns its result (a Promise is awaited) as plain Java data. */
  public Object callMethod(String method, Object... args) {
    return session.pages().componentCall(pageId, component(), method, Arrays.asList(args));
  }

  private int component() {
    int instance = instance();
    if (instance == 0) {
      throw new IllegalStateException("<" + tag + "> is not a custom component");
    }
    return instance;
  }

  /** A tap: touchstart, touchend, tap, with bubbling and catch rules; navigators navigate. */
  public PageElement tap() {
    return act(ElementHandle::tap);
  }

  public PageElement longPress() {
    return act(ElementHandle::longPress);
  }

  /** Types {@code text} into an input or textarea (replacing its value), firing {@code input}. */
  public PageElement input(String text) {
    return act(h -> h.input(text));
  }

  /** The keyboard's confirm key on an input ({@code bindconfirm}). */
  public PageElement confirm() {
    return act(ElementHandle::confirm);
  }

  public PageElement focus() {
    return act(ElementHandle::focus);
  }

  public PageElement blur() {
    return act(ElementHandle::blur);
  }

  /** Submits the form this element is (or is in), collecting named fields. */
  public PageElement submit() {
    return act(ElementHandle::submit);
  }

  public PageElement reset() {
    return act(ElementHandle::reset);
  }

  /** Changes a slider's, picker's or switch's value as a user would. */
  public PageElement change(Object value) {
    JsonNode v = JSON.valueToTree(value);
    return act(h -> h.change(v));
  }

  /**
   * A finger event ({@code touchstart}, {@code touchmove}, {@code touchend}, {@code touchcancel}) with its Touch
   * lists ({@code identifier, pageX, pageY, clientX, clientY}; null as described on {@code Interactions.touch}). A
   * press made of them is a tap, or a long press when held 350 ms, as in WeChat: {@code longpress} fires when 350 ms
   * of session time have passed with the finger resting (a timer, so {@link Session#advance} reaches it on a virtual
   * clock).
   */
  public PageElement touch(String type, List<Map<String, Object>> touches, List<Map<String, Object>> changedTouches) {
    JsonNode t = touches == null ? null : JSON.valueToTree(touches);
    JsonNode c = changedTouches == null ? null : JSON.valueToTree(changedTouches);
    if (type.equals("touchstart")) {
      session.pages().holdPress(pageId, nodeId);
    }
    return act(h -> h.touch(type, t, c));
  }

  /** Swipes a swiper to page {@code index}. */
  public PageElement swipeTo(int index) {
    return act(h -> h.swipeTo(index));
  }

  /**
   * Scrolls a scroll-view to {@code (x, y)}. With a layout ({@link SessionOptions#layout}, the simulator) the offsets
   * stop at the content's end, {@code scroll} carries the real scroll sizes and {@code scrolltolower} fires within
   * {@code lower-threshold} of the end; without one every scroll towards the end reaches it.
   */
  public PageElement scrollTo(double x, double y) {
    Interactions.ScrollSize size = box().map(b -> new Interactions.ScrollSize(b.path("scrollWidth").asDouble(),
        b.path("scrollHeight").asDouble(), b.path("clientWidth").asDouble(), b.path("clientHeight").asDouble()))
        .orElse(null);
    return act(h -> h.scrollTo(x, y, size));
  }

  /**
   * The element's box from the session's layout ({@link Session#measure}): {@code left, top, right, bottom, width,
   * height} relative to the page's viewport, {@code scrollLeft, scrollTop, scrollWidth, scrollHeight, clientWidth,
   * clientHeight}, in px; empty without a layout.
   */
  public Optional<JsonNode> box() {
    return session.measure(pageId, List.of(nodeId)).map(l -> l.path("nodes").path(Integer.toString(nodeId)))
        .filter(JsonNode::isObject);
  }

  /** Drags a movable-view to {@code (x, y)}. */
  public PageElement moveTo(double x, double y) {
    return act(h -> h.moveTo(x, y));
  }

  /**
   * Calls a {@code VideoContext} method on this {@code <video>} ({@code play}, {@code pause}, {@code stop},
   * {@code seek}, {@code playbackRate}, {@code requestFullScreen}, {@code exitFullScreen}, {@code sendDanmu}…),
   * firing the component's events as WeChat's player does.
   */
  public PageElement videoContext(String method, Object... args) {
    List<JsonNode> a = new ArrayList<>();
    for (Object arg : args) {
      a.add(JSON.valueToTree(arg));
    }
    return act(h -> h.videoContext(method, a));
  }

  /** This video's headless player as plain data: {@code {paused, currentTime, playbackRate, fullScreen, danmu}}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> video() {
    return read(h -> (Map<String, Object>) toJava(h.video()));
  }

  /** Dispatches any event with a detail, following WeChat's bubbling rules. */
  public PageElement trigger(String type, Map<String, Object> detail) {
    JsonNode d = JSON.valueToTree(detail == null ? Map.of() : detail);
    return act(h -> h.trigger(type, d));
  }

  @Override
  public String toString() {
    return "<" + tag + "#" + nodeId + " of page " + pageId + ">";
  }

  private PageElement wrap(ElementHandle h) {
    return new PageElement(session, pageId, h.id(), h.tag());
  }

  private PageElement act(Function<ElementHandle, Interaction> action) {
    session.pages().interact(pageId, nodeId, action);
    return this;
  }

  private <T> T read(Function<ElementHandle, T> reader) {
    return session.pages().readElement(pageId, nodeId, reader);
  }

  private <T> T read(Function<ElementHandle, T> reader, T whenGone) {
    try {
      return read(reader);
    } catch (IllegalStateException gone) {
      return whenGone;
    }
  }

  static Object toJava(JsonNode node) {
    return node == null || node.isMissingNode() ? null : JSON.convertValue(node, Object.class);
  }
}
