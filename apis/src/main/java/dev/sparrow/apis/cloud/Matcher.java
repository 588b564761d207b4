package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The query commands of {@code db.command} on the wire form: a query object maps field paths to a literal
 * (equality) or an operator object ({@code $eq $ne $gt $gte $lt $lte $in $nin $exists $size $all $elemMatch
 * $not $and $or $nor $regex $geoNear $geoWithin $geoIntersects}, the geo ones in {@link Geo});
 * {@code $and $or $nor} at the top combine whole queries. A field holding an array
 * matches a value condition when the array or one of its elements does, as in WeChat (MongoDB).
 */
final class Matcher {
  private Matcher() {}

  static boolean matches(JsonNode doc, JsonNode query) {
    if (query == null || query.isNull()) {
      return true;
    }
    if (!query.isObject()) {
      throw CloudError.invalid("query " + query);
    }
    Iterator<Map.Entry<String, JsonNode>> it = query.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!clause(doc, e.getKey(), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean clause(JsonNode doc, String key, JsonNode cond) {
    switch (key) {
      case "$and":
        for (JsonNode q : cond) {
          if (!matches(doc, q)) {
            return false;
          }
        }
        return true;
      case "$or":
        for (JsonNode q : cond) {
          if (matches(doc, q)) {
            return true;
          }
        }
        return false;
      case "$nor":
        for (JsonNode q : cond) {
          if (matches(doc, q)) {
            return false;
          }
        }
        return true;
      case "$expr": // db.command.expr: an aggregation expression over the document, as in an aggregate $match
        return Aggregation.holds(cond, doc);
      default:
        return field(Values.at(doc, key), cond);
    }
  }

  static boolean isOperator(JsonNode cond) {
    if (cond == null || !cond.isObject() || cond.size() == 0 || Values.isDate(cond)) {
      return false;
    }
    Iterator<String> names = cond.fieldNames();
    while (names.hasNext()) {
      if (!names.next().startsWith("$")) {
        return false;
      }
    }
    return true;
  }

  /** Whether the values found at a path satisfy {@code cond} (a literal or an operator object). */
  static boolean field(List<JsonNode> values, JsonNode cond) {
    if (!isOperator(cond)) {
      return equalsAny(values, cond);
    }
    Iterator<Map.Entry<String, JsonNode>> it = cond.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("$options")) {
        continue;
      }
      if (!operator(values, e.getKey(), e.getValue(), cond)) {
        return false;
      }
    }
    return true;
  }

  private static boolean operator(List<JsonNode> values, String op, JsonNode arg, JsonNode cond) {
    switch (op) {
      case "$eq":
        return equalsAny(values, arg);
      case "$ne":
      case "$neq":
        return !equalsAny(values, arg);
      case "$gt":
        return compares(values, arg, c -> c > 0);
      case "$gte":
        return compares(values, arg, c -> c >= 0);
      case "$lt":
        return compares(values, arg, c -> c < 0);
      case "$lte":
        return compares(values, arg, c -> c <= 0);
      case "$in":
        return in(values, arg);
      case "$nin":
        return !in(values, arg);
      case "$exists":
        return values.isEmpty() != arg.asBoolean();
      case "$size":
        return values.stream().anyMatch(v -> v.isArray() && v.size() == arg.asInt());
      case "$all":
        return values.stream().anyMatch(v -> v.isArray() && containsAll(v, arg));
      case "$elemMatch":
        return values.stream().anyMatch(v -> v.isArray() && elemMatch(v, arg));
      case "$not":
        return !field(values, arg);
      case "$and":
        for (JsonNode c : arg) {
          if (!field(values, c)) {
            return false;
          }
        }
        return true;
      case "$or":
        for (JsonNode c : arg) {
          if (field(values, c)) {
            return true;
          }
        }
        return false;
      case "$geoNear":
        return Geo.near(values, arg);
      case "$geoWithin":
        return Geo.within(values, arg);
      case "$geoIntersects":
        return Geo.intersects(values, arg);
      case "$regex":
        return regex(values, arg.asText(), cond.path("$options").asText(""));
      default:
        throw CloudError.invalid("unknown query command " + op);
    }
  }

  private static boolean equalsAny(List<JsonNode> values, JsonNode want) {
    if (want.isNull() && values.isEmpty()) {
      return true;
    }
    for (JsonNode v : values) {
      if (Values.same(v, want)) {
        return true;
      }
      if (v.isArray() && !want.isArray()) {
        for (JsonNode e : v) {
          if (Values.same(e, want)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private interface Test {
    boolean ok(int comparison);
  }

  private static boolean compares(List<JsonNode> values, JsonNode arg, Test test) {
    int kind = Values.kind(arg);
    for (JsonNode v : values) {
      if (Values.kind(v) == kind && kind >= 0 && test.ok(Values.compareSameKind(v, arg))) {
        return true;
      }
      if (v.isArray()) {
        for (JsonNode e : v) {
          if (Values.kind(e) == kind && kind >= 0 && test.ok(Values.compareSameKind(e, arg))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean in(List<JsonNode> values, JsonNode arg) {
    if (!arg.isArray()) {
      throw CloudError.invalid("the argument of in/nin must be an array");
    }
    for (JsonNode a : arg) {
      boolean hit = a.has("$regex")
          ? regex(values, a.get("$regex").asText(), a.path("$options").asText(""))
          : equalsAny(values, a);
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAll(JsonNode array, JsonNode wanted) {
    for (JsonNode w : wanted) {
      boolean found = false;
      for (JsonNode e : array) {
        if (w.has("$elemMatch") ? elemMatch(array, w.get("$elemMatch")) : Values.same(e, w)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return wanted.size() > 0;
  }

  private static boolean elemMatch(JsonNode array, JsonNode cond) {
    boolean onElement = isOperator(cond) && !cond.has("$and") && !cond.has("$or") && !cond.has("$nor");
    for (JsonNode e : array) {
      if (onElement ? field(List.of(e), cond) : e.isObject() && matches(e, cond)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regex(List<JsonNode> values, String regexp, String options) {
    int flags = 0;
    if (options.contains("i")) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if (options.contains("m")) {
      flags |= Pattern.MULTILINE;
    }
    if (options.contains("s")) {
      flags |= Pattern.DOTALL;
    }
    Pattern p;
    try {
      p = Pattern.compile(regexp, flags);
    } catch (PatternSyntaxException e) {
      throw CloudError.invalid("regular expression " + regexp);
    }
    for (JsonNode v : values) {
      if (v.isTextual() && p.matcher(v.textValue()).find()) {
        return true;
      }
      if (v.isArray()) {
        for (JsonNode e : v) {
          if (e.isTextual() && p.matcher(e.textValue()).find()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
