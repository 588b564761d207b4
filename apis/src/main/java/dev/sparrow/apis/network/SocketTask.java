package dev.sparrow.apis.network;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Scheduler;
import dev.sparrow.apis.network.internal.Control;
import dev.sparrow.apis.network.internal.NetErrors;
import dev.sparrow.apis.network.internal.WebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket as its page holds it (the Java object behind {@code SocketTask}). States:
 * CONNECTING → OPEN → CLOSING → CLOSED; every path ends in exactly one {@code close} event.
 *
 * <ul>
 *   <li>{@link #send} needs OPEN, else {@code WebSocket is not connected};
 *   <li>{@link #close} validates code and reason ({@link SocketRules}); while CONNECTING it abandons
 *       the handshake and reports the close at once; when OPEN it sends the close frame and the
 *       {@code close} event follows the server's answer, or, when none comes within the closing
 *       handshake's bound ({@link NetworkPolicy#closingHandshakeMillis}, as browsers bound it), the
 *       TCP connection is dropped and the event says 1006;
 *   <li>a failed handshake or a dropped connection gives {@code error} then {@code close} 1006.
 * </ul>
 */
public final class SocketTask {
  public static final String NOT_CONNECTED = "WebSocket is not connected";

  /** Where a socket is in its life. */
  public enum State {
    CONNECTING,
    OPEN,
    CLOSING,
    CLOSED
  }

  /** The page's options: {@code perMessageDeflate} and {@code forceCellularNetwork} are accepted and have no effect. */
  public record Options(String url, Map<String, Object> header, List<String> protocols, boolean tcpNoDelay, Number timeout) {}

  private final SocketTasks owner;
  private final SocketEvents events;
  private final Control control = new Control();
  private volatile Map<String, Object> openProfile;
  private final TrafficLog.Record record;
  private volatile State state = State.CONNECTING;
  private volatile WebSocketClient client;
  private volatile Headers openHeaders;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile Network net;
  private volatile Scheduler.Cancellable closing;

  SocketTask(SocketTasks owner, SocketEvents events, TrafficLog.Record record) {
    this.owner = owner;
    this.events = events;
    this.record = record;
  }

  public State state() {
    return state;
  }

  /** Completes once the socket is CLOSED (after the close event was handed out). */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** {@code onOpen}'s {@code profile}: the opening handshake's phases (see {@link dev.sparrow.apis.network.internal.Timing#profile}). */
  public Map<String, Object> profile() {
    Map<String, Object> p = openProfile;
    return p == null ? Map.of() : p;
  }

  /** The handshake response headers once open (for listeners registered late). */
  public Headers openHeaders() {
    return openHeaders;
  }

  /** Runs on a network thread: handshake, then the read loop until the end. */
  void run(Network net, URI url, Options o) {
    this.net = net;
    var deadline = net.deadlines().schedule(net.policy().timeoutMillis(Family.SOCKET, o.timeout()), () -> control.cancel("timeout"));
    WebSocketClient c;
    try {
      Headers headers = RequestRules.pageHeaders(o.header());
      if (!headers.has("User-Agent")) {
        headers = headers.with("User-Agent", net.policy().userAgent());
      }
      c = WebSocketClient.connect(net.dialer(), url, headers.with("Referer", net.policy().referer()), o.protocols(), o.tcpNoDelay(), control);
    } catch (IOException | RuntimeException e) {
      deadline.cancel();
      if (state == State.CLOSED) {
        return;
      }
      String msg = control.isCancelled() ? control.cancelReason()
          : e instanceof WebSocketClient.HandshakeException ? e.getMessage() : NetErrors.failure(e, null).reason();
      end(SocketRules.ABNORMAL_CLOSURE, "", msg);
      return;
    }
    deadline.cancel();
    synchronized (this) {
      if (state == State.CLOSED) {
        c.abort();
        return;
      }
      client = c;
      openHeaders = c.responseHeaders();
      state = State.OPEN;
    }
    record.headers(101, "websocket", net.dialer().mapped(url) ? net.dialer().target(url).dialHost() + ":" + net.dialer().target(url).dialPort() : null);
    openProfile = control.timing().profile(0);
    events.open(c.responseHeaders(), c.protocol());
    c.readLoop(new WebSocketClient.Listener() {
      @Override
      public void text(String message) {
        record.addReceived(message.length());
        events.message(message);
      }

      @Override
      public void binary(byte[] message) {
        record.addReceived(message.length);
        events.message(message);
      }

      @Override
      public void closed(int code, String reason, IOException error) {
        end(code, reason, error == null ? null
            : error instanceof WebSocketClient.Failure ? error.getMessage() : NetErrors.failure(error, null).reason());
      }
    });
  }

  /** {@code send({data})}: a String as a text frame, a byte[] as a binary frame, sent at once. */
  public void send(Object data) {
    sendLater(data);
    flush();
  }

  /**
   * Like {@link #send} but leaves the frame in the connection's buffer until {@link #flush}: the
   * runtime flushes once after the page code that sent ends, so a burst of sends is one write.
   */
  public void sendLater(Object data) {
    WebSocketClient c = client;
    if (state != State.OPEN || c == null) {
      throw ApiFailure.of(NOT_CONNECTED);
    }
    try {
      if (data instanceof byte[] bytes) {
        c.sendBinary(bytes);
        record.addSent(bytes.length);
      } else {
        String s = String.valueOf(data);
        c.sendText(s);
        record.addSent(s.length());
      }
    } catch (IOException e) {
      throw ApiFailure.of(NOT_CONNECTED);
    }
  }

  /** Sends what {@link #sendLater} buffered; a broken connection ends in the read loop's close. */
  public void flush() {
    WebSocketClient c = client;
    if (c != null) {
      try {
        c.flush();
      } catch (IOException e) {
        c.abort();
      }
    }
  }

  /** {@code close({code, reason})} (see class doc). */
  public void close(Number code, String reason) {
    int c = SocketRules.closeCode(code);
    String r = SocketRules.closeReason(reason);
    WebSocketClient cl;
    synchronized (this) {
      if (state == State.CLOSING || state == State.CLOSED) {
        return;
      }
      if (state == State.CONNECTING) {
        state = State.CLOSED;
        control.cancel("abort");
        finished(c, r, null);
        return;
      }
      state = State.CLOSING;
      cl = client;
      closing = net.deadlines().schedule(net.policy().closingHandshakeMillis(), cl::abort);
    }
    try {
      cl.close(c, r);
    } catch (IOException e) {
      cl.abort();
    }
  }

  /** Drops the connection without a close handshake (session end). */
  void abort() {
    control.cancel("abort");
    WebSocketClient c = client;
    if (c != null) {
      c.abort();
    }
  }

  private void end(int code, String reason, String error) {
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    finished(code, reason, error);
  }

  private void finished(int code, String reason, String error) {
    Scheduler.Cancellable c = closing;
    if (c != null) {
      c.cancel();
    }
    record.note("close " + code + (reason.isEmpty() ? "" : " " + reason));
    record.end(error);
    owner.released(this);
    if (error != null) {
      events.error(error);
    }
    events.close(code, reason);
    closed.complete(null);
  }
}
