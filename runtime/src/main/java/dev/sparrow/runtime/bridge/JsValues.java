package dev.sparrow.runtime.bridge;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Converts between JS values and plain Java data at the bridge's door, so that no polyglot type
 * reaches the apis layer: objects become {@code Map<String,Object>}, arrays {@code List<Object>},
 * ArrayBuffers {@code byte[]}, whole numbers {@code Integer}/{@code Long}, other numbers {@code
 * Double}. Functions stay {@link Value}s (only the runtime handles them). Must be used on the
 * session's loop thread.
 */
public final class JsValues {
  private static final int MAX_DEPTH = 200;

  private final Value helpers;
  private final Value newObject;
  private final Value newArray;
  private final Value arrayBuffer;
  private final Value revive;
  private final Value instanceOf;
  private final Value typed;
  private final Value typeTag;
  private final Value stringify;

  /** {@code helpers} is the object the base library returns ({@code sparrow-base.js}). */
  public JsValues(Value helpers) {
    this.helpers = helpers;
    this.newObject = helpers.getMember("newObject");
    this.newArray = helpers.getMember("newArray");
    this.arrayBuffer = helpers.getMember("arrayBuffer");
    this.revive = helpers.getMember("revive");
    this.instanceOf = helpers.getMember("instanceOf");
    this.typed = helpers.getMember("typed");
    this.typeTag = helpers.getMember("typeTag");
    this.stringify = helpers.getMember("stringify");
  }

  public Value helpers() {
    return helpers;
  }

  /** A JS value as plain Java data (see class doc). */
  public Object toJava(Value v) {
    return toJava(v, 0, true);
  }

  /**
   * A JS value as data for a driver outside the loop (a test, an automation client): like {@link #toJava} but
   * without functions, as JSON carries it (an API object's methods, an object's callbacks are left out).
   */
  public Object toData(Value v) {
    return toJava(v, 0, false);
  }

  private Object toJava(Value v, int depth, boolean functions) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return v.asString();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      if (v.fitsInInt()) {
        return v.asInt();
      }
      if (v.fitsInLong()) {
        return v.asLong();
      }
      return v.asDouble();
    }
    if (v.canExecute()) {
      return functions ? v : null;
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested too deeply (circular?)");
    }
    if (v.hasBufferElements()) {
      return bytes(v);
    }
    if (v.hasArrayElements()) {
      long n = v.getArraySize();
      List<Object> list = new ArrayList<>((int) Math.min(n, 1 << 16));
      for (long i = 0; i < n; i++) {
        list.add(toJava(v.getArrayElement(i), depth + 1, functions));
      }
      return list;
    }
    if (v.isDate() || v.isInstant()) {
      return v.toString();
    }
    if (v.hasMembers()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String key : v.getMemberKeys()) {
        Value member = v.getMember(key);
        if (member == null || (member.isNull() && "undefined".equals(member.toString())) || (!functions && member.canExecute())) {
          continue;
        }
        map.put(key, toJava(member, depth + 1, functions));
      }
      return map;
    }
    return v.toString();
  }

  /** The bytes of an ArrayBuffer value. */
  public static byte[] bytes(Value buffer) {
    long size = buffer.getBufferSize();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("ArrayBuffer too large: " + size);
    }
    byte[] out = new byte[(int) size];
    buffer.readBuffer(0, out, 0, out.length);
    return out;
  }

  /** Plain Java data (or a {@link Value}, {@link JsonValue}, {@link InstanceRef}, {@link TypedObject}) as a JS value. */
  public Object toJs(Object o) {
    if (o == null || o instanceof String || o instanceof Boolean || o instanceof Integer || o instanceof Value) {
      return o;
    }
    if (o instanceof Long l) {
      return Math.abs(l) < (1L << 53) ? (Object) l : (Object) l.doubleValue();
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof Character c) {
      return String.valueOf(c);
    }
    if (o instanceof Enum<?> e) {
      return e.name();
    }
    if (o instanceof byte[] b) {
      return arrayBuffer.execute(ByteBuffer.wrap(b));
    }
    if (o instanceof ByteBuffer bb) {
      return arrayBuffer.execute(bb);
    }
    if (o instanceof JsonValue jv) {
      return revive.execute(jv.type(), jv.json());
    }
    if (o instanceof InstanceRef ref) {
      return instanceOf.execute(ref.type(), ref.id());
    }
    if (o instanceof TypedObject t) {
      return typed.execute(t.type(), toJs(t.fields()));
    }
    if (o instanceof Map<?, ?> m) {
      Value obj = newObject.execute();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        obj.putMember(String.valueOf(e.getKey()), toJs(e.getValue()));
      }
      return obj;
    }
    if (o instanceof Collection<?> c) {
      Value arr = newArray.execute();
      long i = 0;
      for (Object item : c) {
        arr.setArrayElement(i++, toJs(item));
      }
      return arr;
    }
    if (o.getClass().isArray()) {
      Value arr = newArray.execute();
      int n = Array.getLength(o);
      for (int i = 0; i < n; i++) {
        arr.setArrayElement(i, toJs(Array.get(o, i)));
      }
      return arr;
    }
    if (o instanceof Record r) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (var component : r.getClass().getRecordComponents()) {
        try {
          map.put(component.getName(), component.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return toJs(map);
    }
    throw new IllegalArgumentException("cannot hand " + o.getClass().getName() + " to JavaScript");
  }

  /** WeChat's type tag of {@code v} ({@code Object.prototype.toString}). */
  public String tagOf(Value v) {
    return JsType.tagOf(v);
  }

  /** {@code v} as a {@link JsonValue}: its tag and {@code JSON.stringify} text. */
  public JsonValue json(Value v) {
    String tag = typeTag.execute(v).asString();
    Value text = stringify.execute(v);
    return new JsonValue(tag, text.isNull() ? null : text.asString());
  }
}
