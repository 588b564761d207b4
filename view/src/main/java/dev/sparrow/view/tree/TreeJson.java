package dev.sparrow.view.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.Js;
import java.util.Map;

/**
 * JSON form of a virtual tree, for the browser simulator and for debugging:
 * element {@code {"id":3,"tag":"view","attr":{...},"children":[...]}}, text {@code {"id":4,"text":"..."}}.
 * An {@code undefined} attribute is left out (as JSON would drop it). Elements of custom components carry
 * {@code "cssClass"} (the class list with the component's style scope applied; use it instead of {@code attr.class}
 * when present) and hosts {@code "component"} (the instance id), {@code "is"} (the component's path, which
 * {@code :host} rules select: {@code [is="components/card/card"]}) and {@code "virtual": true} for a
 * {@code virtualHost} component, whose host has no box.
 */
public final class TreeJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TreeJson() {}

  public static JsonNode toJson(VNode node) {
    if (node instanceof VText) {
      ObjectNode t = F.objectNode();
      t.put("id", node.id);
      t.put("text", ((VText) node).text);
      return t;
    }
    VElement e = (VElement) node;
    ObjectNode o = F.objectNode();
    o.put("id", e.id);
    o.put("tag", e.tag);
    o.set("attr", attributes(e.attributes));
    if (e.cssClass != null) {
      o.put("cssClass", e.cssClass);
    }
    if (e.hosted != 0) {
      o.put("component", e.hosted);
      if (e.componentPath != null) {
        o.put("is", e.componentPath);
      }
    }
    if (e.virtualHost) {
      o.put("virtual", true);
    }
    ArrayNode kids = o.putArray("children");
    for (VNode c : e.children) {
      kids.add(toJson(c));
    }
    return o;
  }

  /** Attributes as a JSON object, {@code undefined} values dropped. */
  public static ObjectNode attributes(Map<String, JsonNode> attributes) {
    ObjectNode a = F.objectNode();
    for (Map.Entry<String, JsonNode> en : attributes.entrySet()) {
      if (!en.getValue().isMissingNode()) {
        a.set(en.getKey(), plain(en.getValue()));
      }
    }
    return a;
  }

  /** A value as JSON would carry it; see {@link Js#jsonValue}. */
  public static JsonNode plain(JsonNode v) {
    return Js.jsonValue(v);
  }

}
