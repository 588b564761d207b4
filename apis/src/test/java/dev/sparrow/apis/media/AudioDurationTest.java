package dev.sparrow.apis.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real durations of generated audio of known length: WAV, CBR/VBR MP3 (with and without Xing), ADTS. */
class AudioDurationTest {
  @TempDir Path dir;

  @Test
  void wavDurationComesFromItsHeader() throws Exception {
    Path f = MediaFixtures.wav(dir.resolve("a.wav"), 3_250, 16_000, 1);
    assertThat(AudioDuration.ofFile(f)).isEqualTo(OptionalLong.of(3_250));
    try (InputStream in = Files.newInputStream(MediaFixtures.wav(dir.resolve("b.wav"), 1_500, 44_100, 2))) {
      assertThat(AudioDuration.ofStream(in, dir.resolve("spool"))).isEqualTo(OptionalLong.of(1_500));
    }
  }

  @Test
  void cbrMp3IsExactToAFewMilliseconds() throws Exception {
    Path f = MediaFixtures.mp3(dir.resolve("cbr.mp3"), 5_000, 44_100, "-b", "128");
    assertThat(AudioDuration.ofFile(f).getAsLong()).isCloseTo(5_000, within(30L));
  }

  @Test
  void vbrMp3IsExactWithItsXingHeaderSkipped() throws Exception {
    Path f = MediaFixtures.mp3(dir.resolve("vbr.mp3"), 7_300, 44_100, "-V", "4");
    assertThat(AudioDuration.ofFile(f).getAsLong()).isCloseTo(7_300, within(30L));
  }

  @Test
  void vbrMp3WithoutXingHeaderIsStillExactByTheFrameWalk() throws Exception {
    Path f = MediaFixtures.mp3(dir.resolve("vbr.mp3"), 6_000, 44_100, "-V", "2");
    byte[] all = Files.readAllBytes(f);
    // drop the first (Xing/Info) frame and put an ID3v2 tag and junk in front
    int second = secondFrame(all);
    byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 20};
    byte[] stripped = new byte[id3.length + 20 + 7 + all.length - second];
    System.arraycopy(id3, 0, stripped, 0, id3.length);
    System.arraycopy(all, second, stripped, id3.length + 27, all.length - second);
    Path g = Files.write(dir.resolve("noxing.mp3"), stripped);
    assertThat(AudioDuration.ofFile(g).getAsLong()).isCloseTo(6_000, within(60L));
  }

  @Test
  void mp3AtLowSampleRatesUsesMpeg2Frames() throws Exception {
    // jump3r writes no Info/LAME tag here, so the encoder's delay and padding (about 1700 samples,
    // ~105 ms at 16 kHz) are part of the stream, as any decoder without gapless data plays them.
    Path f = MediaFixtures.mp3(dir.resolve("low.mp3"), 4_000, 16_000, "-b", "32");
    long frames576 = Math.round(4_000 * 16.0 / 576);
    assertThat(AudioDuration.ofFile(f).getAsLong()).isBetween(4_000L, 4_000L + 130).isGreaterThanOrEqualTo(frames576 * 576 / 16);
  }

  @Test
  void rawAdtsAacIsWalkedFrameByFrame() throws Exception {
    // 100 ADTS frames at 44.1 kHz, one raw block each: 102400 samples
    byte[] frame = new byte[20];
    frame[0] = (byte) 0xff;
    frame[1] = (byte) 0xf1;
    frame[2] = (byte) ((1 << 6) | (4 << 2)); // AAC LC, 44100
    int len = frame.length;
    frame[3] = (byte) (0x80 | ((len >> 11) & 0x3));
    frame[4] = (byte) ((len >> 3) & 0xff);
    frame[5] = (byte) (((len & 7) << 5) | 0x1f);
    frame[6] = (byte) 0xfc;
    byte[] all = new byte[frame.length * 100];
    for (int i = 0; i < 100; i++) {
      System.arraycopy(frame, 0, all, i * frame.length, frame.length);
    }
    Path f = Files.write(dir.resolve("a.aac"), all);
    assertThat(AudioDuration.ofFile(f)).isEqualTo(OptionalLong.of(Math.round(102_400 * 1000.0 / 44_100)));
  }

  @Test
  void somethingElseHasNoDuration() throws Exception {
    Path f = Files.writeString(dir.resolve("a.mp3"), "not audio at all ".repeat(100));
    assertThat(AudioDuration.ofFile(f)).isEmpty();
    Path png = MediaFixtures.image(dir.resolve("a.png"), "png", 10, 10);
    assertThat(AudioDuration.ofFile(png)).isEmpty();
  }

  private static int secondFrame(byte[] b) {
    int first = 0;
    while (!((b[first] & 0xff) == 0xff && (b[first + 1] & 0xe0) == 0xe0)) {
      first++;
    }
    for (int i = first + 4; i < b.length - 1; i++) {
      if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xe0) == 0xe0 && Arrays.equals(Arrays.copyOfRange(b, i + 1, i + 2), Arrays.copyOfRange(b, first + 1, first + 2))) {
        return i;
      }
    }
    throw new AssertionError("no second frame");
  }
}
