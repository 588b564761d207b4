package dev.sparrow.runtime.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sparrow.apis.cloud.CloudStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local HTTP endpoint behind {@code getTempFileURL}: {@code http://127.0.0.1:<port>/<bucket>/<cloudPath>}
 * serves the stored file (GET and HEAD; 404 for anything else). Started on the first URL asked for, owned by
 * the session and stopped with it; its port is the system's choice.
 */
public final class CloudFileServer implements AutoCloseable {
  private final CloudStorage storage;
  private HttpServer server;
  private boolean closed;

  public CloudFileServer(CloudStorage storage) {
    this.storage = storage;
  }

  /** The URL of {@code ref}'s file, starting the server if it is not running. */
  public synchronized String url(CloudStorage.Ref ref) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", this::serve);
      server.start();
    }
    String path = "/" + storage.bucket(ref.env()) + "/" + ref.cloudPath();
    try {
      URI uri = new URI("http", null, "127.0.0.1", server.getAddress().getPort(), path, null, null);
      return uri.toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Optional<Path> file = fileOf(exchange.getRequestURI().getPath());
      if (!(method.equals("GET") || method.equals("HEAD")) || file.isEmpty()) {
        byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      byte[] bytes = Files.readAllBytes(file.get());
      String type = URLConnection.guessContentTypeFromName(file.get().getFileName().toString());
      exchange.getResponseHeaders().set("Content-Type", type == null ? "application/octet-stream" : type);
      exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : bytes.length);
      if (method.equals("GET")) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** {@code /<bucket>/<cloudPath>} → the stored file; the env is the bucket's middle part. */
  private Optional<Path> fileOf(String path) {
    int slash = path.indexOf('/', 1);
    if (!path.startsWith("/") || slash < 0) {
      return Optional.empty();
    }
    String bucket = path.substring(1, slash);
    int first = bucket.indexOf('-');
    int last = bucket.lastIndexOf('-');
    if (first < 0 || last <= first) {
      return Optional.empty();
    }
    String env = bucket.substring(first + 1, last);
    return storage.existing("cloud://" + env + "." + bucket + path.substring(slash));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
