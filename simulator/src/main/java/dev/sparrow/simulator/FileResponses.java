package dev.sparrow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves one host file to the page: content type by extension, a single {@code Range} (audio and
 * video seek with it), never a directory, and only inside the allowed roots — checked again on the
 * real path, so a symbolic link inside the sandbox cannot lead out of it.
 */
final class FileResponses {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"), Map.entry("ttf", "font/ttf"),
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"),
      Map.entry("ico", "image/x-icon"), Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"), Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"),
      Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("pdf", "application/pdf"));

  private FileResponses() {}

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /** The file if it is a regular file whose real path lies under one of {@code roots}. */
  static Optional<Path> confined(Path file, List<Path> roots) {
    try {
      if (file == null || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Path real = file.toRealPath();
      for (Path root : roots) {
        if (Files.exists(root) && real.startsWith(root.toRealPath())) {
          return Optional.of(real);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code file} (whole, or the requested range). */
  static void send(Request request, Response response, Callback callback, Path file) throws IOException {
    long size = Files.size(file);
    long from = 0;
    long to = size - 1;
    String range = request.getHeaders().get(HttpHeader.RANGE);
    boolean partial = false;
    if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
      String[] ends = range.substring(6).trim().split("-", -1);
      try {
        if (ends[0].isEmpty()) {
          from = Math.max(0, size - Long.parseLong(ends[1]));
        } else {
          from = Long.parseLong(ends[0]);
          if (ends.length > 1 && !ends[1].isEmpty()) {
            to = Math.min(size - 1, Long.parseLong(ends[1]));
          }
        }
        partial = true;
      } catch (NumberFormatException e) {
        partial = false;
      }
      if (partial && (from > to || from >= size)) {
        response.setStatus(416);
        response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
        callback.succeeded();
        return;
      }
    }
    response.setStatus(partial ? 206 : 200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType(file.getFileName().toString()));
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if (partial) {
      response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + size);
    }
    long length = to - from + 1;
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    if (request.getMethod().equals("HEAD")) {
      callback.succeeded();
      return;
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file); InputStream in = Channels.newInputStream(ch.position(from));
        OutputStream out = Content.Sink.asOutputStream(response)) {
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
    callback.succeeded();
  }
}
