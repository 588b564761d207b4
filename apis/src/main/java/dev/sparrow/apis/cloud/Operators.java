package dev.sparrow.apis.cloud;

import static dev.sparrow.apis.cloud.Aggregation.at;
import static dev.sparrow.apis.cloud.Aggregation.isNullish;
import static dev.sparrow.apis.cloud.Aggregation.numeric;
import static dev.sparrow.apis.cloud.Aggregation.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The aggregate operators on values already evaluated that {@link Aggregation} does not keep itself: arrays
 * ({@code arrayToObject objectToArray indexOfArray range reverseArray slice zip}), sets ({@code allElementsTrue
 * anyElementTrue setDifference setEquals setIntersection setIsSubset setUnion}) and strings ({@code indexOfBytes
 * indexOfCP strLenBytes strcasecmp substrBytes}), with MongoDB's rules; {@code $dateFromString}'s parsing.
 */
final class Operators {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Operators() {}

  static JsonNode other(String op, List<JsonNode> a) {
    switch (op) {
      case "$arrayToObject":
        return arrayToObject(at(a, 0));
      case "$objectToArray": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        if (!x.isObject()) {
          throw CloudError.invalid("$objectToArray needs an object");
        }
        ArrayNode out = NODES.arrayNode();
        x.fields().forEachRemaining(e -> out.addObject().put("k", e.getKey()).set("v", e.getValue().deepCopy()));
        return out;
      }
      case "$indexOfArray": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        ArrayNode array = array(op, x);
        int[] range = range(op, a, 2, array.size());
        for (int i = range[0]; i < range[1]; i++) {
          if (Values.same(array.get(i), at(a, 1))) {
            return IntNode.valueOf(i);
          }
        }
        return IntNode.valueOf(-1);
      }
      case "$range": {
        int from = (int) numeric(op, at(a, 0));
        int to = (int) numeric(op, at(a, 1));
        int step = a.size() > 2 ? (int) numeric(op, at(a, 2)) : 1;
        if (step == 0) {
          throw CloudError.invalid("$range's step must not be 0");
        }
        ArrayNode out = NODES.arrayNode();
        for (long i = from; step > 0 ? i < to : i > to; i += step) {
          out.add((int) i);
        }
        return out;
      }
      case "$reverseArray": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        ArrayNode out = NODES.arrayNode();
        array(op, x).forEach(v -> out.insert(0, v.deepCopy()));
        return out;
      }
      case "$slice":
        return slice(a);
      case "$zip":
        return zip(at(a, 0));
      case "$allElementsTrue":
      case "$anyElementTrue": {
        ArrayNode x = array(op, at(a, 0));
        boolean all = op.equals("$allElementsTrue");
        for (JsonNode v : x) {
          if (truthy(v) != all) {
            return BooleanNode.valueOf(!all);
          }
        }
        return BooleanNode.valueOf(all);
      }
      case "$setDifference":
      case "$setEquals":
      case "$setIntersection":
      case "$setIsSubset":
      case "$setUnion":
        return set(op, a);
      case "$indexOfBytes":
      case "$indexOfCP":
        return indexOf(op, a);
      case "$strLenBytes":
        return IntNode.valueOf(text(op, at(a, 0)).getBytes(StandardCharsets.UTF_8).length);
      case "$strcasecmp": {
        String x = isNullish(at(a, 0)) ? "" : at(a, 0).asText();
        String y = isNullish(at(a, 1)) ? "" : at(a, 1).asText();
        return IntNode.valueOf(Integer.signum(x.toUpperCase(Locale.ROOT).compareTo(y.toUpperCase(Locale.ROOT))));
      }
      case "$substrBytes": {
        byte[] bytes = (isNullish(at(a, 0)) ? "" : at(a, 0).asText()).getBytes(StandardCharsets.UTF_8);
        int from = (int) Math.max(0, Math.min(bytes.length, numeric(op, at(a, 1))));
        double len = numeric(op, at(a, 2));
        int to = len < 0 ? bytes.length : (int) Math.min(bytes.length, from + len);
        if (inCharacter(bytes, from) || inCharacter(bytes, to)) {
          throw CloudError.invalid("$substrBytes: invalid range, it splits a UTF-8 character");
        }
        return TextNode.valueOf(new String(bytes, from, to - from, StandardCharsets.UTF_8));
      }
      default:
        throw CloudError.invalid("unknown aggregate operator " + op);
    }
  }

  private static boolean inCharacter(byte[] bytes, int i) {
    return i < bytes.length && (bytes[i] & 0xC0) == 0x80;
  }

  private static ArrayNode array(String op, JsonNode x) {
    if (!x.isArray()) {
      throw CloudError.invalid(op + " needs an array");
    }
    return (ArrayNode) x;
  }

  private static String text(String op, JsonNode x) {
    if (!x.isTextual()) {
      throw CloudError.invalid(op + " needs a string");
    }
    return x.textValue();
  }

  /** Optional start and end arguments from index {@code first} on, clamped to {@code 0..size}. */
  private static int[] range(String op, List<JsonNode> a, int first, int size) {
    int start = a.size() > first ? (int) numeric(op, at(a, first)) : 0;
    int end = a.size() > first + 1 ? (int) numeric(op, at(a, first + 1)) : size;
    if (start < 0 || end < 0) {
      throw CloudError.invalid(op + "'s start and end must be non-negative");
    }
    return new int[] {Math.min(start, size), Math.min(end, size)};
  }

  private static JsonNode arrayToObject(JsonNode x) {
    if (isNullish(x)) {
      return NullNode.instance;
    }
    ObjectNode out = NODES.objectNode();
    for (JsonNode pair : array("$arrayToObject", x)) {
      if (pair.isArray() && pair.size() == 2 && pair.get(0).isTextual()) {
        out.set(pair.get(0).textValue(), pair.get(1).deepCopy());
      } else if (pair.isObject() && pair.size() == 2 && pair.path("k").isTextual() && pair.has("v")) {
        out.set(pair.get("k").textValue(), pair.get("v").deepCopy());
      } else {
        throw CloudError.invalid("$arrayToObject needs [key, value] pairs or {k, v} objects");
      }
    }
    return out;
  }

  private static JsonNode slice(List<JsonNode> a) {
    JsonNode x = at(a, 0);
    if (isNullish(x)) {
      return NullNode.instance;
    }
    ArrayNode array = array("$slice", x);
    int size = array.size();
    int from;
    int to;
    if (a.size() == 2) {
      int n = (int) numeric("$slice", at(a, 1));
      from = n >= 0 ? 0 : Math.max(0, size + n);
      to = n >= 0 ? Math.min(size, n) : size;
    } else {
      int position = (int) numeric("$slice", at(a, 1));
      int n = (int) numeric("$slice", at(a, 2));
      if (n <= 0) {
        throw CloudError.invalid("$slice's count must be positive");
      }
      from = position >= 0 ? Math.min(size, position) : Math.max(0, size + position);
      to = Math.min(size, from + n);
    }
    ArrayNode out = NODES.arrayNode();
    for (int i = from; i < to; i++) {
      out.add(array.get(i).deepCopy());
    }
    return out;
  }

  private static JsonNode zip(JsonNode spec) {
    if (!spec.isObject() || !spec.path("inputs").isArray()) {
      throw CloudError.invalid("$zip needs inputs");
    }
    List<ArrayNode> inputs = new ArrayList<>();
    for (JsonNode input : spec.get("inputs")) {
      if (isNullish(input)) {
        return NullNode.instance;
      }
      inputs.add(array("$zip", input));
    }
    boolean longest = spec.path("useLongestLength").asBoolean(false);
    JsonNode defaults = spec.path("defaults");
    if (defaults.isArray() && !longest) {
      throw CloudError.invalid("$zip: defaults need useLongestLength");
    }
    int length = inputs.isEmpty() ? 0 : longest ? 0 : Integer.MAX_VALUE;
    for (ArrayNode input : inputs) {
      length = longest ? Math.max(length, input.size()) : Math.min(length, input.size());
    }
    ArrayNode out = NODES.arrayNode();
    for (int i = 0; i < length; i++) {
      ArrayNode row = out.addArray();
      for (int j = 0; j < inputs.size(); j++) {
        JsonNode v = i < inputs.get(j).size() ? inputs.get(j).get(i)
            : defaults.isArray() && j < defaults.size() ? defaults.get(j) : NullNode.instance;
        row.add(v.deepCopy());
      }
    }
    return out;
  }

  /** The set operators; results keep the first-seen order of their elements, each once. */
  private static JsonNode set(String op, List<JsonNode> a) {
    for (JsonNode v : a) {
      if (isNullish(v) && !op.equals("$setEquals") && !op.equals("$setIsSubset")) {
        return NullNode.instance;
      }
    }
    List<ArrayNode> sets = new ArrayList<>();
    for (JsonNode v : a) {
      sets.add(array(op, v));
    }
    switch (op) {
      case "$setUnion": {
        ArrayNode out = NODES.arrayNode();
        sets.forEach(s -> s.forEach(v -> addOnce(out, v)));
        return out;
      }
      case "$setIntersection": {
        ArrayNode out = NODES.arrayNode();
        if (!sets.isEmpty()) {
          sets.get(0).forEach(v -> {
            if (sets.stream().allMatch(s -> contains(s, v))) {
              addOnce(out, v);
            }
          });
        }
        return out;
      }
      case "$setDifference": {
        if (sets.size() != 2) {
          throw CloudError.invalid("$setDifference needs two arrays");
        }
        ArrayNode out = NODES.arrayNode();
        sets.get(0).forEach(v -> {
          if (!contains(sets.get(1), v)) {
            addOnce(out, v);
          }
        });
        return out;
      }
      case "$setIsSubset": {
        if (sets.size() != 2) {
          throw CloudError.invalid("$setIsSubset needs two arrays");
        }
        for (JsonNode v : sets.get(0)) {
          if (!contains(sets.get(1), v)) {
            return BooleanNode.FALSE;
          }
        }
        return BooleanNode.TRUE;
      }
      default: {
        if (sets.size() < 2) {
          throw CloudError.invalid("$setEquals needs at least two arrays");
        }
        for (ArrayNode s : sets) {
          for (ArrayNode t : sets) {
            for (JsonNode v : s) {
              if (!contains(t, v)) {
                return BooleanNode.FALSE;
              }
            }
          }
        }
        return BooleanNode.TRUE;
      }
    }
  }

  private static boolean contains(ArrayNode set, JsonNode v) {
    for (JsonNode x : set) {
      if (Values.same(x, v)) {
        return true;
      }
    }
    return false;
  }

  private static void addOnce(ArrayNode out, JsonNode v) {
    if (!contains(out, v)) {
      out.add(v.deepCopy());
    }
  }

  /** {@code $indexOfBytes} counts UTF-8 bytes, {@code $indexOfCP} code points; -1 when not found. */
  private static JsonNode indexOf(String op, List<JsonNode> a) {
    if (isNullish(at(a, 0))) {
      return NullNode.instance;
    }
    String s = text(op, at(a, 0));
    String find = text(op, at(a, 1));
    boolean bytes = op.equals("$indexOfBytes");
    int size = bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
    int[] range = range(op, a, 2, size);
    int[] cps = s.codePoints().toArray();
    for (int cp = 0, unit = 0; cp <= cps.length; cp++) {
      int at = bytes ? unit : cp;
      if (at >= range[0] && at + length(find, bytes) <= range[1] && new String(cps, cp, cps.length - cp)
          .startsWith(find)) {
        return IntNode.valueOf(at);
      }
      if (cp < cps.length) {
        unit += bytes ? new String(cps, cp, 1).getBytes(StandardCharsets.UTF_8).length : 1;
      }
    }
    return IntNode.valueOf(-1);
  }

  private static int length(String s, boolean bytes) {
    return bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
  }

  /**
   * Epoch milliseconds of {@code text}: with a MongoDB {@code format} ({@code %Y %m %d %H %M %S %L %z %%}), else
   * ISO-8601 with or without a time, fraction and offset; a time without an offset is in {@code zone}.
   */
  static long parseDate(String text, String format, ZoneId zone) {
    DateTimeFormatter f = format == null ? iso() : formatter(format);
    try {
      var parsed = f.parse(text.trim());
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.from(parsed).toInstant().toEpochMilli();
      }
      return LocalDateTime.from(parsed).atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new DateTimeException("cannot parse " + text, e);
    }
  }

  private static DateTimeFormatter iso() {
    return new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2).optionalStart().appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd().optionalEnd()
        .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
        .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);
  }

  private static DateTimeFormatter formatter(String format) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        b.appendLiteral(c);
        continue;
      }
      char f = format.charAt(++i);
      switch (f) {
        case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
        case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case 'L' -> b.appendValue(ChronoField.MILLI_OF_SECOND, 3);
        case 'z' -> b.appendOffset("+HHMM", "+0000");
        case '%' -> b.appendLiteral('%');
        default -> throw CloudError.invalid("$dateFromString: unknown format %" + f);
      }
    }
    return b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1).toFormatter(Locale.ROOT);
  }
}
