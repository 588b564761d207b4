package dev.sparrow.apis.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      var g = rgb.createGraphics();
      g.setColor(java.awt.Color.WHITE);
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
      if (Files.size(tmp) >= Files.size(source)) {
        return false;
      }
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return true;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static BufferedImage decode(Path source) throws IOException {
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
        int step = (side + MAX_SIDE - 1) / MAX_SIDE;
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
