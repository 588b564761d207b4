package dev.sparrow.view.wxs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.view.expr.HostValue;
import dev.sparrow.view.expr.Js;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * WeChat's "WXS 响应事件": WXS functions bound to events ({@code bindtouchmove="{{wxs.move}}"}) and to property
 * changes ({@code change:prop="{{wxs.fn}}"}) run in the view, in the page's WXS runtime, with ComponentDescriptors of
 * the elements involved: {@code setStyle} (an object of declarations or CSS text), {@code addClass},
 * {@code removeClass}, {@code hasClass}, {@code getDataset}, {@code getState} (one persistent object per element),
 * {@code callMethod(name, args)} (the owner's logic-layer method, after the WXS call), {@code triggerEvent},
 * {@code selectComponent}/{@code selectAllComponents} (descriptors of the owner template's elements),
 * {@code requestAnimationFrame} and {@code getComputedStyle} (no layout here: an empty object). A WXS error or a
 * cancelled runtime makes the call do nothing.
 */
public final class WxsEvents {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private WxsEvents() {}

  /**
   * Runs {@code fn(event, ownerInstance)} with {@code event.instance} the descriptor of {@code current}.
   *
   * @return true when it returned {@code false} (the event stops, as {@code catch} stops it)
   */
  public static boolean handle(HostValue fn, ObjectNode event, WxsElements.Ref current, WxsElements.Ref owner,
      WxsElements elements) {
    if (!(fn instanceof WxsValue w) || !w.runtime().usable()) {
      return false;
    }
    WxsRuntime rt = w.runtime();
    try {
      return rt.guarded(() -> {
        Value e = rt.toJs(event);
        e.putMember("instance", descriptor(rt, current, elements));
        Value r = w.value().execute(e, descriptor(rt, owner, elements));
        return r.isBoolean() && !r.asBoolean();
      });
    } catch (PolyglotException | IllegalStateException e) {
      return false;
    }
  }

  /** Runs a {@code change:} observer: {@code fn(newValue, oldValue, ownerInstance, instance)}. */
  public static void observe(HostValue fn, JsonNode newValue, JsonNode oldValue, WxsElements.Ref owner,
      WxsElements.Ref instance, WxsElements elements) {
    if (!(fn instanceof WxsValue w) || !w.runtime().usable()) {
      return;
    }
    WxsRuntime rt = w.runtime();
    try {
      rt.guarded(() -> w.value().execute(rt.toJs(newValue), rt.toJs(oldValue), descriptor(rt, owner, elements),
          descriptor(rt, instance, elements)));
    } catch (PolyglotException | IllegalStateException e) {
      // a failing observer changes nothing, as a failing WXS call in a binding
    }
  }

  private static Value descriptor(WxsRuntime rt, WxsElements.Ref ref, WxsElements els) {
    Map<String, Object> m = new HashMap<>();
    m.put("setStyle", fn(a -> {
      els.setStyle(ref.id(), a.length == 0 ? "" : css(rt, a[0]));
      return self(rt, ref, els);
    }));
    m.put("addClass", fn(a -> {
      els.addClass(ref.id(), text(a, 0));
      return self(rt, ref, els);
    }));
    m.put("removeClass", fn(a -> {
      els.removeClass(ref.id(), text(a, 0));
      return self(rt, ref, els);
    }));
    m.put("hasClass", fn(a -> els.hasClass(ref.id(), text(a, 0))));
    m.put("getDataset", fn(a -> rt.toJs(els.dataset(ref.id()))));
    m.put("getState", fn(a -> rt.state(ref.id())));
    m.put("callMethod", fn(a -> {
      els.callMethod(ref.instance(), text(a, 0), a.length > 1 ? rt.copy(a[1]) : Js.UNDEFINED);
      return null;
    }));
    m.put("triggerEvent", fn(a -> {
      els.triggerEvent(ref.instance(), text(a, 0), a.length > 1 ? rt.copy(a[1]) : F.objectNode());
      return null;
    }));
    m.put("selectComponent", fn(a -> {
      List<WxsElements.Ref> found = els.select(ref.instance(), text(a, 0));
      return found.isEmpty() ? null : descriptor(rt, found.get(0), els);
    }));
    m.put("selectAllComponents", fn(a -> {
      List<WxsElements.Ref> found = els.select(ref.instance(), text(a, 0));
      Object[] out = new Object[found.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = descriptor(rt, found.get(i), els);
      }
      return ProxyArray.fromArray(out);
    }));
    m.put("requestAnimationFrame", fn(a -> {
      if (a.length > 0 && a[0].canExecute()) {
        Value cb = a[0];
        els.requestAnimationFrame(() -> {
          try {
            rt.guarded(() -> cb.execute());
          } catch (PolyglotException | IllegalStateException e) {
            // as a failing handler
          }
        });
      }
      return null;
    }));
    m.put("getComputedStyle", fn(a -> rt.toJs(F.objectNode())));
    return rt.host(ProxyObject.fromMap(m));
  }

  private static Value self(WxsRuntime rt, WxsElements.Ref ref, WxsElements els) {
    return descriptor(rt, ref, els);
  }

  private static ProxyExecutable fn(ProxyExecutable f) {
    return f;
  }

  private static String text(Value[] a, int i) {
    return a.length > i && a[i].isString() ? a[i].asString() : "";
  }

  /** CSS declarations from a style object ({@code {'background-color': 'red', width: '10px'}}) or CSS text. */
  private static String css(WxsRuntime rt, Value v) {
    if (v.isString()) {
      return v.asString().strip();
    }
    JsonNode o = rt.copy(v);
    StringBuilder sb = new StringBuilder();
    if (o.isObject()) {
      o.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
          sb.append(sb.length() == 0 ? "" : ";").append(e.getKey()).append(':').append(Js.toDisplay(e.getValue()));
        }
      });
    }
    return sb.toString();
  }
}
