package dev.sparrow.simulator.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Protocol messages for the devices ({@code {"t": type, ...}}). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode message(String type) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("t", type);
    return o;
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
