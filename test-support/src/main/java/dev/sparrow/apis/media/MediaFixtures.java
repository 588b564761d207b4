package dev.sparrow.apis.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Media fixtures generated on the spot (nothing binary is committed): images of known size, type
 * and EXIF orientation (WebP written by hand as a one-colour lossless VP8L), WAV files of known
 * length (javax.sound), MP3 files (jump3r, a LAME port; its console output is silenced) and MP4
 * files whose boxes describe a video of known size and length (headers only: no frames).
 */
public final class MediaFixtures {
  private MediaFixtures() {}

  /** A picture (gradient plus noise, so JPEG compression has work to do) of {@code w}×{@code h}. */
  public static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, w, h, Color.BLUE));
    g.fillRect(0, 0, w, h);
    g.dispose();
    Random r = new Random(w * 31L + h);
    for (int i = 0; i < w * h / 8; i++) {
      img.setRGB(r.nextInt(w), r.nextInt(h), r.nextInt());
    }
    return img;
  }

  /** Writes an image with ImageIO ({@code jpeg}, {@code png}, {@code gif}, {@code bmp}). */
  public static Path image(Path file, String format, int w, int h) throws IOException {
    if (!ImageIO.write(picture(w, h), format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return file;
  }

  /** A JPEG carrying an EXIF APP1 segment with {@code Orientation} = {@code orientation} (1–8). */
  public static Path jpegWithOrientation(Path file, int w, int h, int orientation) throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(picture(w, h), "jpeg", jpeg);
    byte[] plain = jpeg.toByteArray();
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8); // header, IFD0 at 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0); // no next IFD
    byte[] exif = new byte[6 + tiff.capacity()];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
    System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(plain, 0, 2); // SOI
      int len = exif.length + 2;
      out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (len >> 8), (byte) len});
      out.write(exif);
      out.write(plain, 2, plain.length - 2);
    }
    return file;
  }

  /**
   * A lossless WebP (VP8L) of one colour: header, no transforms, five one-symbol prefix codes — so
   * every pixel takes zero bits. Valid per the WebP lossless spec and tiny at any size.
   */
  public static Path webp(Path file, int w, int h) throws IOException {
    Bits b = new Bits();
    b.put(w - 1, 14).put(h - 1, 14).put(0, 1).put(0, 3); // size, no alpha, version 0
    b.put(0, 1); // no transform
    b.put(0, 1); // no colour cache
    b.put(0, 1); // no meta prefix codes
    int[] symbols = {0x80, 0x40, 0x20, 0xff}; // green, red, blue, alpha
    for (int s : symbols) {
      b.put(1, 1).put(0, 1).put(1, 1).put(s, 8); // simple code, one symbol, 8-bit symbol
    }
    b.put(1, 1).put(0, 1).put(0, 1).put(0, 1); // distance code: simple, one 1-bit symbol 0
    byte[] bits = b.bytes();
    byte[] vp8l = new byte[1 + bits.length];
    vp8l[0] = 0x2f;
    System.arraycopy(bits, 0, vp8l, 1, bits.length);
    int chunk = vp8l.length + (vp8l.length & 1);
    ByteBuffer riff = ByteBuffer.allocate(20 + chunk).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + chunk)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII))
        .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
    Files.write(file, riff.array());
    return file;
  }

  /** LSB-first bit writer (the VP8L bit order). */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int acc;
    private int n;

    Bits put(int value, int bits) {
      for (int i = 0; i < bits; i++) {
        acc |= ((value >> i) & 1) << n;
        if (++n == 8) {
          out.write(acc);
          acc = 0;
          n = 0;
        }
      }
      return this;
    }

    byte[] bytes() {
      if (n > 0) {
        out.write(acc);
        acc = 0;
        n = 0;
      }
      return out.toByteArray();
    }
  }

  /**
   * An MP4 whose {@code moov} describes one {@code w}×{@code h} AVC video track of {@code millis}
   * (timescale 1000): ftyp, mvhd, tkhd, mdhd, hdlr "vide", vmhd and an {@code avc1} sample entry, empty
   * sample tables, no media data. Enough for a header reader, not for a player.
   */
  public static Path mp4(Path file, int w, int h, long millis) throws IOException {
    byte[] matrix = ByteBuffer.allocate(36).putInt(0x00010000).putInt(0).putInt(0).putInt(0).putInt(0x00010000).putInt(0)
        .putInt(0).putInt(0).putInt(0x40000000).array();
    byte[] mvhd = box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(0).putInt(0).putInt(1000).putInt((int) millis)
        .putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]).put(matrix).put(new byte[24]).putInt(2).array());
    byte[] tkhd = box("tkhd", ByteBuffer.allocate(84).putInt(3).putInt(0).putInt(0).putInt(1).putInt(0).putInt((int) millis)
        .put(new byte[8]).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).put(matrix)
        .putInt(w << 16).putInt(h << 16).array());
    byte[] mdhd = box("mdhd", ByteBuffer.allocate(24).putInt(0).putInt(0).putInt(0).putInt(1000).putInt((int) millis)
        .putShort((short) 0x55c4).putShort((short) 0).array());
    byte[] name = "VideoHandler\0".getBytes(StandardCharsets.US_ASCII);
    byte[] hdlr = box("hdlr", ByteBuffer.allocate(24 + name.length).putInt(0).putInt(0).put("vide".getBytes(StandardCharsets.US_ASCII))
        .put(new byte[12]).put(name).array());
    byte[] vmhd = box("vmhd", ByteBuffer.allocate(12).putInt(1).put(new byte[8]).array());
    byte[] avc1 = box("avc1", ByteBuffer.allocate(78).put(new byte[6]).putShort((short) 1).put(new byte[16]).putShort((short) w)
        .putShort((short) h).putInt(0x00480000).putInt(0x00480000).putInt(0).putShort((short) 1).put(new byte[32])
        .putShort((short) 0x18).putShort((short) -1).array());
    byte[] stsd = box("stsd", concat(ByteBuffer.allocate(8).putInt(0).putInt(1).array(), avc1));
    byte[] empty = ByteBuffer.allocate(8).array(); // version/flags, entry_count 0
    byte[] stbl = box("stbl", concat(stsd, box("stts", empty), box("stsc", empty), box("stsz", new byte[12]), box("stco", empty)));
    byte[] minf = box("minf", concat(vmhd, stbl));
    byte[] trak = box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr, minf))));
    byte[] ftyp = box("ftyp", "isom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(file, concat(ftyp, box("moov", concat(mvhd, trak))));
    return file;
  }

  private static byte[] box(String type, byte[] body) {
    return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
        .put(type.getBytes(StandardCharsets.US_ASCII)).put(body).array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A 16-bit PCM WAV of exactly {@code millis} of a 440 Hz tone. */
  public static Path wav(Path file, long millis, int sampleRate, int channels) throws IOException {
    long frames = millis * sampleRate / 1000;
    AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
    InputStream pcm = new InputStream() {
      long i;

      @Override
      public int read() {
        if (i >= frames * channels * 2) {
          return -1;
        }
        long sample = i / 2 / channels;
        int v = (int) (8000 * Math.sin(2 * Math.PI * 440 * sample / sampleRate));
        int b = (i % 2 == 0) ? v & 0xff : (v >> 8) & 0xff;
        i++;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        int k = 0;
        for (; k < len; k++) {
          int b = read();
          if (b < 0) {
            return k == 0 ? -1 : k;
          }
          buf[off + k] = (byte) b;
        }
        return k;
      }
    };
    try (AudioInputStream in = new AudioInputStream(pcm, format, frames)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  /**
   * An MP3 of {@code millis} made by jump3r from a WAV: {@code lameArgs} as on LAME's command line,
   * e.g. {@code "-b", "128"} (CBR) or {@code "-V", "4"} (VBR with a Xing/LAME header).
   */
  public static Path mp3(Path file, long millis, int sampleRate, String... lameArgs) throws IOException {
    Path wav = Files.createTempFile(file.getParent(), "mp3-source-", ".wav");
    try {
      wav(wav, millis, sampleRate, 2);
      String[] args = new String[lameArgs.length + 3];
      System.arraycopy(lameArgs, 0, args, 0, lameArgs.length);
      args[lameArgs.length] = "--silent";
      args[lameArgs.length + 1] = wav.toString();
      args[lameArgs.length + 2] = file.toString();
      synchronized (System.class) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
          new de.sciss.jump3r.Main().run(args);
        } finally {
          System.setOut(out);
          System.setErr(err);
        }
      }
      return file;
    } finally {
      Files.deleteIfExists(wav);
    }
  }
}
