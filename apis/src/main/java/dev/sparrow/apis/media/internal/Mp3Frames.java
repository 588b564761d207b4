package dev.sparrow.apis.media.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks an MPEG audio (MP3) stream frame by frame and counts its samples — CBR and VBR alike, in one
 * pass with a fixed buffer (a 10 MB stream is never held). The first frame may be a Xing/Info
 * header (not audio); its LAME tag gives the encoder delay and padding, which are subtracted, as
 * gapless decoders (and ffprobe) do.
 */
public final class Mp3Frames {
  private static final int[][] BITRATES_V1 = {
      {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // layer I
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // layer II
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}}; // layer III
  private static final int[][] BITRATES_V2 = {
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
  private static final int[] RATES_V1 = {44100, 48000, 32000};
  private static final int MAX_FRAME = 4 * 1441 + 8;

  private Mp3Frames() {}

  /** A parsed frame header. */
  record Header(int version, int layer, int sampleRate, int frameLength, int samples, boolean mono) {
    /** 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5. */
    boolean sameStream(Header o) {
      return version == o.version && layer == o.layer && sampleRate == o.sampleRate;
    }

    static Header parse(byte[] b, int off) {
      int b0 = b[off] & 0xff;
      int b1 = b[off + 1] & 0xff;
      int b2 = b[off + 2] & 0xff;
      int b3 = b[off + 3] & 0xff;
      if (b0 != 0xff || (b1 & 0xe0) != 0xe0) {
        return null;
      }
      int versionBits = (b1 >> 3) & 3;
      int layerBits = (b1 >> 1) & 3;
      int bitrateIndex = (b2 >> 4) & 0xf;
      int rateIndex = (b2 >> 2) & 3;
      if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
        return null;
      }
      int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
      int layer = 4 - layerBits;
      int rate = RATES_V1[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
      int kbps = (version == 1 ? BITRATES_V1 : BITRATES_V2)[layer - 1][bitrateIndex];
      int padding = (b2 >> 1) & 1;
      int length;
      int samples;
      if (layer == 1) {
        length = (12 * kbps * 1000 / rate + padding) * 4;
        samples = 384;
      } else if (layer == 2 || version == 1) {
        length = 144 * kbps * 1000 / rate + padding;
        samples = 1152;
      } else {
        length = 72 * kbps * 1000 / rate + padding;
        samples = 576;
      }
      boolean mono = ((b3 >> 6) & 3) == 3;
      return length < 4 ? null : new Header(version, layer, rate, length, samples, mono);
    }
  }

  /** Total audio samples and the sample rate of a stream. */
  public record Count(long samples, int sampleRate, long frames) {
    public long millis() {
      return sampleRate == 0 ? 0 : Math.round(samples * 1000.0 / sampleRate);
    }
  }

  /** Scans {@code in} to its end (ID3v2 at the start is skipped; trailing tags are ignored). */
  public static Count scan(InputStream raw) throws IOException {
    BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
    skipId3(in);
    byte[] frame = new byte[MAX_FRAME + 4];
    Header locked = null;
    long samples = 0;
    long frames = 0;
    long trim = 0;
    while (true) {
      in.mark(MAX_FRAME + 8);
      int n = in.readNBytes(frame, 0, 4);
      if (n < 4) {
        break;
      }
      Header h = Header.parse(frame, 0);
      if (h == null || (locked != null && !locked.sameStream(h))) {
        in.reset();
        in.skipNBytes(1);
        continue;
      }
      if (locked == null) {
        // a first frame must be followed by another of the same stream (or the end)
        int body = in.readNBytes(frame, 4, h.frameLength() - 4);
        int next = in.readNBytes(frame, h.frameLength(), 4);
        Header after = next == 4 ? Header.parse(frame, h.frameLength()) : null;
        if (body < h.frameLength() - 4 || (next == 4 && (after == null || !after.sameStream(h)))) {
          in.reset();
          in.skipNBytes(1);
          continue;
        }
        in.reset();
        in.skipNBytes(h.frameLength());
        locked = h;
        long gap = xingTrim(frame, h);
        if (gap >= 0) {
          trim = gap;
          continue; // the Xing/Info frame carries no audio
        }
      } else {
        long skipped = in.skip(h.frameLength() - 4);
        long left = h.frameLength() - 4 - skipped;
        while (left > 0 && in.read() >= 0) {
          left--;
        }
        if (left > 0) {
          break; // truncated last frame
        }
      }
      frames++;
      samples += h.samples();
    }
    if (locked == null) {
      return new Count(0, 0, 0);
    }
    return new Count(Math.max(0, samples - trim), locked.sampleRate(), frames);
  }

  /** For a Xing/Info frame: encoder delay + padding from its LAME tag (0 without one); -1 if not such a frame. */
  private static long xingTrim(byte[] f, Header h) {
    int side = h.version() == 1 ? (h.mono() ? 17 : 32) : (h.mono() ? 9 : 17);
    int at = 4 + side;
    if (at + 8 > h.frameLength()) {
      return -1;
    }
    String tag = new String(f, at, 4, StandardCharsets.ISO_8859_1);
    if (!tag.equals("Xing") && !tag.equals("Info")) {
      return -1;
    }
    int lame = at + 120;
    if (lame + 24 <= h.frameLength()) {
      String enc = new String(f, lame, 4, StandardCharsets.ISO_8859_1);
      if (enc.equals("LAME") || enc.equals("Lavf") || enc.equals("Lavc") || enc.startsWith("L3.")) {
        int d0 = f[lame + 21] & 0xff;
        int d1 = f[lame + 22] & 0xff;
        int d2 = f[lame + 23] & 0xff;
        int delay = (d0 << 4) | (d1 >> 4);
        int padding = ((d1 & 0xf) << 8) | d2;
        return delay + padding;
      }
    }
    return 0;
  }

  /** Skips ID3v2 tags at the current position (several may follow each other). */
  static void skipId3(BufferedInputStream in) throws IOException {
    byte[] h = new byte[10];
    while (true) {
      in.mark(10);
      if (in.readNBytes(h, 0, 10) < 10 || h[0] != 'I' || h[1] != 'D' || h[2] != '3') {
        in.reset();
        return;
      }
      long size = ((h[6] & 0x7f) << 21) | ((h[7] & 0x7f) << 14) | ((h[8] & 0x7f) << 7) | (h[9] & 0x7f);
      if ((h[5] & 0x10) != 0) {
        size += 10;
      }
      in.skipNBytes(size);
    }
  }
}
