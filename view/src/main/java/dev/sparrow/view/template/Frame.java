package dev.sparrow.view.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.expr.Interpolation;
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
  /** Where a loop variable's item is in the data, for {@code model:} bindings; null when it has none. */
  private final Place place;
  /** For a template body's frame: the call that made its data, and the frame the call was rendered in. */
  private final TTemplateCall call;
  private final Frame caller;

  private Frame(ModuleScope modules, JsonNode data, String name, JsonNode value, Frame outer, TTemplateCall call,
      Frame caller) {
    this(modules, data, name, value, outer, call, caller, null);
  }

  private Frame(ModuleScope modules, JsonNode data, String name, JsonNode value, Frame outer, TTemplateCall call,
      Frame caller, Place place) {
    this.modules = modules;
    this.data = data;
    this.name = name;
    this.value = value;
    this.outer = outer;
    this.place = place;
    this.call = call;
    this.caller = caller;
  }

  static Frame of(ModuleScope modules, JsonNode data) {
    return new Frame(modules, data, null, null, null, null, null);
  }

  /** The frame of a template body: {@code data} made by {@code call} rendered in {@code caller}. */
  static Frame called(ModuleScope modules, JsonNode data, TTemplateCall call, Frame caller) {
    return new Frame(modules, data, null, null, null, call, caller);
  }

  Frame with(String varName, JsonNode varValue) {
    return with(varName, varValue, null);
  }

  /** As {@link #with(String, JsonNode)}, the variable standing for the item at {@code varPlace} in the data. */
  Frame with(String varName, JsonNode varValue, Place varPlace) {
    return new Frame(modules, data, varName, varValue, this, null, null, varPlace);
  }

  /**
   * Item {@code index} of the list {@code list} evaluates to in {@code listFrame}. Its setData path ({@code list[2]})
   * is worked out when a {@code model:} binding asks, not for every item rendered.
   */
  record Place(Interpolation list, Frame listFrame, JsonNode index) {
    String path() {
      String base = list.modelPath(listFrame, listFrame::modelRoot);
      return base == null ? null : Interpolation.memberPath(base, index);
    }
  }

  /**
   * Where the value a {@code model:} binding's path starts at is in the owner's data: a data field is itself, a loop
   * variable the place of its item ({@code list[2]}); null for a WXS module, a loop index or a template's data.
   */
  String modelRoot(String root) {
    if (modules.module(root) != null) {
      return null;
    }
    Frame f = this;
    for (; f != null && f.name != null; f = f.outer) {
      if (f.name.equals(root)) {
        return f.place == null ? null : f.place.path();
      }
    }
    return f != null && f.call == null && data != null && data.isObject() ? root : null;
  }

  /**
   * This frame as a render from the current page data would make it: a template body's data is made again by its
   * call (its values are the page data's at the time of the call), loop variables keep their values (the item
   * objects themselves, whose contents are the page data's). The page's own frame is live already.
   */
  Frame refreshed() {
    if (name != null) {
      Frame o = outer.refreshed();
      return o == outer ? this : o.with(name, value, place);
    }
    if (call == null) {
      return this;
    }
    Frame c = caller.refreshed();
    return called(modules, call.env(c), call, c);
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
