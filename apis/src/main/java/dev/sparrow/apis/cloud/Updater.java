package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies the update commands of {@code db.command} ({@link UpdateOperator}: the wire form {@code {path: {$op:
 * arg}}}) to a document of the embedded engine. {@code $push}, {@code $unshift} and {@code $addToSet} take
 * {@code {$each: [...]}} ({@code $push} also {@code $position $slice $sort}).
 */
final class Updater {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Updater() {}

  static void apply(ObjectNode doc, JsonNode update) {
    for (UpdateOperator.Command c : UpdateOperator.parse(update)) {
      one(doc, c.path(), c.op(), c.arg());
    }
  }

  private static void one(ObjectNode doc, String path, UpdateOperator op, JsonNode arg) {
    JsonNode current = Values.plain(doc, path);
    switch (op) {
      case SET -> put(doc, path, arg.deepCopy());
      case UNSET -> Values.delete(doc, path);
      case INC, MUL -> put(doc, path, arithmetic(op, current, arg, path));
      case PUSH -> push(doc, path, current, arg);
      case POP, SHIFT -> {
        if (current != null && current.isArray() && current.size() > 0) {
          ((ArrayNode) current).remove(op == UpdateOperator.POP ? current.size() - 1 : 0);
        }
      }
      case UNSHIFT -> {
        ArrayNode front = array(doc, path, current);
        List<JsonNode> items = each(arg);
        for (int i = items.size() - 1; i >= 0; i--) {
          front.insert(0, items.get(i).deepCopy());
        }
      }
      case ADD_TO_SET -> {
        ArrayNode set = array(doc, path, current);
        for (JsonNode v : each(arg)) {
          if (!contains(set, v)) {
            set.add(v.deepCopy());
          }
        }
      }
      case PULL, PULL_ALL -> {
        if (current != null && current.isArray()) {
          ArrayNode a = (ArrayNode) current;
          for (int i = a.size() - 1; i >= 0; i--) {
            if (op == UpdateOperator.PULL ? pulls(a.get(i), arg) : contains(arg, a.get(i))) {
              a.remove(i);
            }
          }
        }
      }
      default -> throw new IllegalStateException(op.wire);
    }
  }

  private static void put(ObjectNode doc, String path, JsonNode value) {
    if (!Values.put(doc, path, value)) {
      throw CloudError.invalid("cannot set field " + path);
    }
  }

  private static JsonNode arithmetic(UpdateOperator op, JsonNode current, JsonNode arg, String path) {
    if (!arg.isNumber() || (current != null && !current.isNumber() && !current.isNull())) {
      throw CloudError.invalid("cannot apply " + op.wire.substring(1) + " to a non-numeric value at " + path);
    }
    JsonNode base = current == null || current.isNull() ? LongNode.valueOf(0) : current;
    boolean integral = base.isIntegralNumber() && arg.isIntegralNumber();
    if (op == UpdateOperator.INC) {
      return integral ? LongNode.valueOf(base.longValue() + arg.longValue())
          : DoubleNode.valueOf(base.doubleValue() + arg.doubleValue());
    }
    return integral ? LongNode.valueOf(base.longValue() * arg.longValue())
        : DoubleNode.valueOf(base.doubleValue() * arg.doubleValue());
  }

  private static ArrayNode array(ObjectNode doc, String path, JsonNode current) {
    if (current == null || current.isNull()) {
      ArrayNode a = NODES.arrayNode();
      put(doc, path, a);
      return a;
    }
    if (!current.isArray()) {
      throw CloudError.invalid("cannot apply an array command to the non-array field " + path);
    }
    return (ArrayNode) current;
  }

  private static List<JsonNode> each(JsonNode arg) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode items = arg.isObject() && arg.has("$each") ? arg.get("$each") : arg;
    if (items.isArray()) {
      items.forEach(out::add);
    } else {
      out.add(items);
    }
    return out;
  }

  private static void push(ObjectNode doc, String path, JsonNode current, JsonNode arg) {
    ArrayNode a = array(doc, path, current);
    List<JsonNode> items = each(arg);
    int at = arg.isObject() && arg.has("$position") ? arg.get("$position").asInt() : a.size();
    at = at < 0 ? Math.max(0, a.size() + at) : Math.min(at, a.size());
    for (JsonNode v : items) {
      a.insert(at++, v.deepCopy());
    }
    if (arg.isObject() && arg.has("$sort")) {
      JsonNode sort = arg.get("$sort");
      List<JsonNode> all = new ArrayList<>();
      a.forEach(all::add);
      if (sort.isNumber()) {
        all.sort((x, y) -> sort.asInt() * Values.compareForSort(x, y));
      } else {
        Iterator<Map.Entry<String, JsonNode>> keys = sort.fields();
        if (keys.hasNext()) {
          Map.Entry<String, JsonNode> k = keys.next();
          int dir = k.getValue().asInt();
          all.sort((x, y) -> dir * Values.compareForSort(Values.plain(x, k.getKey()), Values.plain(y, k.getKey())));
        }
      }
      a.removeAll();
      all.forEach(a::add);
    }
    if (arg.isObject() && arg.has("$slice")) {
      int slice = arg.get("$slice").asInt();
      int size = a.size();
      if (slice >= 0) {
        while (a.size() > slice) {
          a.remove(a.size() - 1);
        }
      } else {
        while (a.size() > -slice && a.size() > 0 && size-- > -slice) {
          a.remove(0);
        }
      }
    }
  }

  private static boolean contains(JsonNode array, JsonNode v) {
    for (JsonNode e : array) {
      if (Values.same(e, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean pulls(JsonNode element, JsonNode cond) {
    if (Matcher.isOperator(cond)) {
      return Matcher.field(List.of(element), cond);
    }
    if (cond.isObject() && element.isObject() && !Values.isDate(cond)) {
      return Matcher.matches(element, cond);
    }
    return Values.same(element, cond);
  }
}
