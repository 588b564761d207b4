package dev.sparrow.view.wxs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.HostValue;
import dev.sparrow.view.expr.Js;
import java.util.List;
import org.graalvm.polyglot.Value;

/** A WXS object or function seen from a template expression. */
final class WxsValue implements HostValue {
  private final WxsRuntime runtime;
  private final Value value;

  WxsValue(WxsRuntime runtime, Value value) {
    this.runtime = runtime;
    this.value = value;
  }

  WxsRuntime runtime() {
    return runtime;
  }

  Value value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WxsValue w && w.runtime == runtime && w.value.equals(value);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(runtime);
  }

  @Override
  public JsonNode get(String key) {
    if (!value.hasMembers() || !value.hasMember(key)) {
      return Js.UNDEFINED;
    }
    return runtime.wrap(value.getMember(key));
  }

  @Override
  public boolean callable() {
    return value.canExecute();
  }

  @Override
  public JsonNode call(List<JsonNode> args) {
    Object[] js = new Object[args.size()];
    for (int i = 0; i < js.length; i++) {
      js[i] = runtime.toJs(args.get(i));
    }
    return runtime.guarded(() -> {
      Value r = value.execute(js);
      return r.hasMembers() && !r.canExecute() ? runtime.copy(r) : runtime.wrap(r);
    });
  }

  @Override
  public JsonNode toJson() {
    return runtime.copy(value);
  }

  @Override
  public String toString() {
    return value.canExecute() ? "" : "[object Object]";
  }
}
