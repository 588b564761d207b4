package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Name resolution for template expressions, in WeChat's order: the file's WXS modules, then loop variables
 * (innermost first; {@code wx:for} shadows outer names and restores them afterwards), then the page or template data.
 * Each lookup answers {@link Js#UNDEFINED} for unknown names.
 */
public interface Scope {
  JsonNode lookup(String name);

  /** The data object {@code name} is read from, or null when it names a WXS module or loop variable. */
  default JsonNode dataRoot(String name) {
    return null;
  }
}
