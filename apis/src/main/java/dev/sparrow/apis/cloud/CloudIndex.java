package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An index a team declares on a collection, as the cloud console's index form has it (name, fields each ascending
 * or descending, unique or not) and as MongoDB's index spec writes it: {@code {"name": "by_score", "keys":
 * {"score": -1, "city": 1}, "unique": false}}. The first key is the leading field the embedded engine looks up.
 */
public record CloudIndex(String name, List<Key> keys, boolean unique) {
  private static final Pattern PATH = Pattern.compile("[^.$][^.]*(\\.[^.]+)*");

  /** One field of the index: a path ({@code "a.b"}) and its direction. */
  public record Key(String field, boolean ascending) {}

  public CloudIndex {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an index needs a key");
    }
  }

  /** The leading field. */
  public String field() {
    return keys.get(0).field();
  }

  /** MongoDB's default name for these keys: {@code score_-1_city_1}. */
  public static String defaultName(List<Key> keys) {
    StringBuilder name = new StringBuilder();
    for (Key k : keys) {
      name.append(name.length() == 0 ? "" : "_").append(k.field()).append(k.ascending() ? "_1" : "_-1");
    }
    return name.toString();
  }

  /**
   * The index {@code spec} declares, or an {@link IllegalArgumentException} naming what is wrong: {@code keys} an
   * object of field paths to 1 or -1 (neither {@code _id}, nor empty, nor starting with {@code $}), {@code name} a
   * string (default {@link #defaultName}), {@code unique} a boolean (default false).
   */
  public static CloudIndex parse(JsonNode spec) {
    if (spec == null || !spec.isObject() || !spec.path("keys").isObject() || spec.path("keys").isEmpty()) {
      throw new IllegalArgumentException("an index is {\"name\", \"keys\": {\"field\": 1 or -1}, \"unique\"}");
    }
    List<Key> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) spec.get("keys")::fields) {
      String field = e.getKey();
      int direction = e.getValue().isIntegralNumber() ? e.getValue().intValue() : 0;
      if (!PATH.matcher(field).matches() || field.equals("_id") || field.startsWith("_id.")) {
        throw new IllegalArgumentException("index field " + field + " is not allowed");
      }
      if (direction != 1 && direction != -1) {
        throw new IllegalArgumentException("index field " + field + ": direction " + e.getValue() + " (1 or -1)");
      }
      keys.add(new Key(field, direction == 1));
    }
    JsonNode name = spec.get("name");
    if (name != null && (!name.isTextual() || name.textValue().isBlank())) {
      throw new IllegalArgumentException("index name " + name);
    }
    return new CloudIndex(name == null ? defaultName(keys) : name.textValue(), keys,
        spec.path("unique").asBoolean(false));
  }
}
