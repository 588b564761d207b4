package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.tree.VElement;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dataset} and {@code mark} of an element, by WeChat's naming rules: {@code data-element-type} becomes
 * {@code elementType} (hyphen-separated words camel-cased) and upper-case letters are lower-cased first
 * ({@code data-alphaBeta} becomes {@code alphabeta}). Values keep their type: strings stay strings, lone
 * {@code {{ }}} bindings keep the bound JSON type. {@code mark:name} attributes keep their name as written.
 */
public final class Dataset {
  private Dataset() {}

  public static ObjectNode of(VElement el) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> a : el.attributes().entrySet()) {
      if (a.getKey().startsWith("data-") && !a.getValue().isMissingNode()) {
        out.set(name(a.getKey().substring(5)), a.getValue());
      }
    }
    return out;
  }

  /** {@code element-type} → {@code elementType}; {@code alphaBeta} → {@code alphabeta}. */
  public static String name(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    boolean upper = false;
    for (int i = 0; i < lower.length(); i++) {
      char ch = lower.charAt(i);
      if (ch == '-') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** Marks merged from {@code target} up to the root; a mark nearer the target wins. */
  public static ObjectNode marks(VElement target) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (VElement el = target; el != null; el = el.parent()) {
      for (Map.Entry<String, JsonNode> a : el.attributes().entrySet()) {
        if (a.getKey().startsWith("mark:") && !a.getValue().isMissingNode()) {
          String key = a.getKey().substring(5);
          if (!out.has(key)) {
            out.set(key, a.getValue());
          }
        }
      }
    }
    return out;
  }
}
