package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;

/**
 * A compiled attribute: {@code value} is null for a valueless attribute (boolean {@code true}); {@code model} when it
 * was written {@code model:name} (a two-way binding).
 */
record TAttribute(String name, Interpolation value, boolean model) {
  TAttribute(String name, Interpolation value) {
    this(name, value, false);
  }
}
