package dev.sparrow.apis.media;

import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.LocalPath;
import dev.sparrow.apis.files.PathRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The natural size of an {@code <image>} element's {@code src}, as the element's {@code load} event reports it:
 * package, temp, saved and user paths, {@code cloud://} file IDs, {@code data:} URIs (base64 or URL-encoded) and
 * network URLs (through {@link MediaFetch}, so under the session's network rules). Sizes come from the file headers
 * ({@link ImageHeaders}; SVG: the root's width/height, else its viewBox); nothing is decoded.
 */
public final class ImageSources {
  /** Why a source did not load; {@code getMessage()} is the reason the error event reports. */
  public static final class LoadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static final int SVG_HEAD = 4096;
  private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b([^>]*)>");
  private static final Pattern VIEW_BOX =
      Pattern.compile("\\sviewBox\\s*=\\s*[\"']\\s*[-0-9.]+[\\s,]+[-0-9.]+[\\s,]+([0-9.]+)[\\s,]+([0-9.]+)");

  private final FileSandbox files;
  private final MediaFetch fetch;
  private final Function<String, Optional<Path>> cloudFiles;
  private final Executor workers;
  private final String webpType;

  /** {@code cloudFiles} resolves {@code cloud://} file IDs; file reads run on {@code workers}. */
  public ImageSources(FileSandbox files, MediaFetch fetch, Function<String, Optional<Path>> cloudFiles,
      Executor workers, String webpType) {
    this.files = files;
    this.fetch = fetch;
    this.cloudFiles = cloudFiles;
    this.workers = workers;
    this.webpType = webpType;
  }

  /**
   * The image's info; completes off the caller's thread, exceptionally with a {@link LoadFailure} when the source is
   * missing, unreachable or not an image. {@code src} is absolute (package paths start with {@code /}).
   */
  public CompletableFuture<ImageInfo> info(String src) {
    if (MediaFetch.isNetworkUrl(src) && !isLocal(src)) {
      return fetch.fetch(src, (type, length, body) -> spooled(body))
          .handle((info, t) -> {
            if (t != null) {
              Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
              throw cause instanceof LoadFailure f ? f : new LoadFailure("download image fail");
            }
            return info;
          });
    }
    return CompletableFuture.supplyAsync(() -> {
      if (src.startsWith("data:")) {
        return fromData(src);
      }
      Optional<Path> found = src.startsWith("cloud://") ? cloudFiles.apply(src) : files.resolve(src);
      Path file = found.filter(Files::isRegularFile).orElseThrow(() -> new LoadFailure("file not found"));
      return header(file);
    }, workers);
  }

  /** A temp, saved or user path, also in the DevTools form ({@code http://tmp/…}, {@code http://usr/…}). */
  private boolean isLocal(String src) {
    return Stream.of(LocalPath.Area.TEMP, LocalPath.Area.STORE, LocalPath.Area.USER).map(a -> PathRules.prefix(
        files.scheme(), a)).anyMatch(p -> src.startsWith(p) && (!p.endsWith("usr") || src.length() == p.length()
        || src.charAt(p.length()) == '/'));
  }

  private ImageInfo fromData(String uri) {
    int comma = uri.indexOf(',');
    if (comma < 0) {
      throw new LoadFailure("invalid image");
    }
    String meta = uri.substring(5, comma);
    String payload = uri.substring(comma + 1);
    byte[] bytes;
    try {
      bytes = meta.endsWith(";base64") ? Base64.getMimeDecoder().decode(payload)
          : URLDecoder.decode(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new LoadFailure("invalid image");
    }
    try {
      return spooled(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new LoadFailure("invalid image");
    }
  }

  /** Copies {@code body} to a scratch file in the temp folder, reads its headers and deletes it. */
  private ImageInfo spooled(InputStream body) throws IOException {
    Path spool = Files.createTempFile(Files.createDirectories(files.tempDir()), ".image-", ".bin");
    try (InputStream in = body) {
      Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
      return header(spool);
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  private ImageInfo header(Path file) {
    try {
      return ImageHeaders.read(file, webpType).or(() -> svg(file)).orElseThrow(() -> new LoadFailure("invalid image"));
    } catch (IOException e) {
      throw new LoadFailure("file not found");
    }
  }

  /**
   * An SVG's size as a browser takes it: the root's {@code width}/{@code height} (px or unitless), else its {@code
   * viewBox}; only the file's first {@value #SVG_HEAD} bytes are read.
   */
  private static Optional<ImageInfo> svg(Path file) {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(SVG_HEAD), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Matcher root = SVG_ROOT.matcher(head);
    if (!root.find()) {
      return Optional.empty();
    }
    String attrs = root.group(1);
    OptionalDouble w = length(attrs, "width");
    OptionalDouble h = length(attrs, "height");
    Matcher box = VIEW_BOX.matcher(attrs);
    if ((w.isEmpty() || h.isEmpty()) && box.find()) {
      double bw = Double.parseDouble(box.group(1));
      double bh = Double.parseDouble(box.group(2));
      w = w.isPresent() ? w : OptionalDouble.of(h.isPresent() && bh > 0 ? h.getAsDouble() * bw / bh : bw);
      h = h.isPresent() ? h : OptionalDouble.of(bw > 0 ? w.getAsDouble() * bh / bw : bh);
    }
    if (w.isEmpty() || h.isEmpty() || w.getAsDouble() <= 0 || h.getAsDouble() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new ImageInfo((int) Math.round(w.getAsDouble()), (int) Math.round(h.getAsDouble()), "up",
        "svg"));
  }

  private static OptionalDouble length(String attrs, String name) {
    Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*[\"']\\s*([0-9.]+)\\s*(px)?\\s*[\"']").matcher(attrs);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }
}
