package dev.sparrow.runtime.bridge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One declared parameter of a wx API: its name, the JS types it accepts, whether it is required,
 * and the default used when it is absent.
 */
public record Param(String name, List<JsType> types, boolean required, Object defaultValue) {
  public Param {
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("parameter " + name + " accepts no type");
    }
  }

  /** True if a value tagged {@code actual} is acceptable. */
  public boolean accepts(String actual) {
    for (JsType t : types) {
      if (t.accepts(actual)) {
        return true;
      }
    }
    return false;
  }

  /** WeChat's expected-type text: {@code String}, or {@code String/Object/ArrayBuffer} for unions. */
  public String expected() {
    return types.stream().map(JsType::tag).collect(Collectors.joining("/"));
  }
}
