package dev.sparrow.apis.media;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.imaging.quicktime.QuickTimeMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a video's size and length from its MP4 / QuickTime boxes with metadata-extractor (the
 * {@code moov} box only; no frame is decoded), for {@code chooseMedia}'s video entries.
 */
public final class VideoHeaders {
  /**
   * A video as its headers describe it.
   *
   * @param durationSeconds the movie's length (mvhd duration / timescale)
   */
  public record VideoInfo(int width, int height, double durationSeconds) {}

  private VideoHeaders() {}

  /** The video's info, or empty when the file is not an MP4/QuickTime video with a video track. */
  public static Optional<VideoInfo> read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file); BufferedInputStream in = new BufferedInputStream(raw, 8192)) {
      FileType type = FileTypeDetector.detectFileType(in);
      return switch (type) {
        case Mp4 -> info(Mp4MetadataReader.readMetadata(in), Mp4Directory.class, Mp4Directory.TAG_DURATION,
            Mp4Directory.TAG_TIME_SCALE, Mp4VideoDirectory.class, Mp4VideoDirectory.TAG_WIDTH, Mp4VideoDirectory.TAG_HEIGHT);
        case QuickTime -> info(QuickTimeMetadataReader.readMetadata(in), QuickTimeDirectory.class, QuickTimeDirectory.TAG_DURATION,
            QuickTimeDirectory.TAG_TIME_SCALE, QuickTimeVideoDirectory.class, QuickTimeVideoDirectory.TAG_WIDTH,
            QuickTimeVideoDirectory.TAG_HEIGHT);
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.empty(); // a box the reader could not follow: not a video we can describe
    }
  }

  private static Optional<VideoInfo> info(Metadata m, Class<? extends Directory> movieType, int durationTag, int scaleTag,
      Class<? extends Directory> videoType, int widthTag, int heightTag) {
    Directory movie = m.getFirstDirectoryOfType(movieType);
    Directory video = m.getFirstDirectoryOfType(videoType);
    if (movie == null || video == null || !video.containsTag(widthTag) || !video.containsTag(heightTag)) {
      return Optional.empty();
    }
    Long duration = movie.getLongObject(durationTag);
    Long scale = movie.getLongObject(scaleTag);
    double seconds = duration == null || scale == null || scale == 0 ? 0 : duration / (double) scale;
    Integer w = video.getInteger(widthTag);
    Integer h = video.getInteger(heightTag);
    return w == null || h == null ? Optional.empty() : Optional.of(new VideoInfo(w, h, seconds));
  }
}
