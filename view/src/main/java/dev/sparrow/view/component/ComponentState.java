package dev.sparrow.view.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.tree.VElement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Internal state of built-in components that the user changes without the page's data changing: an input's typed
 * value, a checkbox's checked flag, a slider's position. A property reads the user's value when there is one,
 * else the attribute. When {@code setData} changes the attribute itself, the user's value is dropped (the page's
 * value wins, as with a controlled input).
 */
public final class ComponentState {
  private final Map<Integer, Map<String, JsonNode>> values = new HashMap<>();

  /** The effective property value, or null when neither the user nor the attribute set it. */
  public JsonNode get(VElement el, String property) {
    Map<String, JsonNode> m = values.get(el.id());
    if (m != null && m.containsKey(property)) {
      return m.get(property);
    }
    JsonNode a = el.attribute(property);
    return a == null || a.isMissingNode() ? null : a;
  }

  public void set(VElement el, String property, JsonNode value) {
    values.computeIfAbsent(el.id(), k -> new HashMap<>()).put(property, value);
  }

  /** Forgets the user's value of one property (its attribute changed). */
  public void clear(int id, String property) {
    Map<String, JsonNode> m = values.get(id);
    if (m != null) {
      m.remove(property);
    }
  }

  /** Ids of elements holding user state, with the properties set. */
  public Map<Integer, Set<String>> touched() {
    Map<Integer, Set<String>> out = new HashMap<>();
    values.forEach((id, m) -> {
      if (!m.isEmpty()) {
        out.put(id, new HashSet<>(m.keySet()));
      }
    });
    return out;
  }

  /** A copy of every user value: element id → property → value. */
  public Map<Integer, Map<String, JsonNode>> snapshot() {
    Map<Integer, Map<String, JsonNode>> out = new HashMap<>();
    values.forEach((id, m) -> {
      if (!m.isEmpty()) {
        out.put(id, new HashMap<>(m));
      }
    });
    return out;
  }

  /** Forgets everything the user did to the element. */
  public void reset(int id) {
    values.remove(id);
  }
}
