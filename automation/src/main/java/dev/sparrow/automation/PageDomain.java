package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.PageHandle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Page.*}: a page's data, setData, method calls and window properties. */
final class PageDomain {
  private final AutomationServer server;

  PageDomain(AutomationServer server) {
    this.server = server;
  }

  void register(Dispatcher d) {
    d.add("Page.getData", p -> {
      PageHandle page = page(p);
      JsonNode path = p.get("path");
      Object data = path != null && path.isTextual() && !path.asText().isEmpty() ? page.data(path.asText()) : page.data();
      return Json.result("data", data);
    });
    d.add("Page.setData", p -> {
      JsonNode data = p.get("data");
      if (data == null || !data.isObject()) {
        throw new ProtocolError("params.data must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> changes = (Map<String, Object>) Json.toJava(data);
      page(p).setData(changes);
      return Json.object();
    });
    d.add("Page.callMethod", p -> {
      Object result = page(p).callMethod(Json.text(p, "method"), Json.list(p.get("args")).toArray());
      server.session().awaitIdle(Duration.ofSeconds(30));
      return Json.result("result", result);
    });
    d.add("Page.getWindowProperties", p -> {
      ArrayNode values = Json.MAPPER.createArrayNode();
      Map<String, Object> window = windowProperties(page(p));
      JsonNode names = p.get("names");
      if (names == null || !names.isArray()) {
        throw new ProtocolError("params.names must be an array");
      }
      for (JsonNode name : names) {
        values.add(Json.of(window.get(name.asText())));
      }
      ObjectNode r = Json.object();
      r.set("properties", values);
      return r;
    });
  }

  /** The window/document properties the client asks for, from the simulated device. */
  private Map<String, Object> windowProperties(PageHandle page) {
    @SuppressWarnings("unchecked")
    Map<String, Object> info = (Map<String, Object>) server.session().callWxSync("getWindowInfo");
    Object width = info.get("windowWidth");
    Object height = info.get("windowHeight");
    Map<String, Object> m = new LinkedHashMap<>();
    JsonNode viewport = server.session().measure(page.id(), List.of()).map(l -> l.path("viewport"))
        .filter(JsonNode::isObject).orElse(null);
    // the page's content as the layout has it (headless without one: the window)
    m.put("document.documentElement.scrollWidth", viewport == null ? width : whole(viewport.path("scrollWidth")));
    m.put("document.documentElement.scrollHeight", viewport == null ? height : whole(viewport.path("scrollHeight")));
    double top = page.scrollTop();
    Object scrollTop = top == Math.rint(top) ? (Object) (long) top : (Object) top;
    m.put("document.documentElement.scrollTop", scrollTop);
    m.put("document.body.scrollTop", scrollTop);
    m.put("innerWidth", width);
    m.put("innerHeight", height);
    m.put("devicePixelRatio", info.get("pixelRatio"));
    return m;
  }

  private static Object whole(JsonNode n) {
    double d = n.asDouble();
    return d == Math.rint(d) ? (Object) (long) d : (Object) d;
  }

  PageHandle page(ObjectNode p) {
    int id = Json.integer(p, "pageId");
    return server.session().page(id).orElseThrow(() -> new ProtocolError("page " + id + " does not exist"));
  }
}
