package dev.sparrow.view.template;

import dev.sparrow.view.expr.Interpolation;

/** A compiled attribute: {@code value} is null for a valueless attribute (boolean {@code true}). */
record TAttribute(String name, Interpolation value) {}
