package dev.sparrow.view.animation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the view makes of animation data, pure: the {@code animation} attribute ({@code wx.createAnimation(...)
 * .export()}, {@code {actions: [{animates: [{type, args}], option: {transition: {duration, timingFunction, delay},
 * transformOrigin}}]}}) as CSS per step, and {@code this.animate} keyframes ({@code {opacity, rotate, scale: [sx,
 * sy], backgroundColor, offset, ease…}}) as CSS. Numbers become {@code deg} for angles, {@code px} for lengths and
 * translations, and stay plain for scales and matrices.
 */
public final class AnimationSteps {
  /** One step of an {@code animation} attribute: its CSS and its transition. */
  public record Step(Map<String, String> style, long duration, String timingFunction, long delay,
      String transformOrigin) {
    /** How long the step takes (its delay and its duration), in ms. */
    public long length() {
      return delay + duration;
    }
  }

  private static final Set<String> ANGLES = Set.of("rotate", "rotateX", "rotateY", "rotateZ", "skew", "skewX",
      "skewY");
  private static final Set<String> LENGTHS = Set.of("translate", "translate3d", "translateX", "translateY",
      "translateZ");
  private static final Set<String> PLAIN = Set.of("scale", "scale3d", "scaleX", "scaleY", "scaleZ", "matrix",
      "matrix3d");
  /** The style properties a keyframe may carry (camelCase) and their CSS names. */
  private static final Map<String, String> KEYFRAME_STYLES = Map.of("opacity", "opacity", "backgroundColor",
      "background-color", "width", "width", "height", "height", "left", "left", "right", "right", "top", "top",
      "bottom", "bottom", "transformOrigin", "transform-origin");

  private AnimationSteps() {}

  /** The steps of an {@code animation} attribute value; none for anything that is not WeChat's shape. */
  public static List<Step> steps(JsonNode data) {
    List<Step> out = new ArrayList<>();
    if (data == null || !data.path("actions").isArray()) {
      return out;
    }
    for (JsonNode action : data.path("actions")) {
      Map<String, String> style = new LinkedHashMap<>();
      List<String> transform = new ArrayList<>();
      for (JsonNode a : action.path("animates")) {
        String type = a.path("type").asText("");
        JsonNode args = a.path("args");
        if (type.equals("style")) {
          if (args.size() >= 2 && !args.get(0).asText("").isEmpty()) {
            style.put(args.get(0).asText(), css(args.get(1)));
          }
        } else if (isTransform(type)) {
          transform.add(function(type, args));
        }
      }
      if (!transform.isEmpty()) {
        style.put("transform", String.join(" ", transform));
      }
      JsonNode option = action.path("option");
      JsonNode t = option.path("transition");
      out.add(new Step(style, Math.max(0, t.path("duration").asLong(400)), t.path("timingFunction").asText("linear"),
          Math.max(0, t.path("delay").asLong(0)), option.path("transformOrigin").asText("50% 50% 0")));
    }
    return out;
  }

  /** The CSS one keyframe of {@code this.animate} sets (offset and ease are timing, not style). */
  public static Map<String, String> keyframe(JsonNode frame) {
    Map<String, String> style = new LinkedHashMap<>();
    List<String> transform = new ArrayList<>();
    frame.fields().forEachRemaining(e -> {
      String name = e.getKey();
      JsonNode v = e.getValue();
      if (KEYFRAME_STYLES.containsKey(name)) {
        boolean length = !name.equals("opacity") && !name.equals("backgroundColor") && !name.equals("transformOrigin");
        style.put(KEYFRAME_STYLES.get(name), length && v.isNumber() ? number(v) + "px" : css(v));
      } else if (isTransform(name)) {
        Iterable<JsonNode> args = v.isArray() ? v : List.of(v);
        transform.add(function(name, args));
      }
    });
    if (!transform.isEmpty()) {
      style.put("transform", String.join(" ", transform));
    }
    return style;
  }

  /** Whether {@code name} is a keyframe property {@code clearAnimation} can name (a style or a transform). */
  public static boolean isKeyframeProperty(String name) {
    return KEYFRAME_STYLES.containsKey(name) || isTransform(name);
  }

  /** The CSS property a keyframe property sets: {@code transform} for every transform. */
  public static String cssProperty(String name) {
    return isTransform(name) ? "transform" : KEYFRAME_STYLES.getOrDefault(name, name);
  }

  static boolean isTransform(String type) {
    return ANGLES.contains(type) || LENGTHS.contains(type) || PLAIN.contains(type) || type.equals("rotate3d");
  }

  private static String function(String type, Iterable<JsonNode> args) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    for (JsonNode a : args) {
      String unit = "";
      if (a.isNumber()) {
        if (ANGLES.contains(type) || (type.equals("rotate3d") && i == 3)) {
          unit = "deg";
        } else if (LENGTHS.contains(type)) {
          unit = "px";
        }
      }
      if (!a.isNull() && !a.isMissingNode()) {
        parts.add(a.isNumber() ? number(a) + unit : a.asText());
      }
      i++;
    }
    return type + "(" + String.join(", ", parts) + ")";
  }

  private static String css(JsonNode v) {
    return v.isNumber() ? number(v) : v.asText();
  }

  private static String number(JsonNode v) {
    double d = v.asDouble();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
