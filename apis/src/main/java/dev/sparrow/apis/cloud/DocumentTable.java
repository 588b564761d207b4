package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.cloud.CloudDatabase.Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One collection of the embedded engine in memory: its documents in insertion order, each one's place in that order,
 * and the declared indexes, kept current on every put and removal. {@link #select} answers a query as a scan would
 * (same documents, same order, ties in insertion order) from the cheapest of: the implicit {@code _id} lookup, an
 * index's candidates for a condition on its leading field, an index's order for an {@code orderBy} on its leading
 * field with a {@code limit}, or a scan. Not thread-safe: the engine holds its lock.
 */
final class DocumentTable {
  /** An ordered walk is taken over candidates when these outnumber the rows wanted by this factor. */
  private static final int WALK_FACTOR = 8;

  private final String name;
  private final LinkedHashMap<String, ObjectNode> docs = new LinkedHashMap<>();
  private final Map<String, Long> seq = new HashMap<>();
  private final Map<String, IndexTable> indexes = new LinkedHashMap<>();
  private long next;

  /** How a query is answered: candidate ids (null: all) and an index walked in orderBy's order (or null). */
  record Plan(String describe, Set<String> candidates, IndexTable walk) {}

  /** Candidate ids and what gave them ({@code _id} or {@code index <name>}). */
  private record Narrowed(Set<String> ids, String by) {
    Narrowed smaller(Narrowed other) {
      return other == null || ids.size() <= other.ids.size() ? this : other;
    }
  }

  /** {@code name} ({@code <env>.<collection>}) is what duplicate-key errors call the collection. */
  DocumentTable(String name) {
    this.name = name;
  }

  Collection<ObjectNode> all() {
    return docs.values();
  }

  ObjectNode get(String id) {
    return docs.get(id);
  }

  boolean contains(String id) {
    return docs.containsKey(id);
  }

  List<CloudIndex> indexes() {
    return indexes.values().stream().map(i -> i.spec).toList();
  }

  /** Refuses {@code incoming} (each replacing the document of its {@code _id}) when a unique index forbids it. */
  void checkUnique(Collection<ObjectNode> incoming) {
    for (IndexTable index : indexes.values()) {
      index.checkUnique(incoming);
    }
  }

  /** Stores {@code doc} under its {@code _id}: a new one goes last, a replaced one keeps its place. */
  void put(ObjectNode doc) {
    String id = doc.get("_id").asText();
    Long at = seq.get(id);
    if (at == null) {
      at = next++;
      seq.put(id, at);
    } else {
      for (IndexTable index : indexes.values()) {
        index.remove(id);
      }
    }
    docs.put(id, doc);
    for (IndexTable index : indexes.values()) {
      index.add(id, doc, at);
    }
  }

  /** Removes the documents matching {@code where}; returns their ids. */
  List<String> remove(ObjectNode where) {
    List<String> gone = new ArrayList<>();
    for (ObjectNode d : matching(where)) {
      String id = d.get("_id").asText();
      removeId(id);
      gone.add(id);
    }
    return gone;
  }

  /** Removes the document stored under {@code id}, if there is one. */
  void removeId(String id) {
    if (docs.remove(id) != null) {
      seq.remove(id);
      for (IndexTable index : indexes.values()) {
        index.remove(id);
      }
    }
  }

  /**
   * Declares {@code spec}: built over the stored documents, replacing an index of the same name with other keys; a
   * unique index over duplicate values is refused with the duplicate-key error and not kept.
   */
  void createIndex(CloudIndex spec) {
    IndexTable old = indexes.get(spec.name());
    if (old != null && old.spec.equals(spec)) {
      return;
    }
    IndexTable index = new IndexTable(spec, name);
    if (spec.unique()) {
      Map<String, String> owners = new HashMap<>();
      for (ObjectNode d : docs.values()) {
        String id = d.get("_id").asText();
        for (IndexTable.UniqueKey k : index.uniqueKeys(d)) {
          String other = owners.putIfAbsent(k.canonical(), id);
          if (other != null && !other.equals(id)) {
            throw index.duplicate(k);
          }
        }
      }
    }
    docs.forEach((id, d) -> index.add(id, d, seq.get(id)));
    indexes.put(spec.name(), index);
  }

  /** The documents matching {@code where}, in insertion order, from the plan's candidates. */
  List<ObjectNode> matching(ObjectNode where) {
    Narrowed narrowed = narrow(where);
    Set<String> candidates = narrowed == null ? null : narrowed.ids();
    List<ObjectNode> hits = new ArrayList<>();
    for (ObjectNode d : candidates == null ? docs.values() : inOrder(candidates)) {
      if (Matcher.matches(d, where)) {
        hits.add(d);
      }
    }
    return hits;
  }

  /** What {@link #select} would do for this query. */
  Plan plan(ObjectNode where, List<Order> orderBy, int skip, int limit) {
    Narrowed narrowed = narrow(where);
    Set<String> candidates = narrowed == null ? null : narrowed.ids();
    String describe = narrowed == null ? "scan" : narrowed.by();
    if (!orderBy.isEmpty() && limit > 0) {
      long wanted = (long) Math.max(0, skip) + limit;
      for (IndexTable index : indexes.values()) {
        if (index.usable() && index.spec.field().equals(orderBy.get(0).field())
            && (candidates == null || candidates.size() > WALK_FACTOR * wanted)) {
          return new Plan("index " + index.spec.name() + " order" + (candidates == null ? "" : " + " + describe),
              candidates, index);
        }
      }
    }
    return new Plan(describe, candidates, null);
  }

  /**
   * The documents of the query, sorted and cut as the scan does: matches in insertion order, nearest first for a
   * geoNear without orderBy, then a stable sort by {@code orderBy}, then {@code skip} and {@code limit} (0: none).
   */
  List<ObjectNode> select(ObjectNode where, List<Order> orderBy, int skip, int limit) {
    Plan plan = plan(where, orderBy, skip, limit);
    List<ObjectNode> hits;
    if (plan.walk() != null) {
      hits = new ArrayList<>();
      long wanted = (long) Math.max(0, skip) + limit;
      for (Collection<String> group : plan.walk().ordered(orderBy.get(0).ascending())) {
        if (hits.size() >= wanted) {
          break; // the group that reached the count is complete, so later keys sort its ties
        }
        for (String id : group) {
          ObjectNode d = docs.get(id);
          if ((plan.candidates() == null || plan.candidates().contains(id)) && Matcher.matches(d, where)) {
            hits.add(d);
          }
        }
      }
    } else {
      hits = new ArrayList<>();
      for (ObjectNode d : plan.candidates() == null ? docs.values() : inOrder(plan.candidates())) {
        if (Matcher.matches(d, where)) {
          hits.add(d);
        }
      }
    }
    Comparator<JsonNode> nearest = Geo.nearestFirst(where);
    if (nearest != null && orderBy.isEmpty()) {
      hits.sort(nearest::compare);
    }
    if (!orderBy.isEmpty()) {
      Comparator<ObjectNode> order = null;
      for (Order o : orderBy) {
        Comparator<ObjectNode> c =
            (a, b) -> Values.compareForSort(Values.plain(a, o.field()), Values.plain(b, o.field()));
        c = o.ascending() ? c : c.reversed();
        order = order == null ? c : order.thenComparing(c);
      }
      hits.sort(order);
    }
    int from = Math.max(0, skip);
    int end = limit > 0 ? (int) Math.min(hits.size(), (long) from + limit) : hits.size();
    return from >= end ? List.of() : new ArrayList<>(hits.subList(from, end));
  }

  /**
   * A superset of the documents {@code where} matches, from {@code _id} and the indexes' leading fields (top-level
   * keys and the parts of a top-level {@code $and}); the smallest one found; null when none narrows it.
   */
  private Narrowed narrow(JsonNode where) {
    if (where == null || !where.isObject()) {
      return null;
    }
    Narrowed best = null;
    Iterator<Map.Entry<String, JsonNode>> it = where.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("$and") && e.getValue().isArray()) {
        for (JsonNode part : e.getValue()) {
          Narrowed inner = narrow(part);
          best = inner == null ? best : inner.smaller(best);
        }
      } else if (key.equals("_id")) {
        Set<String> ids = ids(e.getValue());
        best = ids == null ? best : new Narrowed(ids, "_id").smaller(best);
      } else {
        for (IndexTable index : indexes.values()) {
          if (index.usable() && index.spec.field().equals(key)) {
            Set<String> ids = index.candidates(e.getValue());
            best = ids == null ? best : new Narrowed(ids, "index " + index.spec.name()).smaller(best);
            break;
          }
        }
      }
    }
    return best;
  }

  /** The stored ids a condition on {@code _id} names (ids are strings); null when it is not an equality or in. */
  private Set<String> ids(JsonNode cond) {
    List<JsonNode> wanted = new ArrayList<>();
    if (cond.isTextual()) {
      wanted.add(cond);
    } else if (Matcher.isOperator(cond) && cond.size() == 1 && cond.path("$eq").isTextual()) {
      wanted.add(cond.get("$eq"));
    } else if (Matcher.isOperator(cond) && cond.size() == 1 && cond.path("$in").isArray()) {
      for (JsonNode v : cond.get("$in")) {
        if (!v.isTextual()) {
          return null;
        }
        wanted.add(v);
      }
    } else {
      return null;
    }
    Set<String> out = new HashSet<>();
    for (JsonNode v : wanted) {
      if (docs.containsKey(v.textValue())) {
        out.add(v.textValue());
      }
    }
    return out;
  }

  /** The documents of {@code ids} in insertion order. */
  private List<ObjectNode> inOrder(Set<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.comparingLong(seq::get));
    List<ObjectNode> out = new ArrayList<>(sorted.size());
    for (String id : sorted) {
      out.add(docs.get(id));
    }
    return out;
  }
}
