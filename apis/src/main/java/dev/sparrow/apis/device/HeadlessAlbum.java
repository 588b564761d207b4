package dev.sparrow.apis.device;

import dev.sparrow.apis.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Album, camera, photo album and image viewer without a screen, scripted by the host:
 *
 * <ul>
 *   <li>pickers take the next scripted answer ({@link #offer}, {@link #cancelNext}); with none
 *       scripted they offer the first images of the fixture folder ({@code --album DIR}) in name
 *       order; with no folder either, the user cancels;
 *   <li>saved images are copied into a folder the host can inspect ({@link #savedImages});
 *   <li>previews are recorded ({@link #previews}); the viewer closes at once unless {@link
 *       #holdPreviews} keeps it open until {@link #closePreview}.
 * </ul>
 *
 * Thread-safe: the session loop asks, a test thread scripts and reads.
 */
public final class HeadlessAlbum implements MediaPicker, PhotoAlbum, ImageViewer {
  private static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff");
  private static final List<String> VIDEO_EXTENSIONS = List.of("mp4", "mov", "m4v");

  private final Path fixtureFolder;
  private final Path photosFolder;
  private final Deque<Pick> scripted = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private final List<Preview> previews = new ArrayList<>();
  private final Deque<CompletableFuture<Void>> openViewers = new ArrayDeque<>();
  private boolean original;
  private boolean holdPreviews;

  /**
   * @param fixtureFolder images offered when nothing is scripted, or null
   * @param photosFolder where saved images go (created when needed)
   */
  public HeadlessAlbum(Path fixtureFolder, Path photosFolder) {
    this.fixtureFolder = fixtureFolder;
    this.photosFolder = photosFolder;
  }

  // ---- scripting ------------------------------------------------------------------------------

  /** The next picker returns these host files (from the album). */
  public synchronized HeadlessAlbum offer(Path... files) {
    scripted.addLast(new Pick(List.of(files), "album", original));
    return this;
  }

  /** The next picker returns these host files as taken by the camera. */
  public synchronized HeadlessAlbum offerFromCamera(Path... files) {
    scripted.addLast(new Pick(List.of(files), "camera", original));
    return this;
  }

  /** The user cancels the next picker. */
  public synchronized HeadlessAlbum cancelNext() {
    scripted.addLast(Pick.cancelled());
    return this;
  }

  /** Whether the user ticks "original" (原图) in later pickers (default: no, so compressed when allowed). */
  public synchronized HeadlessAlbum original(boolean ticked) {
    this.original = ticked;
    return this;
  }

  /** Keeps preview viewers open until {@link #closePreview()} (default: they close at once). */
  public synchronized HeadlessAlbum holdPreviews(boolean hold) {
    this.holdPreviews = hold;
    return this;
  }

  /** Closes the oldest open viewer; false if none is open. */
  public boolean closePreview() {
    CompletableFuture<Void> viewer;
    synchronized (this) {
      viewer = openViewers.pollFirst();
    }
    if (viewer == null) {
      return false;
    }
    viewer.complete(null);
    return true;
  }

  // ---- what happened --------------------------------------------------------------------------

  /** Every picker request so far, oldest first. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every preview shown so far, oldest first. */
  public synchronized List<Preview> previews() {
    return List.copyOf(previews);
  }

  /** The photo album folder. */
  public Path photosFolder() {
    return photosFolder;
  }

  /** Images saved to the photo album, in name order. */
  public List<Path> savedImages() {
    if (!Files.isDirectory(photosFolder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(photosFolder)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the device -----------------------------------------------------------------------------

  @Override
  public CompletionStage<Pick> pick(Request request) {
    Pick next;
    synchronized (this) {
      requests.add(request);
      next = scripted.pollFirst();
      if (next == null) {
        next = fromFolder(request);
      }
    }
    List<Path> files = next.files().size() > request.count() ? next.files().subList(0, request.count()) : next.files();
    String source = request.sourceTypes().contains(next.source()) || request.sourceTypes().isEmpty()
        ? next.source() : request.sourceTypes().get(0);
    return CompletableFuture.completedFuture(new Pick(files, source, next.original()));
  }

  private Pick fromFolder(Request request) {
    if (fixtureFolder == null || !Files.isDirectory(fixtureFolder)) {
      return Pick.cancelled();
    }
    try (Stream<Path> files = Files.list(fixtureFolder)) {
      List<Path> offered = files.filter(Files::isRegularFile).filter(p -> offers(request.mediaType(), p)).sorted()
          .limit(Math.max(0, request.count())).toList();
      return new Pick(offered, "album", original);
    } catch (IOException e) {
      return Pick.cancelled();
    }
  }

  /** Whether the album folder offers {@code p} for a request of {@code mediaType} (image, video, mix; all, file). */
  private static boolean offers(String mediaType, Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    boolean image = IMAGE_EXTENSIONS.contains(ext);
    boolean video = VIDEO_EXTENSIONS.contains(ext);
    return switch (mediaType) {
      case "video" -> video;
      case "mix" -> image || video;
      case "all" -> true;
      case "file" -> !image && !video;
      default -> image;
    };
  }

  @Override
  public Path save(Path image, String name) throws IOException {
    Files.createDirectories(photosFolder);
    Path target = photosFolder.resolve(name);
    AtomicFiles.write(target, Files.readAllBytes(image));
    return target;
  }

  @Override
  public CompletionStage<Void> show(Preview preview) {
    synchronized (this) {
      previews.add(preview);
      if (holdPreviews) {
        CompletableFuture<Void> viewer = new CompletableFuture<>();
        openViewers.addLast(viewer);
        return viewer;
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The most recent preview, if any. */
  public synchronized Optional<Preview> lastPreview() {
    return previews.isEmpty() ? Optional.empty() : Optional.of(previews.get(previews.size() - 1));
  }
}
