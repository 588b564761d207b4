package dev.sparrow.apis.media;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.device.PhotoAlbum;
import dev.sparrow.apis.files.FileSandbox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * The image APIs (spec media.md §1–4, §8.4): {@code chooseImage}, {@code chooseMedia} (images),
 * {@code previewImage}, {@code getImageInfo}, {@code compressImage}, {@code saveImageToPhotosAlbum}. Reasons are the
 * text after {@code "<api>:fail "}.
 */
public final class Images {
  /** The permission {@code saveImageToPhotosAlbum} needs. */
  public static final String WRITE_PHOTOS_ALBUM = "scope.writePhotosAlbum";

  /** A picked file as handed to the page. */
  public record TempImage(String path, long size, Path file) {}

  private final MediaPicker picker;
  private final PhotoAlbum album;
  private final ImageViewer viewer;
  private final Permissions permissions;
  private final FileSandbox files;
  private final MediaFetch fetch;
  private final MediaSettings settings;
  private final Executor blocking;

  public Images(MediaPicker picker, PhotoAlbum album, ImageViewer viewer, Permissions permissions, FileSandbox files,
      MediaFetch fetch, MediaSettings settings, Executor blocking) {
    this.picker = picker;
    this.album = album;
    this.viewer = viewer;
    this.permissions = permissions;
    this.files = files;
    this.fetch = fetch;
    this.settings = settings;
    this.blocking = blocking;
  }

  // ---- chooseImage / chooseMedia --------------------------------------------------------------

  /**
   * {@code wx.chooseImage}: the user picks up to {@code count} images; each becomes a temp file —
   * the original bytes, or a smaller JPEG when {@code compressed} applies. Cancel → {@code "cancel"}.
   */
  public CompletionStage<List<TempImage>> chooseImage(int count, List<String> sizeType, List<String> sourceType) {
    int n = MediaRules.count(count, 9, settings.clampCount());
    MediaPicker.Request request = new MediaPicker.Request("image", n, MediaRules.sourceTypes(sourceType));
    List<String> sizes = MediaRules.sizeTypes(sizeType);
    return picker.pick(request).thenApplyAsync(pick -> {
      if (pick.isCancelled()) {
        throw ApiFailure.of("cancel");
      }
      boolean compress = sizes.contains("compressed") && !(pick.original() && sizes.contains("original"));
      List<TempImage> out = new ArrayList<>();
      for (Path source : pick.files()) {
        out.add(toTemp(source, compress));
      }
      return out;
    }, blocking);
  }

  /**
   * {@code wx.chooseMedia}: {@code tempFiles[{tempFilePath, size, width, height, fileType, duration,
   * thumbTempFilePath}]}. Images as {@code chooseImage} gives them; videos (MP4/QuickTime) with the
   * size and length their boxes give and a poster placeholder as the thumbnail (Sparrow decodes no
   * video frames); any other file as a video without metadata.
   */
  public CompletionStage<Map<String, Object>> chooseMedia(int count, List<String> mediaType, List<String> sourceType,
      List<String> sizeType) {
    int n = MediaRules.count(count, 9, settings.clampCount());
    List<String> types = mediaType == null || mediaType.isEmpty() ? List.of("image", "video") : mediaType;
    String kind = types.contains("mix") ? "mix" : types.contains("image") && types.contains("video") ? "mix"
        : types.contains("video") ? "video" : "image";
    MediaPicker.Request request = new MediaPicker.Request(kind, n, MediaRules.sourceTypes(sourceType));
    List<String> sizes = MediaRules.sizeTypes(sizeType);
    return picker.pick(request).thenApplyAsync(pick -> {
      if (pick.isCancelled()) {
        throw ApiFailure.of("cancel");
      }
      boolean compress = sizes.contains("compressed") && !(pick.original() && sizes.contains("original"));
      List<Map<String, Object>> temp = new ArrayList<>();
      boolean images = false;
      boolean videos = false;
      for (Path source : pick.files()) {
        Optional<ImageInfo> info = header(source);
        Map<String, Object> f = info.isPresent() ? chosenImage(source, compress) : chosenVideo(source);
        images |= info.isPresent();
        videos |= info.isEmpty();
        temp.add(f);
      }
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("tempFiles", temp);
      res.put("type", images && videos ? "mix" : videos ? "video" : "image");
      return res;
    }, blocking);
  }

  /**
   * {@code wx.chooseVideo}: the user picks one video; {@code {tempFilePath, duration, size, height, width}} as its
   * boxes describe it. Cancel → {@code "cancel"}.
   */
  public CompletionStage<Map<String, Object>> chooseVideo(List<String> sourceType) {
    MediaPicker.Request request = new MediaPicker.Request("video", 1, MediaRules.sourceTypes(sourceType));
    return picker.pick(request).thenApplyAsync(pick -> {
      if (pick.isCancelled()) {
        throw ApiFailure.of("cancel");
      }
      Map<String, Object> chosen = chosenVideo(pick.files().get(0));
      Map<String, Object> res = new LinkedHashMap<>();
      for (String k : List.of("tempFilePath", "duration", "size", "height", "width")) {
        res.put(k, chosen.get(k));
      }
      return res;
    }, blocking);
  }

  private Map<String, Object> chosenImage(Path source, boolean compress) {
    TempImage t = toTemp(source, compress);
    Optional<ImageInfo> after = header(t.file());
    return chosen(t, "image", 0, after.map(ImageInfo::width).orElse(0), after.map(ImageInfo::height).orElse(0), "");
  }

  private Map<String, Object> chosenVideo(Path source) {
    TempImage t = toTemp(source, false);
    Optional<VideoHeaders.VideoInfo> video = videoHeader(t.file());
    if (video.isEmpty()) {
      return chosen(t, "video", 0, 0, 0, "");
    }
    VideoHeaders.VideoInfo v = video.get();
    return chosen(t, "video", v.durationSeconds(), v.width(), v.height(), poster(v.width(), v.height()));
  }

  private static Map<String, Object> chosen(TempImage t, String fileType, double duration, int width, int height, String thumb) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("tempFilePath", t.path());
    f.put("size", t.size());
    f.put("duration", duration);
    f.put("height", height);
    f.put("width", width);
    f.put("thumbTempFilePath", thumb);
    f.put("fileType", fileType);
    return f;
  }

  /**
   * A video's thumbnail stand-in: a dark JPEG of the video's aspect (at most 320 px on the long
   * side) with a play mark, where WeChat shows the first frame.
   */
  private String poster(int width, int height) {
    double scale = Math.min(1, 320.0 / Math.max(1, Math.max(width, height)));
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(0x33, 0x33, 0x33));
      g.fillRect(0, 0, w, h);
      int r = Math.max(2, Math.min(w, h) / 6);
      g.setColor(Color.WHITE);
      g.fillPolygon(new int[] {w / 2 - r / 2, w / 2 - r / 2, w / 2 + r}, new int[] {h / 2 - r, h / 2 + r, h / 2}, 3);
    } finally {
      g.dispose();
    }
    FileSandbox.LocalFile out = files.newTempFile("jpg");
    try {
      ImageIO.write(img, "jpg", out.file().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.path();
  }

  private TempImage toTemp(Path source, boolean compress) {
    try {
      String ext = extensionOf(source);
      if (compress) {
        FileSandbox.LocalFile out = files.newTempFile("jpg");
        try {
          if (ImageCompressor.compress(source, out.file(), settings.compressQuality())) {
            return new TempImage(out.path(), Files.size(out.file()), out.file());
          }
        } catch (IOException | RuntimeException e) {
          // not decodable here: the original is handed over as it is
        }
        Files.deleteIfExists(out.file());
      }
      FileSandbox.LocalFile out = files.newTempFile(ext);
      Files.copy(source, out.file(), StandardCopyOption.REPLACE_EXISTING);
      return new TempImage(out.path(), Files.size(out.file()), out.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- previewImage -----------------------------------------------------------------------------

  /** {@code wx.previewImage}: the viewer opens (the returned stage completes when it closes). */
  public CompletionStage<Void> previewImage(List<String> urls, String current, boolean showMenu) {
    String shown = current == null || current.isEmpty() ? (urls.isEmpty() ? "" : urls.get(0)) : current;
    return viewer.show(new ImageViewer.Preview(urls, shown, showMenu));
  }

  // ---- getImageInfo ----------------------------------------------------------------------------

  /**
   * {@code wx.getImageInfo} for a local path (temp, saved, user or package) already resolved by the
   * caller to its host file. Fails with {@code "file not found"} or {@code "invalid image"}.
   */
  public ImageInfo imageInfo(Optional<Path> file) {
    Path f = file.filter(Files::isRegularFile).orElseThrow(() -> ApiFailure.of("file not found"));
    return header(f).orElseThrow(() -> ApiFailure.of("invalid image"));
  }

  /**
   * {@code wx.getImageInfo} for a network URL: downloaded to a temp file (its path is returned with
   * the info); any download fault is WeChat's {@code "download image fail"}.
   */
  public CompletionStage<Map.Entry<String, ImageInfo>> networkImageInfo(String url) {
    return fetch.fetch(url, (contentType, length, body) -> {
      FileSandbox.LocalFile out = files.newTempFile(extensionFor(contentType, url));
      try (InputStream in = body) {
        Files.copy(in, out.file(), StandardCopyOption.REPLACE_EXISTING);
        Optional<ImageInfo> info = header(out.file());
        if (info.isEmpty()) {
          throw new IOException("not an image");
        }
        return Map.entry(out.path(), info.get());
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(out.file());
        throw e;
      }
    }).exceptionally(t -> {
      throw ApiFailure.of("download image fail");
    });
  }

  private Optional<ImageInfo> header(Path file) {
    try {
      return ImageHeaders.read(file, settings.webpType());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<VideoHeaders.VideoInfo> videoHeader(Path file) {
    try {
      return VideoHeaders.read(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  // ---- compressImage ----------------------------------------------------------------------------

  /**
   * {@code wx.compressImage}: a JPEG of {@code quality} (0–100) as a new temp file, resized to {@code width} ×
   * {@code height} when given (one of them: the other follows the ratio). Local and package paths only.
   */
  public CompletionStage<String> compressImage(Optional<Path> file, int quality, int width, int height) {
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return CompletableFuture.failedFuture(ApiFailure.of("file not found"));
    }
    Path source = file.get();
    float q = Math.max(0, Math.min(100, quality)) / 100f;
    return CompletableFuture.supplyAsync(() -> {
      FileSandbox.LocalFile out = files.newTempFile("jpg");
      try {
        if (!ImageCompressor.compressTo(source, out.file(), q, Math.max(0, width), Math.max(0, height))) {
          Files.deleteIfExists(out.file());
          throw ApiFailure.of("invalid file type");
        }
        return out.path();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, blocking);
  }

  // ---- saveImageToPhotosAlbum ------------------------------------------------------------------

  /**
   * {@code wx.saveImageToPhotosAlbum}: asks for {@code scope.writePhotosAlbum} (prompting only the
   * first time), then copies the local image into the photo album. Network URLs are not supported.
   */
  public CompletionStage<Void> saveImageToPhotosAlbum(String filePath, Optional<Path> file) {
    return saveToAlbum(filePath, file, f -> header(f).isPresent(), "IMG_");
  }

  /** {@code wx.saveVideoToPhotosAlbum}: as {@link #saveImageToPhotosAlbum}, for an MP4/QuickTime video. */
  public CompletionStage<Void> saveVideoToPhotosAlbum(String filePath, Optional<Path> file) {
    return saveToAlbum(filePath, file, f -> videoHeader(f).isPresent(), "VID_");
  }

  private CompletionStage<Void> saveToAlbum(String filePath, Optional<Path> file, Predicate<Path> valid, String prefix) {
    if (MediaFetch.isNetworkUrl(filePath) || file.isEmpty() || !Files.isRegularFile(file.get())) {
      return CompletableFuture.failedFuture(ApiFailure.of("file not found"));
    }
    Path source = file.get();
    // runs where the answer arrives (the loop, or the host answering a prompt), so the call settles before the host waits
    return permissions.request(WRITE_PHOTOS_ALBUM).thenApply(granted -> {
      if (!granted) {
        throw ApiFailure.of("auth deny");
      }
      if (!valid.test(source)) {
        throw ApiFailure.of("invalid file type");
      }
      try {
        String name = source.getFileName().toString().replaceFirst("^(tmp|store)_", prefix);
        album.save(source, name);
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static String extensionFor(String contentType, String url) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("jpeg") || type.contains("jpg")) {
      return "jpg";
    }
    for (String t : List.of("png", "gif", "webp", "bmp", "tiff")) {
      if (type.contains(t)) {
        return t;
      }
    }
    String path = url.replaceFirst("[?#].*$", "");
    int dot = path.lastIndexOf('.');
    int slash = path.lastIndexOf('/');
    String ext = dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    return ext.matches("[a-z0-9]{1,5}") ? ext : "png";
  }
}
