package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** JSON helpers for protocol messages: plain Java data in and out, typed param access. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static JsonNode of(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A single-field result object. */
  static ObjectNode result(String field, Object value) {
    ObjectNode n = object();
    n.set(field, of(value));
    return n;
  }

  static Object toJava(JsonNode node) {
    return node == null || node.isMissingNode() ? null : MAPPER.convertValue(node, Object.class);
  }

  static List<Object> list(JsonNode node) {
    List<Object> out = new ArrayList<>();
    if (node instanceof ArrayNode a) {
      a.forEach(n -> out.add(toJava(n)));
    }
    return out;
  }

  static String text(ObjectNode params, String field) {
    JsonNode n = params.get(field);
    if (n == null || !n.isTextual()) {
      throw new ProtocolError("params." + field + " must be a string");
    }
    return n.asText();
  }

  static int integer(ObjectNode params, String field) {
    JsonNode n = params.get(field);
    if (n == null || !n.canConvertToInt()) {
      throw new ProtocolError("params." + field + " must be a number");
    }
    return n.asInt();
  }
}
