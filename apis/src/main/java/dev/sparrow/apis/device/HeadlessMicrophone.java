package dev.sparrow.apis.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A microphone that hears silence (default), a sine tone, or a WAV file (then silence once the file
 * has been heard to its end). The source applies to recordings opened after it is set. A WAV file
 * is converted to each recording's rate and channel count (nearest sample; channels averaged or
 * copied).
 */
public final class HeadlessMicrophone implements Microphone {
  private volatile Source source = Source.SILENCE;

  /** A signal as mono samples in [-1, 1] at any time {@code t} seconds from the start. */
  private interface Source {
    Source SILENCE = (t, channel) -> 0;

    double sample(double seconds, int channel);
  }

  /** Hears nothing. */
  public HeadlessMicrophone silence() {
    source = Source.SILENCE;
    return this;
  }

  /** Hears a sine tone of {@code hz} at {@code amplitude} (0–1). */
  public HeadlessMicrophone tone(double hz, double amplitude) {
    source = (t, channel) -> amplitude * Math.sin(2 * Math.PI * hz * t);
    return this;
  }

  /** Hears {@code wav} once from its start, then silence. */
  public HeadlessMicrophone wav(Path wav) {
    source = new WavSource(wav);
    return this;
  }

  @Override
  public Capture open(int sampleRate, int channels) {
    Source s = source;
    return new Capture() {
      private long frame;

      @Override
      public void read(byte[] out, int offset, int frames) {
        int p = offset;
        for (int i = 0; i < frames; i++, frame++) {
          double t = (double) frame / sampleRate;
          for (int c = 0; c < channels; c++) {
            int v = (int) Math.round(Math.max(-1, Math.min(1, s.sample(t, c))) * 32767);
            out[p++] = (byte) v;
            out[p++] = (byte) (v >> 8);
          }
        }
      }
    };
  }

  /** A WAV file held as 16-bit samples (microphone fixtures are short). */
  private static final class WavSource implements Source {
    private final short[] samples;
    private final int channels;
    private final float rate;

    WavSource(Path wav) {
      try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
        AudioFormat f = in.getFormat();
        AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
          byte[] bytes = converted.readAllBytes();
          samples = new short[bytes.length / 2];
          for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
          }
        }
        channels = f.getChannels();
        rate = f.getSampleRate();
      } catch (UnsupportedAudioFileException e) {
        throw new IllegalArgumentException("not a WAV file the microphone can play: " + wav, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public double sample(double seconds, int channel) {
      long frame = (long) Math.floor(seconds * rate);
      long index = frame * channels + Math.min(channel, channels - 1);
      return index < samples.length ? samples[(int) index] / 32768.0 : 0;
    }
  }
}
