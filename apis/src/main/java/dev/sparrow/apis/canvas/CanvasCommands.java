package dev.sparrow.apis.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The drawing commands page code records (the base library's canvas objects) and a {@link Context2D} runs — and
 * the simulator replays on the browser's canvas. A batch is a JSON array of commands, each an array whose first
 * element is the name: the CanvasRenderingContext2D method with its arguments ({@code ["fillRect", 0, 0, 10,
 * 10]}), {@code ["set", property, value]} for attributes, {@code ["size", w, h]} for a new bitmap and {@code
 * ["clearAll"]} for the legacy {@code draw(false)}. Objects travel inline: a gradient as {@code {linear: [x0, y0,
 * x1, y1], stops: [[offset, colour]…]}} or {@code {radial: [x0, y0, r0, x1, y1, r1], stops}}, a pattern as {@code
 * {pattern: image, repetition}}, a Path2D as {@code {path: [commands]}}, image data as {@code {w, h, data:
 * base64}}, an image as whatever the {@link Images} of the caller understands. A command that does not make
 * sense is skipped, as a canvas ignores bad arguments; {@code null} stands for the NaN and Infinity JSON lacks.
 */
public final class CanvasCommands {
  /** Finds the bitmap an image reference names ({@code {img: id}}, {@code {canvas: id}}, {@code {src: path}}). */
  @FunctionalInterface
  public interface Images {
    Optional<BufferedImage> image(JsonNode ref);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private CanvasCommands() {}

  /** Parses a batch; a batch that is not a JSON array of arrays is empty. */
  public static JsonNode parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isArray() ? n : JSON.createArrayNode();
    } catch (JsonProcessingException e) {
      return JSON.createArrayNode();
    }
  }

  /** Runs {@code batch} on {@code ctx}. */
  public static void run(JsonNode batch, Context2D ctx, Images images) {
    for (JsonNode c : batch) {
      if (c.isArray() && c.size() > 0) {
        one(c, ctx, images);
      }
    }
  }

  /**
   * Answers a hit test: {@code ["isPointInPath", x, y, rule?]} or {@code ["isPointInPath", {path}, x, y, rule?]},
   * {@code ["isPointInStroke", x, y]} or {@code ["isPointInStroke", {path}, x, y]}; anything else is false.
   */
  public static boolean hitTest(JsonNode query, Context2D ctx) {
    if (!query.isArray() || query.size() < 3) {
      return false;
    }
    Path2D p = path2d(ctx, query.path(1));
    int at = p == null ? 1 : 2;
    double x = n(query, at);
    double y = n(query, at + 1);
    return switch (query.get(0).asText()) {
      case "isPointInPath" -> ctx.isPointInPath(p, x, y, query.path(at + 2).asText("nonzero"));
      case "isPointInStroke" -> ctx.isPointInStroke(p, x, y);
      default -> false;
    };
  }

  /** Image references a batch draws ({@code drawImage}, patterns), to load before it runs. */
  public static List<JsonNode> imageRefs(JsonNode batch) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : batch) {
      if (!c.isArray() || c.size() < 2) {
        continue;
      }
      String name = c.get(0).asText();
      if (name.equals("drawImage")) {
        out.add(c.get(1));
      } else if (name.equals("set") && c.size() > 2 && c.get(2).has("pattern")) {
        out.add(c.get(2).get("pattern"));
      }
    }
    return out;
  }

  /** Plain Java data (maps, lists, strings, numbers) as a command argument. */
  public static JsonNode toJson(Object value) {
    return JSON.valueToTree(value);
  }

  private static void one(JsonNode c, Context2D ctx, Images images) {
    String name = c.get(0).asText();
    switch (name) {
      case "save" -> ctx.save();
      case "restore" -> ctx.restore();
      case "reset" -> ctx.reset();
      case "clearAll" -> ctx.clearAll();
      case "size" -> ctx.resize((int) n(c, 1), (int) n(c, 2));
      case "set" -> set(ctx, c.path(1).asText(), c.path(2), images);
      case "setLineDash" -> ctx.setLineDash(numbers(c.path(1)));
      case "scale" -> ctx.scale(n(c, 1), n(c, 2));
      case "rotate" -> ctx.rotate(n(c, 1));
      case "translate" -> ctx.translate(n(c, 1), n(c, 2));
      case "transform" -> ctx.transform(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5), n(c, 6));
      case "setTransform" -> ctx.setTransform(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5), n(c, 6));
      case "resetTransform" -> ctx.resetTransform();
      case "fill" -> {
        Path2D p = path2d(ctx, c.path(1));
        if (p != null) {
          ctx.fill(p, c.path(2).asText("nonzero"));
        } else {
          ctx.fill(c.path(1).asText("nonzero"));
        }
      }
      case "stroke" -> {
        Path2D p = path2d(ctx, c.path(1));
        if (p != null) {
          ctx.stroke(p);
        } else {
          ctx.stroke();
        }
      }
      case "clip" -> {
        Path2D p = path2d(ctx, c.path(1));
        if (p != null) {
          ctx.clip(p, c.path(2).asText("nonzero"));
        } else {
          ctx.clip(c.path(1).asText("nonzero"));
        }
      }
      case "fillRect" -> ctx.fillRect(n(c, 1), n(c, 2), n(c, 3), n(c, 4));
      case "strokeRect" -> ctx.strokeRect(n(c, 1), n(c, 2), n(c, 3), n(c, 4));
      case "clearRect" -> ctx.clearRect(n(c, 1), n(c, 2), n(c, 3), n(c, 4));
      case "fillText", "strokeText" -> {
        Double max = c.size() > 4 && !c.get(4).isNull() ? n(c, 4) : null;
        String text = c.path(1).isValueNode() ? c.path(1).asText() : String.valueOf(c.path(1));
        if (name.equals("fillText")) {
          ctx.fillText(text, n(c, 2), n(c, 3), max);
        } else {
          ctx.strokeText(text, n(c, 2), n(c, 3), max);
        }
      }
      case "drawImage" -> images.image(c.path(1)).ifPresent(img -> {
        int args = c.size() - 2;
        if (args == 2) {
          ctx.drawImage(img, Double.NaN, 0, 0, 0, n(c, 2), n(c, 3), Double.NaN, 0);
        } else if (args == 4) {
          ctx.drawImage(img, Double.NaN, 0, 0, 0, n(c, 2), n(c, 3), n(c, 4), n(c, 5));
        } else if (args >= 8) {
          ctx.drawImage(img, n(c, 2), n(c, 3), n(c, 4), n(c, 5), n(c, 6), n(c, 7), n(c, 8), n(c, 9));
        }
      });
      case "putImageData" -> {
        JsonNode d = c.path(1);
        int w = d.path("w").asInt();
        int h = d.path("h").asInt();
        byte[] data = Base64.getDecoder().decode(d.path("data").asText(""));
        boolean dirty = c.size() >= 8;
        ctx.putImageData(data, w, h, (int) n(c, 2), (int) n(c, 3), dirty ? (int) n(c, 4) : 0, dirty ? (int) n(c, 5) : 0,
            dirty ? (int) n(c, 6) : w, dirty ? (int) n(c, 7) : h);
      }
      default -> path(ctx, name, c);
    }
  }

  /** Path-building calls, shared by the context's path and Path2D objects. */
  private static void path(Context2D ctx, String name, JsonNode c) {
    switch (name) {
      case "beginPath" -> ctx.beginPath();
      case "closePath" -> ctx.closePath();
      case "moveTo" -> ctx.moveTo(n(c, 1), n(c, 2));
      case "lineTo" -> ctx.lineTo(n(c, 1), n(c, 2));
      case "quadraticCurveTo" -> ctx.quadraticCurveTo(n(c, 1), n(c, 2), n(c, 3), n(c, 4));
      case "bezierCurveTo" -> ctx.bezierCurveTo(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5), n(c, 6));
      case "arc" -> ctx.arc(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5), c.path(6).asBoolean(false));
      case "arcTo" -> ctx.arcTo(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5));
      case "ellipse" -> ctx.ellipse(n(c, 1), n(c, 2), n(c, 3), n(c, 4), n(c, 5), n(c, 6), n(c, 7), c.path(8).asBoolean(false));
      case "rect" -> ctx.rect(n(c, 1), n(c, 2), n(c, 3), n(c, 4));
      case "roundRect" -> {
        JsonNode r = c.path(5);
        ctx.roundRect(n(c, 1), n(c, 2), n(c, 3), n(c, 4), r.isArray() ? numbers(r) : new double[] {r.isMissingNode() ? 0 : num(r)});
      }
      default -> { }
    }
  }

  private static Path2D path2d(Context2D ctx, JsonNode arg) {
    if (!arg.isObject() || !arg.path("path").isArray()) {
      return null;
    }
    return ctx.userPath(p -> {
      for (JsonNode c : arg.get("path")) {
        if (c.isArray() && c.size() > 0) {
          path(p, c.get(0).asText(), c);
        }
      }
    });
  }

  private static void set(Context2D ctx, String prop, JsonNode v, Images images) {
    switch (prop) {
      case "fillStyle" -> ctx.setFillStyle(style(v, images));
      case "strokeStyle" -> ctx.setStrokeStyle(style(v, images));
      case "lineWidth" -> ctx.setLineWidth(num(v));
      case "lineCap" -> ctx.setLineCap(v.asText());
      case "lineJoin" -> ctx.setLineJoin(v.asText());
      case "miterLimit" -> ctx.setMiterLimit(num(v));
      case "lineDashOffset" -> ctx.setLineDashOffset(num(v));
      case "font" -> CanvasFont.parse(v.asText()).ifPresent(ctx::setFont);
      case "fontSize" -> ctx.setFont(ctx.font().withSize(num(v)));
      case "textAlign" -> ctx.setTextAlign(v.asText());
      case "textBaseline" -> ctx.setTextBaseline(v.asText().equals("normal") ? "alphabetic" : v.asText());
      case "direction" -> ctx.setDirection(v.asText());
      case "globalAlpha" -> ctx.setGlobalAlpha(num(v));
      case "globalCompositeOperation" -> ctx.setGlobalCompositeOperation(v.asText());
      case "shadowBlur" -> ctx.setShadowBlur(num(v));
      case "shadowColor" -> CssColor.parse(v.asText()).ifPresent(ctx::setShadowColor);
      case "shadowOffsetX" -> ctx.setShadowOffsetX(num(v));
      case "shadowOffsetY" -> ctx.setShadowOffsetY(num(v));
      case "imageSmoothingEnabled" -> ctx.setImageSmoothingEnabled(v.asBoolean(true));
      default -> { }
    }
  }

  /** A fill or stroke style value; null (ignored) when it is not one. */
  static CanvasStyle style(JsonNode v, Images images) {
    if (v.isTextual()) {
      var c = CssColor.parse(v.asText());
      return c.isPresent() ? new CanvasStyle.Solid(c.getAsInt()) : null;
    }
    if (!v.isObject()) {
      return null;
    }
    if (v.has("pattern")) {
      String rep = v.path("repetition").asText("repeat");
      return images.image(v.get("pattern"))
          .<CanvasStyle>map(img -> new CanvasStyle.Pattern(img, rep.isEmpty() ? "repeat" : rep)).orElse(null);
    }
    List<CanvasStyle.Stop> stops = new ArrayList<>();
    for (JsonNode s : v.path("stops")) {
      var c = CssColor.parse(s.path(1).asText());
      double offset = num(s.path(0));
      if (c.isPresent() && offset >= 0 && offset <= 1) {
        stops.add(new CanvasStyle.Stop(offset, c.getAsInt()));
      }
    }
    if (v.has("linear")) {
      double[] a = numbers(v.get("linear"));
      return a.length == 4 ? new CanvasStyle.Gradient(false, a[0], a[1], 0, a[2], a[3], 0, stops) : null;
    }
    if (v.has("radial")) {
      double[] a = numbers(v.get("radial"));
      return a.length == 6 && a[2] >= 0 && a[5] >= 0 ? new CanvasStyle.Gradient(true, a[0], a[1], a[2], a[3], a[4], a[5], stops) : null;
    }
    return null;
  }

  private static double n(JsonNode c, int i) {
    return num(c.path(i));
  }

  private static double num(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? 1 : 0;
    }
    return Double.NaN;
  }

  private static double[] numbers(JsonNode arr) {
    if (!arr.isArray()) {
      return new double[0];
    }
    double[] out = new double[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = num(arr.get(i));
    }
    return out;
  }
}
