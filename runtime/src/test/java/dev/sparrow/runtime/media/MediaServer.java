package dev.sparrow.runtime.media;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 (JDK's own) serving files from a folder: {@code /files/<name>};
 * {@code /slow/<name>} sends the first half, then waits for {@link #release()}; anything else is 404.
 */
final class MediaServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  final CountDownLatch halfSent = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  MediaServer(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "media-test-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        boolean slow = path.startsWith("/slow/");
        Path file = path.startsWith("/files/") || slow ? root.resolve(path.substring(path.indexOf('/', 1) + 1)) : null;
        if (file == null || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type", name.endsWith(".mp3") ? "audio/mpeg" : name.endsWith(".png") ? "image/png" : "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        if (slow) {
          out.write(body, 0, body.length / 2);
          out.flush();
          halfSent.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.write(body, body.length / 2, body.length - body.length / 2);
        } else {
          out.write(body);
        }
      }
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void release() {
    release.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
