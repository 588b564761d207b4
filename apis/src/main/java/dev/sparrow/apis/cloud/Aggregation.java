package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An aggregation pipeline run in memory over a {@link CloudDatabase}'s documents, with MongoDB's stage and
 * expression forms (what {@code db.collection(c).aggregate()} and {@code db.command.aggregate} build). Stages:
 * {@code $match} (with {@code $expr}), {@code $project}, {@code $addFields}, {@code $group} (accumulators
 * {@code $sum $avg $min $max $first $last $push $addToSet}), {@code $sort}, {@code $skip}, {@code $limit},
 * {@code $lookup} (equality or {@code let}/{@code pipeline}), {@code $unwind}, {@code $count},
 * {@code $sortByCount}, {@code $sample}, {@code $replaceRoot}; date parts and {@code $dateToString} in UTC or a
 * given timezone. Bad stages fail with -501007.
 */
public final class Aggregation {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, TemporalField> DATE_PARTS = Map.ofEntries(
      Map.entry("$year", ChronoField.YEAR), Map.entry("$month", ChronoField.MONTH_OF_YEAR),
      Map.entry("$dayOfMonth", ChronoField.DAY_OF_MONTH), Map.entry("$dayOfYear", ChronoField.DAY_OF_YEAR),
      Map.entry("$hour", ChronoField.HOUR_OF_DAY), Map.entry("$minute", ChronoField.MINUTE_OF_HOUR),
      Map.entry("$second", ChronoField.SECOND_OF_MINUTE), Map.entry("$millisecond", ChronoField.MILLI_OF_SECOND),
      Map.entry("$isoDayOfWeek", ChronoField.DAY_OF_WEEK), Map.entry("$isoWeek", IsoFields.WEEK_OF_WEEK_BASED_YEAR),
      Map.entry("$isoWeekYear", IsoFields.WEEK_BASED_YEAR));

  private final CloudDatabase db;
  private final Random random;

  /** {@code random} draws {@code $sample}'s documents. */
  public Aggregation(CloudDatabase db, Random random) {
    this.db = db;
    this.random = random;
  }

  /** Whether aggregation expression {@code expr} is true for {@code doc} (a query's {@code $expr}). */
  static boolean holds(JsonNode expr, JsonNode doc) {
    if (!doc.isObject()) {
      return false;
    }
    return truthy(new Aggregation(null, new Random(0)).eval(expr, (ObjectNode) doc, Map.of()));
  }

  public List<ObjectNode> run(String collection, ArrayNode pipeline) {
    return run(collection, pipeline, Map.of());
  }

  private List<ObjectNode> run(String collection, JsonNode pipeline, Map<String, JsonNode> vars) {
    List<ObjectNode> docs = null;
    for (JsonNode stage : pipeline) {
      if (!stage.isObject() || stage.size() != 1) {
        throw CloudError.invalid("an aggregate stage must be an object with one key: " + stage);
      }
      String name = stage.fieldNames().next();
      if (name.equals("$geoNear")) {
        if (docs != null) {
          throw CloudError.invalid("$geoNear is only valid as the first stage in a pipeline");
        }
        docs = geoNear(collection, stage.get(name));
        continue;
      }
      if (docs == null) {
        docs = db.find(collection, CloudDatabase.Find.where(NODES.objectNode()));
      }
      docs = stage(name, stage.get(name), docs, vars);
    }
    return docs != null ? docs : db.find(collection, CloudDatabase.Find.where(NODES.objectNode()));
  }

  private List<ObjectNode> stage(String name, JsonNode arg, List<ObjectNode> in, Map<String, JsonNode> vars) {
    switch (name) {
      case "$match":
        return match(arg, in, vars);
      case "$project":
        return map(in, d -> project(d, arg, vars));
      case "$addFields":
        return map(in, d -> addFields(d, arg, vars));
      case "$replaceRoot": {
        return map(in, d -> {
          JsonNode root = eval(arg.path("newRoot"), d, vars);
          if (!root.isObject()) {
            throw CloudError.invalid("$replaceRoot newRoot must be an object");
          }
          return (ObjectNode) root.deepCopy();
        });
      }
      case "$group":
        return group(arg, in, vars);
      case "$sort":
        return sort(arg, in);
      case "$skip":
        return in.subList(Math.min(in.size(), count(name, arg)), in.size());
      case "$limit":
        return in.subList(0, Math.min(in.size(), count(name, arg)));
      case "$count": {
        if (!arg.isTextual() || arg.textValue().isEmpty() || arg.textValue().startsWith("$")) {
          throw CloudError.invalid("$count needs a field name");
        }
        // as MongoDB: nothing in, nothing out (not a row of 0)
        return in.isEmpty() ? List.of() : List.of(NODES.objectNode().put(arg.textValue(), in.size()));
      }
      case "$sortByCount": {
        ObjectNode spec = NODES.objectNode();
        spec.set("_id", arg);
        spec.putObject("count").put("$sum", 1);
        List<ObjectNode> grouped = new ArrayList<>(group(spec, in, vars));
        grouped.sort(Comparator.comparing((ObjectNode d) -> d.get("count").asLong()).reversed());
        return grouped;
      }
      case "$sample": {
        List<ObjectNode> copy = new ArrayList<>(in);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(copy.size(), count(name, arg.path("size"))));
      }
      case "$bucket":
        return bucket(arg, in, vars);
      case "$bucketAuto":
        return bucketAuto(arg, in, vars);
      case "$lookup":
        return map(in, d -> lookup(d, arg, vars));
      case "$unwind":
        return unwind(arg, in);
      default:
        throw CloudError.invalid("unknown aggregate stage " + name);
    }
  }

  private interface DocFunction {
    ObjectNode apply(ObjectNode doc);
  }

  private static List<ObjectNode> map(List<ObjectNode> in, DocFunction f) {
    List<ObjectNode> out = new ArrayList<>(in.size());
    for (ObjectNode d : in) {
      out.add(f.apply(d));
    }
    return out;
  }

  private static int count(String stage, JsonNode arg) {
    if (!arg.isNumber() || arg.asDouble() < 0 || arg.asDouble() != Math.floor(arg.asDouble())) {
      throw CloudError.invalid(stage + " needs a non-negative integer");
    }
    return (int) Math.min(Integer.MAX_VALUE, arg.asLong());
  }

  private List<ObjectNode> match(JsonNode query, List<ObjectNode> in, Map<String, JsonNode> vars) {
    if (!query.isObject()) {
      throw CloudError.invalid("$match needs a query object");
    }
    ObjectNode q = (ObjectNode) query.deepCopy();
    JsonNode expr = q.remove("$expr");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode d : in) {
      if (Matcher.matches(d, q) && (expr == null || truthy(eval(expr, d, vars)))) {
        out.add(d);
      }
    }
    return out;
  }

  private ObjectNode project(ObjectNode d, JsonNode spec, Map<String, JsonNode> vars) {
    if (!spec.isObject() || spec.size() == 0) {
      throw CloudError.invalid("$project needs at least one field");
    }
    Map<String, JsonNode> paths = new LinkedHashMap<>();
    flattenSpec(spec, "", paths);
    boolean inclusion = false;
    for (Map.Entry<String, JsonNode> e : paths.entrySet()) {
      inclusion |= !isExclusion(e.getValue());
    }
    if (!inclusion) {
      ObjectNode out = d.deepCopy();
      paths.keySet().forEach(p -> Values.delete(out, p));
      return out;
    }
    ObjectNode out = NODES.objectNode();
    JsonNode idSpec = paths.get("_id");
    if ((idSpec == null || !isExclusion(idSpec)) && d.has("_id")) {
      out.set("_id", d.get("_id"));
    }
    for (Map.Entry<String, JsonNode> e : paths.entrySet()) {
      JsonNode v = e.getValue();
      if (isExclusion(v) || e.getKey().equals("_id") && isInclusion(v)) {
        continue;
      }
      JsonNode value = isInclusion(v) ? fieldPath(d, e.getKey()) : eval(v, d, vars);
      if (!value.isMissingNode()) {
        Values.put(out, e.getKey(), value.deepCopy());
      }
    }
    return out;
  }

  /** {@code {a: {b: 1}}} as {@code {"a.b": 1}}; an object holding an operator is an expression, kept whole. */
  private static void flattenSpec(JsonNode spec, String prefix, Map<String, JsonNode> out) {
    spec.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isObject() && v.size() > 0 && !isOperator(v)) {
        flattenSpec(v, prefix + e.getKey() + ".", out);
      } else {
        out.put(prefix + e.getKey(), v);
      }
    });
  }

  private static boolean isOperator(JsonNode v) {
    return v.isObject() && v.size() == 1 && v.fieldNames().next().startsWith("$");
  }

  private static boolean isExclusion(JsonNode v) {
    return v.isBoolean() && !v.booleanValue() || v.isNumber() && v.asDouble() == 0;
  }

  private static boolean isInclusion(JsonNode v) {
    return v.isBoolean() && v.booleanValue() || v.isNumber() && v.asDouble() != 0;
  }

  private ObjectNode addFields(ObjectNode d, JsonNode spec, Map<String, JsonNode> vars) {
    if (!spec.isObject()) {
      throw CloudError.invalid("$addFields needs an object");
    }
    ObjectNode out = d.deepCopy();
    Map<String, JsonNode> paths = new LinkedHashMap<>();
    flattenSpec(spec, "", paths);
    paths.forEach((path, expr) -> {
      JsonNode v = eval(expr, d, vars);
      if (!v.isMissingNode()) {
        Values.put(out, path, v.deepCopy());
      }
    });
    return out;
  }

  private List<ObjectNode> group(JsonNode spec, List<ObjectNode> in, Map<String, JsonNode> vars) {
    if (!spec.isObject() || !spec.has("_id")) {
      throw CloudError.invalid("$group needs an _id");
    }
    Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
    Map<String, JsonNode> keys = new HashMap<>();
    for (ObjectNode d : in) {
      JsonNode key = orNull(eval(spec.get("_id"), d, vars));
      String k = canonical(key);
      keys.putIfAbsent(k, key);
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (Map.Entry<String, List<ObjectNode>> g : groups.entrySet()) {
      out.add(accumulateInto(keys.get(g.getKey()), spec, g.getValue(), vars, "$group"));
    }
    return out;
  }

  /** A row {@code {_id: key, field: accumulator over docs, …}} for every field of {@code spec} but {@code _id}. */
  private ObjectNode accumulateInto(JsonNode key, JsonNode spec, List<ObjectNode> docs, Map<String, JsonNode> vars,
      String stage) {
    ObjectNode row = NODES.objectNode();
    row.set("_id", key.deepCopy());
    Iterator<Map.Entry<String, JsonNode>> fields = spec.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equals("_id")) {
        continue;
      }
      if (!isOperator(f.getValue())) {
        throw CloudError.invalid(stage + " field " + f.getKey() + " must be an accumulator");
      }
      String acc = f.getValue().fieldNames().next();
      List<JsonNode> values = new ArrayList<>();
      for (ObjectNode d : docs) {
        values.add(eval(f.getValue().get(acc), d, vars));
      }
      row.set(f.getKey(), accumulate(acc, values));
    }
    return row;
  }

  /** {@code output} of {@code $bucket}/{@code $bucketAuto}, or {@code {count: {$sum: 1}}} when it is not given. */
  private static JsonNode bucketOutput(JsonNode spec, String stage) {
    JsonNode output = spec.get("output");
    if (output == null) {
      ObjectNode count = NODES.objectNode();
      count.putObject("count").put("$sum", 1);
      return count;
    }
    if (!output.isObject()) {
      throw CloudError.invalid(stage + " output must be an object");
    }
    return output;
  }

  /**
   * {@code $bucket}: each document in the bucket whose {@code [boundary, next boundary)} holds its
   * {@code groupBy} value, else in {@code default}; non-empty buckets in boundary order, the default one last.
   */
  private List<ObjectNode> bucket(JsonNode spec, List<ObjectNode> in, Map<String, JsonNode> vars) {
    JsonNode groupBy = spec.path("groupBy");
    JsonNode bounds = spec.path("boundaries");
    if (groupBy.isMissingNode() || !bounds.isArray() || bounds.size() < 2) {
      throw CloudError.invalid("$bucket needs groupBy and at least two boundaries");
    }
    for (int i = 1; i < bounds.size(); i++) {
      if (Values.compareForSort(bounds.get(i - 1), bounds.get(i)) >= 0
          || bounds.get(i).isNumber() != bounds.get(0).isNumber()) {
        throw CloudError.invalid("$bucket boundaries must be of one type and ascending");
      }
    }
    JsonNode output = bucketOutput(spec, "$bucket");
    List<List<ObjectNode>> buckets = new ArrayList<>();
    for (int i = 1; i < bounds.size(); i++) {
      buckets.add(new ArrayList<>());
    }
    List<ObjectNode> rest = new ArrayList<>();
    for (ObjectNode d : in) {
      JsonNode v = orNull(eval(groupBy, d, vars));
      int found = -1;
      for (int i = 0; i + 1 < bounds.size() && found < 0; i++) {
        // MongoDB's order of types: a value of another type than the boundaries falls below or above them all
        if (Values.compareForSort(v, bounds.get(i)) >= 0 && Values.compareForSort(v, bounds.get(i + 1)) < 0) {
          found = i;
        }
      }
      if (found >= 0) {
        buckets.get(found).add(d);
      } else if (spec.has("default")) {
        rest.add(d);
      } else {
        throw CloudError.invalid("$bucket could not find a matching branch for an input, and no default was"
            + " specified");
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      if (!buckets.get(i).isEmpty()) {
        out.add(accumulateInto(bounds.get(i), output, buckets.get(i), vars, "$bucket"));
      }
    }
    if (!rest.isEmpty()) {
      out.add(accumulateInto(spec.get("default"), output, rest, vars, "$bucket"));
    }
    return out;
  }

  /**
   * {@code $bucketAuto} as MongoDB fills it: documents sorted by {@code groupBy}, about {@code n / buckets} to a
   * bucket, equal values kept together, the last bucket taking what is left; {@code _id} is {@code {min, max}}
   * where a bucket's max is the next one's min (the last one's is its largest value).
   */
  private List<ObjectNode> bucketAuto(JsonNode spec, List<ObjectNode> in, Map<String, JsonNode> vars) {
    JsonNode groupBy = spec.path("groupBy");
    JsonNode n = spec.path("buckets");
    if (groupBy.isMissingNode() || !n.isIntegralNumber() || n.asInt() < 1) {
      throw CloudError.invalid("$bucketAuto needs groupBy and a positive integer buckets");
    }
    if (spec.has("granularity")) {
      throw CloudError.invalid("$bucketAuto granularity is not supported");
    }
    JsonNode output = bucketOutput(spec, "$bucketAuto");
    List<Map.Entry<JsonNode, ObjectNode>> sorted = new ArrayList<>();
    for (ObjectNode d : in) {
      sorted.add(Map.entry(orNull(eval(groupBy, d, vars)), d));
    }
    sorted.sort((a, b) -> Values.compareForSort(a.getKey(), b.getKey()));
    long size = Math.max(1, Math.round((double) sorted.size() / n.asInt()));
    List<JsonNode> mins = new ArrayList<>();
    List<List<Map.Entry<JsonNode, ObjectNode>>> buckets = new ArrayList<>();
    int i = 0;
    while (i < sorted.size() && buckets.size() < n.asInt()) {
      boolean last = buckets.size() == n.asInt() - 1;
      int end = last ? sorted.size() : (int) Math.min(sorted.size(), i + size);
      while (end < sorted.size()
          && Values.compareForSort(sorted.get(end).getKey(), sorted.get(end - 1).getKey()) == 0) {
        end++;
      }
      mins.add(sorted.get(i).getKey());
      buckets.add(sorted.subList(i, end));
      i = end;
    }
    List<ObjectNode> out = new ArrayList<>();
    for (int b = 0; b < buckets.size(); b++) {
      List<Map.Entry<JsonNode, ObjectNode>> bucket = buckets.get(b);
      ObjectNode key = NODES.objectNode();
      key.set("min", mins.get(b));
      key.set("max", b + 1 < buckets.size() ? mins.get(b + 1) : bucket.get(bucket.size() - 1).getKey());
      out.add(accumulateInto(key, output, bucket.stream().map(Map.Entry::getValue).toList(), vars, "$bucketAuto"));
    }
    return out;
  }

  /**
   * {@code $geoNear} (the first stage): the documents matching {@code query} whose location ({@code key}, else
   * the first top-level field holding a geometry) lies within {@code minDistance}..{@code maxDistance} meters of
   * {@code near}, nearest first, with the distance (times {@code distanceMultiplier}) at {@code distanceField}
   * and the location at {@code includeLocs}.
   */
  private List<ObjectNode> geoNear(String collection, JsonNode spec) {
    String distanceField = spec.path("distanceField").asText("");
    if (distanceField.isEmpty() || !spec.has("near")) {
      throw CloudError.invalid("$geoNear needs near and distanceField");
    }
    double[] center = Geo.center(spec.get("near"));
    JsonNode query = spec.path("query");
    ObjectNode where = query.isObject() ? (ObjectNode) query.deepCopy() : NODES.objectNode();
    String key = spec.path("key").asText("");
    double min = spec.path("minDistance").asDouble(0);
    double max = spec.has("maxDistance") ? spec.path("maxDistance").asDouble() : Double.POSITIVE_INFINITY;
    double multiplier = spec.path("distanceMultiplier").asDouble(1);
    String locs = spec.path("includeLocs").asText("");
    List<Map.Entry<Double, ObjectNode>> found = new ArrayList<>();
    for (ObjectNode d : db.find(collection, CloudDatabase.Find.where(where))) {
      JsonNode location = key.isEmpty() ? firstGeometry(d) : Values.plain(d, key);
      if (location == null || !Geo.isGeometry(location)) {
        continue;
      }
      double meters = Geo.distance(center, location);
      if (meters >= min && meters <= max) {
        ObjectNode out = d.deepCopy();
        Values.put(out, distanceField, DoubleNode.valueOf(meters * multiplier));
        if (!locs.isEmpty()) {
          Values.put(out, locs, location.deepCopy());
        }
        found.add(Map.entry(meters, out));
      }
    }
    found.sort(Map.Entry.comparingByKey());
    return found.stream().map(Map.Entry::getValue).toList();
  }

  private static JsonNode firstGeometry(ObjectNode d) {
    Iterator<JsonNode> values = d.elements();
    while (values.hasNext()) {
      JsonNode v = values.next();
      if (Geo.isGeometry(v)) {
        return v;
      }
    }
    return null;
  }

  private static JsonNode accumulate(String acc, List<JsonNode> values) {
    switch (acc) {
      case "$sum":
        return sum(values);
      case "$avg": {
        double total = 0;
        int n = 0;
        for (JsonNode v : values) {
          if (v.isNumber()) {
            total += v.asDouble();
            n++;
          }
        }
        return n == 0 ? NullNode.instance : DoubleNode.valueOf(total / n);
      }
      case "$min":
      case "$max": {
        JsonNode best = null;
        for (JsonNode v : values) {
          if (v.isMissingNode() || v.isNull()) {
            continue;
          }
          int c = best == null ? 0 : Values.compareForSort(v, best);
          if (best == null || (acc.equals("$min") ? c < 0 : c > 0)) {
            best = v;
          }
        }
        return best == null ? NullNode.instance : best.deepCopy();
      }
      case "$stdDevPop":
      case "$stdDevSamp": {
        List<Double> xs = values.stream().filter(JsonNode::isNumber).map(JsonNode::asDouble).toList();
        int n = xs.size();
        boolean sample = acc.equals("$stdDevSamp");
        if (n == 0 || sample && n == 1) {
          return NullNode.instance;
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return DoubleNode.valueOf(Math.sqrt(squares / (sample ? n - 1 : n)));
      }
      case "$first":
        return values.isEmpty() ? NullNode.instance : orNull(values.get(0)).deepCopy();
      case "$last":
        return values.isEmpty() ? NullNode.instance : orNull(values.get(values.size() - 1)).deepCopy();
      case "$push": {
        ArrayNode a = NODES.arrayNode();
        values.stream().filter(v -> !v.isMissingNode()).forEach(v -> a.add(v.deepCopy()));
        return a;
      }
      case "$addToSet": {
        ArrayNode a = NODES.arrayNode();
        for (JsonNode v : values) {
          boolean seen = v.isMissingNode();
          for (JsonNode x : a) {
            seen |= Values.same(x, v);
          }
          if (!seen) {
            a.add(v.deepCopy());
          }
        }
        return a;
      }
      default:
        throw CloudError.invalid("unknown accumulator " + acc);
    }
  }

  private static JsonNode sum(List<JsonNode> values) {
    double total = 0;
    boolean whole = true;
    for (JsonNode v : values) {
      if (v.isNumber()) {
        total += v.asDouble();
        whole &= v.isIntegralNumber();
      }
    }
    return number(total, whole);
  }

  private static List<ObjectNode> sort(JsonNode spec, List<ObjectNode> in) {
    if (!spec.isObject() || spec.size() == 0) {
      throw CloudError.invalid("$sort needs at least one field");
    }
    Comparator<ObjectNode> order = null;
    Iterator<Map.Entry<String, JsonNode>> it = spec.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      Comparator<ObjectNode> c =
          (a, b) -> Values.compareForSort(orNull(fieldPath(a, path)), orNull(fieldPath(b, path)));
      c = e.getValue().asDouble() < 0 ? c.reversed() : c;
      order = order == null ? c : order.thenComparing(c);
    }
    List<ObjectNode> out = new ArrayList<>(in);
    out.sort(order);
    return out;
  }

  private ObjectNode lookup(ObjectNode d, JsonNode spec, Map<String, JsonNode> vars) {
    String from = spec.path("from").asText("");
    String as = spec.path("as").asText("");
    if (from.isEmpty() || as.isEmpty()) {
      throw CloudError.invalid("$lookup needs from and as");
    }
    ArrayNode joined = NODES.arrayNode();
    if (spec.has("pipeline")) {
      Map<String, JsonNode> inner = new HashMap<>(vars);
      spec.path("let").fields().forEachRemaining(e -> inner.put(e.getKey(), orNull(eval(e.getValue(), d, vars))));
      run(from, spec.get("pipeline"), inner).forEach(joined::add);
    } else {
      String local = spec.path("localField").asText("");
      String foreign = spec.path("foreignField").asText("");
      if (local.isEmpty() || foreign.isEmpty()) {
        throw CloudError.invalid("$lookup needs localField and foreignField, or pipeline");
      }
      JsonNode value = orNull(fieldPath(d, local));
      ObjectNode q = NODES.objectNode();
      if (value.isArray()) {
        q.putObject(foreign).set("$in", value);
      } else {
        q.putObject(foreign).set("$eq", value);
      }
      db.find(from, CloudDatabase.Find.where(q)).forEach(joined::add);
    }
    ObjectNode out = d.deepCopy();
    Values.put(out, as, joined);
    return out;
  }

  private static List<ObjectNode> unwind(JsonNode spec, List<ObjectNode> in) {
    JsonNode path = spec.isObject() ? spec.path("path") : spec;
    if (!path.isTextual() || !path.textValue().startsWith("$") || path.textValue().length() < 2) {
      throw CloudError.invalid("$unwind needs a field path starting with $");
    }
    String field = path.textValue().substring(1);
    String index = spec.path("includeArrayIndex").asText("");
    boolean keep = spec.path("preserveNullAndEmptyArrays").asBoolean(false);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode d : in) {
      JsonNode v = Values.plain(d, field);
      if (v == null || v.isNull() || v.isArray() && v.size() == 0) {
        if (keep) {
          ObjectNode copy = d.deepCopy();
          if (v != null && v.isArray()) {
            Values.delete(copy, field);
          }
          if (!index.isEmpty()) {
            copy.putNull(index);
          }
          out.add(copy);
        }
        continue;
      }
      List<JsonNode> items = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(items::add);
      } else {
        items.add(v);
      }
      for (int i = 0; i < items.size(); i++) {
        ObjectNode copy = d.deepCopy();
        Values.put(copy, field, items.get(i).deepCopy());
        if (!index.isEmpty()) {
          if (v.isArray()) {
            copy.put(index, i);
          } else {
            copy.putNull(index);
          }
        }
        out.add(copy);
      }
    }
    return out;
  }

  // ---- expressions ----------------------------------------------------------------------------

  /** The value of {@code expr} for {@code doc}; a missing field is a MissingNode. */
  JsonNode eval(JsonNode expr, ObjectNode doc, Map<String, JsonNode> vars) {
    if (expr.isTextual() && expr.textValue().startsWith("$$")) {
      String name = expr.textValue().substring(2);
      int dot = name.indexOf('.');
      String var = dot < 0 ? name : name.substring(0, dot);
      JsonNode base = var.equals("ROOT") || var.equals("CURRENT") ? doc : vars.get(var);
      if (base == null) {
        throw CloudError.invalid("undefined variable $$" + var);
      }
      return dot < 0 ? base : fieldPath(base, name.substring(dot + 1));
    }
    if (expr.isTextual() && expr.textValue().startsWith("$") && expr.textValue().length() > 1) {
      return fieldPath(doc, expr.textValue().substring(1));
    }
    if (expr.isArray()) {
      ArrayNode out = NODES.arrayNode();
      expr.forEach(e -> out.add(orNull(eval(e, doc, vars))));
      return out;
    }
    if (isOperator(expr)) {
      String op = expr.fieldNames().next();
      if (Values.isDate(expr)) {
        return expr;
      }
      return operator(op, expr.get(op), doc, vars);
    }
    if (expr.isObject()) {
      ObjectNode out = NODES.objectNode();
      expr.fields().forEachRemaining(e -> {
        JsonNode v = eval(e.getValue(), doc, vars);
        if (!v.isMissingNode()) {
          out.set(e.getKey(), v);
        }
      });
      return out;
    }
    return expr;
  }

  private List<JsonNode> args(JsonNode arg, ObjectNode doc, Map<String, JsonNode> vars) {
    List<JsonNode> out = new ArrayList<>();
    if (arg.isArray()) {
      arg.forEach(a -> out.add(eval(a, doc, vars)));
    } else {
      out.add(eval(arg, doc, vars));
    }
    return out;
  }

  private JsonNode operator(String op, JsonNode arg, ObjectNode doc, Map<String, JsonNode> vars) {
    if (op.equals("$literal")) {
      return arg;
    }
    if (op.equals("$cond")) {
      JsonNode c = arg.isArray() ? arg.get(0) : arg.path("if");
      JsonNode t = arg.isArray() ? arg.get(1) : arg.path("then");
      JsonNode f = arg.isArray() ? arg.get(2) : arg.path("else");
      if (c == null || t == null || f == null || c.isMissingNode()) {
        throw CloudError.invalid("$cond needs if, then and else");
      }
      return truthy(eval(c, doc, vars)) ? eval(t, doc, vars) : eval(f, doc, vars);
    }
    if (op.equals("$dateToString")) {
      JsonNode date = eval(arg.path("date"), doc, vars);
      if (isNullish(date)) {
        return arg.has("onNull") ? eval(arg.get("onNull"), doc, vars) : NullNode.instance;
      }
      String format = arg.path("format").asText("%Y-%m-%dT%H:%M:%S.%LZ");
      return TextNode.valueOf(dateToString(dateOf(op, date, arg.path("timezone"), doc, vars), format));
    }
    if (DATE_PARTS.containsKey(op) || op.equals("$dayOfWeek") || op.equals("$week")) {
      JsonNode date = arg.isObject() && arg.has("date") ? eval(arg.get("date"), doc, vars)
          : eval(arg.isArray() && arg.size() > 0 ? arg.get(0) : arg, doc, vars);
      if (isNullish(date)) {
        return NullNode.instance;
      }
      JsonNode zone = arg.isObject() ? arg.path("timezone") : MissingNode.getInstance();
      ZonedDateTime t = dateOf(op, date, zone, doc, vars);
      int sundayBased = t.getDayOfWeek().getValue() % 7; // 0 for Sunday
      return IntNode.valueOf(switch (op) {
        case "$dayOfWeek" -> sundayBased + 1;
        case "$week" -> (t.getDayOfYear() - 1 + 7 - sundayBased) / 7; // weeks begin on Sunday; week 0 before it
        default -> t.get(DATE_PARTS.get(op));
      });
    }
    if (op.equals("$dateFromParts")) {
      return dateFromParts(arg, doc, vars);
    }
    if (op.equals("$dateFromString")) {
      return dateFromString(arg, doc, vars);
    }
    if (op.equals("$let")) {
      Map<String, JsonNode> inner = new HashMap<>(vars);
      arg.path("vars").fields().forEachRemaining(e -> inner.put(e.getKey(), orNull(eval(e.getValue(), doc, vars))));
      return eval(arg.path("in"), doc, inner);
    }
    if (op.equals("$filter") || op.equals("$map") || op.equals("$reduce")) {
      return iterate(op, arg, doc, vars);
    }
    if (op.equals("$switch")) {
      for (JsonNode b : arg.path("branches")) {
        if (truthy(eval(b.path("case"), doc, vars))) {
          return eval(b.path("then"), doc, vars);
        }
      }
      if (!arg.has("default")) {
        throw CloudError.invalid("$switch found no matching branch and has no default");
      }
      return eval(arg.get("default"), doc, vars);
    }
    List<JsonNode> a = args(arg, doc, vars);
    switch (op) {
      case "$add": {
        double total = 0;
        boolean whole = true;
        Long date = null;
        for (JsonNode v : a) {
          if (Values.isDate(v)) {
            date = v.get("$date").asLong();
          } else if (v.isNumber()) {
            total += v.asDouble();
            whole &= v.isIntegralNumber();
          } else if (v.isNull() || v.isMissingNode()) {
            return NullNode.instance;
          } else {
            throw CloudError.invalid("$add only supports numeric or date types");
          }
        }
        return date == null ? number(total, whole) : NODES.objectNode().put("$date", date + (long) total);
      }
      case "$subtract": {
        JsonNode x = at(a, 0);
        JsonNode y = at(a, 1);
        if (isNullish(x) || isNullish(y)) {
          return NullNode.instance;
        }
        if (Values.isDate(x) && Values.isDate(y)) {
          return LongNode.valueOf(x.get("$date").asLong() - y.get("$date").asLong());
        }
        if (Values.isDate(x) && y.isNumber()) {
          return NODES.objectNode().put("$date", x.get("$date").asLong() - y.asLong());
        }
        return number(numeric(op, x) - numeric(op, y), x.isIntegralNumber() && y.isIntegralNumber());
      }
      case "$multiply": {
        double p = 1;
        boolean whole = true;
        for (JsonNode v : a) {
          if (isNullish(v)) {
            return NullNode.instance;
          }
          p *= numeric(op, v);
          whole &= v.isIntegralNumber();
        }
        return number(p, whole);
      }
      case "$divide": {
        if (isNullish(at(a, 0)) || isNullish(at(a, 1))) {
          return NullNode.instance;
        }
        double y = numeric(op, at(a, 1));
        if (y == 0) {
          throw CloudError.invalid("can't $divide by zero");
        }
        return DoubleNode.valueOf(numeric(op, at(a, 0)) / y);
      }
      case "$mod": {
        if (isNullish(at(a, 0)) || isNullish(at(a, 1))) {
          return NullNode.instance;
        }
        double y = numeric(op, at(a, 1));
        if (y == 0) {
          throw CloudError.invalid("can't $mod by zero");
        }
        return number(numeric(op, at(a, 0)) % y, at(a, 0).isIntegralNumber() && at(a, 1).isIntegralNumber());
      }
      case "$abs":
      case "$ceil":
      case "$floor":
      case "$sqrt":
      case "$trunc": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        double v = numeric(op, x);
        double r = switch (op) {
          case "$abs" -> Math.abs(v);
          case "$ceil" -> Math.ceil(v);
          case "$floor" -> Math.floor(v);
          case "$sqrt" -> Math.sqrt(v);
          default -> v < 0 ? Math.ceil(v) : Math.floor(v);
        };
        return number(r, !op.equals("$sqrt") || r == Math.floor(r) && x.isIntegralNumber());
      }
      case "$exp":
      case "$ln":
      case "$log10": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        double v = numeric(op, x);
        if (!op.equals("$exp") && v <= 0) {
          throw CloudError.invalid(op + "'s argument must be a positive number");
        }
        return DoubleNode.valueOf(op.equals("$exp") ? Math.exp(v) : op.equals("$ln") ? Math.log(v) : Math.log10(v));
      }
      case "$log": {
        if (isNullish(at(a, 0)) || isNullish(at(a, 1))) {
          return NullNode.instance;
        }
        double x = numeric(op, at(a, 0));
        double base = numeric(op, at(a, 1));
        if (x <= 0 || base <= 0 || base == 1) {
          throw CloudError.invalid("$log needs a positive number and a positive base other than 1");
        }
        return DoubleNode.valueOf(Math.log(x) / Math.log(base));
      }
      case "$pow": {
        if (isNullish(at(a, 0)) || isNullish(at(a, 1))) {
          return NullNode.instance;
        }
        double r = Math.pow(numeric(op, at(a, 0)), numeric(op, at(a, 1)));
        return number(r, at(a, 0).isIntegralNumber() && at(a, 1).isIntegralNumber() && r == Math.floor(r));
      }
      case "$eq":
        return BooleanNode.valueOf(compare(a) == 0);
      case "$ne":
      case "$neq":
        return BooleanNode.valueOf(compare(a) != 0);
      case "$gt":
        return BooleanNode.valueOf(compare(a) > 0);
      case "$gte":
        return BooleanNode.valueOf(compare(a) >= 0);
      case "$lt":
        return BooleanNode.valueOf(compare(a) < 0);
      case "$lte":
        return BooleanNode.valueOf(compare(a) <= 0);
      case "$cmp":
        return IntNode.valueOf(Integer.signum(compare(a)));
      case "$and":
        return BooleanNode.valueOf(a.stream().allMatch(Aggregation::truthy));
      case "$or":
        return BooleanNode.valueOf(a.stream().anyMatch(Aggregation::truthy));
      case "$not":
        return BooleanNode.valueOf(!truthy(at(a, 0)));
      case "$ifNull":
        for (int i = 0; i < a.size() - 1; i++) {
          if (!isNullish(a.get(i))) {
            return a.get(i);
          }
        }
        return at(a, a.size() - 1);
      case "$concat": {
        StringBuilder s = new StringBuilder();
        for (JsonNode v : a) {
          if (isNullish(v)) {
            return NullNode.instance;
          }
          if (!v.isTextual()) {
            throw CloudError.invalid("$concat only supports strings");
          }
          s.append(v.textValue());
        }
        return TextNode.valueOf(s.toString());
      }
      case "$toLower":
      case "$toUpper": {
        JsonNode x = at(a, 0);
        String s = isNullish(x) ? "" : x.isTextual() ? x.textValue() : x.asText();
        return TextNode.valueOf(op.equals("$toLower") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT));
      }
      case "$substr":
      case "$substrCP": {
        String s = isNullish(at(a, 0)) ? "" : at(a, 0).asText();
        int[] cps = s.codePoints().toArray();
        int from = (int) Math.max(0, Math.min(cps.length, numeric(op, at(a, 1))));
        double len = numeric(op, at(a, 2));
        int to = len < 0 ? cps.length : (int) Math.min(cps.length, from + len);
        return TextNode.valueOf(new String(cps, from, to - from));
      }
      case "$strLenCP": {
        JsonNode x = at(a, 0);
        if (!x.isTextual()) {
          throw CloudError.invalid("$strLenCP needs a string");
        }
        return IntNode.valueOf(x.textValue().codePointCount(0, x.textValue().length()));
      }
      case "$split": {
        JsonNode x = at(a, 0);
        JsonNode sep = at(a, 1);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        if (!x.isTextual() || !sep.isTextual() || sep.textValue().isEmpty()) {
          throw CloudError.invalid("$split needs a string and a non-empty separator");
        }
        ArrayNode out = NODES.arrayNode();
        String s = x.textValue();
        int from = 0;
        for (int i = s.indexOf(sep.textValue()); i >= 0; i = s.indexOf(sep.textValue(), from)) {
          out.add(s.substring(from, i));
          from = i + sep.textValue().length();
        }
        out.add(s.substring(from));
        return out;
      }
      case "$size": {
        JsonNode x = at(a, 0);
        if (!x.isArray()) {
          throw CloudError.invalid("the argument to $size must be an array");
        }
        return IntNode.valueOf(x.size());
      }
      case "$isArray":
        return BooleanNode.valueOf(at(a, 0).isArray());
      case "$arrayElemAt": {
        JsonNode x = at(a, 0);
        if (isNullish(x)) {
          return NullNode.instance;
        }
        if (!x.isArray()) {
          throw CloudError.invalid("$arrayElemAt needs an array");
        }
        int i = (int) numeric(op, at(a, 1));
        i = i < 0 ? x.size() + i : i;
        return i >= 0 && i < x.size() ? x.get(i) : MissingNode.getInstance();
      }
      case "$in": {
        JsonNode list = at(a, 1);
        if (!list.isArray()) {
          throw CloudError.invalid("$in needs an array as its second argument");
        }
        for (JsonNode v : list) {
          if (Values.same(v, at(a, 0))) {
            return BooleanNode.TRUE;
          }
        }
        return BooleanNode.FALSE;
      }
      case "$concatArrays": {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode v : a) {
          if (isNullish(v)) {
            return NullNode.instance;
          }
          if (!v.isArray()) {
            throw CloudError.invalid("$concatArrays only supports arrays");
          }
          out.addAll((ArrayNode) v);
        }
        return out;
      }
      case "$mergeObjects": {
        ObjectNode out = NODES.objectNode();
        for (JsonNode v : a.size() == 1 && a.get(0).isArray() ? list(a.get(0)) : a) {
          if (v.isObject()) {
            out.setAll((ObjectNode) v);
          }
        }
        return out;
      }
      case "$sum":
      case "$avg":
      case "$min":
      case "$max":
      case "$first":
      case "$last":
      case "$push":
      case "$addToSet":
      case "$stdDevPop":
      case "$stdDevSamp":
        return accumulate(op, a.size() == 1 && a.get(0).isArray() ? list(a.get(0)) : a);
      default:
        return Operators.other(op, a);
    }
  }

  /** {@code $filter}, {@code $map} and {@code $reduce}: their bodies see each element as a variable. */
  private JsonNode iterate(String op, JsonNode arg, ObjectNode doc, Map<String, JsonNode> vars) {
    JsonNode input = eval(arg.path("input"), doc, vars);
    if (isNullish(input)) {
      return NullNode.instance;
    }
    if (!input.isArray()) {
      throw CloudError.invalid(op + " needs an array as its input");
    }
    Map<String, JsonNode> inner = new HashMap<>(vars);
    if (op.equals("$reduce")) {
      JsonNode value = orNull(eval(arg.path("initialValue"), doc, vars));
      for (JsonNode item : input) {
        inner.put("this", item);
        inner.put("value", value);
        value = orNull(eval(arg.path("in"), doc, inner));
      }
      return value;
    }
    String as = arg.path("as").asText("this");
    ArrayNode out = NODES.arrayNode();
    for (JsonNode item : input) {
      inner.put(as, item);
      if (op.equals("$map")) {
        out.add(orNull(eval(arg.path("in"), doc, inner)).deepCopy());
      } else if (truthy(eval(arg.path("cond"), doc, inner))) {
        out.add(item.deepCopy());
      }
    }
    return out;
  }

  private JsonNode dateFromParts(JsonNode arg, ObjectNode doc, Map<String, JsonNode> vars) {
    String[] names = {"year", "month", "day", "hour", "minute", "second", "millisecond"};
    int[] parts = {1970, 1, 1, 0, 0, 0, 0};
    for (int i = 0; i < names.length; i++) {
      if (arg.has(names[i])) {
        JsonNode v = eval(arg.get(names[i]), doc, vars);
        if (isNullish(v)) {
          return NullNode.instance;
        }
        parts[i] = (int) numeric("$dateFromParts", v);
      }
    }
    if (!arg.has("year")) {
      throw CloudError.invalid("$dateFromParts needs year");
    }
    ZoneId zone = zoneOf("$dateFromParts", arg.path("timezone"), doc, vars);
    // out-of-range parts carry over, as MongoDB's do (month 14 is February of the next year)
    ZonedDateTime t = ZonedDateTime.of(parts[0], 1, 1, 0, 0, 0, 0, zone).plusMonths(parts[1] - 1L)
        .plusDays(parts[2] - 1L).plusHours(parts[3]).plusMinutes(parts[4]).plusSeconds(parts[5])
        .plusNanos(parts[6] * 1_000_000L);
    return NODES.objectNode().put("$date", t.toInstant().toEpochMilli());
  }

  private JsonNode dateFromString(JsonNode arg, ObjectNode doc, Map<String, JsonNode> vars) {
    JsonNode text = eval(arg.path("dateString"), doc, vars);
    if (isNullish(text)) {
      return arg.has("onNull") ? eval(arg.get("onNull"), doc, vars) : NullNode.instance;
    }
    ZoneId zone = zoneOf("$dateFromString", arg.path("timezone"), doc, vars);
    try {
      if (!text.isTextual()) {
        throw new DateTimeException("not a string");
      }
      JsonNode format = arg.path("format");
      return NODES.objectNode().put("$date", Operators.parseDate(text.textValue(),
          format.isTextual() ? format.textValue() : null, zone));
    } catch (DateTimeException e) {
      if (arg.has("onError")) {
        return eval(arg.get("onError"), doc, vars);
      }
      throw CloudError.invalid("$dateFromString cannot parse " + text);
    }
  }

  private ZoneId zoneOf(String op, JsonNode zone, ObjectNode doc, Map<String, JsonNode> vars) {
    if (zone.isMissingNode()) {
      return ZoneOffset.UTC;
    }
    JsonNode z = eval(zone, doc, vars);
    try {
      return ZoneId.of(z.asText());
    } catch (DateTimeException e) {
      throw CloudError.invalid(op + ": unknown timezone " + z.asText());
    }
  }

  private ZonedDateTime dateOf(String op, JsonNode date, JsonNode zone, ObjectNode doc, Map<String, JsonNode> vars) {
    if (!Values.isDate(date)) {
      throw CloudError.invalid(op + " needs a date");
    }
    return Instant.ofEpochMilli(date.get("$date").asLong()).atZone(zoneOf(op, zone, doc, vars));
  }

  /** MongoDB's format specifiers: %Y %m %d %H %M %S %L %j %w %u %V %G %Z %z %%. */
  private static String dateToString(ZonedDateTime t, String format) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char f = format.charAt(++i);
      switch (f) {
        case 'Y' -> out.append(String.format("%04d", t.getYear()));
        case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
        case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
        case 'H' -> out.append(String.format("%02d", t.getHour()));
        case 'M' -> out.append(String.format("%02d", t.getMinute()));
        case 'S' -> out.append(String.format("%02d", t.getSecond()));
        case 'L' -> out.append(String.format("%03d", t.getNano() / 1_000_000));
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case 'w' -> out.append(t.getDayOfWeek().getValue() % 7 + 1);
        case 'u' -> out.append(t.getDayOfWeek().getValue());
        case 'V' -> out.append(String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        case 'G' -> out.append(String.format("%04d", t.get(IsoFields.WEEK_BASED_YEAR)));
        case 'z' -> out.append(t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", ""));
        case 'Z' -> out.append(t.getOffset().getTotalSeconds() / 60);
        case '%' -> out.append('%');
        default -> throw CloudError.invalid("$dateToString: unknown format %" + f);
      }
    }
    return out.toString();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  static JsonNode at(List<JsonNode> a, int i) {
    return i < a.size() ? a.get(i) : MissingNode.getInstance();
  }

  private static int compare(List<JsonNode> a) {
    if (a.size() != 2) {
      throw CloudError.invalid("a comparison needs two arguments");
    }
    JsonNode x = orNull(a.get(0));
    JsonNode y = orNull(a.get(1));
    return Values.same(x, y) ? 0 : Values.compareForSort(x, y);
  }

  static double numeric(String op, JsonNode v) {
    if (!v.isNumber()) {
      throw CloudError.invalid(op + " only supports numeric types");
    }
    return v.asDouble();
  }

  static boolean isNullish(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  static boolean truthy(JsonNode v) {
    if (isNullish(v)) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return !v.isNumber() || v.asDouble() != 0;
  }

  private static JsonNode orNull(JsonNode v) {
    return v == null || v.isMissingNode() ? NullNode.instance : v;
  }

  static JsonNode number(double v, boolean whole) {
    if (whole && v == Math.rint(v) && Math.abs(v) < 9.0e15) {
      long l = (long) v;
      return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
    }
    return DoubleNode.valueOf(v);
  }

  /** A group key's identity: numbers by value (1 and 1.0 are one group). */
  private static String canonical(JsonNode key) {
    if (key.isNumber()) {
      double d = key.asDouble();
      return d == Math.rint(d) ? "n" + (long) d : "n" + d;
    }
    if (key.isObject()) {
      StringBuilder s = new StringBuilder("{");
      key.fields().forEachRemaining(e -> s.append(e.getKey()).append(':').append(canonical(e.getValue())).append(','));
      return s.append('}').toString();
    }
    if (key.isArray()) {
      StringBuilder s = new StringBuilder("[");
      key.forEach(e -> s.append(canonical(e)).append(','));
      return s.append(']').toString();
    }
    return key.getNodeType() + key.toString();
  }

  /** {@code a.b} in {@code doc}: through arrays of objects it collects ({@code $places.city}); else missing. */
  static JsonNode fieldPath(JsonNode doc, String path) {
    return walk(doc, path.split("\\.", -1), 0);
  }

  private static JsonNode walk(JsonNode node, String[] parts, int i) {
    if (i == parts.length) {
      return node;
    }
    if (node.isObject()) {
      JsonNode child = node.get(parts[i]);
      return child == null ? MissingNode.getInstance() : walk(child, parts, i + 1);
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode e : node) {
        if (e.isObject()) {
          JsonNode v = walk(e, parts, i);
          if (!v.isMissingNode()) {
            out.add(v);
          }
        }
      }
      return out;
    }
    return MissingNode.getInstance();
  }
}
