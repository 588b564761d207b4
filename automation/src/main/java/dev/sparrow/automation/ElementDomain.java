package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.view.component.Interactions;
import dev.sparrow.view.expr.JsNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code Page.getElement(s)}, {@code Page.getElement(s)ByXpath} and {@code Element.*}: elements of a
 * page's rendered WXML, addressed by {@code {pageId, elementId}} (the element's node id as a string).
 * Headless Sparrow has no layout: sizes and offsets are 0 and styles come from the inline {@code
 * style} attribute (see docs/decisions.md). Custom components: {@code Page.getElement(s)} finds hosts (not
 * what they render), describes them with a {@code nodeId}, and {@code Element.getElement(s)} on a host searches
 * the component's own WXML, as in DevTools; {@code Element.getData/setData/callMethod} reach the instance.
 */
final class ElementDomain {
  private static final Set<String> TOUCHES = Set.of("touchstart", "touchmove", "touchend", "touchcancel");
  private final AutomationServer server;
  private final PageDomain pages;

  ElementDomain(AutomationServer server, PageDomain pages) {
    this.server = server;
    this.pages = pages;
  }

  void register(Dispatcher d) {
    d.add("Page.getElement", p -> describe(first(pages.page(p).select(Json.text(p, "selector")).map(List::of).orElse(List.of()), p)));
    d.add("Page.getElements", p -> describeAll(pages.page(p).selectAll(Json.text(p, "selector"))));
    d.add("Page.getElementByXpath", p -> describe(first(xpath(pages.page(p), Json.text(p, "selector")), p)));
    d.add("Page.getElementsByXpath", p -> describeAll(xpath(pages.page(p), Json.text(p, "selector"))));
    d.add("Element.getElement", p -> describe(first(element(p).select(Json.text(p, "selector")).map(List::of).orElse(List.of()), p)));
    d.add("Element.getElements", p -> describeAll(element(p).selectAll(Json.text(p, "selector"))));
    d.add("Element.tap", p -> act(p, PageElement::tap));
    d.add("Element.longpress", p -> act(p, PageElement::longPress));
    for (String touch : new String[] {"touchstart", "touchmove", "touchend", "touchcancel"}) {
      d.add("Element." + touch, p -> act(p, e -> e.touch(touch, touches(p, "touches"), changedTouches(p))));
    }
    d.add("Element.triggerEvent", p -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> detail = p.has("detail") && p.get("detail").isObject() ? (Map<String, Object>) Json.toJava(p.get("detail")) : Map.of();
      return act(p, e -> e.trigger(Json.text(p, "type"), detail));
    });
    d.add("Element.dispatchEvent", p -> {
      // the client sends {eventName, detail, touches, changeTouches} (IEventOptions); older callers eventData
      JsonNode given = p.has("detail") ? p.get("detail") : p.get("eventData");
      @SuppressWarnings("unchecked")
      Map<String, Object> detail =
          given != null && given.isObject() ? (Map<String, Object>) Json.toJava(given) : Map.of();
      String type = Json.text(p, "eventName");
      if (TOUCHES.contains(type) && (p.has("touches") || p.has("changedTouches") || p.has("changeTouches"))) {
        return act(p, e -> e.touch(type, touches(p, "touches"), changedTouches(p)));
      }
      return act(p, e -> e.trigger(type, detail));
    });
    d.add("Element.getWXML", p -> {
      PageElement e = element(p);
      return Json.result("wxml", "outer".equals(p.path("type").asText()) ? e.outerWxml() : e.wxml());
    });
    d.add("Element.getAttributes", p -> values(p, "attributes", (e, name) -> {
      Object v = e.attribute(name);
      return v == null ? null : v instanceof String s ? s : Json.of(v).toString();
    }));
    d.add("Element.getStyles", p -> values(p, "styles", (e, name) -> inlineStyle(e).getOrDefault(name, "")));
    d.add("Element.getProperties", p -> values(p, "properties", this::property));
    d.add("Element.getDOMProperties", p -> values(p, "properties", this::domProperty));
    d.add("Element.getOffset", p -> {
      PageElement e = element(p);
      ObjectNode r = Json.object();
      r.set("left", Json.of(numberOr0(offset(e, "left"))));
      r.set("top", Json.of(numberOr0(offset(e, "top"))));
      return r;
    });
    d.add("Element.callFunction", this::callFunction);
    d.add("Element.getData", p -> {
      PageElement e = component(p);
      JsonNode path = p.get("path");
      return Json.result("data", path != null && path.isTextual() && !path.asText().isEmpty() ? e.data(path.asText()) : e.data());
    });
    d.add("Element.setData", p -> {
      JsonNode data = p.get("data");
      if (data == null || !data.isObject()) {
        throw new ProtocolError("params.data must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> changes = (Map<String, Object>) Json.toJava(data);
      component(p).setData(changes);
      return Json.object();
    });
    d.add("Element.callMethod", p -> {
      Object result = component(p).callMethod(Json.text(p, "method"), Json.list(p.get("args")).toArray());
      server.session().awaitIdle(Duration.ofSeconds(30));
      return Json.result("result", result);
    });
    d.add("Element.callContextMethod", p -> {
      PageElement e = element(p);
      if (!e.tag().equals("video")) {
        throw new ProtocolError("Element.callContextMethod: <" + e.tag() + "> has no context (only <video> does)");
      }
      String method = Json.text(p, "method");
      if (!Interactions.VIDEO_CONTEXT.contains(method)) {
        throw new ProtocolError("VideoContext." + method + " is not a function");
      }
      e.videoContext(method, Json.list(p.get("args")).toArray());
      return Json.result("result", null);
    });
  }

  /** A Touch list of the params, or null when absent. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> touches(ObjectNode p, String field) {
    JsonNode list = p.get(field);
    if (list == null || !list.isArray()) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode t : list) {
      if (t.isObject()) {
        out.add((Map<String, Object>) Json.toJava(t));
      }
    }
    return out;
  }

  /** WeChat's {@code changedTouches}; the client's typings spell it {@code changeTouches}. */
  private static List<Map<String, Object>> changedTouches(ObjectNode p) {
    List<Map<String, Object>> changed = touches(p, "changedTouches");
    return changed != null ? changed : touches(p, "changeTouches");
  }

  private PageElement element(ObjectNode p) {
    PageHandle page = pages.page(p);
    JsonNode id = p.get("elementId");
    if (id == null || id.isNull()) {
      throw new ProtocolError("params.elementId is required");
    }
    int nodeId;
    try {
      nodeId = Integer.parseInt(id.asText());
    } catch (NumberFormatException e) {
      throw new ProtocolError("element " + id.asText() + " does not exist");
    }
    return page.element(nodeId).orElseThrow(() -> new ProtocolError("element " + id.asText() + " does not exist"));
  }

  /** The element, which must be a custom component's host (the client sends these only for elements with a nodeId). */
  private PageElement component(ObjectNode p) {
    PageElement e = element(p);
    if (!e.isComponent()) {
      throw new ProtocolError("element " + e.nodeId() + " <" + e.tag() + "> is not a custom component");
    }
    return e;
  }

  private static List<PageElement> xpath(PageHandle page, String expression) {
    try {
      return page.selectByXpath(expression);
    } catch (IllegalArgumentException e) {
      throw new ProtocolError(e.getMessage());
    }
  }

  private static PageElement first(List<PageElement> found, ObjectNode p) {
    if (found.isEmpty()) {
      throw new ProtocolError("element not found: " + p.path("selector").asText());
    }
    return found.get(0);
  }

  private static ObjectNode describe(PageElement e) {
    ObjectNode n = Json.object();
    n.put("elementId", String.valueOf(e.nodeId()));
    n.put("tagName", e.tag().toLowerCase(Locale.ROOT)); // "标签名，小写" (DevTools' Element docs)
    if (e.isComponent()) {
      // the npm client turns an element with a nodeId into a CustomElement (data, setData, callMethod)
      n.put("nodeId", String.valueOf(e.nodeId()));
    }
    return n;
  }

  private static ObjectNode describeAll(List<PageElement> elements) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    elements.forEach(e -> list.add(describe(e)));
    ObjectNode r = Json.object();
    r.set("elements", list);
    return r;
  }

  private JsonNode act(ObjectNode p, Function<PageElement, PageElement> action) {
    action.apply(element(p));
    return Json.object();
  }

  private interface Reader {
    Object read(PageElement e, String name);
  }

  private JsonNode values(ObjectNode p, String field, Reader reader) {
    PageElement e = element(p);
    JsonNode names = p.get("names");
    if (names == null || !names.isArray()) {
      throw new ProtocolError("params.names must be an array");
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode name : names) {
      out.add(Json.of(reader.read(e, name.asText())));
    }
    return Json.result(field, out);
  }

  /** Component properties: attribute values; {@code __propPublic} lists them as the client expects. */
  private Object property(PageElement e, String name) {
    if (name.equals("__propPublic")) {
      Map<String, Boolean> names = new LinkedHashMap<>();
      for (String common : new String[] {"value", "checked", "disabled", "type", "name", "placeholder", "maxlength", "src", "mode",
          "url", "openType", "current", "min", "max", "step", "percent", "selected", "focus", "hidden"}) {
        names.put(common, true);
      }
      e.attributes().keySet().forEach(k -> names.put(k, true));
      return names;
    }
    return switch (name) {
      case "value" -> value(e);
      case "_translateX" -> numberOr0(e.attribute("x")); // the client's movable-view property('x')
      case "_translateY" -> numberOr0(e.attribute("y"));
      default -> e.attribute(name);
    };
  }

  /**
   * An element's {@code value}: an input's or textarea's is a string, as their String property holds whatever the
   * template bound ({@code value="{{50}}"} reads {@code "50"}, none reads {@code ""}); other components' as bound.
   */
  private static Object value(PageElement e) {
    Object v = e.attribute("value");
    if (!e.tag().equals("input") && !e.tag().equals("textarea")) {
      return v;
    }
    if (v == null) {
      return "";
    }
    return v instanceof Number n ? JsNumbers.toString(n.doubleValue()) : String.valueOf(v);
  }

  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return v == null ? 0 : Double.parseDouble(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A numeric attribute as a number (WXML writes {@code x="10"} as a string); 0 when absent. */
  private static Object numberOr0(Object v) {
    if (v instanceof Number || v == null) {
      return v == null ? 0 : v;
    }
    double d = number(v);
    return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) (long) d : (Object) d;
  }

  private Object domProperty(PageElement e, String name) {
    return switch (name) {
      case "innerText", "textContent" -> e.text();
      case "innerHTML" -> e.wxml();
      case "outerHTML" -> e.outerWxml();
      case "value" -> value(e);
      case "tagName", "nodeName" -> "WX-" + e.tag().toUpperCase(Locale.ROOT);
      case "id" -> e.attribute("id");
      case "className" -> e.attribute("class");
      case "offsetWidth", "offsetHeight" -> numberOr0(layout(e, name.equals("offsetWidth") ? "width" : "height"));
      case "offsetLeft", "offsetTop" -> numberOr0(offset(e, name.equals("offsetLeft") ? "left" : "top"));
      case "clientWidth", "clientHeight", "scrollWidth", "scrollHeight", "scrollTop", "scrollLeft" ->
          numberOr0(layout(e, name));
      default -> e.attribute(name);
    };
  }

  /** A field of the element's box in the session's layout (0 without one: headless with {@code --layout none}). */
  private static double layout(PageElement e, String field) {
    return e.box().map(b -> b.path(field).asDouble()).orElse(0.0);
  }

  /** The element's {@code left} or {@code top} in its page (its box plus how far the page is scrolled). */
  private double offset(PageElement e, String side) {
    return server.session().measure(e.pageId(), List.of(e.nodeId())).map(l -> l.path("nodes")
        .path(Integer.toString(e.nodeId())).path(side).asDouble()
        + l.path("viewport").path(side.equals("top") ? "scrollTop" : "scrollLeft").asDouble()).orElse(0.0);
  }

  private static Map<String, String> inlineStyle(PageElement e) {
    Map<String, String> styles = new LinkedHashMap<>();
    Object style = e.attribute("style");
    if (style instanceof String s) {
      for (String decl : s.split(";")) {
        int colon = decl.indexOf(':');
        if (colon > 0) {
          styles.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
        }
      }
    }
    styles.putAll(e.animatedStyle()); // what animations (the animation attribute, this.animate) put on top
    return styles;
  }

  private JsonNode callFunction(ObjectNode p) {
    PageElement e = element(p);
    String fn = Json.text(p, "functionName");
    List<Object> args = Json.list(p.get("args"));
    Object arg0 = args.isEmpty() ? null : args.get(0);
    switch (fn) {
      case "input.input", "textarea.input" -> e.input(arg0 == null ? "" : String.valueOf(arg0));
      case "switch.tap" -> e.tap();
      case "slider.slideTo" -> e.change(arg0);
      case "swiper.swipeTo" -> e.swipeTo((int) number(arg0));
      case "scroll-view.scrollTo" -> e.scrollTo(number(arg0), number(args.size() > 1 ? args.get(1) : null));
      case "scroll-view.scrollTop", "scroll-view.scrollLeft" -> {
        return Json.result("result", numberOr0(e.attribute(fn.substring("scroll-view.".length()))));
      }
      case "scroll-view.scrollWidth", "scroll-view.scrollHeight" -> {
        return Json.result("result", numberOr0(layout(e, fn.substring("scroll-view.".length()))));
      }
      case "movable-view.moveTo" -> e.moveTo(number(arg0), number(args.size() > 1 ? args.get(1) : null));
      default -> throw new ProtocolError("Element.callFunction " + fn + " is not supported by Sparrow");
    }
    return Json.result("result", null);
  }
}
