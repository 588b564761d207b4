package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The emulator's wire form (see {@link CloudDatabase}) in MongoDB's terms and back. Values: {@code {$date}} is a
 * BSON date, {@code {$serverDate: {offset}}} the clock's date, integers Int32 or Int64, other numbers doubles.
 * Queries: field-level {@code $and/$or} ({@code _.gt(1).and(_.lt(5))}) become top-level clauses on the path,
 * {@code $not} a {@code $nor} of the path's condition, {@code $neq} {@code $ne}, RegExp objects inside
 * {@code $in} BSON regular expressions, {@code $geoNear: {geometry, maxDistance, minDistance}} {@code $nearSphere}
 * with {@code $geometry}, and {@code $geoWithin}/{@code $geoIntersects} take {@code $geometry} or
 * {@code $centerSphere}. Updates: {@code {path: {$op: arg}}} becomes {@code {$op: {path: arg}}}
 * with {@code $shift} as {@code $pop: -1} and {@code $unshift} as {@code $push} at position 0.
 */
final class MongoWire {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LongSupplier clock;

  MongoWire(LongSupplier epochMillis) {
    this.clock = epochMillis;
  }

  BsonDocument document(ObjectNode doc) {
    return value(doc).asDocument();
  }

  BsonValue value(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return BsonNull.VALUE;
    }
    if (n.isBoolean()) {
      return BsonBoolean.valueOf(n.booleanValue());
    }
    if (n.isTextual()) {
      return new BsonString(n.textValue());
    }
    if (n.isInt()) {
      return new BsonInt32(n.intValue());
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return new BsonInt64(n.longValue());
    }
    if (n.isNumber()) {
      return new BsonDouble(n.doubleValue());
    }
    if (n.isArray()) {
      BsonArray a = new BsonArray();
      n.forEach(e -> a.add(value(e)));
      return a;
    }
    if (Values.isDate(n)) {
      return new BsonDateTime(Values.millis(n.get("$date")));
    }
    if (n.size() == 1 && n.has("$serverDate")) {
      return new BsonDateTime(clock.getAsLong() + n.get("$serverDate").path("offset").asLong(0));
    }
    BsonDocument d = new BsonDocument();
    n.fields().forEachRemaining(e -> d.put(e.getKey(), value(e.getValue())));
    return d;
  }

  ObjectNode json(BsonDocument d) {
    ObjectNode o = NODES.objectNode();
    d.forEach((k, v) -> o.set(k, json(v)));
    return o;
  }

  JsonNode json(BsonValue v) {
    switch (v.getBsonType()) {
      case DOCUMENT:
        return json(v.asDocument());
      case ARRAY: {
        ArrayNode a = NODES.arrayNode();
        v.asArray().forEach(e -> a.add(json(e)));
        return a;
      }
      case STRING:
        return NODES.textNode(v.asString().getValue());
      case INT32:
        return NODES.numberNode(v.asInt32().getValue());
      case INT64:
        return NODES.numberNode(v.asInt64().getValue());
      case DOUBLE:
        return NODES.numberNode(v.asDouble().getValue());
      case DECIMAL128:
        return NODES.numberNode(v.asDecimal128().getValue().bigDecimalValue());
      case BOOLEAN:
        return NODES.booleanNode(v.asBoolean().getValue());
      case DATE_TIME:
        return NODES.objectNode().put("$date", v.asDateTime().getValue());
      case OBJECT_ID:
        return NODES.textNode(v.asObjectId().getValue().toHexString());
      case REGULAR_EXPRESSION:
        return NODES.objectNode().put("$regex", v.asRegularExpression().getPattern())
            .put("$options", v.asRegularExpression().getOptions());
      case NULL:
      case UNDEFINED:
        return NODES.nullNode();
      default:
        return NODES.textNode(v.toString());
    }
  }

  /** A MongoDB filter for a wire-form query. */
  BsonDocument query(JsonNode q) {
    if (q == null || q.isNull()) {
      return new BsonDocument();
    }
    if (!q.isObject()) {
      throw CloudError.invalid("query " + q);
    }
    List<BsonDocument> clauses = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = q.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
        BsonArray parts = new BsonArray();
        for (JsonNode part : array(e.getValue(), key)) {
          parts.add(query(part));
        }
        clauses.add(new BsonDocument(key, parts));
      } else if (key.equals("$expr")) {
        clauses.add(new BsonDocument(key, value(e.getValue())));
      } else {
        field(key, e.getValue(), clauses);
      }
    }
    return combine(clauses);
  }

  /** One document from clauses: merged while their keys differ, the rest under {@code $and}. */
  private static BsonDocument combine(List<BsonDocument> clauses) {
    BsonDocument out = new BsonDocument();
    BsonArray and = new BsonArray();
    for (BsonDocument c : clauses) {
      if (c.size() == 1 && !out.containsKey(c.getFirstKey()) && !c.getFirstKey().equals("$and")) {
        out.putAll(c);
      } else {
        and.add(c);
      }
    }
    if (!and.isEmpty()) {
      out.put("$and", and);
    }
    return out;
  }

  private void field(String path, JsonNode cond, List<BsonDocument> clauses) {
    if (!Matcher.isOperator(cond)) {
      clauses.add(new BsonDocument(path, value(cond)));
      return;
    }
    ObjectNode plain = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = cond.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String op = e.getKey();
      switch (op) {
        case "$and", "$or", "$nor" -> {
          BsonArray parts = new BsonArray();
          for (JsonNode part : array(e.getValue(), op)) {
            List<BsonDocument> sub = new ArrayList<>();
            field(path, part, sub);
            parts.add(combine(sub));
          }
          clauses.add(new BsonDocument(op, parts));
        }
        case "$not" -> {
          List<BsonDocument> sub = new ArrayList<>();
          field(path, e.getValue(), sub);
          clauses.add(new BsonDocument("$nor", new BsonArray(List.of(combine(sub)))));
        }
        default -> plain.set(op, e.getValue());
      }
    }
    if (!plain.isEmpty()) {
      clauses.add(new BsonDocument(path, operators(plain)));
    }
  }

  /** An operator document ({@code {$gt: 1, $lt: 5}}) on one value. */
  private BsonDocument operators(JsonNode cond) {
    BsonDocument out = new BsonDocument();
    Iterator<Map.Entry<String, JsonNode>> it = cond.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String op = e.getKey();
      JsonNode arg = e.getValue();
      switch (op) {
        case "$eq", "$ne", "$gt", "$gte", "$lt", "$lte" -> out.put(op, value(arg));
        case "$neq" -> out.put("$ne", value(arg));
        case "$options" -> {
          // read with $regex
        }
        case "$regex" -> {
          out.put("$regex", new BsonString(checked(arg.asText(), cond.path("$options").asText(""))));
          out.put("$options", new BsonString(cond.path("$options").asText("")));
        }
        case "$in", "$nin" -> {
          if (!arg.isArray()) {
            throw CloudError.invalid("the argument of in/nin must be an array");
          }
          BsonArray values = new BsonArray();
          for (JsonNode a : arg) {
            values.add(a.has("$regex") ? regex(a) : value(a));
          }
          out.put(op, values);
        }
        case "$exists" -> out.put(op, BsonBoolean.valueOf(arg.asBoolean()));
        case "$size" -> out.put(op, new BsonInt32(arg.asInt()));
        case "$all" -> {
          BsonArray values = new BsonArray();
          for (JsonNode a : array(arg, "all")) {
            values.add(a.has("$elemMatch") ? new BsonDocument("$elemMatch", elemMatch(a.get("$elemMatch")))
                : value(a));
          }
          out.put(op, values);
        }
        case "$elemMatch" -> out.put(op, elemMatch(arg));
        case "$not" -> out.put(op, operators(arg));
        case "$geoNear" -> {
          BsonDocument near = new BsonDocument("$geometry", value(arg.path("geometry")));
          if (arg.has("maxDistance")) {
            near.put("$maxDistance", value(arg.get("maxDistance")));
          }
          if (arg.has("minDistance")) {
            near.put("$minDistance", value(arg.get("minDistance")));
          }
          out.put("$nearSphere", near);
        }
        case "$geoWithin" -> out.put(op, arg.has("centerSphere")
            ? new BsonDocument("$centerSphere", value(arg.get("centerSphere")))
            : new BsonDocument("$geometry", value(arg.path("geometry"))));
        case "$geoIntersects" -> out.put(op, new BsonDocument("$geometry", value(arg.path("geometry"))));
        default -> throw CloudError.invalid("unknown query command " + op);
      }
    }
    return out;
  }

  private BsonDocument elemMatch(JsonNode cond) {
    boolean onElement = Matcher.isOperator(cond) && !cond.has("$and") && !cond.has("$or") && !cond.has("$nor");
    return onElement ? operators(cond) : query(cond);
  }

  private static BsonRegularExpression regex(JsonNode r) {
    String options = r.path("$options").asText("");
    return new BsonRegularExpression(checked(r.get("$regex").asText(), options), options);
  }

  /** The pattern, refused as the embedded engine refuses it when Java cannot compile it. */
  private static String checked(String regexp, String options) {
    try {
      Pattern.compile(regexp, options.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw CloudError.invalid("regular expression " + regexp);
    }
    return regexp;
  }

  private static JsonNode array(JsonNode n, String what) {
    if (n == null || !n.isArray()) {
      throw CloudError.invalid("the argument of " + what + " must be an array");
    }
    return n;
  }

  /** MongoDB update operators for a wire-form update. */
  BsonDocument update(JsonNode update) {
    BsonDocument out = new BsonDocument();
    for (UpdateOperator.Command c : UpdateOperator.parse(update)) {
      String path = c.path();
      JsonNode arg = c.arg();
      switch (c.op()) {
        case SET -> group(out, "$set").put(path, value(arg));
        case UNSET -> group(out, "$unset").put(path, new BsonString(""));
        case INC, MUL -> {
          if (!arg.isNumber()) {
            throw CloudError.invalid("cannot apply " + c.op().wire.substring(1) + " to a non-numeric value at "
                + path);
          }
          group(out, c.op().wire).put(path, value(arg));
        }
        case PUSH -> group(out, "$push").put(path, push(arg, null));
        case UNSHIFT -> group(out, "$push").put(path, push(arg, 0));
        case ADD_TO_SET -> group(out, "$addToSet").put(path, new BsonDocument("$each", each(arg)));
        case POP -> group(out, "$pop").put(path, new BsonInt32(1));
        case SHIFT -> group(out, "$pop").put(path, new BsonInt32(-1));
        case PULL -> group(out, "$pull").put(path, pull(arg));
        case PULL_ALL -> group(out, "$pullAll").put(path, value(array(arg, "pullAll")));
        default -> throw new IllegalStateException(c.op().wire);
      }
    }
    return out;
  }

  private static BsonDocument group(BsonDocument update, String op) {
    if (!update.containsKey(op)) {
      update.put(op, new BsonDocument());
    }
    return update.getDocument(op);
  }

  private BsonArray each(JsonNode arg) {
    JsonNode items = arg.isObject() && arg.has("$each") ? arg.get("$each") : arg;
    BsonArray out = new BsonArray();
    if (items.isArray()) {
      items.forEach(i -> out.add(value(i)));
    } else {
      out.add(value(items));
    }
    return out;
  }

  private BsonDocument push(JsonNode arg, Integer position) {
    BsonDocument spec = new BsonDocument("$each", each(arg));
    if (position != null) {
      spec.put("$position", new BsonInt32(position));
    } else if (arg.isObject() && arg.has("$position")) {
      spec.put("$position", new BsonInt32(arg.get("$position").asInt()));
    }
    if (arg.isObject() && arg.has("$sort")) {
      JsonNode sort = arg.get("$sort");
      spec.put("$sort", sort.isNumber() ? new BsonInt32(sort.asInt()) : value(sort));
    }
    if (arg.isObject() && arg.has("$slice")) {
      spec.put("$slice", new BsonInt32(arg.get("$slice").asInt()));
    }
    return spec;
  }

  private BsonValue pull(JsonNode cond) {
    if (Matcher.isOperator(cond)) {
      return operators(cond);
    }
    if (cond.isObject() && !Values.isDate(cond)) {
      return query(cond);
    }
    return value(cond);
  }

  /** A projection: each field to 1 (include) or 0 (exclude). */
  BsonDocument projection(ObjectNode p) {
    BsonDocument out = new BsonDocument();
    p.fields().forEachRemaining(e -> out.put(e.getKey(), new BsonInt32(e.getValue().asBoolean() ? 1 : 0)));
    return out;
  }
}
