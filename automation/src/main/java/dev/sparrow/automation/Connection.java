package dev.sparrow.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.runtime.ScriptException;
import dev.sparrow.runtime.WxCallException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/**
 * One client (automator, minium) on the protocol WebSocket. Requests {@code {id, method, params}}
 * run concurrently (a test may wait on {@code showModal} while it answers the modal through {@code
 * Tool.native}); each gets exactly one reply, {@code {id, result}} or {@code {id, error:
 * {message}}} — malformed ones included.
 */
@WebSocket
public final class Connection {
  private static final String INTERNAL = "internal error in Sparrow (details in its log)";
  private final AutomationServer server;
  private volatile Session socket;

  Connection(AutomationServer server) {
    this.server = server;
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.socket = session;
    server.opened(this);
  }

  @OnWebSocketClose
  public void onClose(int code, String reason) {
    server.closed(this);
  }

  @OnWebSocketError
  public void onError(Throwable cause) {
    server.closed(this); // the client went away mid-write (a killed test runner): nothing to report
  }

  /** Tells the client the server stops (close code 1001), waiting a moment for the frame to go out. */
  void stopping() {
    Session s = socket;
    if (s != null && s.isOpen()) {
      Callback.Completable told = new Callback.Completable();
      s.close(StatusCode.SHUTDOWN, "sparrow stopped", told);
      try {
        told.get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a client that does not take the close frame learns when the server stops
      }
    }
  }

  /**
   * Requests run on the server's executor, except the few that only set state ({@link
   * Dispatcher#addInOrder}): those run here, on the receiving thread, so every later request sees them.
   */
  @OnWebSocketMessage
  public void onText(String text) {
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      ProtocolError malformed = new ProtocolError("malformed JSON: " + e.getOriginalMessage());
      server.executor().execute(() -> send(Json.result("error", Json.result("message", malformed.getMessage()))));
      return;
    }
    JsonNode method = message == null ? null : message.get("method");
    if (method != null && method.isTextual() && server.dispatcher().runsInOrder(method.asText())) {
      handle(message);
    } else {
      server.executor().execute(() -> handle(message));
    }
  }

  /** Sends one message and waits until it is written (so that Tool.close answers before closing). */
  void send(JsonNode message) {
    Session s = socket;
    if (s == null || !s.isOpen()) {
      return;
    }
    Callback.Completable written = new Callback.Completable();
    synchronized (this) {
      s.sendText(message.toString(), written);
    }
    try {
      written.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the client went away; nothing else to do for this message
    }
  }

  private void handle(JsonNode message) {
    JsonNode id = null;
    ObjectNode reply = Json.object();
    try {
      if (message == null || !message.isObject()) {
        throw new ProtocolError("a message must be a JSON object {id, method, params}");
      }
      id = message.get("id");
      if (id == null || id.isNull()) {
        throw new ProtocolError("a request needs an id");
      }
      JsonNode method = message.get("method");
      if (method == null || !method.isTextual()) {
        throw new ProtocolError("a request needs a method");
      }
      JsonNode params = message.get("params");
      ObjectNode p = params instanceof ObjectNode o ? o : Json.object();
      JsonNode result = server.dispatcher().find(method.asText()).handle(p);
      reply.set("id", id);
      reply.set("result", result == null ? Json.object() : result);
    } catch (Exception | StackOverflowError e) {
      if (id != null) {
        reply.set("id", id);
      }
      reply.set("error", Json.result("message", messageOf(e)));
    }
    send(reply);
    if (server.closeRequested()) {
      server.closeSoon();
    }
  }

  /**
   * What a client is told: protocol errors, wx failures and page-code errors as they are, Sparrow's
   * own refusals (an argument or state exception thrown by Sparrow's code) by their message; anything
   * else is a fault of Sparrow, told as {@value #INTERNAL} without Java's text (which goes to stderr).
   */
  private static String messageOf(Throwable e) {
    if (e instanceof ProtocolError || e instanceof ScriptException) {
      return e.getMessage();
    }
    if (e instanceof WxCallException w) {
      return w.errMsg();
    }
    String m = e.getMessage();
    boolean refusal = e instanceof IllegalArgumentException || e instanceof IllegalStateException;
    StackTraceElement[] at = e.getStackTrace();
    if (refusal && m != null && !m.isBlank() && at.length > 0 && at[0].getClassName().startsWith("dev.sparrow.")) {
      return m;
    }
    System.err.println("sparrow automation: " + e);
    return INTERNAL;
  }
}
