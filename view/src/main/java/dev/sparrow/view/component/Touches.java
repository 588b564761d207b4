package dev.sparrow.view.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.Js;

/**
 * Touch lists as a driver sends them, shaped as WeChat documents its event objects: each finger a Touch
 * {@code {identifier, pageX, pageY, clientX, clientY}}, or on a canvas a CanvasTouch {@code {identifier, x, y}}.
 * A missing identifier is the finger's index; a missing client coordinate is the page one and the other way round.
 */
final class Touches {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Touches() {}

  /** The fingers of {@code given} (an array; anything else is no finger). */
  static ArrayNode of(JsonNode given, boolean canvas) {
    ArrayNode out = F.arrayNode();
    if (given == null || !given.isArray()) {
      return out;
    }
    int index = 0;
    for (JsonNode t : given) {
      if (!t.isObject()) {
        continue;
      }
      ObjectNode touch = out.addObject();
      touch.set("identifier", Js.number(number(t, "identifier", index++)));
      double pageX = number(t, "pageX", number(t, "clientX", number(t, "x", 0)));
      double pageY = number(t, "pageY", number(t, "clientY", number(t, "y", 0)));
      if (canvas) {
        touch.set("x", Js.number(number(t, "x", pageX)));
        touch.set("y", Js.number(number(t, "y", pageY)));
      } else {
        touch.set("pageX", Js.number(pageX));
        touch.set("pageY", Js.number(pageY));
        touch.set("clientX", Js.number(number(t, "clientX", pageX)));
        touch.set("clientY", Js.number(number(t, "clientY", pageY)));
      }
    }
    return out;
  }

  /** One finger at {@code (x, y)}. */
  static ArrayNode one(double x, double y, boolean canvas) {
    ArrayNode given = F.arrayNode();
    given.addObject().put("pageX", x).put("pageY", y);
    return of(given, canvas);
  }

  /** The event's {@code detail {x, y}}: where the first finger is, in page coordinates (canvas: its own). */
  static ObjectNode detail(ArrayNode touches) {
    ObjectNode xy = F.objectNode();
    JsonNode first = touches.isEmpty() ? F.objectNode() : touches.get(0);
    xy.set("x", Js.number(number(first, "pageX", number(first, "x", 0))));
    xy.set("y", Js.number(number(first, "pageY", number(first, "y", 0))));
    return xy;
  }

  private static double number(JsonNode t, String field, double fallback) {
    JsonNode v = t.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return fallback;
    }
    double d = Js.toNumber(v);
    return Double.isNaN(d) ? fallback : d;
  }
}
