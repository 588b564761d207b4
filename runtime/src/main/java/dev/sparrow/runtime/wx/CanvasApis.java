package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ANY;
import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.ARRAY_BUFFER;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.OBJECT;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.canvas.CanvasCommands;
import dev.sparrow.apis.canvas.CanvasExport;
import dev.sparrow.apis.canvas.CanvasFont;
import dev.sparrow.apis.canvas.CanvasImages;
import dev.sparrow.apis.canvas.CanvasLimits;
import dev.sparrow.apis.canvas.Context2D;
import dev.sparrow.apis.canvas.CssColor;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.media.MediaFetch;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.InstanceRef;
import dev.sparrow.runtime.bridge.WxBridge;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * wx canvas APIs: {@code <canvas type="2d">} nodes (from SelectorQuery) with their CanvasRenderingContext2D,
 * {@code createOffscreenCanvas}, images ({@code canvas.createImage()}), the legacy {@code createCanvasContext} /
 * {@code createContext} / {@code drawCanvas}, {@code canvasToTempFilePath}, {@code canvasGetImageData} and {@code
 * canvasPutImageData}. The canvas objects themselves live in the base library ({@code sparrow-canvas.js}): they
 * record drawing calls as JSON batches ({@link CanvasCommands}) and hand them to the hidden entries declared here,
 * which run them on each canvas's {@link Context2D} and pass them on to the screens (the simulator draws them
 * again on the browser's canvas). Implementation: {@code dev.sparrow.apis.canvas}.
 *
 * <p>Bad input follows WeChat: an unknown canvas id makes export fail with {@code "canvas is empty"} and a legacy
 * {@code draw()} do nothing; a bitmap over {@link CanvasLimits} draws nothing and exports {@code "create bitmap
 * failed"}; a picture that does not load calls {@code onerror} (2d) or is left out (legacy). See docs/decisions.md.
 */
public final class CanvasApis {
  static final String CANVAS = "Canvas";
  static final String CONTEXT = "CanvasRenderingContext2D";
  static final String OFFSCREEN = "OffscreenCanvas";
  static final String IMAGE = "Image";
  static final String LEGACY = "CanvasContext";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Where page canvases are shown besides their bitmap: the simulator draws the same batches. */
  public interface Display {
    /** {@code batch} (JSON, pictures as {@code {src}} or {@code {data}}) was drawn on canvas node {@code nodeId}. */
    void canvasDrawn(int pageId, int nodeId, boolean legacy, String batch);
  }

  /** One canvas: its bitmap and context, and where it lives (page and node, or offscreen: page -1). */
  static final class Surface {
    final int pageId;
    final int nodeId;
    final boolean legacy;
    final Context2D ctx;
    InstanceRef ref;
    InstanceRef contextRef;

    Surface(int pageId, int nodeId, boolean legacy, Context2D ctx) {
      this.pageId = pageId;
      this.nodeId = nodeId;
      this.legacy = legacy;
      this.ctx = ctx;
    }
  }

  /** {@code canvas.createImage()}: its source and, once loaded, its bitmap. */
  static final class Picture {
    String src = "";
    BufferedImage bitmap;
  }

  /** A legacy CanvasContext: the canvas-id it draws on (null for {@code wx.createContext()}). */
  record Legacy(String canvasId) {}

  private final WxBridge bridge;
  private final FileSandbox files;
  private final CanvasImages images;
  private final Executor workers;
  private final Supplier<String> route;
  private final Supplier<List<? extends Display>> displays;
  private final double pixelRatio;
  private final CanvasLimits limits;
  private final Consumer<Throwable> internal;
  private final Map<Long, Surface> onPages = new HashMap<>();
  private final Map<Integer, Surface> surfaces = new HashMap<>();
  private final Map<Integer, Picture> pictures = new HashMap<>();
  private final Map<String, InstanceRef> legacyContexts = new HashMap<>();
  private final Map<String, String> styles = new HashMap<>();

  public CanvasApis(WxBridge bridge, FileSandbox files, MediaFetch fetch, Executor workers, Supplier<String> route,
      Supplier<List<? extends Display>> displays, double pixelRatio, CanvasLimits limits, Consumer<Throwable> internal) {
    this.bridge = bridge;
    this.files = files;
    this.images = new CanvasImages(fetch, workers);
    this.workers = workers;
    this.route = route;
    this.displays = displays;
    this.pixelRatio = pixelRatio;
    this.limits = limits;
    this.internal = internal;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.sync("createCanvasContext").required("canvasId", STRING).handleSync(c ->
            legacyContexts.computeIfAbsent(c.string("canvasId"), id -> bridge.register(LEGACY, new Legacy(id)))),
        ApiSpec.sync("createContext").handleSync(c -> bridge.register(LEGACY, new Legacy(null))),
        ApiSpec.sync("createOffscreenCanvas").objectArgument()
            .optional("type", STRING, "webgl").optional("width", NUMBER, 300).optional("height", NUMBER, 150)
            .optional("compInst", OBJECT)
            .handleSync(c -> describe(register(new Surface(-1, 0, false,
                new Context2D(size(c.number("width")), size(c.number("height")), limits)), OFFSCREEN))),
        ApiSpec.async("drawCanvas").required("canvasId", STRING).required("actions", ARRAY)
            .optional("reserve", BOOLEAN, false).optional("__target", NUMBER)
            .handle(c -> legacyDraw(c, actionsBatch(c.list("actions")), c.bool("reserve"))),
        ApiSpec.async("canvasToTempFilePath")
            .optional("x", NUMBER).optional("y", NUMBER).optional("width", NUMBER).optional("height", NUMBER)
            .optional("destWidth", NUMBER).optional("destHeight", NUMBER)
            .optional("canvasId", STRING).optional("canvas", OBJECT)
            .optional("fileType", STRING, "png").optional("quality", NUMBER, 1).optional("__target", NUMBER)
            .returns("tempFilePath")
            .handle(this::toTempFilePath),
        ApiSpec.async("canvasGetImageData").required("canvasId", STRING)
            .required("x", NUMBER).required("y", NUMBER).required("width", NUMBER).required("height", NUMBER)
            .optional("__target", NUMBER)
            .returns("width", "height", "data")
            .handle(c -> {
              Surface s = target(c);
              int w = (int) c.number("width");
              int h = (int) c.number("height");
              Map<String, Object> res = new LinkedHashMap<>();
              res.put("width", w);
              res.put("height", h);
              res.put("data", s.ctx.getImageData((int) c.number("x"), (int) c.number("y"), w, h));
              c.resolve(res);
            }),
        ApiSpec.async("canvasPutImageData").required("canvasId", STRING).required("data", ANY)
            .required("x", NUMBER).required("y", NUMBER).required("width", NUMBER).optional("height", NUMBER)
            .optional("__target", NUMBER).optional("__bytes", ARRAY_BUFFER)
            .handle(c -> {
              Surface s = target(c);
              int w = (int) c.number("width");
              byte[] data = c.has("__bytes") ? c.bytes("__bytes") : new byte[0];
              int h = c.has("height") ? (int) c.number("height") : w == 0 ? 0 : data.length / 4 / w;
              if (w <= 0 || h <= 0 || data.length < w * h * 4) {
                throw ApiFailure.of("invalid data");
              }
              putImageData(s, data, w, h, (int) c.number("x"), (int) c.number("y"), new int[] {0, 0, w, h});
              c.resolve();
            }),
        // ---- the base library's own entries ----
        ApiSpec.sync("canvasNode").hidden().required("page", NUMBER).required("node", NUMBER)
            .optional("legacy", BOOLEAN, false).optional("width", NUMBER, 300).optional("height", NUMBER, 150)
            .handleSync(c -> describe(pageCanvas((int) c.number("page"), (int) c.number("node"), c.bool("legacy"),
                c.number("width"), c.number("height")))),
        ApiSpec.sync("canvasStyle").hidden().required("kind", STRING).required("value", STRING)
            .handleSync(c -> style(c.string("kind"), c.string("value"))),
        ApiSpec.sync("canvasMeasureText").hidden().required("font", STRING).required("text", STRING)
            .handleSync(c -> {
              Context2D scratch = new Context2D(0, 0, limits);
              scratch.setFont(CanvasFont.parse(c.string("font")).orElse(CanvasFont.DEFAULT));
              Context2D.TextMetrics m = scratch.measureText(c.string("text"));
              // one string across the bridge (measureText runs per character when pages wrap text)
              return m.width() + "," + m.actualBoundingBoxLeft() + "," + m.actualBoundingBoxRight() + ","
                  + m.actualBoundingBoxAscent() + "," + m.actualBoundingBoxDescent() + "," + m.fontBoundingBoxAscent() + ","
                  + m.fontBoundingBoxDescent();
            }),
        ApiSpec.sync("canvasImage").hidden().handleSync(c -> {
          Picture p = new Picture();
          InstanceRef ref = bridge.register(IMAGE, p);
          pictures.put(ref.id(), p);
          return ref;
        }),
        ApiSpec.async("load").on(IMAGE).hidden().required("src", STRING).returns("width", "height").handle(this::loadPicture),
        ApiSpec.sync("flush").on(CANVAS).hidden().required("batch", STRING).handleSync(c -> {
          run(c.instance(Surface.class), CanvasCommands.parse(c.string("batch")));
          return null;
        }),
        ApiSpec.sync("getImageData").on(CANVAS).hidden().required("x", NUMBER).required("y", NUMBER)
            .required("width", NUMBER).required("height", NUMBER)
            .handleSync(c -> c.instance(Surface.class).ctx.getImageData((int) c.number("x"), (int) c.number("y"),
                (int) c.number("width"), (int) c.number("height"))),
        ApiSpec.sync("hitTest").on(CANVAS).hidden().required("query", STRING)
            .handleSync(c -> CanvasCommands.hitTest(CanvasCommands.parse(c.string("query")), c.instance(Surface.class).ctx)),
        ApiSpec.sync("putImageData").on(CANVAS).hidden().required("data", ARRAY_BUFFER).required("width", NUMBER)
            .required("height", NUMBER).required("x", NUMBER).required("y", NUMBER).required("dirtyX", NUMBER)
            .required("dirtyY", NUMBER).required("dirtyWidth", NUMBER).required("dirtyHeight", NUMBER)
            .handleSync(c -> {
              putImageData(c.instance(Surface.class), c.bytes("data"), (int) c.number("width"), (int) c.number("height"),
                  (int) c.number("x"), (int) c.number("y"), new int[] {(int) c.number("dirtyX"), (int) c.number("dirtyY"),
                      (int) c.number("dirtyWidth"), (int) c.number("dirtyHeight")});
              return null;
            }),
        ApiSpec.sync("toDataURL").on(CANVAS).hidden().optional("type", STRING, "image/png").optional("quality", NUMBER, 0.92)
            .handleSync(c -> CanvasExport.dataUrl(c.instance(Surface.class).ctx.bitmap(), c.string("type"), c.number("quality"))),
        ApiSpec.async("draw").on(CANVAS).hidden().required("batch", STRING).optional("reserve", BOOLEAN, false)
            .handle(c -> legacyDraw(c, CanvasCommands.parse(c.string("batch")), c.bool("reserve"))));
  }

  /** Page {@code pageId} was unloaded: its canvases go (drawing on them afterwards does nothing). */
  public void pageClosed(int pageId) {
    onPages.values().removeIf(s -> {
      if (s.pageId != pageId) {
        return false;
      }
      surfaces.remove(s.ref.id());
      return true;
    });
  }

  /** What a canvas shows now: a copy of its bitmap, and its drawing state as commands (JSON) to carry on from. */
  public record Snapshot(BufferedImage bitmap, boolean legacy, String state) {}

  /** The canvases of page {@code pageId} that drew something, by node id (drivers, a tab that connects, screenshots). */
  public Map<Integer, Snapshot> snapshots(int pageId) {
    Map<Integer, Snapshot> out = new LinkedHashMap<>();
    for (Surface s : onPages.values()) {
      if (s.pageId == pageId && s.ctx.bitmap() != null && s.ctx.drawCount() > 0) {
        out.put(s.nodeId, new Snapshot(copy(s.ctx.bitmap()), s.legacy, CanvasCommands.toJson(s.ctx.stateCommands()).toString()));
      }
    }
    return out;
  }

  // ---- canvases -------------------------------------------------------------------------------

  private Surface pageCanvas(int pageId, int nodeId, boolean legacy, double cssWidth, double cssHeight) {
    Surface s = onPages.get(key(pageId, nodeId));
    // a negative side: the element's style does not say (WXSS classes size it) and no layout answered: kept, 300×150
    int width = cssWidth >= 0 ? size(cssWidth * pixelRatio) : s != null ? s.ctx.width() : size(300 * pixelRatio);
    int height = cssHeight >= 0 ? size(cssHeight * pixelRatio) : s != null ? s.ctx.height() : size(150 * pixelRatio);
    if (s == null) {
      // a 2d canvas starts with HTML's 300×150 bitmap; a legacy one is its CSS size at the device's pixel ratio,
      // drawn in CSS px
      Context2D ctx = legacy
          ? new Context2D(width, height, limits)
          : new Context2D(300, 150, limits);
      s = register(new Surface(pageId, nodeId, legacy, ctx), CANVAS);
      if (legacy) {
        ctx.scale(pixelRatio, pixelRatio);
      }
      onPages.put(key(pageId, nodeId), s);
    } else if (legacy && (s.ctx.width() != width || s.ctx.height() != height)) {
      // its element was laid out again at another size (posters set the canvas's style, then draw): the canvas follows
      // its element, and a resized bitmap starts blank
      s.ctx.resize(width, height);
      s.ctx.scale(pixelRatio, pixelRatio);
    }
    return s;
  }

  private Surface register(Surface s, String type) {
    s.ref = bridge.register(type, s);
    s.contextRef = bridge.register(CONTEXT, s);
    surfaces.put(s.ref.id(), s);
    return s;
  }

  private static Map<String, Object> describe(Surface s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canvas", s.ref);
    m.put("context", s.contextRef);
    m.put("id", s.ref.id());
    m.put("width", s.ctx.width());
    m.put("height", s.ctx.height());
    return m;
  }

  /** The canvas the base library resolved for a wx call ({@code __target}); WeChat's "canvas is empty" without one. */
  private Surface target(ApiCall c) {
    Surface s = c.has("__target") ? surfaces.get((int) c.number("__target")) : null;
    if (s == null) {
      throw ApiFailure.of("canvas is empty");
    }
    return s;
  }

  private static int size(double v) {
    return Double.isFinite(v) ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(v))) : 0;
  }

  private static long key(int pageId, int nodeId) {
    return ((long) pageId << 32) | (nodeId & 0xffffffffL);
  }

  // ---- drawing --------------------------------------------------------------------------------

  /** Runs a batch on a canvas and shows it on the screens of its page. */
  private void run(Surface s, JsonNode batch) {
    if (s.pageId >= 0 && !onPages.containsKey(key(s.pageId, s.nodeId))) {
      return; // its page is gone: drawing does nothing
    }
    CanvasCommands.run(batch, s.ctx, this::imageOf);
    if (s.pageId >= 0) {
      List<? extends Display> shown = displays.get();
      if (!shown.isEmpty()) {
        String json = forDisplay(batch).toString();
        shown.forEach(d -> d.canvasDrawn(s.pageId, s.nodeId, s.legacy, json));
      }
    }
  }

  private void putImageData(Surface s, byte[] data, int w, int h, int x, int y, int[] dirty) {
    if (w <= 0 || h <= 0 || data.length < (long) w * h * 4) {
      return;
    }
    ArrayNode batch = F.arrayNode();
    ArrayNode cmd = batch.addArray().add("putImageData").add(F.objectNode().put("w", w).put("h", h)
        .put("data", Base64.getEncoder().encodeToString(data))).add(x).add(y);
    for (int d : dirty) {
      cmd.add(d);
    }
    run(s, batch);
  }

  private Optional<BufferedImage> imageOf(JsonNode ref) {
    if (ref.has("img")) {
      Picture p = pictures.get(ref.get("img").asInt());
      return Optional.ofNullable(p == null ? null : p.bitmap);
    }
    if (ref.has("canvas")) {
      Surface s = surfaces.get(ref.get("canvas").asInt());
      return Optional.ofNullable(s == null ? null : s.ctx.bitmap());
    }
    return Optional.empty();
  }

  /** The batch as a browser can draw it: pictures by their source, canvases as PNG data. */
  private JsonNode forDisplay(JsonNode batch) {
    List<JsonNode> refs = CanvasCommands.imageRefs(batch);
    if (refs.isEmpty()) {
      return batch;
    }
    JsonNode copy = batch.deepCopy();
    for (JsonNode ref : CanvasCommands.imageRefs(copy)) {
      if (!(ref instanceof ObjectNode o)) {
        continue;
      }
      if (o.has("img")) {
        Picture p = pictures.get(o.get("img").asInt());
        o.put("src", p == null ? "" : p.src);
      } else if (o.has("canvas")) {
        Surface s = surfaces.get(o.get("canvas").asInt());
        o.put("data", s == null ? "data:," : CanvasExport.dataUrl(s.ctx.bitmap(), "image/png", 1));
      }
    }
    return copy;
  }

  /**
   * A legacy {@code draw(reserve, callback)} or {@code drawCanvas}: the pictures its {@code drawImage} calls name
   * (package, local or http paths) load first; those that fail are left out; then the batch runs, after a clear
   * unless {@code reserve}.
   */
  private void legacyDraw(ApiCall c, JsonNode batch, boolean reserve) {
    Surface s = c.has("__target") ? surfaces.get((int) c.number("__target")) : c.instance(Surface.class);
    if (s == null) {
      c.resolve(); // no such canvas: nothing is drawn
      return;
    }
    Map<String, CompletionStage<BufferedImage>> loads = new LinkedHashMap<>();
    for (JsonNode ref : CanvasCommands.imageRefs(batch)) {
      String src = ref.path("src").asText("");
      if (!src.isEmpty() && !loads.containsKey(src)) {
        loads.put(src, load(src));
      }
    }
    Map<String, BufferedImage> loaded = new HashMap<>();
    CompletableFuture<?>[] all = loads.entrySet().stream().map(e -> e.getValue().toCompletableFuture()
        .handle((img, t) -> {
          if (img != null) {
            synchronized (loaded) {
              loaded.put(e.getKey(), img);
            }
          }
          return null;
        })).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(all).whenComplete((v, t) -> bridge.post(() -> {
      try {
        ArrayNode full = F.arrayNode();
        if (!reserve) {
          full.addArray().add("clearAll");
        }
        full.addAll((ArrayNode) withPictures(batch, loaded));
        run(s, full);
        c.resolve();
      } catch (RuntimeException e) {
        internal.accept(e);
        c.resolve();
      }
    }));
  }

  /** Legacy {@code {src}} references rewritten to pictures registered for this batch. */
  private JsonNode withPictures(JsonNode batch, Map<String, BufferedImage> loaded) {
    if (loaded.isEmpty()) {
      return batch;
    }
    JsonNode copy = batch.deepCopy();
    for (JsonNode ref : CanvasCommands.imageRefs(copy)) {
      if (ref instanceof ObjectNode o && loaded.containsKey(o.path("src").asText())) {
        Picture p = new Picture();
        p.src = o.get("src").asText();
        p.bitmap = loaded.get(p.src);
        int id = -1 - pictures.size();
        pictures.put(id, p);
        o.put("img", id);
      }
    }
    return copy;
  }

  /** {@code {method, data}} actions ({@code wx.createContext().getActions()}) as a batch. */
  private static JsonNode actionsBatch(List<Object> actions) {
    ArrayNode batch = F.arrayNode();
    for (Object a : actions) {
      if (a instanceof Map<?, ?> m && m.get("method") instanceof String method) {
        ArrayNode cmd = batch.addArray().add(method);
        if (m.get("data") instanceof List<?> data) {
          data.forEach(d -> cmd.add(CanvasCommands.toJson(d)));
        }
      }
    }
    return batch;
  }

  // ---- pictures -------------------------------------------------------------------------------

  private void loadPicture(ApiCall c) {
    Picture p = c.instance(Picture.class);
    String src = c.string("src");
    p.src = src;
    p.bitmap = null;
    load(src).whenComplete((img, t) -> bridge.post(() -> {
      if (img == null || !src.equals(p.src)) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        c.reject(ApiFailure.of(cause instanceof ApiFailure f ? f.reason() : "load image fail"));
        return;
      }
      p.bitmap = img;
      c.resolve(Map.of("width", img.getWidth(), "height", img.getHeight()));
    }));
  }

  private CompletionStage<BufferedImage> load(String src) {
    if (src.startsWith("data:image/")) {
      return CompletableFuture.supplyAsync(() -> dataImage(src), workers);
    }
    String path = ImageApis.packagePath(src, route.get());
    return images.load(path, MediaFetch.isNetworkUrl(path) ? Optional.empty() : files.resolve(path));
  }

  private static BufferedImage dataImage(String url) {
    int comma = url.indexOf(',');
    if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
      throw ApiFailure.of("load image fail");
    }
    try {
      return CanvasImages.decode(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(comma + 1))));
    } catch (IOException | IllegalArgumentException e) {
      throw ApiFailure.of("load image fail");
    }
  }

  // ---- export ---------------------------------------------------------------------------------

  /**
   * {@code canvasToTempFilePath}: the region (x, y, width, height, in CSS px: bitmap px over the pixel ratio) scaled
   * to destWidth × destHeight (default: the region times the pixel ratio), PNG or JPEG, as a new temp file.
   */
  private void toTempFilePath(ApiCall c) {
    Surface s = target(c);
    BufferedImage bitmap = s.ctx.bitmap();
    if (bitmap == null) {
      throw ApiFailure.of("create bitmap failed");
    }
    double k = s.pageId < 0 ? 1 : pixelRatio;
    double x = c.has("x") ? c.number("x") : 0;
    double y = c.has("y") ? c.number("y") : 0;
    double w = c.has("width") ? c.number("width") : bitmap.getWidth() / k - x;
    double h = c.has("height") ? c.number("height") : bitmap.getHeight() / k - y;
    int dw = (int) Math.round(c.has("destWidth") ? c.number("destWidth") : w * k);
    int dh = (int) Math.round(c.has("destHeight") ? c.number("destHeight") : h * k);
    boolean jpeg = c.string("fileType").equals("jpg") || c.string("fileType").equals("jpeg");
    double quality = c.number("quality");
    BufferedImage snapshot = copy(bitmap);
    CanvasExport.Region region = new CanvasExport.Region(x * k, y * k, w * k, h * k, dw, dh);
    Stages.settle(c, CompletableFuture.supplyAsync(() -> {
      byte[] data = CanvasExport.encode(snapshot, region, jpeg, quality, limits);
      FileSandbox.LocalFile out = files.newTempFile(jpeg ? "jpg" : "png");
      try {
        Files.write(out.file(), data);
      } catch (IOException e) {
        throw ApiFailure.of("create bitmap failed");
      }
      return out.path();
    }, workers), p -> Map.of("tempFilePath", p), internal);
  }

  private static BufferedImage copy(BufferedImage b) {
    BufferedImage out = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    b.copyData(out.getRaster());
    return out;
  }

  // ---- styles ---------------------------------------------------------------------------------

  /** A colour or font as the canvas reports it once set ({@code "#ff0000"}, {@code "bold 16px sans-serif"}), or null. */
  private String style(String kind, String value) {
    String key = kind + ":" + value;
    String known = styles.get(key);
    if (known != null || styles.containsKey(key)) {
      return known;
    }
    String out = switch (kind) {
      case "color" -> {
        var c = CssColor.parse(value);
        yield c.isPresent() ? CssColor.serialize(c.getAsInt()) : null;
      }
      case "font" -> CanvasFont.parse(value).map(CanvasFont::css).orElse(null);
      default -> null;
    };
    if (styles.size() < 4096) {
      styles.put(key, out);
    }
    return out;
  }
}
