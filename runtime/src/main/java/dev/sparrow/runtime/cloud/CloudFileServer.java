package dev.sparrow.runtime.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sparrow.apis.cloud.CloudStorage;
import dev.sparrow.apis.device.Clock;
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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local HTTP endpoint behind {@code getTempFileURL}:
 * {@code http://127.0.0.1:<port>/<bucket>/<cloudPath>?sign=<signature>&t=<expiry, epoch seconds>} serves the
 * stored file (GET and HEAD) until the session's clock passes the expiry; an expired or unsigned URL answers 403,
 * a missing file or another method 404. Started on the first URL asked for, owned by the session and stopped with
 * it; its port is the system's choice, its signing key drawn from the session's random source.
 */
public final class CloudFileServer implements AutoCloseable {
  private final CloudStorage storage;
  private final Clock clock;
  private final byte[] key = new byte[32];
  private HttpServer server;
  private boolean closed;

  public CloudFileServer(CloudStorage storage, Clock clock, Random random) {
    this.storage = storage;
    this.clock = clock;
    random.nextBytes(key);
  }

  /** The URL of {@code ref}'s file for {@code maxAge} seconds from now, starting the server if need be. */
  public synchronized String url(CloudStorage.Ref ref, int maxAge) {
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
    long expires = Math.floorDiv(clock.epochMillis(), 1000) + maxAge;
    try {
      URI uri = new URI("http", null, "127.0.0.1", server.getAddress().getPort(), path,
          "sign=" + sign(path, expires) + "&t=" + expires, null);
      return uri.toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      Optional<Path> file = fileOf(uri.getPath());
      if (!(method.equals("GET") || method.equals("HEAD")) || file.isEmpty()) {
        refuse(exchange, 404, "not found");
        return;
      }
      if (!signed(uri)) {
        refuse(exchange, 403, "Request has expired");
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

  private static void refuse(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  /** Whether the URL carries this server's signature of its path and an expiry the clock has not passed. */
  private boolean signed(URI uri) {
    String sign = null;
    long expires = -1;
    for (String pair : String.valueOf(uri.getRawQuery()).split("&")) {
      if (pair.startsWith("sign=")) {
        sign = pair.substring(5);
      } else if (pair.startsWith("t=") && pair.length() < 20 && pair.substring(2).matches("\\d+")) {
        expires = Long.parseLong(pair.substring(2));
      }
    }
    if (sign == null || expires < 0 || Math.floorDiv(clock.epochMillis(), 1000) > expires) {
      return false;
    }
    return MessageDigest.isEqual(sign.getBytes(StandardCharsets.US_ASCII),
        sign(uri.getPath(), expires).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String path, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e); // every JDK has HmacSHA256
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
