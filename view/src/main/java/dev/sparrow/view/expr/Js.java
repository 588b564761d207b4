package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * JavaScript semantics over Jackson values, as WeChat's template runtime applies them.
 *
 * <p>Values are {@link JsonNode}s: {@link MissingNode} is {@code undefined}, {@link NullNode} is {@code null},
 * a {@link POJONode} holds a WXS value (module or function). Conversions follow ECMA-262 (ToBoolean, ToNumber,
 * ToString, ToPrimitive with arrays joined by commas and objects as {@code [object Object]}).
 */
public final class Js {
  public static final JsonNode UNDEFINED = MissingNode.getInstance();
  public static final JsonNode NULL = NullNode.getInstance();

  private Js() {}

  public static boolean isUndefined(JsonNode v) {
    return v == null || v.isMissingNode();
  }

  public static boolean isNullish(JsonNode v) {
    return isUndefined(v) || v.isNull();
  }

  /** A number value; integral values in int range become {@link IntNode} so JSON output has no {@code .0}. */
  public static JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && !(d == 0 && 1 / d < 0)) {
      return IntNode.valueOf((int) d);
    }
    return DoubleNode.valueOf(d);
  }

  public static JsonNode string(String s) {
    return TextNode.valueOf(s);
  }

  public static JsonNode bool(boolean b) {
    return BooleanNode.valueOf(b);
  }

  public static boolean truthy(JsonNode v) {
    if (isNullish(v)) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return true;
  }

  public static double toNumber(JsonNode v) {
    if (isUndefined(v)) {
      return Double.NaN;
    }
    if (v.isNull()) {
      return 0;
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? 1 : 0;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return JsNumbers.parse(v.textValue());
    }
    return JsNumbers.parse(toJsString(v));
  }

  /** JavaScript {@code String(v)}. */
  public static String toJsString(JsonNode v) {
    if (isUndefined(v)) {
      return "undefined";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "true" : "false";
    }
    if (v.isNumber()) {
      return JsNumbers.toString(v.doubleValue());
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      joinArray(v, sb, 0);
      return sb.toString();
    }
    if (v instanceof POJONode && ((POJONode) v).getPojo() instanceof HostValue) {
      HostValue h = (HostValue) ((POJONode) v).getPojo();
      return h.callable() ? "" : toJsString(h.toJson());
    }
    return "[object Object]";
  }

  private static void joinArray(JsonNode array, StringBuilder sb, int depth) {
    int i = 0;
    for (JsonNode item : array) {
      if (i++ > 0) {
        sb.append(',');
      }
      if (isNullish(item)) {
        continue;
      }
      if (item.isArray() && depth < 64) {
        joinArray(item, sb, depth + 1);
      } else if (!item.isArray()) {
        sb.append(toJsString(item));
      }
    }
  }

  /** How a value shows in text: like {@code String(v)} except that {@code undefined} shows as nothing. */
  public static String toDisplay(JsonNode v) {
    return isUndefined(v) ? "" : toJsString(v);
  }

  static boolean isPrimitive(JsonNode v) {
    return isNullish(v) || v.isValueNode() && !(v instanceof POJONode);
  }

  /** ToPrimitive with the default hint: objects and arrays become their string form. */
  static JsonNode toPrimitive(JsonNode v) {
    return isPrimitive(v) ? v : string(toJsString(v));
  }

  /** The {@code +} operator. */
  public static JsonNode add(JsonNode a, JsonNode b) {
    JsonNode pa = toPrimitive(a);
    JsonNode pb = toPrimitive(b);
    if (pa.isTextual() || pb.isTextual()) {
      return string(toJsString(pa) + toJsString(pb));
    }
    return number(toNumber(pa) + toNumber(pb));
  }

  /** Abstract relational comparison; {@code op} is one of {@code < > <= >=}. */
  public static boolean compare(String op, JsonNode a, JsonNode b) {
    JsonNode pa = toPrimitive(a);
    JsonNode pb = toPrimitive(b);
    if (pa.isTextual() && pb.isTextual()) {
      int c = pa.textValue().compareTo(pb.textValue());
      switch (op) {
        case "<": return c < 0;
        case ">": return c > 0;
        case "<=": return c <= 0;
        default: return c >= 0;
      }
    }
    double x = toNumber(pa);
    double y = toNumber(pb);
    switch (op) {
      case "<": return x < y;
      case ">": return x > y;
      case "<=": return x <= y;
      default: return x >= y;
    }
  }

  public static boolean strictEquals(JsonNode a, JsonNode b) {
    if (isUndefined(a) || isUndefined(b)) {
      return isUndefined(a) && isUndefined(b);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    if (a.isNull() && b.isNull()) {
      return true;
    }
    if (a instanceof POJONode && b instanceof POJONode) {
      return ((POJONode) a).getPojo() == ((POJONode) b).getPojo();
    }
    return a == b;
  }

  public static boolean looseEquals(JsonNode a, JsonNode b) {
    if (isNullish(a) || isNullish(b)) {
      return isNullish(a) && isNullish(b);
    }
    boolean pa = isPrimitive(a);
    boolean pb = isPrimitive(b);
    if (!pa && !pb) {
      return strictEquals(a, b);
    }
    if (sameType(a, b)) {
      return strictEquals(a, b);
    }
    if (!pa) {
      return looseEquals(toPrimitive(a), b);
    }
    if (!pb) {
      return looseEquals(a, toPrimitive(b));
    }
    return toNumber(a) == toNumber(b);
  }

  private static boolean sameType(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber() || a.isTextual() && b.isTextual() || a.isBoolean() && b.isBoolean();
  }

  /** Property read {@code obj[key]} on plain data; functions never come out of data, so none are returned. */
  public static JsonNode member(JsonNode obj, JsonNode key) {
    if (isNullish(obj) || isNullish(key)) {
      return UNDEFINED;
    }
    String name = toJsString(key);
    if (name.equals("__proto__") || name.equals("prototype") || name.equals("caller")) {
      return UNDEFINED;
    }
    if (obj.isObject()) {
      JsonNode v = obj.get(name);
      return v == null ? UNDEFINED : v;
    }
    if (obj.isArray()) {
      if (name.equals("length")) {
        return IntNode.valueOf(obj.size());
      }
      int index = arrayIndex(name);
      return index >= 0 && index < obj.size() ? obj.get(index) : UNDEFINED;
    }
    if (obj.isTextual()) {
      String s = obj.textValue();
      if (name.equals("length")) {
        return IntNode.valueOf(s.length());
      }
      int index = arrayIndex(name);
      return index >= 0 && index < s.length() ? string(String.valueOf(s.charAt(index))) : UNDEFINED;
    }
    return UNDEFINED;
  }

  private static int arrayIndex(String name) {
    if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(name);
  }

  /**
   * An object's own keys in JavaScript's {@code for…in} order: array-index-like keys ascending, then the others in
   * insertion order.
   */
  public static Iterator<String> keys(JsonNode obj) {
    List<String> indices = null;
    List<String> others = new ArrayList<>(obj.size());
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (arrayIndex(k) >= 0) {
        if (indices == null) {
          indices = new ArrayList<>();
        }
        indices.add(k);
      } else {
        others.add(k);
      }
    }
    if (indices == null) {
      return others.iterator();
    }
    indices.sort(Comparator.comparingInt(Js::arrayIndex));
    indices.addAll(others);
    return indices.iterator();
  }

  /**
   * A value as JSON would carry it: {@code undefined} inside arrays becomes {@code null} and inside objects
   * disappears, like {@code JSON.stringify}. Values without {@code undefined} are returned as they are.
   */
  public static JsonNode jsonValue(JsonNode v) {
    if (v instanceof POJONode p && p.getPojo() instanceof HostValue h) {
      return h.toJson(); // a WXS function an event binding keeps: null, as WeChat's copy makes it
    }
    if (!v.isContainerNode() || !hasUndefined(v)) {
      return v;
    }
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(v.size());
      for (JsonNode x : v) {
        out.add(x.isMissingNode() ? NULL : jsonValue(x));
      }
      return out;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isMissingNode()) {
        out.set(e.getKey(), jsonValue(e.getValue()));
      }
    });
    return out;
  }

  private static boolean hasUndefined(JsonNode v) {
    for (JsonNode x : v) {
      if (x.isMissingNode() || x.isContainerNode() && hasUndefined(x)) {
        return true;
      }
    }
    return false;
  }
}
