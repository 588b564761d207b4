package dev.sparrow.apis.canvas;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * CSS colours as a canvas reads them ({@code fillStyle = "…"}): keywords, {@code #rgb}, {@code #rgba}, {@code
 * #rrggbb}, {@code #rrggbbaa}, {@code rgb()}/{@code rgba()} and {@code hsl()}/{@code hsla()} in the comma and the
 * space syntax, {@code transparent}. A value that does not parse is {@linkplain OptionalInt#empty() empty}: the
 * canvas then keeps its previous style, as browsers and WeChat do. Colours are non-premultiplied ARGB ints.
 */
public final class CssColor {
  private static final Map<String, Integer> NAMED = new HashMap<>();

  static {
    String table = "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc "
        + "bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 "
        + "cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc "
        + "crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 "
        + "darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 "
        + "darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b "
        + "darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 "
        + "deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 "
        + "forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520 "
        + "gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 hotpink ff69b4 indianred cd5c5c "
        + "indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 "
        + "lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 "
        + "lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a "
        + "lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de "
        + "lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 "
        + "mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 "
        + "mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 "
        + "midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 "
        + "oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 "
        + "palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 "
        + "peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399 "
        + "red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 "
        + "seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd "
        + "slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 "
        + "thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 "
        + "yellow ffff00 yellowgreen 9acd32";
    String[] parts = table.split(" ");
    for (int i = 0; i < parts.length; i += 2) {
      NAMED.put(parts[i], 0xff000000 | Integer.parseInt(parts[i + 1], 16));
    }
    NAMED.put("transparent", 0);
  }

  private CssColor() {}

  /** The colour {@code text} names, or empty when it is not a CSS colour. */
  public static OptionalInt parse(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    Integer named = NAMED.get(s);
    if (named != null) {
      return OptionalInt.of(named);
    }
    try {
      if (s.startsWith("#")) {
        return hex(s.substring(1));
      }
      int open = s.indexOf('(');
      if (open > 0 && s.endsWith(")")) {
        String fn = s.substring(0, open).strip();
        String[] args = arguments(s.substring(open + 1, s.length() - 1));
        if (args == null) {
          return OptionalInt.empty();
        }
        switch (fn) {
          case "rgb", "rgba" -> {
            return rgb(args);
          }
          case "hsl", "hsla" -> {
            return hsl(args);
          }
          default -> {
            return OptionalInt.empty();
          }
        }
      }
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  /**
   * How a canvas reports a colour it was given: {@code #rrggbb} when opaque, else {@code rgba(r, g, b, a)} (HTML's
   * serialisation of a canvas colour).
   */
  public static String serialize(int argb) {
    int a = argb >>> 24;
    int r = (argb >> 16) & 0xff;
    int g = (argb >> 8) & 0xff;
    int b = argb & 0xff;
    if (a == 255) {
      return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
    return "rgba(" + r + ", " + g + ", " + b + ", " + alphaText(a) + ")";
  }

  private static String alphaText(int a) {
    if (a == 0) {
      return "0";
    }
    // the shortest decimal that maps back to the same byte, as browsers print it
    for (int digits = 1; digits <= 3; digits++) {
      double scale = Math.pow(10, digits);
      double v = Math.round(a / 255.0 * scale) / scale;
      if ((int) Math.round(v * 255) == a) {
        String t = String.format(Locale.ROOT, "%." + digits + "f", v);
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
    }
    return String.format(Locale.ROOT, "%.3f", a / 255.0);
  }

  private static OptionalInt hex(String h) {
    for (int i = 0; i < h.length(); i++) {
      if (Character.digit(h.charAt(i), 16) < 0) {
        return OptionalInt.empty();
      }
    }
    return switch (h.length()) {
      case 3, 4 -> {
        int r = Character.digit(h.charAt(0), 16) * 17;
        int g = Character.digit(h.charAt(1), 16) * 17;
        int b = Character.digit(h.charAt(2), 16) * 17;
        int a = h.length() == 4 ? Character.digit(h.charAt(3), 16) * 17 : 255;
        yield OptionalInt.of(argb(a, r, g, b));
      }
      case 6, 8 -> {
        int r = Integer.parseInt(h.substring(0, 2), 16);
        int g = Integer.parseInt(h.substring(2, 4), 16);
        int b = Integer.parseInt(h.substring(4, 6), 16);
        int a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
        yield OptionalInt.of(argb(a, r, g, b));
      }
      default -> OptionalInt.empty();
    };
  }

  /** Splits {@code a, b, c[, d]} or {@code a b c[ / d]}; null when neither shape. */
  private static String[] arguments(String inner) {
    String s = inner.strip();
    if (s.contains(",")) {
      String[] parts = s.split(",", -1);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parts[i].strip();
      }
      return parts.length == 3 || parts.length == 4 ? parts : null;
    }
    String alpha = null;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      alpha = s.substring(slash + 1).strip();
      s = s.substring(0, slash).strip();
    }
    String[] parts = s.split("\\s+");
    if (parts.length != 3) {
      return null;
    }
    return alpha == null ? parts : new String[] {parts[0], parts[1], parts[2], alpha};
  }

  private static OptionalInt rgb(String[] a) {
    boolean percent = a[0].endsWith("%");
    int[] c = new int[3];
    for (int i = 0; i < 3; i++) {
      if (a[i].endsWith("%") != percent) {
        return OptionalInt.empty();
      }
      double v = percent ? number(a[i].substring(0, a[i].length() - 1)) * 2.55 : number(a[i]);
      c[i] = clampByte(v);
    }
    return OptionalInt.of(argb(alpha(a), c[0], c[1], c[2]));
  }

  private static OptionalInt hsl(String[] a) {
    String hText = a[0].endsWith("deg") ? a[0].substring(0, a[0].length() - 3) : a[0];
    if (!a[1].endsWith("%") || !a[2].endsWith("%")) {
      return OptionalInt.empty();
    }
    double h = ((number(hText) % 360) + 360) % 360 / 360;
    double s = clamp01(number(a[1].substring(0, a[1].length() - 1)) / 100);
    double l = clamp01(number(a[2].substring(0, a[2].length() - 1)) / 100);
    double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    double p = 2 * l - q;
    return OptionalInt.of(argb(alpha(a), clampByte(hue(p, q, h + 1.0 / 3) * 255), clampByte(hue(p, q, h) * 255),
        clampByte(hue(p, q, h - 1.0 / 3) * 255)));
  }

  private static double hue(double p, double q, double t) {
    double x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (x < 1.0 / 6) {
      return p + (q - p) * 6 * x;
    }
    if (x < 0.5) {
      return q;
    }
    if (x < 2.0 / 3) {
      return p + (q - p) * (2.0 / 3 - x) * 6;
    }
    return p;
  }

  private static int alpha(String[] a) {
    if (a.length < 4) {
      return 255;
    }
    String t = a[3];
    double v = t.endsWith("%") ? number(t.substring(0, t.length() - 1)) / 100 : number(t);
    return clampByte(clamp01(v) * 255);
  }

  private static double number(String t) {
    String s = t.strip();
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
      throw new NumberFormatException(t);
    }
    double v = Double.parseDouble(s);
    if (!Double.isFinite(v)) {
      throw new NumberFormatException(t);
    }
    return v;
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static int clampByte(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  static int argb(int a, int r, int g, int b) {
    return (a << 24) | (r << 16) | (g << 8) | b;
  }
}
