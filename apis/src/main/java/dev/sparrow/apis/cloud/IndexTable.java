package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One declared index of an embedded collection. Two views of the leading field: the scalar values the matcher sees
 * there ({@link Values#at}, array elements included, as MongoDB's multikey index) each mapped to the documents
 * holding it, ordered as {@link Values#compareForSort} orders them; and each document's single value there as
 * {@code orderBy} compares it ({@link Values#plain}), grouped by equal value, a group in insertion order. A lookup
 * answers a superset of the documents a condition can match (the caller still runs the matcher on them), so answers
 * are the scan's. A unique index also keeps each document's key tuple (every field; missing is null).
 */
final class IndexTable {
  final CloudIndex spec;
  private final String collection;
  private final TreeMap<JsonNode, Set<String>> values = new TreeMap<>(Values::compareForSort);
  private final TreeMap<JsonNode, TreeMap<Long, String>> sorted = new TreeMap<>(Values::compareForSort);
  private final Map<String, Entry> entries = new HashMap<>();
  /** Unique key (canonical text) → the document holding it. */
  private final Map<String, String> owners = new HashMap<>();
  /** Documents with a value no order holds (a non-finite number): while any is stored, the index is not used. */
  private int unordered;

  private record Entry(List<JsonNode> keys, JsonNode sortKey, long seq, List<UniqueKey> unique, boolean odd) {}

  /** One tuple of a unique index: its canonical text and the values, for the error. */
  record UniqueKey(String canonical, List<JsonNode> values) {}

  IndexTable(CloudIndex spec, String collection) {
    this.spec = spec;
    this.collection = collection;
  }

  /** Whether lookups and ordered walks may use the index. */
  boolean usable() {
    return unordered == 0;
  }

  void add(String id, ObjectNode doc, long seq) {
    List<JsonNode> keys = new ArrayList<>();
    boolean odd = false;
    for (JsonNode v : Values.at(doc, spec.field())) {
      for (JsonNode e : v.isArray() ? v : List.of(v)) {
        if (Values.kind(e) >= 0) {
          odd |= !finite(e);
          keys.add(e);
        }
      }
    }
    JsonNode sortKey = Values.plain(doc, spec.field());
    sortKey = sortKey == null ? NullNode.instance : sortKey;
    odd |= !finite(sortKey);
    List<UniqueKey> unique = spec.unique() ? uniqueKeys(doc) : List.of();
    entries.put(id, new Entry(keys, sortKey, seq, unique, odd));
    unique.forEach(k -> owners.put(k.canonical(), id));
    if (odd) {
      unordered++;
      return;
    }
    keys.forEach(k -> values.computeIfAbsent(k, x -> new HashSet<>()).add(id));
    sorted.computeIfAbsent(sortKey, x -> new TreeMap<>()).put(seq, id);
  }

  void remove(String id) {
    Entry e = entries.remove(id);
    if (e == null) {
      return;
    }
    e.unique().forEach(k -> owners.remove(k.canonical(), id));
    if (e.odd()) {
      unordered--;
      return;
    }
    for (JsonNode k : e.keys()) {
      Set<String> ids = values.get(k);
      if (ids != null && ids.remove(id) && ids.isEmpty()) {
        values.remove(k);
      }
    }
    TreeMap<Long, String> group = sorted.get(e.sortKey());
    if (group != null && group.remove(e.seq()) != null && group.isEmpty()) {
      sorted.remove(e.sortKey());
    }
  }

  /**
   * Refuses {@code incoming} (documents about to be stored, each replacing the stored one of its {@code _id}) when
   * two of them, or one of them and a document that stays, share a key of this unique index.
   */
  void checkUnique(Collection<ObjectNode> incoming) {
    if (!spec.unique()) {
      return;
    }
    Set<String> replaced = new HashSet<>();
    incoming.forEach(d -> replaced.add(d.get("_id").asText()));
    Map<String, String> seen = new HashMap<>();
    for (ObjectNode d : incoming) {
      String id = d.get("_id").asText();
      for (UniqueKey k : uniqueKeys(d)) {
        String owner = owners.get(k.canonical());
        String other = seen.putIfAbsent(k.canonical(), id);
        if ((other != null && !other.equals(id)) || (owner != null && !replaced.contains(owner))) {
          throw duplicate(k);
        }
      }
    }
  }

  /** The error MongoDB words (E11000 …) in WeChat's frame. */
  CloudError duplicate(UniqueKey k) {
    StringBuilder dup = new StringBuilder("{ ");
    for (int i = 0; i < spec.keys().size(); i++) {
      dup.append(i == 0 ? "" : ", ").append(spec.keys().get(i).field()).append(": ").append(k.values().get(i));
    }
    return CloudError.duplicateKey("E11000 duplicate key error collection: " + collection + " index: "
        + spec.name() + " dup key: " + dup.append(" }"));
  }

  /** The unique tuples of {@code doc}: per field its values (an array's elements; missing is null), crossed. */
  List<UniqueKey> uniqueKeys(ObjectNode doc) {
    List<UniqueKey> out = new ArrayList<>();
    out.add(new UniqueKey("", List.of()));
    for (CloudIndex.Key key : spec.keys()) {
      List<JsonNode> options = new ArrayList<>();
      for (JsonNode v : Values.at(doc, key.field())) {
        if (v.isArray()) {
          v.forEach(options::add);
        } else {
          options.add(v);
        }
      }
      if (options.isEmpty()) {
        options.add(NullNode.instance);
      }
      List<UniqueKey> next = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      for (UniqueKey prefix : out) {
        for (JsonNode o : options) {
          String canonical = prefix.canonical() + "|" + canonical(o);
          if (distinct.add(canonical)) {
            List<JsonNode> values = new ArrayList<>(prefix.values());
            values.add(o);
            next.add(new UniqueKey(canonical, values));
          }
        }
      }
      out = next;
    }
    return out;
  }

  /** Equal texts for values {@link Values#same} calls equal (numbers by value, object fields in any order). */
  static String canonical(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isNumber()) {
      return finite(v) ? "n" + v.decimalValue().stripTrailingZeros().toPlainString() : "n" + v.doubleValue();
    }
    if (v.isArray()) {
      StringBuilder out = new StringBuilder("[");
      v.forEach(e -> out.append(canonical(e)).append(','));
      return out.append(']').toString();
    }
    if (v.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      v.fieldNames().forEachRemaining(names::add);
      StringBuilder out = new StringBuilder("{");
      names.forEach(n -> out.append(n.length()).append(':').append(n).append('=').append(canonical(v.get(n)))
          .append(','));
      return out.append('}').toString();
    }
    return v.isTextual() ? "s" + v.textValue().length() + ":" + v.textValue() : v.toString();
  }

  private static boolean finite(JsonNode v) {
    if (v.isDouble() || v.isFloat()) {
      return Double.isFinite(v.doubleValue());
    }
    if (Values.isDate(v)) {
      return finite(v.get("$date"));
    }
    return true;
  }

  /**
   * The documents that may satisfy {@code cond} (a literal or an operator object) at the leading field; null when
   * this index cannot narrow it (e.g. {@code $ne}, {@code $exists}, {@code $regex}, a null or object literal).
   */
  Set<String> candidates(JsonNode cond) {
    if (!Matcher.isOperator(cond)) {
      return keyable(cond) ? equal(cond) : null;
    }
    Set<String> out = null;
    Iterator<Map.Entry<String, JsonNode>> it = cond.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode arg = e.getValue();
      Set<String> some = switch (e.getKey()) {
        case "$eq" -> keyable(arg) ? equal(arg) : null;
        case "$gt", "$gte", "$lt", "$lte" -> keyable(arg) ? range(e.getKey(), arg) : null;
        case "$in" -> in(arg);
        default -> null;
      };
      if (some != null) {
        out = out == null ? some : intersect(out, some);
      }
    }
    return out;
  }

  private static boolean keyable(JsonNode v) {
    return Values.kind(v) >= 0 && finite(v);
  }

  private Set<String> equal(JsonNode v) {
    Set<String> ids = values.get(v);
    return ids == null ? new HashSet<>() : new HashSet<>(ids);
  }

  private Set<String> in(JsonNode arg) {
    if (!arg.isArray()) {
      return null;
    }
    Set<String> out = new HashSet<>();
    for (JsonNode a : arg) {
      if (!keyable(a)) {
        return null;
      }
      Set<String> ids = values.get(a);
      if (ids != null) {
        out.addAll(ids);
      }
    }
    return out;
  }

  /** Values of the argument's kind above or below it (the matcher compares within one kind only). */
  private Set<String> range(String op, JsonNode arg) {
    int kind = Values.kind(arg);
    NavigableMap<JsonNode, Set<String>> side = switch (op) {
      case "$gt" -> values.tailMap(arg, false);
      case "$gte" -> values.tailMap(arg, true);
      case "$lt" -> values.headMap(arg, false).descendingMap();
      default -> values.headMap(arg, true).descendingMap();
    };
    Set<String> out = new HashSet<>();
    for (Map.Entry<JsonNode, Set<String>> e : side.entrySet()) {
      if (Values.kind(e.getKey()) != kind) {
        break;
      }
      out.addAll(e.getValue());
    }
    return out;
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    small.retainAll(large);
    return small;
  }

  /**
   * The document ids in {@code orderBy}'s order on the leading field: groups of equal values ascending or descending,
   * each group in insertion order (the scan's stable sort keeps ties so). Each inner list is one group.
   */
  Iterable<Collection<String>> ordered(boolean ascending) {
    NavigableMap<JsonNode, TreeMap<Long, String>> groups = ascending ? sorted : sorted.descendingMap();
    return () -> groups.values().stream().map(g -> (Collection<String>) g.values()).iterator();
  }
}
