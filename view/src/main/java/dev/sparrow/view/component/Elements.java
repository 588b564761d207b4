package dev.sparrow.view.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import java.util.ArrayList;
import java.util.List;

/** Small tree walks shared by the component behaviours. */
final class Elements {
  private Elements() {}

  /** The element itself or its nearest ancestor with {@code tag}, or null. */
  static VElement closest(VElement el, String tag) {
    for (VElement e = el; e != null; e = e.parent()) {
      if (e.tag().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  static List<VElement> descendants(VElement el, String tag) {
    List<VElement> out = new ArrayList<>();
    for (VElement c : el.elementChildren()) {
      if (c.tag().equals(tag)) {
        out.add(c);
      }
      out.addAll(descendants(c, tag));
    }
    return out;
  }

  static List<VElement> descendantsAll(VElement el) {
    List<VElement> out = new ArrayList<>();
    for (VElement c : el.elementChildren()) {
      out.add(c);
      out.addAll(descendantsAll(c));
    }
    return out;
  }

  static String string(JsonNode v) {
    return v == null ? "" : Js.toDisplay(v);
  }
}
