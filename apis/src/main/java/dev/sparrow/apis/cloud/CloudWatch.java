package dev.sparrow.apis.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One realtime listener ({@code watch()}) on a query of a {@link CloudStore}: after every write to the
 * collection it runs the query again and, when the result changed, hands a snapshot to {@code onSnapshot} on the
 * writer's thread: {@code {id, docChanges: [{id, dataType, queueType, docId, doc, updatedFields,
 * removedFields}], docs, type}} ({@code type: "init"} on the first, whose changes are all {@code init}).
 * A document that newly matches is {@code add}/{@code enqueue} (or {@code update}/{@code replace} with
 * {@code enqueue} when an update or set brought it in), one that changed {@code update}/{@code update}
 * (with dotted {@code updatedFields} and {@code removedFields}) or {@code replace}/{@code update} (a {@code set}),
 * one that left the result {@code remove} (deleted) or {@code update}/{@code dequeue} (still stored). Snapshots of one watch are made one at a time, in order.
 */
public final class CloudWatch implements AutoCloseable {
  /** The most documents one watch may hold (WeChat's realtime push limit); past it the watch ends with an error. */
  public static final int MAX_DOCS = 5000;
  /** The error a watch ends with when its result grows past {@link #MAX_DOCS} (the same instance each time). */
  public static final CloudError TOO_MANY_DOCS = CloudError.of("LIMIT_EXCEEDED - a watch holds at most "
      + MAX_DOCS + " documents");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CloudStore store;
  private final String collection;
  private final CloudDatabase.Find find;
  private final Consumer<ObjectNode> onSnapshot;
  private final Consumer<CloudError> onError;
  private Map<String, ObjectNode> last;
  private int snapshots;
  private AutoCloseable listening;
  private boolean closed;
  private boolean paused;

  public CloudWatch(CloudStore store, String collection, CloudDatabase.Find find, Consumer<ObjectNode> onSnapshot,
      Consumer<CloudError> onError) {
    this.store = store;
    this.collection = collection;
    this.find = find;
    this.onSnapshot = onSnapshot;
    this.onError = onError;
  }

  /** Starts listening and delivers the {@code init} snapshot (on the calling thread). */
  public synchronized CloudWatch start() {
    listening = store.listen(collection, (c, write) -> refresh(write));
    refresh(CloudStore.Write.OTHER);
    return this;
  }

  /** Stops delivering snapshots (the realtime connection is down) until {@link #resume()}. */
  public synchronized void pause() {
    paused = true;
  }

  /**
   * Delivers again: one snapshot catches up with every change made while paused (as a rebuilt watch replays what
   * it missed), then one per write as before.
   */
  public synchronized void resume() {
    if (paused) {
      paused = false;
      refresh(CloudStore.Write.OTHER);
    }
  }

  private synchronized void refresh(CloudStore.Write write) {
    if (closed || paused) {
      return;
    }
    List<ObjectNode> now;
    try {
      now = store.find(collection, find);
    } catch (CloudError e) {
      close();
      onError.accept(e);
      return;
    } catch (RuntimeException e) {
      close();
      onError.accept(CloudError.of("database storage error"));
      return;
    }
    if (now.size() > MAX_DOCS) {
      close();
      onError.accept(TOO_MANY_DOCS);
      return;
    }
    Map<String, ObjectNode> current = new LinkedHashMap<>();
    now.forEach(d -> current.put(d.path("_id").asText(), d));
    ArrayNode changes = NODES.arrayNode();
    boolean init = last == null;
    if (init) {
      current.forEach((id, d) -> change(changes, "init", "init", id, d));
    } else {
      last.forEach((id, before) -> {
        if (!current.containsKey(id)) {
          Optional<ObjectNode> stored = store.get(collection, id);
          if (stored.isPresent()) {
            ObjectNode c = change(changes, "update", "dequeue", id, stored.get());
            fieldDiff(c, before, stored.get());
          } else {
            change(changes, "remove", "dequeue", id, before);
          }
        }
      });
      current.forEach((id, d) -> {
        ObjectNode before = last.get(id);
        if (before == null) {
          // a document that was stored already and now matches came in through an update or a set
          boolean added = write.kind().equals("add") || write.kind().equals("other");
          change(changes, added ? "add" : write.kind().equals("set") ? "replace" : "update", "enqueue", id, d);
        } else if (id.equals(write.replacedId())) {
          change(changes, "replace", "update", id, d);
        } else if (!before.equals(d)) {
          ObjectNode c = change(changes, "update", "update", id, d);
          fieldDiff(c, before, d);
        }
      });
    }
    last = current;
    if (!init && changes.isEmpty()) {
      return;
    }
    ObjectNode snapshot = NODES.objectNode();
    snapshot.put("id", snapshots++);
    snapshot.set("docChanges", changes);
    ArrayNode docs = snapshot.putArray("docs");
    current.values().forEach(d -> docs.add(d.deepCopy()));
    if (init) {
      snapshot.put("type", "init");
    }
    onSnapshot.accept(snapshot);
  }

  private static ObjectNode change(ArrayNode changes, String dataType, String queueType, String id, ObjectNode doc) {
    ObjectNode c = changes.addObject();
    c.put("id", changes.size() - 1);
    c.put("dataType", dataType);
    c.put("queueType", queueType);
    c.put("docId", id);
    c.set("doc", doc.deepCopy());
    return c;
  }

  private static void fieldDiff(ObjectNode change, ObjectNode before, ObjectNode after) {
    ObjectNode updated = NODES.objectNode();
    ArrayNode removed = NODES.arrayNode();
    diff("", before, after, updated, removed);
    change.set("updatedFields", updated);
    change.set("removedFields", removed);
  }

  private static void diff(String prefix, JsonNode before, JsonNode after, ObjectNode updated, ArrayNode removed) {
    Iterator<Map.Entry<String, JsonNode>> it = after.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = before.get(e.getKey());
      String path = prefix + e.getKey();
      if (old != null && old.isObject() && e.getValue().isObject() && !Values.isDate(old)) {
        diff(path + ".", old, e.getValue(), updated, removed);
      } else if (old == null || !old.equals(e.getValue())) {
        updated.set(path, e.getValue().deepCopy());
      }
    }
    List<String> gone = new ArrayList<>();
    before.fieldNames().forEachRemaining(n -> {
      if (!after.has(n)) {
        gone.add(prefix + n);
      }
    });
    gone.forEach(removed::add);
  }

  /** Stops listening; no snapshot follows. */
  @Override
  public synchronized void close() {
    closed = true;
    if (listening != null) {
      try {
        listening.close();
      } catch (Exception e) {
        // a store's listener removal does not fail
      }
      listening = null;
    }
  }
}
