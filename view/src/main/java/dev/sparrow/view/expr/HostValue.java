package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A value that lives outside the template's JSON world: a WXS module, or a function or object exported by one.
 * Expressions hold it in a {@link com.fasterxml.jackson.databind.node.POJONode}. Only host values can be called;
 * WeChat ignores calls on anything else (so {@code {{list.indexOf(1)}}} renders empty).
 */
public interface HostValue {

  /** Property {@code key}, as JSON data or another host value; {@link Js#UNDEFINED} when absent. */
  JsonNode get(String key);

  boolean callable();

  /** Calls the function with deep-copied arguments; the result comes back as JSON data (WeChat deep-copies it). */
  JsonNode call(List<JsonNode> args);

  /** A JSON copy for places that need plain data (attribute values, spreads). */
  JsonNode toJson();
}
