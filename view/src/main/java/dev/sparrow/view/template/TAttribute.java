package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;

/**
 * A compiled attribute: {@code value} is null for a valueless attribute (boolean {@code true}); {@code model} is the
 * data path a {@code model:} (two-way) binding writes back to, or null.
 */
record TAttribute(String name, Interpolation value, String model) {
  TAttribute(String name, Interpolation value) {
    this(name, value, null);
  }
}
