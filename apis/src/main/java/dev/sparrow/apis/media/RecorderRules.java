package dev.sparrow.apis.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code RecorderManager.start} options (spec media.md §8.1) as pure rules: defaults, limits, and
 * the reason a start fails ({@code onError} gets {@code "operateRecorder:fail <reason>"}).
 */
public final class RecorderRules {
  public static final long DEFAULT_DURATION = 60_000;
  public static final long MAX_DURATION = 600_000;
  public static final List<Integer> SAMPLE_RATES = List.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000);
  public static final List<String> FORMATS = List.of("mp3", "aac", "wav", "pcm");

  /** Validated options. {@code format} is lower case; {@code frameSize} is bytes (0 = no frames). */
  public record Options(long durationMillis, int sampleRate, int channels, int encodeBitRate, String format, int frameSizeBytes) {}

  /** Either options or a reason. */
  public record Result(Options options, String failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  private RecorderRules() {}

  /** The options of {@code start(opts)}; absent fields take the documented defaults. */
  public static Result check(Map<String, Object> o) {
    long duration = number(o.get("duration"), DEFAULT_DURATION);
    if (duration <= 0) {
      duration = DEFAULT_DURATION;
    }
    duration = Math.min(duration, MAX_DURATION);
    int rate = (int) number(o.get("sampleRate"), 8000);
    if (!SAMPLE_RATES.contains(rate)) {
      return fail("invalid sampleRate");
    }
    int channels = (int) number(o.get("numberOfChannels"), 2);
    if (channels != 1 && channels != 2) {
      return fail("invalid numberOfChannels");
    }
    int bitRate = (int) number(o.get("encodeBitRate"), 48000);
    int[] range = bitRateRange(rate);
    if (bitRate < range[0] || bitRate > range[1]) {
      return fail("invalid encodeBitRate");
    }
    Object f = o.get("format");
    String format = f == null ? "aac" : f.toString().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      return fail("record format error");
    }
    double kb = number(o.get("frameSize"), 0);
    int frameBytes = kb > 0 ? (int) Math.round(kb * 1024) : 0;
    return new Result(new Options(duration, rate, channels, bitRate, format, frameBytes), null);
  }

  /** The encodeBitRate range allowed at a sample rate (inclusive). */
  public static int[] bitRateRange(int sampleRate) {
    return switch (sampleRate) {
      case 8000, 11025 -> new int[] {16000, 48000};
      case 12000 -> new int[] {24000, 64000};
      case 16000 -> new int[] {24000, 96000};
      case 22050, 24000 -> new int[] {32000, 128000};
      case 32000 -> new int[] {48000, 192000};
      default -> new int[] {64000, 320000};
    };
  }

  private static Result fail(String reason) {
    return new Result(null, reason);
  }

  private static long number(Object v, long fallback) {
    return v instanceof Number n ? (long) n.doubleValue() : fallback;
  }

  private static double number(Object v, double fallback) {
    return v instanceof Number n ? n.doubleValue() : fallback;
  }
}
