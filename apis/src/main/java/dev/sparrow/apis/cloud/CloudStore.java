package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One environment's database as every session of the process shares it: the engine plus change notification.
 * Each write that changed something tells the collection's listeners, on the writer's thread, after the write
 * ({@code watch} listeners then query again and post their snapshot to their own session's loop).
 */
public final class CloudStore implements CloudDatabase {
  private final CloudDatabase db;
  private final Map<String, List<Listener>> listeners = new HashMap<>();

  public CloudStore(CloudDatabase db) {
    this.db = db;
  }

  /**
   * Compacts the embedded engine's collection files to the plain export format ({@link JsonLinesDatabase#close});
   * other engines are their owner's to close. The store stays usable.
   */
  public void close() {
    if (db instanceof JsonLinesDatabase files) {
      files.close();
    }
  }

  /** The engine behind the store (for adapters and tools; writes made there are not announced). */
  public CloudDatabase engine() {
    return db;
  }

  /**
   * What a write did: {@code kind} is {@code add} (also a {@code set} that created), {@code set}, {@code update},
   * {@code remove} or {@code other} (an import, a write made past the store); {@code replacedId} is the document a
   * {@code set} replaced, else null.
   */
  public record Write(String kind, String replacedId) {
    public static final Write OTHER = new Write("other", null);
  }

  /** Told after a write to a collection. */
  public interface Listener {
    void changed(String collection, Write write);
  }

  /** Calls {@code changed} after each write to {@code collection}; close to stop. */
  public AutoCloseable listen(String collection, Listener changed) {
    List<Listener> list;
    synchronized (listeners) {
      list = listeners.computeIfAbsent(collection, k -> new CopyOnWriteArrayList<>());
    }
    list.add(changed);
    return () -> list.remove(changed);
  }

  /** Tells the collection's listeners (a write made past the store, e.g. an import, calls this itself). */
  public void changed(String collection) {
    changed(collection, Write.OTHER);
  }

  private void changed(String collection, Write write) {
    List<Listener> list;
    synchronized (listeners) {
      list = listeners.get(collection);
      list = list == null ? List.of() : new ArrayList<>(list);
    }
    for (Listener l : list) {
      l.changed(collection, write);
    }
  }

  @Override
  public String add(String collection, ObjectNode doc) {
    String id = db.add(collection, doc);
    changed(collection, new Write("add", null));
    return id;
  }

  @Override
  public Optional<ObjectNode> get(String collection, String id) {
    return db.get(collection, id);
  }

  @Override
  public boolean set(String collection, String id, ObjectNode doc) {
    boolean created = db.set(collection, id, doc);
    changed(collection, created ? new Write("add", null) : new Write("set", id));
    return created;
  }

  @Override
  public int update(String collection, ObjectNode where, ObjectNode update) {
    int n = db.update(collection, where, update);
    if (n > 0) {
      changed(collection, new Write("update", null));
    }
    return n;
  }

  @Override
  public int remove(String collection, ObjectNode where) {
    int n = db.remove(collection, where);
    if (n > 0) {
      changed(collection, new Write("remove", null));
    }
    return n;
  }

  @Override
  public List<ObjectNode> find(String collection, Find find) {
    return db.find(collection, find);
  }

  @Override
  public long count(String collection, ObjectNode where) {
    return db.count(collection, where);
  }

  @Override
  public boolean hasCollection(String collection) {
    return db.hasCollection(collection);
  }

  @Override
  public void createCollection(String collection) {
    db.createCollection(collection);
  }

  @Override
  public void createIndex(String collection, CloudIndex index) {
    db.createIndex(collection, index);
  }

  @Override
  public List<CloudIndex> indexes(String collection) {
    return db.indexes(collection);
  }

  @Override
  public List<ObjectNode> aggregate(String collection, ArrayNode pipeline) {
    return db.aggregate(collection, pipeline);
  }

  @Override
  public int addAll(String collection, List<ObjectNode> docs, boolean replace) {
    int n = db.addAll(collection, docs, replace);
    if (n > 0) {
      changed(collection, Write.OTHER);
    }
    return n;
  }

  @Override
  public List<String> collections() {
    return db.collections();
  }
}
