package dev.sparrow.simulator;

import dev.sparrow.runtime.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Network images and audio of the page ({@code <image src="https://…">}, audio sources, preview
 * URLs), loaded by the simulator through the session's network, so host mapping and TLS trust apply
 * and the network panel shows them, and the browser needs no network of its own. Each URL is
 * fetched once into a cache file, then served with ranges ({@code GET /media?url=}).
 */
final class NetworkMedia {
  private final Path cache;
  private final Map<String, CompletableFuture<Path>> fetched = new ConcurrentHashMap<>();

  NetworkMedia(Path cache) {
    this.cache = cache;
  }

  void serve(Session session, Request request, Response response, Callback callback) throws IOException {
    String url = Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("url");
    if (session == null || url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      Response.writeError(request, response, callback, 404, "media: only http and https URLs");
      return;
    }
    Path file;
    try {
      file = fetched.computeIfAbsent(url, u -> fetch(session, u)).join();
    } catch (RuntimeException e) {
      fetched.remove(url);
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      SimulatorServer.text(response, callback, 502, "text/plain; charset=utf-8",
          ("502 cannot load " + url + ": " + cause.getMessage()).replaceAll("[\\r\\n]+", " ") + "\n");
      return;
    }
    FileResponses.send(request, response, callback, file);
  }

  private CompletableFuture<Path> fetch(Session session, String url) {
    return session.mediaFetch().fetch(url, (type, length, body) -> {
      Files.createDirectories(cache);
      Path target = cache.resolve(name(url) + extension(type, url));
      Path partial = Files.createTempFile(cache, ".part-", "");
      Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    });
  }

  /** An extension the file route's content types know, from the response type or the URL. */
  private static String extension(String type, String url) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    for (String[] known : new String[][] {{"image/png", ".png"}, {"image/jpeg", ".jpg"}, {"image/gif", ".gif"}, {"image/webp", ".webp"},
        {"image/svg", ".svg"}, {"audio/mpeg", ".mp3"}, {"audio/mp4", ".m4a"}, {"audio/wav", ".wav"}, {"audio/x-wav", ".wav"},
        {"audio/aac", ".aac"}, {"video/mp4", ".mp4"}}) {
      if (t.startsWith(known[0])) {
        return known[1];
      }
    }
    String path = url.replaceFirst("[?#].*$", "");
    String ext = Simulator.extension(path.substring(path.lastIndexOf('/') + 1));
    return ext.isEmpty() ? "" : "." + ext;
  }

  private static String name(String url) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
