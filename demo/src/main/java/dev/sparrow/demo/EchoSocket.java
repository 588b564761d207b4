package dev.sparrow.demo;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code wss://echo.websocket.org}: greets each connection as the public echo service does
 * ({@code Request served by …}), then sends every text and binary message back unchanged.
 */
public final class EchoSocket implements Session.Listener.AutoDemanding {
  /** The first message of every connection. */
  public static final String GREETING = "Request served by sparrow-demo";

  private final Received received;
  private Session session;

  EchoSocket(Received received) {
    this.received = received;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    session.sendText(GREETING, Callback.NOOP);
  }

  @Override
  public void onWebSocketText(String message) {
    received.message(message);
    session.sendText(message, Callback.NOOP);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
    callback.succeed();
    received.message("<binary " + copy.remaining() + " bytes>");
    session.sendBinary(copy, Callback.NOOP);
  }
}
