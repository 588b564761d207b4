package dev.sparrow.view.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders an oracle case with Sparrow and normalises the tree exactly like wcc-oracle.js does. */
final class SparrowSide {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SparrowSide() {}

  /** {@code {"tree": ...}} or {@code {"error": "file:line:col: ..."}} (the first problem). */
  static JsonNode render(OracleCase c) throws Exception {
    ObjectNode result = F.objectNode();
    CompiledPage page;
    try {
      page = new WxmlCompiler(ViewSources.of(c.files())).compile("index.wxml");
    } catch (ViewException e) {
      result.put("error", e.problems().get(0).toString());
      result.put("line", e.problems().get(0).line());
      return result;
    }
    try (TemplateRenderer r = page.newRenderer()) {
      result.set("tree", normalise(r.render(JSON.readTree(c.data()))));
    }
    return result;
  }

  static JsonNode normalise(VNode node) {
    if (node instanceof VText) {
      return F.textNode(((VText) node).text());
    }
    VElement e = (VElement) node;
    ObjectNode o = F.objectNode();
    o.put("tag", e.tag());
    ObjectNode attr = o.putObject("attr");
    Map<String, JsonNode> sorted = new TreeMap<>(e.attributes());
    sorted.forEach((k, v) -> attr.set(k, encode(v)));
    ArrayNode kids = o.putArray("children");
    for (VNode c : e.children()) {
      kids.add(normalise(c));
    }
    return o;
  }

  static JsonNode encode(JsonNode v) {
    if (v.isMissingNode()) {
      ObjectNode u = F.objectNode();
      u.put("$undefined", true);
      return u;
    }
    if (v.isNumber() && (Double.isNaN(v.doubleValue()) || Double.isInfinite(v.doubleValue()))) {
      ObjectNode n = F.objectNode();
      n.put("$number", dev.sparrow.view.expr.JsNumbers.toString(v.doubleValue()));
      return n;
    }
    if (v.isArray()) {
      ArrayNode a = F.arrayNode();
      v.forEach(x -> a.add(encode(x)));
      return a;
    }
    if (v.isObject()) {
      ObjectNode o = F.objectNode();
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        o.set(k, encode(v.get(k)));
      }
      return o;
    }
    return v;
  }

  /** Canonical text for comparing two normalised trees (numbers compared by value, object keys sorted). */
  static String canonical(JsonNode v) {
    StringBuilder sb = new StringBuilder();
    canonical(v, sb);
    return sb.toString();
  }

  private static void canonical(JsonNode v, StringBuilder sb) {
    if (v.isNumber()) {
      sb.append(dev.sparrow.view.expr.JsNumbers.toString(v.doubleValue()));
    } else if (v.isArray()) {
      sb.append('[');
      for (JsonNode x : v) {
        canonical(x, sb);
        sb.append(',');
      }
      sb.append(']');
    } else if (v.isObject()) {
      List<String> keys = new ArrayList<>();
      v.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      sb.append('{');
      for (String k : keys) {
        sb.append(F.textNode(k)).append(':');
        canonical(v.get(k), sb);
        sb.append(',');
      }
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }
}
