package dev.sparrow.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw protocol client on the JDK's WebSocket: sends text, collects replies and events. */
final class ProtocolClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebSocket socket;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final Set<String> notAwaited = ConcurrentHashMap.newKeySet();
  private int nextId = 1;

  ProtocolClient(String endpoint) {
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(endpoint), new WebSocket.Listener() {
      private final StringBuilder buffer = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
          try {
            JsonNode msg = JSON.readTree(buffer.toString());
            if (msg.has("method") && !msg.has("id")) {
              events.add(msg);
            } else {
              replies.add(msg);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          buffer.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).join();
  }

  /** Sends raw text and waits for the next reply (replies to {@link #sendAndGoOn} requests are skipped). */
  JsonNode raw(String text) throws Exception {
    socket.sendText(text, true).join();
    for (;;) {
      JsonNode reply = replies.poll(30, TimeUnit.SECONDS);
      if (reply == null) {
        throw new AssertionError("no reply to " + text);
      }
      if (!notAwaited.remove(reply.path("id").asText())) {
        return reply;
      }
    }
  }

  /** Sends a request without waiting for its reply, as automator's {@code on('console')} sends App.enableLog. */
  void sendAndGoOn(String method, Object params) throws Exception {
    String id = "r" + nextId++;
    notAwaited.add(id);
    socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
  }

  /** Sends a request and returns its reply (result or error). */
  JsonNode call(String method, Object params) throws Exception {
    String id = "r" + nextId++;
    JsonNode reply = raw(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)));
    if (!id.equals(reply.path("id").asText())) {
      throw new AssertionError("reply out of order: " + reply);
    }
    return reply;
  }

  /** The result of a request that must succeed. */
  JsonNode result(String method, Object params) throws Exception {
    JsonNode reply = call(method, params);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }

  List<JsonNode> events(String method) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : events) {
      if (e.path("method").asText().equals(method)) {
        out.add(e.get("params"));
      }
    }
    return out;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
