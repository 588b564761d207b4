package dev.sparrow.apis.canvas;

import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.TexturePaint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A fill or stroke style: a colour, a gradient or a pattern, as AWT paints in the canvas's user space. */
public sealed interface CanvasStyle {
  /** The paint, or null when this style paints nothing (a gradient without stops, or of zero extent). */
  Paint paint(float alpha);

  /** A plain colour (non-premultiplied ARGB). */
  record Solid(int argb) implements CanvasStyle {
    @Override
    public Paint paint(float alpha) {
      int a = Math.round((argb >>> 24) * alpha);
      return new Color((argb & 0xffffff) | (a << 24), true);
    }
  }

  /** One colour stop. */
  record Stop(double offset, int argb) {}

  /**
   * {@code createLinearGradient(x0, y0, x1, y1)} ({@code radial} false, r0 = r1 = 0) or {@code
   * createRadialGradient(x0, y0, r0, x1, y1, r1)}. Stops keep their order; equal offsets make hard edges.
   * Two-circle radial gradients whose circles are not concentric are drawn from the second circle with its focus
   * at the first centre (AWT's model), which matches browsers when r0 is 0.
   */
  record Gradient(boolean radial, double x0, double y0, double r0, double x1, double y1, double r1, List<Stop> stops)
      implements CanvasStyle {
    @Override
    public Paint paint(float alpha) {
      if (stops.isEmpty()) {
        return null;
      }
      List<Stop> s = new ArrayList<>(stops);
      s.sort((a, b) -> Double.compare(a.offset(), b.offset()));
      if (s.size() == 1) {
        return new Solid(s.get(0).argb()).paint(alpha);
      }
      if (!radial && x0 == x1 && y0 == y1) {
        return null;
      }
      if (radial && (r1 <= 0 && r0 <= 0 || r0 == r1 && x0 == x1 && y0 == y1)) {
        return null;
      }
      double inner = 0;
      double outer = r1;
      if (radial && x0 == x1 && y0 == y1 && r0 > 0) {
        // concentric: AWT's gradient starts at the centre; move the stops out to [r0, r1]
        outer = Math.max(r0, r1);
        inner = Math.min(r0, r1) / outer;
        if (r0 > r1) {
          List<Stop> reversed = new ArrayList<>();
          for (int i = s.size() - 1; i >= 0; i--) {
            reversed.add(new Stop(1 - s.get(i).offset(), s.get(i).argb()));
          }
          s = reversed;
        }
      }
      int n = s.size() + (inner > 0 ? 1 : 0);
      float[] fractions = new float[n];
      Color[] colors = new Color[n];
      int k = 0;
      if (inner > 0) {
        fractions[k] = 0;
        colors[k++] = (Color) new Solid(s.get(0).argb()).paint(alpha);
      }
      float last = -1;
      for (Stop stop : s) {
        float f = (float) (inner + Math.max(0, Math.min(1, stop.offset())) * (1 - inner));
        if (f <= last) {
          f = Math.nextUp(last);
        }
        fractions[k] = f;
        colors[k++] = (Color) new Solid(stop.argb()).paint(alpha);
        last = f;
      }
      if (fractions[n - 1] > 1) {
        // hard stops crowded at 1: shift them back below it
        for (int i = n - 1; i >= 0 && fractions[i] > 1 - (n - 1 - i) * Math.ulp(1f); i--) {
          fractions[i] = 1 - (n - 1 - i) * Math.ulp(1f);
        }
      }
      if (!radial) {
        return new LinearGradientPaint(new Point2D.Double(x0, y0), new Point2D.Double(x1, y1), fractions, colors,
            MultipleGradientPaint.CycleMethod.NO_CYCLE);
      }
      return new RadialGradientPaint(new Point2D.Double(x1, y1), (float) outer, new Point2D.Double(x0, y0), fractions,
          colors, MultipleGradientPaint.CycleMethod.NO_CYCLE);
    }
  }

  /** {@code createPattern(image, repetition)}: repeat, repeat-x, repeat-y or no-repeat. */
  record Pattern(BufferedImage image, String repetition) implements CanvasStyle {
    @Override
    public Paint paint(float alpha) {
      return new TexturePaint(image, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
    }

    /** The part of user space the pattern covers (null: all of it). */
    Rectangle2D extent() {
      double big = 1e7;
      return switch (repetition) {
        case "no-repeat" -> new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight());
        case "repeat-x" -> new Rectangle2D.Double(-big, 0, 2 * big, image.getHeight());
        case "repeat-y" -> new Rectangle2D.Double(0, -big, image.getWidth(), 2 * big);
        default -> null;
      };
    }
  }
}
