package dev.sparrow.apis.media;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@code sizeType: compressed}: re-encodes an image as a smaller JPEG. Images wider or taller than
 * {@link #MAX_SIDE} are subsampled while decoding (the whole 24-megapixel photo is never held).
 * The result is kept only if it really is smaller; otherwise the caller keeps the original.
 */
public final class ImageCompressor {
  /** Longest side of a compressed image; phones' "compressed" photos are about this size. */
  public static final int MAX_SIDE = 1920;

  private ImageCompressor() {}

  /**
   * Writes the compressed form of {@code source} to {@code target}; returns false (and leaves
   * {@code target} alone) when ImageIO cannot decode it or the JPEG would not be smaller.
   */
  public static boolean compress(Path source, Path target, float quality) throws IOException {
    BufferedImage image = decode(source);
    if (image == null) {
      return false;
    }
    return writeJpeg(image, target, quality, Files.size(source));
  }

  /**
   * {@code wx.compressImage}: {@code source} as a JPEG of {@code quality} (0–1) at {@code width}×{@code height}
   * (0: from the other side's ratio; both 0: the image's own size, up to 4096 px on the longest side), written to
   * {@code target} whatever its size; false when ImageIO cannot decode the image.
   */
  public static boolean compressTo(Path source, Path target, float quality, int width, int height) throws IOException {
    int wanted = Math.max(width, height);
    BufferedImage image = decode(source, wanted > 0 ? Math.max(wanted, 1) * 2 : 4096);
    if (image == null) {
      return false;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int tw = width > 0 ? width : height > 0 ? (int) Math.max(1, Math.round((double) w * height / h)) : w;
    int th = height > 0 ? height : width > 0 ? (int) Math.max(1, Math.round((double) h * width / w)) : h;
    if (tw != w || th != h) {
      BufferedImage scaled = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
      var g = scaled.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, tw, th);
      g.drawImage(image, 0, 0, tw, th, null);
      g.dispose();
      image = scaled;
    }
    return writeJpeg(image, target, quality, Long.MAX_VALUE);
  }

  /** Writes {@code image} as a JPEG to {@code target} unless it would not be smaller than {@code limit} bytes. */
  private static boolean writeJpeg(BufferedImage image, Path target, float quality, long limit) throws IOException {
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      var g = rgb.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    Path tmp = Files.createTempFile(target.getParent(), ".compress-", ".jpg");
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (OutputStream out = Files.newOutputStream(tmp); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        writer.write(null, new IIOImage(rgb, null, null), p);
      } finally {
        writer.dispose();
      }
      if (Files.size(tmp) >= limit) {
        return false;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static BufferedImage decode(Path source) throws IOException {
    return decode(source, MAX_SIDE);
  }

  /** Decodes {@code source}, subsampled while reading so that its longest side stays near {@code maxSide}. */
  private static BufferedImage decode(Path source, int maxSide) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int side = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (side + maxSide - 1) / maxSide;
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }
}
