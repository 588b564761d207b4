package dev.sparrow.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes the demo's music, {@code sparrow-song.mp3}: a 30-second tune composed here (C–Am–F–G, a
 * plucked melody over a soft pad and bass), synthesised sample by sample with {@code StrictMath}
 * (same samples on every JVM) and encoded by jump3r (a Java port of LAME, LGPL, used only here,
 * never shipped) as 64 kbit/s mono CBR at 44.1 kHz. The MP3 is committed; {@code DemoMusicTest}
 * checks that this class still makes exactly those bytes, and rewrites the file when run with
 * {@code -Dsparrow.demo.writeSong=true} (see demo/README.md).
 */
public final class DemoMusic {
  static final int RATE = 44_100;
  static final int SECONDS = 30;
  private static final double BEAT = 0.5; // 120 bpm, 4 beats a bar: 15 bars

  private static final int[][] CHORDS = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}}; // C Am F G
  private static final int[] BAR_CHORDS = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 3, 0};
  /** Melody per bar: MIDI note and length in beats, four beats a bar. */
  private static final double[][][] MELODY = {
      {{76, 1}, {79, 1}, {84, 1}, {79, 1}},
      {{81, 1.5}, {79, 0.5}, {76, 1}, {72, 1}},
      {{77, 1}, {81, 1}, {84, 1.5}, {81, 0.5}},
      {{79, 2}, {74, 1}, {71, 1}},
      {{84, 0.5}, {83, 0.5}, {79, 1}, {76, 1}, {79, 1}},
      {{81, 1}, {84, 1}, {88, 2}},
      {{86, 1}, {84, 1}, {81, 1}, {77, 1}},
      {{79, 1}, {81, 0.5}, {83, 0.5}, {86, 2}},
      {{76, 1}, {79, 1}, {84, 1}, {79, 1}},
      {{81, 1.5}, {79, 0.5}, {76, 1}, {72, 1}},
      {{77, 1}, {81, 1}, {84, 1.5}, {81, 0.5}},
      {{79, 2}, {74, 1}, {71, 1}},
      {{76, 1}, {74, 1}, {72, 2}},
      {{71, 1}, {74, 1}, {79, 2}},
      {{72, 4}}};

  private static final double[] HARMONICS = {1, 1 / StrictMath.pow(2, 1.6), 1 / StrictMath.pow(3, 1.6), 1 / StrictMath.pow(4, 1.6),
      1 / StrictMath.pow(5, 1.6)};

  private DemoMusic() {}

  /** The tune as 16-bit mono PCM samples. */
  static short[] samples() {
    int total = SECONDS * RATE;
    double[] mix = new double[total];
    double bar = 4 * BEAT;
    for (int b = 0; b < MELODY.length; b++) {
      double start = b * bar;
      double t = start;
      for (double[] note : MELODY[b]) {
        pluck(mix, t, note[1] * BEAT, note[0], 0.55);
        t += note[1] * BEAT;
      }
      int[] chord = CHORDS[BAR_CHORDS[b]];
      for (int n : chord) {
        pad(mix, start, bar, n, 0.07);
      }
      pluck(mix, start, 2 * BEAT, chord[0] - 24, 0.35);
      pluck(mix, start + 2 * BEAT, 2 * BEAT, chord[0] - 17, 0.25);
    }
    double peak = 0;
    for (double v : mix) {
      peak = Math.max(peak, Math.abs(v));
    }
    short[] out = new short[total];
    int fade = (int) (1.5 * RATE);
    for (int i = 0; i < total; i++) {
      double gain = i > total - fade ? (total - i) / (double) fade : 1;
      out[i] = (short) Math.round(mix[i] / peak * 0.8 * gain * Short.MAX_VALUE);
    }
    return out;
  }

  /** A plucked note: five harmonics, a 5 ms attack and an exponential decay, cut 0.3 s after its end. */
  private static void pluck(double[] mix, double start, double length, double midi, double level) {
    double f = 440 * StrictMath.pow(2, (midi - 69) / 12);
    int from = (int) (start * RATE);
    int to = Math.min(mix.length, (int) ((start + length + 0.3) * RATE));
    for (int i = from; i < to; i++) {
      double s = (i - from) / (double) RATE;
      double env = Math.min(1, s / 0.005) * StrictMath.exp(-s / 0.45);
      if (s > length) {
        env *= 1 - (s - length) / 0.3;
      }
      double v = 0;
      for (int h = 1; h <= 5; h++) {
        v += StrictMath.sin(2 * Math.PI * f * h * s) * HARMONICS[h - 1];
      }
      mix[i] += level * env * v;
    }
  }

  /** A soft sustained chord tone with slow attack and release. */
  private static void pad(double[] mix, double start, double length, double midi, double level) {
    double f = 440 * StrictMath.pow(2, (midi - 69) / 12);
    int from = (int) (start * RATE);
    int to = Math.min(mix.length, (int) ((start + length) * RATE));
    for (int i = from; i < to; i++) {
      double s = (i - from) / (double) RATE;
      double env = Math.min(1, s / 0.3) * Math.min(1, (length - s) / 0.3);
      mix[i] += level * env * (StrictMath.sin(2 * Math.PI * f * s) + 0.3 * StrictMath.sin(4 * Math.PI * f * s));
    }
  }

  /** Encodes the tune to {@code mp3} (atomically: a part file moved into place). */
  static void write(Path mp3) throws IOException {
    Path dir = mp3.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path wav = Files.createTempFile(dir, "song-", ".wav");
    Path part = Files.createTempFile(dir, "song-", ".mp3.part");
    try {
      short[] pcm = samples();
      ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (short v : pcm) {
        bytes.putShort(v);
      }
      AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
      try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, pcm.length)) {
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
      }
      String[] args = {"-b", "64", "-m", "m", "--silent", wav.toString(), part.toString()};
      synchronized (System.class) { // jump3r prints to stdout even with --silent
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
      Files.move(part, mp3, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(wav);
      Files.deleteIfExists(part);
    }
  }

  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "demo/src/main/resources/dev/sparrow/demo/sparrow-song.mp3"));
  }
}
