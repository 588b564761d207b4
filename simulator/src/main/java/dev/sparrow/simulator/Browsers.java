package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The browser tabs connected to one simulator. Messages to the browsers are broadcast to every tab
 * that has been painted up to date; messages from them run one at a time, in arrival order, on the
 * simulator's own inbox thread (never on the session thread, never on Jetty's).
 */
public final class Browsers implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What the simulator does with its tabs. */
  interface Handler {
    /** A tab connected: paint it (send hello and a snapshot), then {@link #join} it. */
    void connected(BrowserSocket socket);

    /** A message from a tab ({@code {"t": type, ...}}). */
    void message(BrowserSocket from, ObjectNode message);

    /** A binary frame (microphone audio). */
    void binary(ByteBuffer payload);

    /** The last tab went away. */
    default void allGone() {}
  }

  private final Set<BrowserSocket> live = ConcurrentHashMap.newKeySet();
  private final Set<BrowserSocket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService inbox = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sparrow-simulator-inbox");
    t.setDaemon(true);
    return t;
  });
  private final List<Consumer<String>> taps = new CopyOnWriteArrayList<>();
  private volatile Handler handler;

  void handler(Handler handler) {
    this.handler = handler;
  }

  /** True while at least one tab is connected and painted. */
  public boolean connected() {
    return !live.isEmpty();
  }

  /** Sends a message to every painted tab. */
  public void broadcast(JsonNode message) {
    String text = message.toString();
    for (BrowserSocket s : live) {
      s.send(text);
    }
    for (Consumer<String> tap : taps) {
      tap.accept(text);
    }
  }

  /** Listens to every broadcast (tests, screenshots). */
  void tap(Consumer<String> listener) {
    taps.add(listener);
  }

  /** The tab now receives broadcasts (call after its snapshot was queued, on the thread that broadcasts). */
  void join(BrowserSocket socket) {
    if (socket.isOpen()) {
      live.add(socket);
    }
  }

  void opened(BrowserSocket socket) {
    sockets.add(socket);
    later(() -> handler.connected(socket));
  }

  void closed(BrowserSocket socket) {
    sockets.remove(socket);
    boolean was = live.remove(socket);
    if (was && live.isEmpty()) {
      later(() -> handler.allGone());
    }
  }

  void received(BrowserSocket from, String text) {
    ObjectNode message;
    try {
      JsonNode parsed = JSON.readTree(text);
      if (!(parsed instanceof ObjectNode o) || !o.path("t").isTextual()) {
        return;
      }
      message = o;
    } catch (Exception e) {
      return; // not ours
    }
    later(() -> handler.message(from, message));
  }

  void receivedBinary(BrowserSocket from, ByteBuffer payload) {
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload).flip();
    later(() -> handler.binary(copy));
  }

  /** Runs on the inbox thread (after what is queued); a failure is dropped (the session closing, a gone page). */
  void later(Runnable task) {
    try {
      inbox.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          // a message that cannot apply any more (session closed, page or element gone) is dropped
        }
      });
    } catch (RejectedExecutionException closed) {
      // the simulator is closing
    }
  }

  @Override
  public void close() {
    CompletableFuture<?>[] told = sockets.stream().map(BrowserSocket::stopping).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(told).get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a tab that does not take the close frame learns when the server stops
    }
    inbox.shutdownNow();
    try {
      inbox.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
