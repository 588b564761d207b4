package dev.sparrow.apis.canvas;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A canvas {@code font} value ({@code "bold 16px sans-serif"}): the CSS font shorthand — optional style, variant
 * and weight, a size in px, pt, em or rem (em and rem against the canvas default of 10px), an optional
 * {@code /line-height}, and a family list. Every family draws with the bundled face (WenQuanYi Micro Hei, cut to
 * Latin and the GB 2312 hanzi; see docs/decisions.md), so text looks the same on any machine; characters it lacks
 * fall back to the JDK's {@code SansSerif}. Bold and italic are synthesised from the one face, as browsers do.
 */
public record CanvasFont(boolean italic, boolean smallCaps, int weight, double size, String family, String css) {
  /** The canvas default. */
  public static final CanvasFont DEFAULT = new CanvasFont(false, false, 400, 10, "sans-serif", "10px sans-serif");
  /** The family name the simulator gives the same face ({@code FontFace}) so that both draw alike. */
  public static final String FACE_NAME = "Sparrow Sans";
  /** The bundled face's resource (TrueType), also served to the simulator. */
  public static final String FACE_RESOURCE = "/dev/sparrow/apis/canvas/wqy-microhei-gb2312.ttf";

  private static final Set<String> STYLE_WORDS = Set.of("normal", "italic", "oblique", "small-caps", "bold", "bolder",
      "lighter", "ultra-condensed", "extra-condensed", "condensed", "semi-condensed", "semi-expanded", "expanded",
      "extra-expanded", "ultra-expanded");
  private static final Font FACE = load();

  /** The value {@code text} sets, or empty when it is not a valid font (the canvas then keeps its font). */
  public static Optional<CanvasFont> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    boolean italic = false;
    boolean smallCaps = false;
    int weight = 400;
    int i = 0;
    List<String> pre = new ArrayList<>();
    while (true) {
      int sp = s.indexOf(' ', i);
      if (sp < 0) {
        return Optional.empty();
      }
      String word = s.substring(i, sp);
      String lower = word.toLowerCase(Locale.ROOT);
      if (STYLE_WORDS.contains(lower) || lower.matches("[1-9]00")) {
        pre.add(word);
        switch (lower) {
          case "italic", "oblique" -> italic = true;
          case "small-caps" -> smallCaps = true;
          case "bold", "bolder" -> weight = 700;
          case "lighter" -> weight = 300;
          default -> {
            if (lower.matches("[1-9]00")) {
              weight = Integer.parseInt(lower);
            }
          }
        }
        i = sp + 1;
        while (i < s.length() && s.charAt(i) == ' ') {
          i++;
        }
        if (pre.size() > 4) {
          return Optional.empty();
        }
        continue;
      }
      String sizeText = word;
      int slash = sizeText.indexOf('/');
      if (slash >= 0) {
        sizeText = sizeText.substring(0, slash);
      }
      double size = size(sizeText.toLowerCase(Locale.ROOT));
      if (!(size >= 0) || !Double.isFinite(size)) {
        return Optional.empty();
      }
      String family = s.substring(sp + 1).strip();
      if (family.isEmpty()) {
        return Optional.empty();
      }
      StringBuilder css = new StringBuilder();
      for (String p : pre) {
        if (!p.equalsIgnoreCase("normal")) {
          css.append(p).append(' ');
        }
      }
      css.append(number(size)).append("px ").append(family);
      return Optional.of(new CanvasFont(italic, smallCaps, weight, size, family, css.toString()));
    }
  }

  /** This font at another pixel size (the legacy {@code setFontSize}). */
  public CanvasFont withSize(double px) {
    String rest = css.substring(0, css.indexOf(number(size) + "px"));
    return new CanvasFont(italic, smallCaps, weight, px, family, rest + number(px) + "px " + family);
  }

  /** The AWT font whose outlines this one draws (bold and italic are applied to the outlines: {@link #bold()}). */
  public Font awt() {
    return FACE.deriveFont((float) size);
  }

  /** The JDK's fallback for characters the bundled face lacks. */
  Font fallback() {
    return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) size);
  }

  /** Bold: weights from 600 up (the face has one weight; outlines are thickened as browsers fake bold). */
  public boolean bold() {
    return weight >= 600;
  }

  /** Distance from the alphabetic baseline up to the font's ascent line, in px. */
  public double ascent() {
    return size * ASCENT;
  }

  /** Distance from the alphabetic baseline down to the font's descent line, in px. */
  public double descent() {
    return size * DESCENT;
  }

  // The bundled face's OS/2 typographic ascender and descender over its 2048 units per em: the metrics Chromium
  // places textBaseline top, middle, bottom… with (measured against it: the ink lands on the same pixel rows).
  private static final double ASCENT = 1567.0 / 2048;
  private static final double DESCENT = 492.0 / 2048;

  private static double size(String t) {
    try {
      if (t.endsWith("px")) {
        return Double.parseDouble(t.substring(0, t.length() - 2));
      }
      if (t.endsWith("pt")) {
        return Double.parseDouble(t.substring(0, t.length() - 2)) * 4 / 3;
      }
      if (t.endsWith("rem")) {
        return Double.parseDouble(t.substring(0, t.length() - 3)) * 10;
      }
      if (t.endsWith("em")) {
        return Double.parseDouble(t.substring(0, t.length() - 2)) * 10;
      }
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static Font load() {
    try (InputStream in = CanvasFont.class.getResourceAsStream(FACE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + FACE_RESOURCE);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException(e);
    }
  }
}
