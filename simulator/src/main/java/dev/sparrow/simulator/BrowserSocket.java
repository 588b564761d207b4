package dev.sparrow.simulator;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/**
 * One browser tab on the simulator's WebSocket. Outgoing messages are queued and written one at a
 * time in order (the session thread never waits on the network); incoming ones go to {@link Browsers}.
 */
@WebSocket(autoDemand = true)
public final class BrowserSocket {
  /** More than this many queued bytes means the tab stopped reading: it is dropped. */
  private static final long MAX_QUEUED_BYTES = 256L * 1024 * 1024;
  /** The close reason a tab reads when the simulator stops (the page says so instead of "disconnected"). */
  static final String STOPPED = "sparrow stopped";

  private final Browsers browsers;
  private final Deque<String> queue = new ArrayDeque<>();
  private volatile Session socket;
  private boolean writing;
  private long queuedBytes;

  BrowserSocket(Browsers browsers) {
    this.browsers = browsers;
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.socket = session;
    browsers.opened(this);
  }

  @OnWebSocketClose
  public void onClose(int code, String reason) {
    browsers.closed(this);
  }

  @OnWebSocketError
  public void onError(Throwable cause) {
    browsers.closed(this);
  }

  @OnWebSocketMessage
  public void onText(String text) {
    browsers.received(this, text);
  }

  @OnWebSocketMessage
  public void onBinary(ByteBuffer payload, Callback callback) {
    try {
      browsers.receivedBinary(this, payload);
      callback.succeed();
    } catch (RuntimeException e) {
      callback.fail(e);
    }
  }

  /** Queues a text message; returns at once. */
  void send(String text) {
    synchronized (this) {
      if (queuedBytes > MAX_QUEUED_BYTES) {
        close();
        return;
      }
      queue.addLast(text);
      queuedBytes += text.length();
      if (writing) {
        return;
      }
      writing = true;
    }
    writeNext();
  }

  /** Writes everything queued as one frame: a message, or a JSON array of messages. */
  private void writeNext() {
    String next;
    synchronized (this) {
      if (queue.isEmpty()) {
        writing = false;
        return;
      }
      if (queue.size() == 1) {
        next = queue.pollFirst();
      } else {
        StringBuilder batch = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, queuedBytes + queue.size() + 2)).append('[');
        for (String m; (m = queue.pollFirst()) != null; ) {
          batch.append(batch.length() > 1 ? "," : "").append(m);
        }
        next = batch.append(']').toString();
      }
      queuedBytes = 0;
    }
    Session s = socket;
    if (s == null || !s.isOpen()) {
      synchronized (this) {
        queue.clear();
        queuedBytes = 0;
        writing = false;
      }
      return;
    }
    s.sendText(next, Callback.from(this::writeNext, failure -> {
      synchronized (this) {
        queue.clear();
        queuedBytes = 0;
        writing = false;
      }
    }));
  }

  boolean isOpen() {
    Session s = socket;
    return s != null && s.isOpen();
  }

  void close() {
    Session s = socket;
    if (s != null) {
      s.close();
    }
  }

  /** Tells the tab the simulator stops (close code 1001, going away); completes once the close frame is out. */
  CompletableFuture<Void> stopping() {
    CompletableFuture<Void> told = new CompletableFuture<>();
    Session s = socket;
    if (s == null || !s.isOpen()) {
      told.complete(null);
    } else {
      s.close(StatusCode.SHUTDOWN, STOPPED, Callback.from(() -> told.complete(null), told::completeExceptionally));
    }
    return told;
  }
}
