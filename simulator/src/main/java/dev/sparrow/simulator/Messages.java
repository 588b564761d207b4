package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds protocol messages ({@code {"t": type, ...}}; see docs/simulator.md). */
public final class Messages {
  private Messages() {}

  public static ObjectNode of(String type) {
    ObjectNode o = Browsers.JSON.createObjectNode();
    o.put("t", type);
    return o;
  }

  public static JsonNode json(Object value) {
    return Browsers.JSON.valueToTree(value);
  }
}
