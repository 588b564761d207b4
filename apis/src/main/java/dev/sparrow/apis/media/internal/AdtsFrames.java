package dev.sparrow.apis.media.internal;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Walks a raw AAC (ADTS) stream: each frame holds 1024 samples per raw data block. */
public final class AdtsFrames {
  private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

  private AdtsFrames() {}

  /** Scans to the end; returns the count in the same shape as MP3's. */
  public static Mp3Frames.Count scan(BufferedInputStream in) throws IOException {
    Mp3Frames.skipId3(in);
    byte[] h = new byte[7];
    long samples = 0;
    long frames = 0;
    int rate = 0;
    while (true) {
      in.mark(8);
      if (in.readNBytes(h, 0, 7) < 7) {
        break;
      }
      if ((h[0] & 0xff) != 0xff || (h[1] & 0xf6) != 0xf0) {
        in.reset();
        in.skipNBytes(1);
        continue;
      }
      int rateIndex = (h[2] >> 2) & 0xf;
      int length = ((h[3] & 0x3) << 11) | ((h[4] & 0xff) << 3) | ((h[5] & 0xe0) >> 5);
      if (rateIndex >= RATES.length || length < 7) {
        in.reset();
        in.skipNBytes(1);
        continue;
      }
      rate = RATES[rateIndex];
      int blocks = (h[6] & 0x3) + 1;
      long left = length - 7;
      while (left > 0) {
        long s = in.skip(left);
        if (s <= 0) {
          if (in.read() < 0) {
            break;
          }
          s = 1;
        }
        left -= s;
      }
      if (left > 0) {
        break;
      }
      frames++;
      samples += 1024L * blocks;
    }
    return new Mp3Frames.Count(samples, rate, frames);
  }
}
