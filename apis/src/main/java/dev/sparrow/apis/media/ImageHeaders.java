package dev.sparrow.apis.media;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.bmp.BmpMetadataReader;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an image's size, type and EXIF orientation from its headers with metadata-extractor — never
 * by decoding pixels. JPEG reading stops at the first scan (only SOF and APP1 segments are read).
 */
public final class ImageHeaders {
  /** EXIF orientation 1–8 → WeChat's names (spec media.md §3). */
  private static final List<String> ORIENTATIONS =
      List.of("up", "up", "up-mirrored", "down", "down-mirrored", "left-mirrored", "right", "right-mirrored", "left");

  private ImageHeaders() {}

  /**
   * The image's info, or empty when the file is not an image these headers describe.
   *
   * @param webpType the type name reported for WebP ({@link MediaSettings#webpType()})
   */
  public static Optional<ImageInfo> read(Path file, String webpType) throws IOException {
    try (InputStream raw = Files.newInputStream(file); BufferedInputStream in = new BufferedInputStream(raw, 8192)) {
      FileType type = FileTypeDetector.detectFileType(in);
      return switch (type) {
        case Jpeg -> info(JpegMetadataReader.readMetadata(in, List.of(new JpegReader(), new ExifReader())),
            JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT, "jpeg");
        case Png -> info(PngMetadataReader.readMetadata(in), PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH,
            PngDirectory.TAG_IMAGE_HEIGHT, "png");
        case Gif -> info(GifMetadataReader.readMetadata(in), GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH,
            GifHeaderDirectory.TAG_IMAGE_HEIGHT, "gif");
        case Bmp -> info(BmpMetadataReader.readMetadata(in), BmpHeaderDirectory.class, BmpHeaderDirectory.TAG_IMAGE_WIDTH,
            BmpHeaderDirectory.TAG_IMAGE_HEIGHT, "unknown");
        case WebP -> info(WebpMetadataReader.readMetadata(in), WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH,
            WebpDirectory.TAG_IMAGE_HEIGHT, webpType);
        case Tiff -> info(TiffMetadataReader.readMetadata(new com.drew.lang.RandomAccessStreamReader(in)),
            ExifIFD0Directory.class, ExifIFD0Directory.TAG_IMAGE_WIDTH, ExifIFD0Directory.TAG_IMAGE_HEIGHT, "tiff");
        default -> Optional.empty();
      };
    } catch (ImageProcessingException | MetadataException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static <D extends Directory> Optional<ImageInfo> info(Metadata m, Class<D> dirType, int widthTag, int heightTag,
      String type) throws MetadataException {
    D dir = m.getFirstDirectoryOfType(dirType);
    if (dir == null || !dir.containsTag(widthTag) || !dir.containsTag(heightTag)) {
      return Optional.empty();
    }
    int width = dir.getInt(widthTag);
    int height = dir.getInt(heightTag);
    if (width <= 0 || height <= 0) {
      return Optional.empty();
    }
    return Optional.of(new ImageInfo(width, height, orientation(m), type));
  }

  private static String orientation(Metadata m) {
    for (ExifIFD0Directory exif : m.getDirectoriesOfType(ExifIFD0Directory.class)) {
      Integer o = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      if (o != null && o >= 1 && o <= 8) {
        return ORIENTATIONS.get(o);
      }
    }
    return "up";
  }
}
