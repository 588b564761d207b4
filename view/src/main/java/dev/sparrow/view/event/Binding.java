package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sparrow.view.expr.HostValue;
import dev.sparrow.view.expr.Js;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event binding attribute, decoded. Forms (with or without the colon; the dashed prefixes arrive camel-cased
 * when written without a colon, e.g. {@code captureBindtap}):
 * {@code bind}/{@code catch} (bubble phase; catch stops bubbling), {@code capture-bind}/{@code capture-catch}
 * (capture phase; capture-catch stops capture and bubbling), {@code mut-bind} (only the first on the path fires).
 * The handler is the attribute's value as a string; an empty value disables the binding. A binding to a WXS
 * function ({@code bindtouchmove="{{wxs.move}}"}) has no handler name and the function as {@code wxs}.
 */
public record Binding(String type, Phase phase, boolean stops, boolean mutual, String handler, HostValue wxs) {

  public enum Phase { CAPTURE, BUBBLE }

  private static final Object[][] PREFIXES = {
    {"capture-catch:", Phase.CAPTURE, true, false}, {"captureCatch", Phase.CAPTURE, true, false},
    {"capture-bind:", Phase.CAPTURE, false, false}, {"captureBind", Phase.CAPTURE, false, false},
    {"mut-bind:", Phase.BUBBLE, false, true}, {"mutBind", Phase.BUBBLE, false, true},
    {"catch:", Phase.BUBBLE, true, false}, {"catch", Phase.BUBBLE, true, false},
    {"bind:", Phase.BUBBLE, false, false}, {"bind", Phase.BUBBLE, false, false},
  };

  /** Bindings of {@code type} among {@code attributes}, in attribute order. */
  public static List<Binding> of(Map<String, JsonNode> attributes, String type) {
    List<Binding> out = new ArrayList<>(1);
    for (Map.Entry<String, JsonNode> a : attributes.entrySet()) {
      Binding b = parse(a.getKey(), a.getValue());
      if (b != null && b.type.equals(type)) {
        out.add(b);
      }
    }
    return out;
  }

  /** True when {@code name} is an event binding attribute ({@code bindtap}, {@code catch:touchmove}…). */
  public static boolean isEvent(String name) {
    return parse(name, null) != null;
  }

  /** True when this binding runs a WXS function rather than a logic-layer method. */
  public boolean isWxs() {
    return wxs != null;
  }

  static Binding parse(String name, JsonNode value) {
    for (Object[] p : PREFIXES) {
      String prefix = (String) p[0];
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        String type = name.substring(prefix.length());
        if (!prefix.endsWith(":") && type.startsWith(":")) {
          continue;
        }
        String handler = value == null ? "" : Js.toDisplay(value);
        if (value != null && value.isBoolean()) {
          handler = ""; // a valueless attribute names no handler
        }
        HostValue fn = value instanceof POJONode n && n.getPojo() instanceof HostValue h && h.callable() ? h : null;
        return new Binding(type, (Phase) p[1], (Boolean) p[2], (Boolean) p[3], fn == null ? handler : "", fn);
      }
    }
    return null;
  }
}
