package dev.sparrow.apis.canvas;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * {@code globalCompositeOperation} on premultiplied pixels: the Porter-Duff operators, {@code lighter}, and the
 * blend modes of W3C Compositing and Blending (separable and non-separable). Used for drawing that went through a
 * layer (shadows, soft clips, operators AWT lacks); a clip mask blends the result with what was there.
 */
final class Composites {
  private Composites() {}

  /**
   * Composites {@code layer}, whose top-left pixel is ({@code lx}, {@code ly}) of {@code target}, onto it with {@code
   * op}, inside {@code hardClip} (null: everywhere) and weighted by {@code mask}'s alpha (null: fully; same size and
   * place as the layer). {@code unbounded} operators also act where the layer is empty.
   */
  static void composite(BufferedImage layer, int lx, int ly, BufferedImage target, String op, Rectangle2D hardClip,
      BufferedImage mask, boolean unbounded) {
    int w = target.getWidth();
    int h = target.getHeight();
    int lw = layer.getWidth();
    int[] src = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
    int[] dst = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
    int[] m = mask == null ? null : ((DataBufferInt) mask.getRaster().getDataBuffer()).getData();
    int x0 = Math.max(0, lx);
    int y0 = Math.max(0, ly);
    int x1 = Math.min(w, lx + lw);
    int y1 = Math.min(h, ly + layer.getHeight());
    if (hardClip != null) {
      x0 = (int) Math.max(x0, Math.floor(hardClip.getMinX()));
      y0 = (int) Math.max(y0, Math.floor(hardClip.getMinY()));
      x1 = (int) Math.min(x1, Math.ceil(hardClip.getMaxX()));
      y1 = (int) Math.min(y1, Math.ceil(hardClip.getMaxY()));
    }
    if (op.equals("source-over")) {
      sourceOver(src, lx, ly, lw, dst, w, m, x0, y0, x1, y1);
      return;
    }
    float[] s = new float[4];
    float[] d = new float[4];
    float[] r = new float[4];
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = y * w + x;
        int li = (y - ly) * lw + (x - lx);
        int sp = src[li];
        if (sp == 0 && !unbounded) {
          continue;
        }
        int mk = m == null ? 255 : m[li] >>> 24;
        if (mk == 0) {
          continue;
        }
        int dp = dst[i];
        unpack(sp, s);
        unpack(dp, d);
        apply(op, s, d, r);
        if (mk < 255) {
          float k = mk / 255f;
          for (int c = 0; c < 4; c++) {
            r[c] = d[c] + (r[c] - d[c]) * k;
          }
        }
        dst[i] = pack(r);
      }
    }
  }

  /** The common case in integers: premultiplied source-over, weighted by the mask. */
  private static void sourceOver(int[] src, int lx, int ly, int lw, int[] dst, int w, int[] m, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int li = (y - ly) * lw + (x - lx);
        int sp = src[li];
        if (sp == 0) {
          continue;
        }
        int k = m == null ? 255 : m[li] >>> 24;
        if (k == 0) {
          continue;
        }
        if (k < 255) {
          sp = scale(sp, k);
        }
        int i = y * w + x;
        int inv = 255 - (sp >>> 24);
        dst[i] = inv == 0 ? sp : add(sp, scale(dst[i], inv));
      }
    }
  }

  private static int scale(int p, int k) {
    return ((((p >>> 24) * k + 127) / 255) << 24) | (((((p >> 16) & 0xff) * k + 127) / 255) << 16)
        | (((((p >> 8) & 0xff) * k + 127) / 255) << 8) | (((p & 0xff) * k + 127) / 255);
  }

  private static int add(int a, int b) {
    return Math.min(255, (a >>> 24) + (b >>> 24)) << 24 | Math.min(255, ((a >> 16) & 0xff) + ((b >> 16) & 0xff)) << 16
        | Math.min(255, ((a >> 8) & 0xff) + ((b >> 8) & 0xff)) << 8 | Math.min(255, (a & 0xff) + (b & 0xff));
  }

  private static void unpack(int p, float[] out) {
    out[0] = (p >>> 24) / 255f;
    out[1] = ((p >> 16) & 0xff) / 255f;
    out[2] = ((p >> 8) & 0xff) / 255f;
    out[3] = (p & 0xff) / 255f;
  }

  private static int pack(float[] v) {
    int a = clamp(v[0]);
    return a << 24 | Math.min(a, clamp(v[1])) << 16 | Math.min(a, clamp(v[2])) << 8 | Math.min(a, clamp(v[3]));
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v * 255)));
  }

  /** {@code r = op(s, d)}; arrays are {a, r, g, b}, colours premultiplied. */
  private static void apply(String op, float[] s, float[] d, float[] r) {
    float as = s[0];
    float ad = d[0];
    switch (op) {
      case "source-over" -> porterDuff(s, d, r, 1, 1 - as);
      case "source-in" -> porterDuff(s, d, r, ad, 0);
      case "source-out" -> porterDuff(s, d, r, 1 - ad, 0);
      case "source-atop" -> porterDuff(s, d, r, ad, 1 - as);
      case "destination-over" -> porterDuff(s, d, r, 1 - ad, 1);
      case "destination-in" -> porterDuff(s, d, r, 0, as);
      case "destination-out" -> porterDuff(s, d, r, 0, 1 - as);
      case "destination-atop" -> porterDuff(s, d, r, 1 - ad, as);
      case "copy" -> porterDuff(s, d, r, 1, 0);
      case "xor" -> porterDuff(s, d, r, 1 - ad, 1 - as);
      case "lighter" -> {
        for (int c = 0; c < 4; c++) {
          r[c] = Math.min(1, s[c] + d[c]);
        }
      }
      default -> blend(op, s, d, r);
    }
  }

  private static void porterDuff(float[] s, float[] d, float[] r, float fa, float fb) {
    for (int c = 0; c < 4; c++) {
      r[c] = s[c] * fa + d[c] * fb;
    }
  }

  private static void blend(String op, float[] s, float[] d, float[] r) {
    float as = s[0];
    float ab = d[0];
    float[] cs = {as > 0 ? s[1] / as : 0, as > 0 ? s[2] / as : 0, as > 0 ? s[3] / as : 0};
    float[] cb = {ab > 0 ? d[1] / ab : 0, ab > 0 ? d[2] / ab : 0, ab > 0 ? d[3] / ab : 0};
    float[] b = new float[3];
    switch (op) {
      case "hue" -> setLum(setSat(cs, sat(cb)), lum(cb), b);
      case "saturation" -> setLum(setSat(cb, sat(cs)), lum(cb), b);
      case "color" -> setLum(cs, lum(cb), b);
      case "luminosity" -> setLum(cb, lum(cs), b);
      default -> {
        for (int c = 0; c < 3; c++) {
          b[c] = separable(op, cb[c], cs[c]);
        }
      }
    }
    r[0] = as + ab * (1 - as);
    for (int c = 0; c < 3; c++) {
      r[c + 1] = s[c + 1] * (1 - ab) + d[c + 1] * (1 - as) + as * ab * b[c];
    }
  }

  private static float separable(String op, float cb, float cs) {
    return switch (op) {
      case "multiply" -> cb * cs;
      case "screen" -> cb + cs - cb * cs;
      case "overlay" -> hardLight(cs, cb);
      case "darken" -> Math.min(cb, cs);
      case "lighten" -> Math.max(cb, cs);
      case "color-dodge" -> cb == 0 ? 0 : cs >= 1 ? 1 : Math.min(1, cb / (1 - cs));
      case "color-burn" -> cb >= 1 ? 1 : cs <= 0 ? 0 : 1 - Math.min(1, (1 - cb) / cs);
      case "hard-light" -> hardLight(cb, cs);
      case "soft-light" -> {
        if (cs <= 0.5f) {
          yield cb - (1 - 2 * cs) * cb * (1 - cb);
        }
        float dd = cb <= 0.25f ? ((16 * cb - 12) * cb + 4) * cb : (float) Math.sqrt(cb);
        yield cb + (2 * cs - 1) * (dd - cb);
      }
      case "difference" -> Math.abs(cb - cs);
      case "exclusion" -> cb + cs - 2 * cb * cs;
      default -> cs;
    };
  }

  private static float hardLight(float cb, float cs) {
    return cs <= 0.5f ? cb * 2 * cs : cb + (2 * cs - 1) - cb * (2 * cs - 1);
  }

  private static float lum(float[] c) {
    return 0.3f * c[0] + 0.59f * c[1] + 0.11f * c[2];
  }

  private static float sat(float[] c) {
    return Math.max(c[0], Math.max(c[1], c[2])) - Math.min(c[0], Math.min(c[1], c[2]));
  }

  private static void setLum(float[] c, float l, float[] out) {
    float dl = l - lum(c);
    float r = c[0] + dl;
    float g = c[1] + dl;
    float b = c[2] + dl;
    float ll = 0.3f * r + 0.59f * g + 0.11f * b;
    float n = Math.min(r, Math.min(g, b));
    float x = Math.max(r, Math.max(g, b));
    if (n < 0) {
      r = ll + (r - ll) * ll / (ll - n);
      g = ll + (g - ll) * ll / (ll - n);
      b = ll + (b - ll) * ll / (ll - n);
    }
    if (x > 1) {
      r = ll + (r - ll) * (1 - ll) / (x - ll);
      g = ll + (g - ll) * (1 - ll) / (x - ll);
      b = ll + (b - ll) * (1 - ll) / (x - ll);
    }
    out[0] = r;
    out[1] = g;
    out[2] = b;
  }

  private static float[] setSat(float[] c, float s) {
    float max = Math.max(c[0], Math.max(c[1], c[2]));
    float min = Math.min(c[0], Math.min(c[1], c[2]));
    float[] out = new float[3];
    if (max > min) {
      for (int i = 0; i < 3; i++) {
        out[i] = (c[i] - min) * s / (max - min);
      }
    }
    return out;
  }
}
