package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Js;
import dev.sparrow.view.expr.Scope;

/**
 * An immutable evaluation scope: WXS modules of the file being rendered, then loop variables (innermost first),
 * then the data object ({@code env}). Pushing a loop variable returns a new frame, so shadowing ends with the loop.
 */
final class Frame implements Scope {
  private final ModuleScope modules;
  private final JsonNode data;
  private final String name;
  private final JsonNode value;
  private final Frame outer;

  private Frame(ModuleScope modules, JsonNode data, String name, JsonNode value, Frame outer) {
    this.modules = modules;
    this.data = data;
    this.name = name;
    this.value = value;
    this.outer = outer;
  }

  static Frame of(ModuleScope modules, JsonNode data) {
    return new Frame(modules, data, null, null, null);
  }

  Frame with(String varName, JsonNode varValue) {
    return new Frame(modules, data, varName, varValue, this);
  }

  @Override
  public JsonNode lookup(String key) {
    JsonNode m = modules.module(key);
    if (m != null) {
      return m;
    }
    for (Frame f = this; f != null && f.name != null; f = f.outer) {
      if (f.name.equals(key)) {
        return f.value;
      }
    }
    if (data != null && data.isObject()) {
      JsonNode v = data.get(key);
      if (v != null) {
        return v;
      }
    }
    return Js.UNDEFINED;
  }

  @Override
  public JsonNode dataRoot(String key) {
    if (modules.module(key) != null) {
      return null;
    }
    for (Frame f = this; f != null && f.name != null; f = f.outer) {
      if (f.name.equals(key)) {
        return null;
      }
    }
    return data != null && data.isObject() ? data : null;
  }

  /** The WXS modules visible to one file. */
  interface ModuleScope {
    ModuleScope NONE = name -> null;

    /** The module bound to {@code name}, or null when the file has none of that name. */
    JsonNode module(String name);
  }
}
