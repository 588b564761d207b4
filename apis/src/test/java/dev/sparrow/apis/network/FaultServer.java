package dev.sparrow.apis.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server on 127.0.0.1 that misbehaves on purpose (resets, truncates, never answers). It
 * reads the request head, runs the script, and records when the client closed its side.
 */
final class FaultServer implements AutoCloseable {
  interface Script {
    void run(Socket socket, OutputStream out) throws Exception;
  }

  private final ServerSocket server;
  final CountDownLatch clientClosed = new CountDownLatch(1);

  FaultServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          head.append((char) b);
        }
        script.run(s, s.getOutputStream());
        if (!s.isClosed()) {
          while (in.read() >= 0) {
            // wait for the client to close
          }
        }
        clientClosed.countDown();
      } catch (Exception e) {
        clientClosed.countDown();
      }
    }, "fault-server");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  boolean awaitClientClose() throws InterruptedException {
    return clientClosed.await(10, TimeUnit.SECONDS);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
