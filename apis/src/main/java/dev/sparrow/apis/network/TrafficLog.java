package dev.sparrow.apis.network;

import dev.sparrow.apis.device.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A session's network traffic: one {@link TrafficEntry} per finished task (method, URL, status,
 * sizes, timings, error), readable by tests and front-ends, with listeners for live views. The
 * text form is for people, not a stable format.
 */
public final class TrafficLog {
  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();
  private final List<TrafficEntry> entries = new CopyOnWriteArrayList<>();
  private final List<Consumer<TrafficEntry>> listeners = new CopyOnWriteArrayList<>();
  private final int capacity;

  /** Keeps the last {@code capacity} entries. */
  public TrafficLog(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Finished tasks, oldest first. */
  public List<TrafficEntry> entries() {
    return new ArrayList<>(entries);
  }

  public void onEntry(Consumer<TrafficEntry> listener) {
    listeners.add(listener);
  }

  public void clear() {
    entries.clear();
  }

  /** Starts a record; {@link Record#end} adds it to the log. Thread-safe. */
  public Record begin(Family family, String method, String url) {
    return new Record(ids.incrementAndGet(), family.api(), method, url, clock.epochMillis());
  }

  /** A task being recorded. */
  public final class Record {
    private final long id;
    private final String api;
    private final String method;
    private final String url;
    private final long startedAt;
    private final long startNanos = System.nanoTime();
    private volatile long queuedNanos;
    private volatile long headersNanos = -1;
    private volatile String mappedTo;
    private volatile int status;
    private volatile String protocol = "";
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile String note;
    private volatile boolean ended;

    private Record(long id, String api, String method, String url, long startedAt) {
      this.id = id;
      this.api = api;
      this.method = method;
      this.url = url;
      this.startedAt = startedAt;
    }

    public void dequeued() {
      queuedNanos = System.nanoTime() - startNanos;
    }

    public void headers(int status, String protocol, String mappedTo) {
      this.status = status;
      this.protocol = protocol;
      this.mappedTo = mappedTo;
      this.headersNanos = System.nanoTime() - startNanos;
    }

    public void mappedTo(String address) {
      this.mappedTo = address;
    }

    public void sent(long bytes) {
      sent.set(bytes);
    }

    public void addSent(long bytes) {
      sent.addAndGet(bytes);
    }

    public void addReceived(long bytes) {
      received.addAndGet(bytes);
    }

    public void note(String text) {
      this.note = note == null ? text : note + "; " + text;
    }

    /** Ends the record (once) with the fail reason, or null on success. */
    public void end(String error) {
      if (ended) {
        return;
      }
      ended = true;
      long now = System.nanoTime();
      TrafficEntry e = new TrafficEntry(id, api, method, url, mappedTo, status, protocol, sent.get(), received.get(), startedAt,
          queuedNanos / 1_000_000, headersNanos < 0 ? -1 : headersNanos / 1_000_000, (now - startNanos) / 1_000_000, error, note);
      entries.add(e);
      while (entries.size() > capacity) {
        entries.remove(0);
      }
      for (Consumer<TrafficEntry> l : listeners) {
        l.accept(e);
      }
    }
  }
}
