package dev.sparrow.apis.canvas;

import dev.sparrow.apis.ApiFailure;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A canvas region as a picture file: {@code wx.canvasToTempFilePath} ({@code x, y, width, height} of the bitmap,
 * scaled to {@code destWidth × destHeight}, PNG or JPEG at {@code quality}) and {@code canvas.toDataURL}. JPEG has
 * no alpha: transparent pixels come out black, as a browser's {@code toDataURL('image/jpeg')} makes them.
 */
public final class CanvasExport {
  private CanvasExport() {}

  /** A rectangle of bitmap pixels (fractional allowed) and the output size. */
  public record Region(double x, double y, double width, double height, int destWidth, int destHeight) {}

  /**
   * Encodes {@code region} of {@code bitmap}. Fails with WeChat's {@code "create bitmap failed"} when the output is
   * empty or over {@code limits}.
   */
  public static byte[] encode(BufferedImage bitmap, Region region, boolean jpeg, double quality, CanvasLimits limits) {
    if (bitmap == null || region.destWidth() <= 0 || region.destHeight() <= 0 || region.width() <= 0 || region.height() <= 0
        || !limits.allows(region.destWidth(), region.destHeight())) {
      throw ApiFailure.of("create bitmap failed");
    }
    BufferedImage out = new BufferedImage(region.destWidth(), region.destHeight(),
        jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      if (jpeg) {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, region.destWidth(), region.destHeight());
      }
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.scale(region.destWidth() / region.width(), region.destHeight() / region.height());
      g.translate(-region.x(), -region.y());
      g.drawImage(bitmap, 0, 0, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(out, jpeg, quality, bytes);
    } catch (IOException e) {
      throw ApiFailure.of("create bitmap failed");
    }
    return bytes.toByteArray();
  }

  /** {@code toDataURL(type, quality)}: {@code image/jpeg} or PNG (any other type). */
  public static String dataUrl(BufferedImage bitmap, String type, double quality) {
    if (bitmap == null) {
      return "data:,";
    }
    boolean jpeg = "image/jpeg".equals(type);
    byte[] data = encode(bitmap, new Region(0, 0, bitmap.getWidth(), bitmap.getHeight(), bitmap.getWidth(), bitmap.getHeight()),
        jpeg, quality, new CanvasLimits(Integer.MAX_VALUE, Long.MAX_VALUE));
    return "data:image/" + (jpeg ? "jpeg" : "png") + ";base64," + Base64.getEncoder().encodeToString(data);
  }

  private static void write(BufferedImage image, boolean jpeg, double quality, OutputStream to) throws IOException {
    if (!jpeg) {
      ImageIO.write(image, "png", to);
      return;
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(to)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality((float) Math.max(0, Math.min(1, quality)));
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
