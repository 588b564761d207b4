package dev.sparrow.apis.media;

import dev.sparrow.apis.media.internal.AdtsFrames;
import dev.sparrow.apis.media.internal.Mp3Frames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.jaudiotagger.audio.AudioFileIO;

/**
 * An audio source's real duration, read the way its format allows, in one pass and without holding
 * it in memory: MP3 by a frame walk (VBR-exact, gapless-trimmed), raw AAC by an ADTS frame walk,
 * WAV from its header (javax.sound), M4A through jaudiotagger (which needs a file: streams are
 * spooled to one). The format is recognised from the first bytes, not the name.
 */
public final class AudioDuration {
  /** jaudiotagger logs every file it reads through JUL; held so the setting is not collected. */
  private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

  static {
    JAUDIOTAGGER.setLevel(Level.OFF);
  }

  /** Formats recognised from the first bytes. */
  public enum Format { MP3, AAC, WAV, M4A, UNKNOWN }

  private AudioDuration() {}

  /** Duration of a local file in ms; empty if the format is not audio Sparrow can read. */
  public static OptionalLong ofFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file, null);
    }
  }

  /**
   * Duration of a stream in ms, read to its end (callers count the bytes for download progress).
   *
   * @param spool an empty file an M4A stream is copied into (M4A keeps its index anywhere in the file)
   */
  public static OptionalLong ofStream(InputStream in, Path spool) throws IOException {
    return read(in, null, spool);
  }

  private static OptionalLong read(InputStream raw, Path file, Path spool) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    Format format = detect(in);
    switch (format) {
      case WAV:
        try {
          AudioFileFormat f = AudioSystem.getAudioFileFormat(in);
          long frames = f.getFrameLength();
          float rate = f.getFormat().getFrameRate();
          in.transferTo(OutputStream.nullOutputStream());
          return frames < 0 || rate <= 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(frames * 1000.0 / rate));
        } catch (UnsupportedAudioFileException e) {
          return OptionalLong.empty();
        }
      case M4A:
        Path target = file;
        if (target == null) {
          try (OutputStream out = Files.newOutputStream(spool)) {
            in.transferTo(out);
          }
          target = spool;
        }
        try {
          double seconds = AudioFileIO.readAs(target.toFile(), "m4a").getAudioHeader().getPreciseTrackLength();
          return seconds > 0 ? OptionalLong.of(Math.round(seconds * 1000)) : OptionalLong.empty();
        } catch (Exception e) {
          return OptionalLong.empty();
        }
      case AAC:
        Mp3Frames.Count aac = AdtsFrames.scan(in);
        return aac.frames() == 0 ? OptionalLong.empty() : OptionalLong.of(aac.millis());
      case MP3:
        Mp3Frames.Count mp3 = Mp3Frames.scan(in);
        return mp3.frames() == 0 ? OptionalLong.empty() : OptionalLong.of(mp3.millis());
      default:
        in.transferTo(OutputStream.nullOutputStream());
        return OptionalLong.empty();
    }
  }

  /** Recognises the format from the first bytes; the stream is left where it was. */
  public static Format detect(BufferedInputStream in) throws IOException {
    in.mark(16);
    byte[] h = in.readNBytes(12);
    in.reset();
    if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'A' && h[10] == 'V' && h[11] == 'E') {
      return Format.WAV;
    }
    if (h.length >= 8 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p') {
      return Format.M4A;
    }
    if (h.length >= 3 && h[0] == 'I' && h[1] == 'D' && h[2] == '3') {
      return firstSyncIsAdts(in) ? Format.AAC : Format.MP3;
    }
    if (h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0) {
      return (h[1] & 0x06) == 0 ? Format.AAC : Format.MP3;
    }
    return Format.UNKNOWN;
  }

  private static boolean firstSyncIsAdts(BufferedInputStream in) throws IOException {
    in.mark(1 << 20);
    try {
      byte[] h = new byte[10];
      if (in.readNBytes(h, 0, 10) < 10) {
        return false;
      }
      long size = ((h[6] & 0x7f) << 21) | ((h[7] & 0x7f) << 14) | ((h[8] & 0x7f) << 7) | (h[9] & 0x7f);
      if (size > (1 << 20) - 16) {
        return false;
      }
      in.skipNBytes(size);
      int b0 = in.read();
      int b1 = in.read();
      return b0 == 0xff && (b1 & 0xf6) == 0xf0;
    } finally {
      in.reset();
    }
  }
}
