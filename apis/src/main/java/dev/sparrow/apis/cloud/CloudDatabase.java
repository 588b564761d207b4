package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The documents of one cloud environment, in the wire form the logic layer sends: a query is a Mongo-style
 * object ({@code {"a.b": {"$gt": 1}, "$or": [...]}}), an update maps field paths to one operator each
 * ({@code {"n": {"$inc": 1}}}), dates are {@code {"$date": millis}}. Implementations: {@link JsonLinesDatabase}
 * (in memory, one JSON-lines file per collection) and {@link MongoCloudDatabase}.
 */
public interface CloudDatabase {
  /** Sort key: field path and direction. */
  record Order(String field, boolean ascending) {}

  /** What a read selects: filter, order, skip, limit (0 = no limit) and projection (null = whole document). */
  record Find(ObjectNode where, List<Order> orderBy, int skip, int limit, ObjectNode projection) {
    public static Find where(ObjectNode where) {
      return new Find(where, List.of(), 0, 0, null);
    }
  }

  /** Stores {@code doc} (which may carry its own {@code _id}); returns the {@code _id}. */
  String add(String collection, ObjectNode doc);

  Optional<ObjectNode> get(String collection, String id);

  /** Replaces the document with {@code id} (keeping the id) or creates it; true when created. */
  boolean set(String collection, String id, ObjectNode doc);

  /** Applies {@code update} to the documents matching {@code where}; returns how many were updated. */
  int update(String collection, ObjectNode where, ObjectNode update);

  /** Removes the documents matching {@code where}; returns how many. */
  int remove(String collection, ObjectNode where);

  List<ObjectNode> find(String collection, Find find);

  long count(String collection, ObjectNode where);

  /**
   * Whether {@code collection} exists: created by {@link #createCollection}, an import, or a write. The client
   * rule "a collection must exist" is applied by the caller (WeChat's -502005); the engine itself creates a
   * collection on its first write.
   */
  default boolean hasCollection(String collection) {
    return true;
  }

  /** Creates {@code collection} (empty) when it does not exist; the console's "add collection". */
  default void createCollection(String collection) {
  }

  /**
   * Declares {@code index} on {@code collection} (the console's index form; created with the collection from the
   * project's {@code cloud/database.json}). Declaring the same index again changes nothing. A unique index refuses
   * writes that would store a key twice with {@link CloudError#duplicateKey}, and cannot be made over stored
   * duplicates (the same error). By default the engine keeps no indexes.
   */
  default void createIndex(String collection, CloudIndex index) {
  }

  /** The indexes declared on {@code collection} ({@code _id}'s own not listed). */
  default List<CloudIndex> indexes(String collection) {
    return List.of();
  }

  /**
   * Runs an aggregation pipeline ({@code [{"$match": {...}}, {"$group": {...}}, ...]}, MongoDB's stage and
   * expression forms) over {@code collection}; by default in memory over {@link #find} (see {@link Aggregation}).
   */
  default List<ObjectNode> aggregate(String collection, ArrayNode pipeline) {
    return new Aggregation(this, new Random(0)).run(collection, pipeline);
  }

  /**
   * Stores many documents at once, as an import does: each is added as by {@link #add}, or, when {@code replace}
   * and its {@code _id} exists, replaces that document as by {@link #set}. Engines write them in one go (one
   * append, one bulk write); returns how many.
   */
  default int addAll(String collection, List<ObjectNode> docs, boolean replace) {
    for (ObjectNode d : docs) {
      String id = d.path("_id").isTextual() ? d.get("_id").textValue() : null;
      if (replace && id != null) {
        ObjectNode data = d.deepCopy();
        data.remove("_id");
        set(collection, id, data);
      } else {
        add(collection, d);
      }
    }
    return docs.size();
  }

  /** The names of the collections that hold or held documents, sorted (the simulator's Cloud panel lists them). */
  default List<String> collections() {
    return List.of();
  }
}
