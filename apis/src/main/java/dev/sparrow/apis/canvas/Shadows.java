package dev.sparrow.apis.canvas;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Canvas shadows: the drawing's alpha, in the shadow colour, offset by (x, y) device pixels and blurred with a
 * Gaussian of σ = blur / 2 (HTML's definition), approximated by three box blurs.
 */
final class Shadows {
  private Shadows() {}

  /** A new layer holding only the shadow of {@code layer}. */
  static BufferedImage of(BufferedImage layer, int argb, double blur, double dx, double dy) {
    int w = layer.getWidth();
    int h = layer.getHeight();
    int[] src = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
    float[] alpha = new float[w * h];
    int ox = (int) Math.round(dx);
    int oy = (int) Math.round(dy);
    for (int y = 0; y < h; y++) {
      int sy = y - oy;
      if (sy < 0 || sy >= h) {
        continue;
      }
      for (int x = 0; x < w; x++) {
        int sx = x - ox;
        if (sx >= 0 && sx < w) {
          alpha[y * w + x] = (src[sy * w + sx] >>> 24) / 255f;
        }
      }
    }
    double sigma = blur / 2;
    if (sigma > 0) {
      int[] boxes = boxes(sigma);
      float[] tmp = new float[w * h];
      for (int box : boxes) {
        int r = box / 2;
        horizontal(alpha, tmp, w, h, r);
        vertical(tmp, alpha, w, h, r);
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int ca = argb >>> 24;
    int cr = (argb >> 16) & 0xff;
    int cg = (argb >> 8) & 0xff;
    int cb = argb & 0xff;
    for (int i = 0; i < dst.length; i++) {
      float a = alpha[i] * ca;
      if (a > 0.5f) {
        int ai = Math.min(255, Math.round(a));
        dst[i] = ai << 24 | Context2D.premultiply(cr, ai) << 16 | Context2D.premultiply(cg, ai) << 8 | Context2D.premultiply(cb, ai);
      }
    }
    return out;
  }

  /** Three box widths whose successive blurs approximate a Gaussian of {@code sigma}. */
  private static int[] boxes(double sigma) {
    double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
    int lower = (int) Math.floor(ideal);
    if (lower % 2 == 0) {
      lower--;
    }
    int upper = lower + 2;
    double m = (12 * sigma * sigma - 3 * lower * lower - 12 * lower - 9) / (-4.0 * lower - 4);
    long small = Math.round(m);
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      out[i] = i < small ? lower : upper;
    }
    return out;
  }

  private static void horizontal(float[] in, float[] out, int w, int h, int r) {
    float scale = 1f / (2 * r + 1);
    for (int y = 0; y < h; y++) {
      int row = y * w;
      float sum = 0;
      for (int x = -r; x <= r; x++) {
        sum += x >= 0 && x < w ? in[row + x] : 0;
      }
      for (int x = 0; x < w; x++) {
        out[row + x] = sum * scale;
        int add = x + r + 1;
        int sub = x - r;
        sum += (add < w ? in[row + add] : 0) - (sub >= 0 ? in[row + sub] : 0);
      }
    }
  }

  private static void vertical(float[] in, float[] out, int w, int h, int r) {
    float scale = 1f / (2 * r + 1);
    for (int x = 0; x < w; x++) {
      float sum = 0;
      for (int y = -r; y <= r; y++) {
        sum += y >= 0 && y < h ? in[y * w + x] : 0;
      }
      for (int y = 0; y < h; y++) {
        out[y * w + x] = sum * scale;
        int add = y + r + 1;
        int sub = y - r;
        sum += (add < h ? in[add * w + x] : 0) - (sub >= 0 ? in[sub * w + x] : 0);
      }
    }
  }
}
