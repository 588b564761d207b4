package dev.sparrow.apis.canvas;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.media.MediaFetch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the pictures a canvas draws ({@code canvas.createImage().src}, the legacy {@code drawImage(path)}):
 * local, temp and package files on a worker, {@code http(s)} URLs through the session's network rules ({@link
 * MediaFetch}). PNG, JPEG, GIF and BMP, up to {@link #MAX_PIXELS}; anything else fails, as an image that does not
 * load does in WeChat ({@code onerror}, or nothing drawn).
 */
public final class CanvasImages {
  /** The largest picture decoded (a 24-megapixel photo is 24 M). */
  public static final long MAX_PIXELS = 50_000_000L;

  private final MediaFetch fetch;
  private final Executor workers;

  public CanvasImages(MediaFetch fetch, Executor workers) {
    this.fetch = fetch;
    this.workers = workers;
  }

  /** The picture at {@code src}; {@code local} is the host file behind a local or package path (empty: none). */
  public CompletionStage<BufferedImage> load(String src, Optional<Path> local) {
    if (MediaFetch.isNetworkUrl(src)) {
      return fetch.fetch(src, (type, length, body) -> decode(body)).exceptionally(t -> {
        throw ApiFailure.of("download image fail");
      });
    }
    if (local.isEmpty()) {
      return CompletableFuture.failedFuture(ApiFailure.of("file not found"));
    }
    Path file = local.get();
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(file)) {
        return decode(in);
      } catch (IOException e) {
        throw ApiFailure.of("file not found");
      }
    }, workers);
  }

  /** Decodes a picture; fails for what ImageIO cannot read or what is over {@link #MAX_PIXELS}. */
  public static BufferedImage decode(InputStream in) throws IOException {
    try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      if (stream == null) {
        throw new IOException("not an image");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        throw new IOException("not an image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          throw new IOException("image too large");
        }
        return toArgb(reader.read(0));
      } finally {
        reader.dispose();
      }
    }
  }

  /** The picture as premultiplied ARGB, the canvas's own format (drawing it is then a plain blit). */
  static BufferedImage toArgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
      return image;
    }
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    var g = out.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
