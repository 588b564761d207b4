package dev.sparrow.apis.network;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.stringify} and number-to-string with JavaScript's output, for plain Java data as the
 * bridge hands it over (Map, List, String, Number, Boolean, null, byte[]). Function values are
 * skipped in objects and become {@code null} in arrays; ArrayBuffers become {@code {}}; NaN and
 * infinities become {@code null}.
 */
public final class JsJson {
  private JsJson() {}

  public static String stringify(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : number(n));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (isFunction(e.getValue())) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object item = l.get(i);
        write(sb, isFunction(item) ? null : item);
      }
      sb.append(']');
    } else if (v instanceof byte[]) {
      sb.append("{}");
    } else {
      quote(sb, String.valueOf(v));
    }
  }

  private static boolean isFunction(Object v) {
    return v != null && v.getClass().getName().startsWith("org.graalvm");
  }

  /** JavaScript's {@code Number.prototype.toString()} for the usual range. */
  public static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    String s = Double.toString(d).replace("E", "e");
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    String exp = s.substring(e + 1);
    return mantissa + "e" + (exp.startsWith("-") ? exp : "+" + exp);
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
