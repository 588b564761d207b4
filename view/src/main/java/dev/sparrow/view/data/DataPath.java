package dev.sparrow.view.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code setData} key: a WeChat data path such as {@code a.b[1].c} or {@code list[3].title}.
 *
 * <p>Syntax: a first name, then any number of {@code .name} and {@code [digits]} segments (whitespace inside
 * brackets is allowed). A key without {@code .} or {@code [} is a plain name, whatever characters it has.
 * Applying a path creates missing or non-container intermediates: an object before {@code .name}, an array before
 * {@code [n]}; an array assigned past its end is padded with {@code null}. Indices above {@link #MAX_INDEX} are
 * rejected (found by fuzzing: {@code a[344444443]} would allocate a third of a billion nulls).
 */
public final class DataPath {
  /** Largest accepted array index. */
  public static final int MAX_INDEX = 100_000;

  private final List<Object> segments; // String or Integer

  private DataPath(List<Object> segments) {
    this.segments = segments;
  }

  public List<Object> segments() {
    return segments;
  }

  /** Parses {@code key}; throws {@link IllegalArgumentException} naming the key for a malformed path. */
  public static DataPath parse(String key) {
    List<Object> segs = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    int i = 0;
    while (i < key.length()) {
      char ch = key.charAt(i);
      if (ch == '\\' && i + 1 < key.length()) {
        name.append(key.charAt(i + 1));
        i += 2;
      } else if (ch == '.') {
        flush(key, segs, name, true);
        i++;
      } else if (ch == '[') {
        flush(key, segs, name, !segs.isEmpty() || name.length() > 0 ? false : true);
        int close = key.indexOf(']', i);
        if (close < 0) {
          throw bad(key);
        }
        String digits = key.substring(i + 1, close).strip();
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
          throw bad(key);
        }
        int index = Integer.parseInt(digits);
        if (index > MAX_INDEX) {
          throw new IllegalArgumentException("setData: index " + index + " in `" + key + "` is above " + MAX_INDEX);
        }
        segs.add(index);
        i = close + 1;
        if (i < key.length() && key.charAt(i) != '.' && key.charAt(i) != '[') {
          throw bad(key);
        }
        if (i < key.length() && key.charAt(i) == '.') {
          i++;
          if (i >= key.length()) {
            throw bad(key);
          }
        }
      } else {
        name.append(ch);
        i++;
      }
    }
    if (name.length() > 0) {
      segs.add(name.toString());
    } else if (segs.isEmpty() || key.endsWith(".")) {
      throw bad(key);
    }
    if (!(segs.get(0) instanceof String)) {
      throw bad(key);
    }
    return new DataPath(List.copyOf(segs));
  }

  private static void flush(String key, List<Object> segs, StringBuilder name, boolean required) {
    if (name.length() == 0) {
      if (required) {
        throw bad(key);
      }
      return;
    }
    segs.add(name.toString());
    name.setLength(0);
  }

  private static IllegalArgumentException bad(String key) {
    return new IllegalArgumentException("setData: invalid data path `" + key + "`");
  }

  /** Sets {@code value} at this path inside {@code root}, creating intermediates. */
  public void apply(ObjectNode root, JsonNode value) {
    JsonNode current = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object seg = segments.get(i);
      Object next = segments.get(i + 1);
      JsonNode child = get(current, seg);
      boolean fits = next instanceof Integer ? child != null && child.isArray() : child != null && child.isObject();
      if (!fits) {
        child = next instanceof Integer ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
        set(current, seg, child);
      }
      current = child;
    }
    set(current, segments.get(segments.size() - 1), value);
  }

  private static JsonNode get(JsonNode container, Object seg) {
    if (seg instanceof Integer) {
      return container.get((Integer) seg);
    }
    return container.get((String) seg);
  }

  private static void set(JsonNode container, Object seg, JsonNode value) {
    if (seg instanceof Integer) {
      ArrayNode a = (ArrayNode) container;
      int index = (Integer) seg;
      while (a.size() < index) {
        a.add(NullNode.getInstance());
      }
      if (index < a.size()) {
        a.set(index, value);
      } else {
        a.add(value);
      }
    } else {
      ((ObjectNode) container).set((String) seg, value);
    }
  }
}
