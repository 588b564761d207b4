package dev.sparrow.view.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import java.util.Map;

/**
 * Serialises rendered nodes back to WXML-like markup for assertions and debugging: {@code <view class="a">x</view>}.
 * Attribute values print as JavaScript strings ({@code true}, {@code 3}); objects and arrays as JSON;
 * {@code undefined} attributes are left out; {@code "} is escaped as {@code &quot;}. Text is printed as is.
 */
public final class Wxml {
  private Wxml() {}

  public static String outer(VNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb);
    return sb.toString();
  }

  public static String inner(VElement el) {
    StringBuilder sb = new StringBuilder();
    for (VNode c : el.children()) {
      write(c, sb);
    }
    return sb.toString();
  }

  /** The concatenated text of all descendant text nodes. */
  public static String text(VNode node) {
    if (node instanceof VText) {
      return ((VText) node).text();
    }
    StringBuilder sb = new StringBuilder();
    for (VNode c : ((VElement) node).children()) {
      sb.append(text(c));
    }
    return sb.toString();
  }

  private static void write(VNode node, StringBuilder sb) {
    if (node instanceof VText) {
      sb.append(((VText) node).text());
      return;
    }
    VElement el = (VElement) node;
    sb.append('<').append(el.tag());
    for (Map.Entry<String, JsonNode> a : el.attributes().entrySet()) {
      JsonNode v = a.getValue();
      if (v.isMissingNode()) {
        continue;
      }
      String s = v.isContainerNode() ? v.toString() : Js.toDisplay(v);
      sb.append(' ').append(a.getKey()).append("=\"").append(s.replace("\"", "&quot;")).append('"');
    }
    sb.append('>');
    for (VNode c : el.children()) {
      write(c, sb);
    }
    sb.append("</").append(el.tag()).append('>');
  }
}
