package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.device.Permissions;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.media.ImageInfo;
import dev.sparrow.apis.media.Images;
import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.runtime.app.PageInstance;
import dev.sparrow.runtime.app.Router;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.WxBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * wx image APIs (spec media.md §1–4, §8.4): {@code chooseImage}, {@code chooseMedia}, {@code
 * previewImage}, {@code getImageInfo}, {@code compressImage}, {@code saveImageToPhotosAlbum}. Implementation: {@link
 * Images} on the session's album device.
 */
public final class ImageApis {
  private final Images images;
  private final Permissions permissions;
  private final FileSandbox files;
  private final Supplier<Router> router;
  private final WxBridge bridge;
  private final Consumer<Throwable> internal;
  private final Executor io;

  /** @param io the session's ordered file executor: a local {@code getImageInfo} reads the file's header there */
  public ImageApis(Images images, Permissions permissions, FileSandbox files, Supplier<Router> router, WxBridge bridge,
      Consumer<Throwable> internal, Executor io) {
    this.io = io;
    this.images = images;
    this.permissions = permissions;
    this.files = files;
    this.router = router;
    this.bridge = bridge;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("chooseImage")
            .optional("count", NUMBER, 9)
            .optional("sizeType", ARRAY)
            .optional("sourceType", ARRAY)
            .returns("tempFilePaths", "tempFiles")
            .handle(this::chooseImage),
        ApiSpec.async("chooseMedia")
            .optional("count", NUMBER, 9)
            .optional("mediaType", ARRAY)
            .optional("sourceType", ARRAY)
            .optional("maxDuration", NUMBER, 10)
            .optional("sizeType", ARRAY)
            .optional("camera", STRING, "back")
            .returns("tempFiles", "type")
            .handle(c -> Stages.settle(c, images.chooseMedia((int) c.longValue("count"), c.strings("mediaType"),
                c.strings("sourceType"), c.strings("sizeType")), r -> r, internal)),
        ApiSpec.async("previewImage")
            .required("urls", ARRAY)
            .optional("current", STRING)
            .optional("showmenu", BOOLEAN, true)
            .optional("referrerPolicy", STRING, "no-referrer")
            .handle(this::previewImage),
        ApiSpec.async("getImageInfo")
            .required("src", STRING)
            .returns("width", "height", "path", "orientation", "type")
            .handle(this::getImageInfo),
        ApiSpec.async("saveImageToPhotosAlbum")
            .required("filePath", STRING)
            .handle(c -> saveToAlbum(c, images::saveImageToPhotosAlbum)),
        ApiSpec.async("saveVideoToPhotosAlbum")
            .required("filePath", STRING)
            .handle(c -> saveToAlbum(c, images::saveVideoToPhotosAlbum)),
        ApiSpec.async("chooseVideo")
            .optional("sourceType", ARRAY)
            .optional("compressed", BOOLEAN, true)
            .optional("maxDuration", NUMBER, 60)
            .optional("camera", STRING, "back")
            .returns("tempFilePath", "duration", "size", "height", "width")
            .handle(c -> Stages.settle(c, images.chooseVideo(c.strings("sourceType")), r -> r, internal)),
        ApiSpec.async("compressImage")
            .required("src", STRING)
            .optional("quality", NUMBER, 80)
            .optional("compressedWidth", NUMBER, 0)
            .optional("compressedHeight", NUMBER, 0)
            .returns("tempFilePath")
            .handle(c -> {
              Stages.settle(c, images.compressImage(localFile(c.string("src")), (int) c.longValue("quality"), (int) c.longValue("compressedWidth"),
                  (int) c.longValue("compressedHeight")), p -> Map.of("tempFilePath", p), internal);
            }));
  }

  private void chooseImage(ApiCall c) {
    Stages.settle(c, images.chooseImage((int) c.longValue("count"), c.strings("sizeType"), c.strings("sourceType")), list -> {
      List<Object> paths = new ArrayList<>();
      List<Object> temp = new ArrayList<>();
      for (Images.TempImage t : list) {
        paths.add(t.path());
        temp.add(Map.of("path", t.path(), "size", t.size()));
      }
      return Map.of("tempFilePaths", paths, "tempFiles", temp);
    }, internal);
  }

  private void previewImage(ApiCall c) {
    Optional<PageInstance> covered = router.get().coverPage();
    var closed = images.previewImage(c.strings("urls"), c.string("current"), c.bool("showmenu"));
    c.resolve();
    closed.whenComplete((v, t) -> bridge.post(() -> covered.ifPresent(router.get()::uncoverPage)));
  }

  private void getImageInfo(ApiCall c) {
    String src = c.string("src");
    if (MediaFetch.isNetworkUrl(src)) {
      Stages.settle(c, images.networkImageInfo(src), e -> result(e.getValue(), e.getKey()), internal);
      return;
    }
    String path = packagePath(src);
    String shown = path.startsWith("/") && !src.startsWith("/") ? path.substring(1) : path;
    FileSystemManagerApis.offLoop(io, c, () -> c.resolve(result(images.imageInfo(files.resolve(path)), shown)));
  }

  private void saveToAlbum(ApiCall c, BiFunction<String, Optional<Path>, CompletionStage<Void>> save) {
    String path = c.string("filePath");
    Stages.settleAsking(c, permissions, Images.WRITE_PHOTOS_ALBUM, () -> save.apply(path, localFile(path)), v -> Map.of(), internal);
  }

  /** The host file behind a local or package path (relative ones from the current page); empty for network URLs. */
  private Optional<Path> localFile(String src) {
    return MediaFetch.isNetworkUrl(src) ? Optional.empty() : files.resolve(packagePath(src));
  }

  /** A package path relative to the current page ({@code ../x.png}, {@code img/x.png}) made absolute. */
  private String packagePath(String src) {
    return packagePath(src, router.get().current().map(PageInstance::route).orElse(""));
  }

  /** A package path relative to page {@code route} made absolute; absolute paths and URLs stay. */
  public static String packagePath(String src, String route) {
    if (src.startsWith("/") || src.contains("://")) {
      return src;
    }
    Path base = Path.of("/" + route).getParent();
    Path resolved = (base == null ? Path.of("/") : base).resolve(src).normalize();
    return resolved.toString().replace('\\', '/');
  }

  private static Map<String, Object> result(ImageInfo info, String path) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("width", info.width());
    res.put("height", info.height());
    res.put("path", path);
    res.put("orientation", info.orientation());
    res.put("type", info.type());
    return res;
  }
}
