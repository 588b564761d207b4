package dev.sparrow.simulator.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the devices show in the browser and wait on (modals, action sheets, permission prompts,
 * pickers, viewers): each gets an id, is broadcast, is replayed to tabs that connect later, and is
 * closed in every tab once answered — by the browser or by the host (a test, automation).
 */
public final class Prompts {
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, ObjectNode> open = new LinkedHashMap<>();
  private final Consumer<ObjectNode> broadcast;

  public Prompts(Consumer<ObjectNode> broadcast) {
    this.broadcast = broadcast;
  }

  /** Shows {@code message} (its {@code t} names the kind) with a fresh {@code id}; returns the id. */
  public int show(ObjectNode message) {
    int id = ids.incrementAndGet();
    message.put("id", id);
    synchronized (this) {
      open.put(id, message);
    }
    broadcast.accept(message);
    return id;
  }

  /** Closes prompt {@code id} in every tab (no-op when already closed). */
  public void close(int id) {
    ObjectNode m;
    synchronized (this) {
      m = open.remove(id);
    }
    if (m != null) {
      ObjectNode close = m.objectNode();
      close.put("t", m.path("t").asText() + ".close");
      close.put("id", id);
      broadcast.accept(close);
    }
  }

  /** True when {@code id} is the oldest open prompt of its kind (answers go to the oldest one). */
  public synchronized boolean isOldest(int id, String kind) {
    for (Map.Entry<Integer, ObjectNode> e : open.entrySet()) {
      if (e.getValue().path("t").asText().equals(kind)) {
        return e.getKey() == id;
      }
    }
    return false;
  }

  public synchronized boolean isOpen(int id) {
    return open.containsKey(id);
  }

  /** The open prompts, oldest first, for a tab that connects. */
  public synchronized List<ObjectNode> replay() {
    return new ArrayList<>(open.values());
  }
}
