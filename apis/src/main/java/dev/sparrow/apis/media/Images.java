package dev.sparrow.apis.media;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.ImageViewer;
import dev.sparrow.apis.device.MediaPicker;
import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.device.PhotoAlbum;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.media.internal.MediaWorkers;
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

/**
 * The image APIs (spec media.md §1–4, §8.4): {@code chooseImage}, {@code chooseMedia} (images),
 * {@code previewImage}, {@code getImageInfo}, {@code saveImageToPhotosAlbum}. Reasons are the
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

  public Images(MediaPicker picker, PhotoAlbum album, ImageViewer viewer, Permissions permissions, FileSandbox files,
      MediaFetch fetch, MediaSettings settings) {
    this.picker = picker;
    this.album = album;
    this.viewer = viewer;
    this.permissions = permissions;
    this.files = files;
    this.fetch = fetch;
    this.settings = settings;
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
    }, MediaWorkers.EXECUTOR);
  }

  /**
   * {@code wx.chooseMedia} for images: {@code tempFiles[{tempFilePath, size, width, height,
   * fileType, duration, thumbTempFilePath}]}; a picked file that is not an image is reported as a
   * video without metadata (Sparrow reads no video headers yet).
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
        TempImage t = toTemp(source, compress && info.isPresent());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tempFilePath", t.path());
        f.put("size", t.size());
        f.put("duration", 0);
        Optional<ImageInfo> after = info.isPresent() ? header(t.file()) : Optional.empty();
        f.put("height", after.map(ImageInfo::height).orElse(0));
        f.put("width", after.map(ImageInfo::width).orElse(0));
        f.put("thumbTempFilePath", "");
        f.put("fileType", info.isPresent() ? "image" : "video");
        images |= info.isPresent();
        videos |= info.isEmpty();
        temp.add(f);
      }
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("tempFiles", temp);
      res.put("type", images && videos ? "mix" : videos ? "video" : "image");
      return res;
    }, MediaWorkers.EXECUTOR);
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

  // ---- saveImageToPhotosAlbum ------------------------------------------------------------------

  /**
   * {@code wx.saveImageToPhotosAlbum}: asks for {@code scope.writePhotosAlbum} (prompting only the
   * first time), then copies the local image into the photo album. Network URLs are not supported.
   */
  public CompletionStage<Void> saveImageToPhotosAlbum(String filePath, Optional<Path> file) {
    if (MediaFetch.isNetworkUrl(filePath) || file.isEmpty() || !Files.isRegularFile(file.get())) {
      return CompletableFuture.failedFuture(ApiFailure.of("file not found"));
    }
    Path source = file.get();
    // runs where the answer arrives (the loop, or the host answering a prompt), so the call settles before the host waits
    return permissions.request(WRITE_PHOTOS_ALBUM).thenApply(granted -> {
      if (!granted) {
        throw ApiFailure.of("auth deny");
      }
      if (header(source).isEmpty()) {
        throw ApiFailure.of("invalid file type");
      }
      try {
        String name = source.getFileName().toString().replaceFirst("^(tmp|store)_", "IMG_");
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
