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
  /** The entities {@code <text decode>} shows as characters (WeChat's text component documentation). */
  private static final Map<String, String> ENTITIES = Map.of("&nbsp;", "\u00a0", "&ensp;", "\u2002",
      "&emsp;", "\u2003", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&apos;", "'");

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

  /**
   * The concatenated text of all descendant text nodes, as the page shows it: the text right inside a
   * {@code <text decode>} has WeChat's entities decoded (the text component does it when it renders; the tree keeps
   * them as wcc does).
   */
  public static String text(VNode node) {
    if (node instanceof VText t) {
      return decodes(t.parent()) ? decoded(t.text()) : t.text();
    }
    StringBuilder sb = new StringBuilder();
    for (VNode c : ((VElement) node).children()) {
      sb.append(text(c));
    }
    return sb.toString();
  }

  /** Whether {@code el} is a {@code <text>} whose {@code decode} is truthy. */
  private static boolean decodes(VElement el) {
    if (el == null || !el.tag().equals("text")) {
      return false;
    }
    JsonNode d = el.attribute("decode");
    return d != null && !d.isMissingNode() && Js.truthy(d);
  }

  /** One pass, left to right: {@code &amp;lt;} gives {@code &lt;}, not {@code <}. */
  static String decoded(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int semi = s.charAt(i) == '&' ? s.indexOf(';', i) : -1;
      String character = semi > i && semi - i <= 6 ? ENTITIES.get(s.substring(i, semi + 1)) : null;
      if (character != null) {
        out.append(character);
        i = semi + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
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
