package dev.sparrow.view.wxs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.sparrow.view.expr.HostValue;
import dev.sparrow.view.expr.Js;
import java.io.IOException;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * A WXS object or function seen from a template expression. Serialized (an event binding in a tree turned into
 * JSON) it is its JSON copy: a function is {@code null}.
 */
final class WxsValue extends JsonSerializable.Base implements HostValue {
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
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeTree(toJson());
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  @Override
  public String toString() {
    return value.canExecute() ? "" : "[object Object]";
  }
}
