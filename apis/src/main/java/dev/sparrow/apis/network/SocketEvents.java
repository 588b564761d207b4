package dev.sparrow.apis.network;

/** What a socket tells its page (from network threads; implementations post to the session loop). */
public interface SocketEvents {
  /** {@code onOpen}: the handshake response headers (server spelling) and the chosen sub-protocol. */
  void open(Headers header, String protocol);

  /** {@code onMessage}: a String (text frame) or byte[] (binary frame). */
  void message(Object data);

  /** {@code onError} with its {@code errMsg}. */
  void error(String errMsg);

  /** {@code onClose}: code and reason (1006 and "" when the connection dropped without a close frame). */
  void close(int code, String reason);
}
