package dev.sparrow.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The demo's pictures, drawn with Java2D on first use (nothing binary is committed, nothing is
 * borrowed): landscapes in a few palettes for the CDN and the headless album, and the music
 * player's cover art. Same bytes on every run (seeded noise, no fonts in the landscapes).
 */
final class Pictures {
  private Pictures() {}

  /** Sky, sun and water colours of a landscape. */
  enum Palette {
    DAWN(new Color(0xFF9A8B), new Color(0xFECFEF), new Color(0xFFE29F), new Color(0x5B6C8F)),
    FOREST(new Color(0x89C4F4), new Color(0xDFF3FF), new Color(0xFFF6C8), new Color(0x2E6B4F)),
    DUSK(new Color(0x2B1E4F), new Color(0xE96443), new Color(0xFFD26F), new Color(0x1D2B53));

    final Color skyTop;
    final Color skyBottom;
    final Color sun;
    final Color land;

    Palette(Color skyTop, Color skyBottom, Color sun, Color land) {
      this.skyTop = skyTop;
      this.skyBottom = skyBottom;
      this.sun = sun;
      this.land = land;
    }
  }

  /** A landscape of {@code w}×{@code h}: sky, sun, three mountain ridges and a lake, with a little grain. */
  static BufferedImage landscape(int w, int h, Palette p) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = smooth(img);
    int horizon = h * 62 / 100;
    g.setPaint(new GradientPaint(0, 0, p.skyTop, 0, horizon, p.skyBottom));
    g.fillRect(0, 0, w, horizon);
    float r = h * 0.11f;
    g.setPaint(new RadialGradientPaint(w * 0.68f, horizon * 0.55f, r * 2.2f, new float[] {0f, 0.45f, 1f},
        new Color[] {p.sun, withAlpha(p.sun, 120), withAlpha(p.sun, 0)}));
    g.fill(new Ellipse2D.Float(w * 0.68f - r * 2.2f, horizon * 0.55f - r * 2.2f, r * 4.4f, r * 4.4f));
    g.setColor(p.sun);
    g.fill(new Ellipse2D.Float(w * 0.68f - r, horizon * 0.55f - r, 2 * r, 2 * r));
    Random random = new Random(w * 7919L + h * 31L + p.ordinal());
    for (int layer = 0; layer < 3; layer++) {
      Color c = mix(p.land, p.skyBottom, 0.55 - layer * 0.22);
      g.setColor(c);
      g.fill(ridge(w, horizon, h * (0.18 - layer * 0.04), random));
    }
    g.setPaint(new GradientPaint(0, horizon, mix(p.skyBottom, p.land, 0.35), 0, h, mix(p.skyTop, p.land, 0.6)));
    g.fillRect(0, horizon, w, h - horizon);
    g.setColor(withAlpha(p.sun, 150));
    g.setStroke(new BasicStroke(Math.max(2, h / 160f)));
    for (int i = 1; i <= 6; i++) {
      int y = horizon + i * (h - horizon) / 8;
      int half = (int) (r * (1.4 - i * 0.15));
      g.drawLine((int) (w * 0.68f) - half, y, (int) (w * 0.68f) + half, y);
    }
    g.dispose();
    grain(img, random);
    return img;
  }

  /** The player's cover: a record with a sparrow on its label, on a warm background (no text: no fonts needed). */
  static BufferedImage cover(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = smooth(img);
    g.setPaint(new GradientPaint(0, 0, new Color(0xF6D365), size, size, new Color(0xFDA085)));
    g.fillRect(0, 0, size, size);
    float c = size / 2f;
    float disc = size * 0.36f;
    g.setColor(new Color(0x222222));
    g.fill(new Ellipse2D.Float(c - disc, c - disc * 1.05f, 2 * disc, 2 * disc));
    g.setColor(new Color(0x3A3A3A));
    g.setStroke(new BasicStroke(Math.max(1, size / 300f)));
    for (float ring = disc * 0.45f; ring < disc; ring += disc / 9) {
      g.draw(new Ellipse2D.Float(c - ring, c - disc * 0.05f - ring, 2 * ring, 2 * ring));
    }
    g.setColor(new Color(0x07C160));
    float label = disc * 0.34f;
    g.fill(new Ellipse2D.Float(c - label, c - disc * 0.05f - label, 2 * label, 2 * label));
    bird(g, c, c - disc * 0.05f, label * 0.8f);
    g.dispose();
    return img;
  }

  static byte[] jpeg(BufferedImage img, float quality) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A small bird in white, centred on ({@code x}, {@code y}), {@code r} wide on each side. */
  private static void bird(Graphics2D g, float x, float y, float r) {
    g.setColor(Color.WHITE);
    g.fill(new Ellipse2D.Float(x - r * 0.7f, y - r * 0.3f, r * 1.2f, r * 0.75f)); // body
    g.fill(new Ellipse2D.Float(x + r * 0.2f, y - r * 0.6f, r * 0.55f, r * 0.55f)); // head
    Path2D.Float tail = new Path2D.Float();
    tail.moveTo(x - r * 0.55f, y);
    tail.lineTo(x - r, y - r * 0.45f);
    tail.lineTo(x - r * 0.95f, y + r * 0.1f);
    tail.closePath();
    g.fill(tail);
    Path2D.Float beak = new Path2D.Float();
    beak.moveTo(x + r * 0.72f, y - r * 0.42f);
    beak.lineTo(x + r, y - r * 0.3f);
    beak.lineTo(x + r * 0.7f, y - r * 0.22f);
    beak.closePath();
    g.fill(beak);
    g.setColor(new Color(0x07C160));
    g.fill(new Ellipse2D.Float(x + r * 0.5f, y - r * 0.45f, r * 0.1f, r * 0.1f)); // eye
  }

  private static Path2D ridge(int w, int horizon, double height, Random random) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, horizon);
    int steps = 12;
    for (int i = 0; i <= steps; i++) {
      double x = w * i / (double) steps;
      double y = horizon - height * (0.35 + 0.65 * random.nextDouble());
      path.lineTo(x, y);
    }
    path.lineTo(w, horizon + 1);
    path.closePath();
    return path;
  }

  private static void grain(BufferedImage img, Random random) {
    for (int i = 0; i < img.getWidth() * img.getHeight() / 12; i++) {
      int x = random.nextInt(img.getWidth());
      int y = random.nextInt(img.getHeight());
      int rgb = img.getRGB(x, y);
      int d = random.nextInt(17) - 8;
      int r = clamp(((rgb >> 16) & 0xff) + d);
      int gr = clamp(((rgb >> 8) & 0xff) + d);
      int b = clamp((rgb & 0xff) + d);
      img.setRGB(x, y, (r << 16) | (gr << 8) | b);
    }
  }

  private static Graphics2D smooth(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  }

  private static Color mix(Color a, Color b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Color((int) (a.getRed() * (1 - u) + b.getRed() * u), (int) (a.getGreen() * (1 - u) + b.getGreen() * u),
        (int) (a.getBlue() * (1 - u) + b.getBlue() * u));
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
