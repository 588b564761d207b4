package dev.sparrow.apis.network;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * Completes the opening handshake, sends {@code greeting} (raw frames), then reads frames and
 * answers nothing (not even a close frame); records the client's close code.
 */
public final class SilentSocketServer implements AutoCloseable {
  public final CountDownLatch closeFrame = new CountDownLatch(1);
  public final CountDownLatch clientGone = new CountDownLatch(1);
  public volatile int closeCode = -1;
  private final ServerSocket server;
  private final byte[] greeting;

  public SilentSocketServer() throws Exception {
    this(new byte[0]);
  }

  public SilentSocketServer(byte[] greeting) throws Exception {
    this.greeting = greeting;
    server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(this::serve, "silent-ws");
    t.setDaemon(true);
    t.start();
  }

  public String url() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/";
  }

  private void serve() {
    try (Socket s = server.accept()) {
      var in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      String key = head.toString().lines().filter(l -> l.startsWith("Sec-WebSocket-Key:")).findFirst().orElseThrow()
          .substring(18).trim();
      byte[] sha1 = MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(greeting);
      s.getOutputStream().flush();
      int b;
      while ((b = in.read()) >= 0) {
        int len = in.read() & 0x7F; // the client's frames here are small and masked
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes(len);
        if ((b & 0x0F) == 0x8) {
          closeCode = payload.length < 2 ? 1005 : ((payload[0] ^ mask[0]) & 0xff) << 8 | ((payload[1] ^ mask[1]) & 0xff);
          closeFrame.countDown();
        }
      }
    } catch (Exception e) {
      // the client went away
    }
    clientGone.countDown();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
