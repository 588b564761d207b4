package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Field paths, equality and ordering of stored values (numbers compare by value; dates are {$date}). */
final class Values {
  private Values() {}

  /** The values at {@code path} ("a.b.0.c"), walking into arrays as MongoDB does; empty when missing. */
  static List<JsonNode> at(JsonNode node, String path) {
    List<JsonNode> out = new ArrayList<>();
    collect(node, path.split("\\.", -1), 0, out);
    return out;
  }

  private static void collect(JsonNode node, String[] parts, int i, List<JsonNode> out) {
    if (i == parts.length) {
      out.add(node);
      return;
    }
    if (node.isObject()) {
      JsonNode child = node.get(parts[i]);
      if (child != null) {
        collect(child, parts, i + 1, out);
      }
    } else if (node.isArray()) {
      if (isIndex(parts[i])) {
        JsonNode child = node.get(Integer.parseInt(parts[i]));
        if (child != null) {
          collect(child, parts, i + 1, out);
        }
      }
      for (JsonNode e : node) {
        if (e.isObject()) {
          collect(e, parts, i, out);
        }
      }
    }
  }

  static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code $date} as epoch milliseconds or as the cloud console's ISO text ({@code "2018-08-31T17:30:00.882Z"}). */
  static long millis(JsonNode date) {
    if (date.isNumber()) {
      return date.longValue();
    }
    try {
      return Instant.parse(date.asText()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw CloudError.invalid("date " + date);
    }
  }

  static boolean isDate(JsonNode n) {
    return n != null && n.isObject() && n.size() == 1 && n.has("$date");
  }

  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = a.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Comparable kinds: 0 numbers, 1 strings, 2 dates, 3 booleans; -1 for others. */
  static int kind(JsonNode n) {
    if (n.isNumber()) {
      return 0;
    }
    if (n.isTextual()) {
      return 1;
    }
    if (isDate(n)) {
      return 2;
    }
    return n.isBoolean() ? 3 : -1;
  }

  /** Compares two values of one {@link #kind}. */
  static int compareSameKind(JsonNode a, JsonNode b) {
    switch (kind(a)) {
      case 0:
        return a.decimalValue().compareTo(b.decimalValue());
      case 1:
        return a.textValue().compareTo(b.textValue());
      case 2:
        return Long.compare(a.get("$date").asLong(), b.get("$date").asLong());
      default:
        return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
  }

  /** Total order for orderBy: missing/null, numbers, strings, objects, arrays, booleans, dates (MongoDB's). */
  static int compareForSort(JsonNode a, JsonNode b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (ra == 1 || ra == 2 || ra == 5 || ra == 6) {
      return compareSameKind(a, b);
    }
    return 0;
  }

  private static int rank(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return 0;
    }
    if (n.isNumber()) {
      return 1;
    }
    if (n.isTextual()) {
      return 2;
    }
    if (isDate(n)) {
      return 6;
    }
    if (n.isObject()) {
      return 3;
    }
    return n.isArray() ? 4 : 5;
  }

  /** The single value at a plain path (no array walking), or null. */
  static JsonNode plain(JsonNode doc, String path) {
    JsonNode n = doc;
    for (String p : path.split("\\.", -1)) {
      if (n == null) {
        return null;
      }
      n = n.isArray() && isIndex(p) ? n.get(Integer.parseInt(p)) : n.isObject() ? n.get(p) : null;
    }
    return n;
  }

  /** Sets the value at {@code path}, creating objects on the way; false when a scalar is in the way. */
  static boolean put(ObjectNode doc, String path, JsonNode value) {
    String[] parts = path.split("\\.", -1);
    JsonNode n = doc;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = n.isArray() && isIndex(parts[i]) ? n.get(Integer.parseInt(parts[i])) : n.get(parts[i]);
      if (child == null || child.isNull()) {
        if (!n.isObject()) {
          return false;
        }
        child = ((ObjectNode) n).putObject(parts[i]);
      }
      if (!child.isObject() && !child.isArray()) {
        return false;
      }
      n = child;
    }
    String last = parts[parts.length - 1];
    if (n.isObject()) {
      ((ObjectNode) n).set(last, value);
      return true;
    }
    if (n.isArray() && isIndex(last)) {
      ArrayNode a = (ArrayNode) n;
      int idx = Integer.parseInt(last);
      while (a.size() <= idx) {
        a.addNull();
      }
      a.set(idx, value);
      return true;
    }
    return false;
  }

  static void delete(ObjectNode doc, String path) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? doc : plain(doc, path.substring(0, dot));
    String last = path.substring(dot + 1);
    if (parent != null && parent.isObject()) {
      ((ObjectNode) parent).remove(last);
    }
  }
}
