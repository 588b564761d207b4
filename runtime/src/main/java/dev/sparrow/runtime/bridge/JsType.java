package dev.sparrow.runtime.bridge;

import org.graalvm.polyglot.Value;

/**
 * JavaScript type tags as WeChat names them in parameter errors ({@code "should be String instead
 * of Undefined"}): {@code Object.prototype.toString}'s tag for objects.
 */
public enum JsType {
  STRING("String"),
  NUMBER("Number"),
  BOOLEAN("Boolean"),
  OBJECT("Object"),
  ARRAY("Array"),
  FUNCTION("Function"),
  ARRAY_BUFFER("ArrayBuffer"),
  /** An ArrayBuffer handed over as its {@link Value}, for APIs that fill the caller's buffer ({@code FileSystemManager.read}). */
  BUFFER("ArrayBuffer"),
  UNDEFINED("Undefined"),
  NULL("Null"),
  /** Accepts anything but {@code undefined}. */
  ANY("Any"),
  /** Accepts anything but {@code undefined}; handed over as a {@link JsonValue} (tag + JSON text). */
  JSON("Any");

  private final String tag;

  JsType(String tag) {
    this.tag = tag;
  }

  /** The name used in WeChat's messages. */
  public String tag() {
    return tag;
  }

  /** The tag of {@code v} ({@code null} means a missing member, i.e. Undefined). */
  public static String tagOf(Value v) {
    if (v == null) {
      return UNDEFINED.tag;
    }
    if (v.isNull()) {
      return "undefined".equals(v.toString()) ? UNDEFINED.tag : NULL.tag;
    }
    if (v.isString()) {
      return STRING.tag;
    }
    if (v.isNumber()) {
      return NUMBER.tag;
    }
    if (v.isBoolean()) {
      return BOOLEAN.tag;
    }
    if (v.canExecute()) {
      return FUNCTION.tag;
    }
    if (v.hasBufferElements()) {
      return ARRAY_BUFFER.tag;
    }
    Value meta = v.getMetaObject();
    String name = meta == null ? null : meta.getMetaSimpleName();
    if (name != null) {
      switch (name) {
        case "Array":
        case "Date":
        case "RegExp":
        case "Map":
        case "Set":
        case "Symbol":
        case "BigInt":
        case "Int8Array":
        case "Uint8Array":
        case "Uint8ClampedArray":
        case "Int16Array":
        case "Uint16Array":
        case "Int32Array":
        case "Uint32Array":
        case "Float32Array":
        case "Float64Array":
        case "DataView":
          return name;
        case "symbol":
          return "Symbol";
        case "bigint":
          return "BigInt";
        default:
          break;
      }
    }
    return OBJECT.tag;
  }

  /** Whether a value with tag {@code actual} satisfies this type. */
  public boolean accepts(String actual) {
    return this == ANY || this == JSON ? !UNDEFINED.tag.equals(actual) : tag.equals(actual);
  }
}
