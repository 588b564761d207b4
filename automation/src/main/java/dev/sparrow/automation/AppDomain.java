package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.bridge.ApiKind;
import dev.sparrow.runtime.bridge.ApiSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code App.*}: the page stack, calling and mocking wx APIs, evaluating code in the logic layer,
 * bindings, console and exception events. A call that navigates answers only once the new page has
 * settled, so suites need no sleeps.
 */
final class AppDomain {
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private final AutomationServer server;

  AppDomain(AutomationServer server) {
    this.server = server;
  }

  private Session session() {
    return server.session();
  }

  void register(Dispatcher d) {
    d.add("App.getPageStack", p -> {
      ArrayNode stack = Json.MAPPER.createArrayNode();
      for (PageHandle page : session().pageStack()) {
        stack.add(page(page));
      }
      ObjectNode r = Json.object();
      r.set("pageStack", stack);
      return r;
    });
    d.add("App.getCurrentPage", p -> page(session().currentPage()));
    d.add("App.callWxMethod", this::callWxMethod);
    d.add("App.mockWxMethod", this::mockWxMethod);
    d.add("App.callFunction", p -> {
      Object result = session().evaluate(Json.text(p, "functionDeclaration"), Json.list(p.get("args")).toArray());
      session().awaitIdle(SETTLE);
      return Json.result("result", result);
    });
    d.add("App.addBinding", p -> {
      String name = Json.text(p, "name");
      session().addBinding(name, (n, args) -> {
        ObjectNode event = Json.object();
        event.put("name", n);
        event.set("args", Json.of(args));
        server.emit("App.bindingCalled", event);
      });
      return Json.object();
    });
    d.addInOrder("App.enableLog", p -> {
      server.enableLog();
      return Json.object();
    });
    d.add("App.exit", p -> Json.object());
    d.add("App.captureScreenshot", p -> {
      byte[] png;
      try {
        server.session(); // waits while the project launches
        png = server.simulator().screenshot();
      } catch (IOException e) {
        throw new ProtocolError("App.captureScreenshot: " + e.getMessage());
      }
      return Json.result("data", Base64.getEncoder().encodeToString(png));
    });
  }

  static ObjectNode page(PageHandle page) {
    ObjectNode n = Json.object();
    n.put("pageId", page.id());
    n.put("path", page.route());
    n.set("query", Json.of(page.query()));
    return n;
  }

  /** The call's {@code pluginId} (callPluginWxMethod): a plugin app.json declares; null for the app's own wx. */
  private String plugin(ObjectNode p) {
    JsonNode id = p.get("pluginId");
    if (id == null || id.isNull()) {
      return null;
    }
    if (!session().plugins().contains(id.asText())) {
      throw new ProtocolError("plugin " + id.asText() + " is not declared in app.json plugins");
    }
    return id.asText();
  }

  @SuppressWarnings("unchecked")
  private JsonNode callWxMethod(ObjectNode p) {
    String method = Json.text(p, "method");
    String plugin = plugin(p);
    List<Object> args = Json.list(p.get("args"));
    ApiKind kind = session().registry().find(method).map(ApiSpec::kind).orElse(ApiKind.ASYNC);
    Object result;
    if (kind == ApiKind.SYNC) {
      Object[] a = args.toArray();
      result = plugin == null ? session().callWxSync(method, a) : session().callPluginWxSync(plugin, method, a);
    } else {
      Object first = args.isEmpty() ? Map.of() : args.get(0);
      Map<String, Object> options = first instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      result = plugin == null ? session().callWx(method, options) : session().callPluginWx(plugin, method, options);
    }
    session().awaitIdle(SETTLE);
    return Json.result("result", result);
  }

  private JsonNode mockWxMethod(ObjectNode p) {
    String method = Json.text(p, "method");
    String plugin = plugin(p);
    if (p.has("functionDeclaration")) {
      String fn = Json.text(p, "functionDeclaration");
      List<Object> extra = Json.list(p.get("args"));
      if (plugin == null) {
        session().mockWx(method, fn, extra);
      } else {
        session().mockPluginWx(plugin, method, fn, extra);
      }
    } else if (p.has("result")) {
      Object result = Json.toJava(p.get("result"));
      if (plugin == null) {
        session().mockWx(method, result);
      } else {
        session().mockPluginWx(plugin, method, result);
      }
    } else if (plugin == null) {
      session().restoreWx(method);
    } else {
      session().restorePluginWx(plugin, method);
    }
    return Json.object();
  }
}
