package dev.sparrow.runtime;

import dev.sparrow.runtime.bridge.JsValues;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of a binding added with {@link Session#addBinding}. */
public final class BindingSink {
  private final JsValues values;
  private final Session.Binding binding;

  BindingSink(JsValues values, Session.Binding binding) {
    this.values = values;
    this.binding = binding;
  }

  @HostAccess.Export
  @SuppressWarnings("unchecked")
  public void called(String name, Value args) {
    Object converted = values.toJava(args);
    binding.called(name, converted instanceof List<?> l ? (List<Object>) l : List.of());
  }
}
