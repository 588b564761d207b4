package dev.sparrow.apis.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RecorderManager.start option rules (spec media.md §8.1) as a labelled table. */
class RecorderRulesTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    RecorderRules.Options o = RecorderRules.check(Map.of()).options();
    assertThat(o).isEqualTo(new RecorderRules.Options(60_000, 8000, 2, 48000, "aac", 0));
  }

  @ParameterizedTest(name = "{0}: sampleRate {1}, encodeBitRate {2}, channels {3}, format {4} → {5}")
  @CsvSource({
      "lowest pair,            8000,  16000, 1, mp3, ok",
      "8k too fast,            8000,  48001, 1, mp3, invalid encodeBitRate",
      "11025 floor,            11025, 15999, 1, mp3, invalid encodeBitRate",
      "12k range top,          12000, 64000, 2, aac, ok",
      "16k default rate fails, 16000, 16000, 2, aac, invalid encodeBitRate",
      "22050 top,              22050, 128000, 2, wav, ok",
      "32k floor,              32000, 48000, 1, PCM, ok",
      "44.1k default too slow, 44100, 48000, 2, aac, invalid encodeBitRate",
      "48k top,                48000, 320000, 2, aac, ok",
      "unknown rate,           9000,  48000, 1, aac, invalid sampleRate",
      "three channels,         8000,  48000, 3, aac, invalid numberOfChannels",
      "ogg,                    8000,  48000, 1, ogg, record format error"})
  void sampleRateBitRateChannelsAndFormat(String label, int rate, int bitRate, int channels, String format, String expected) {
    Map<String, Object> o = new HashMap<>(Map.of("sampleRate", rate, "encodeBitRate", bitRate, "numberOfChannels", channels, "format", format));
    RecorderRules.Result r = RecorderRules.check(o);
    assertThat(r.ok() ? "ok" : r.failure()).as(label).isEqualTo(expected);
  }

  @Test
  void durationIsCappedAtTenMinutesAndFrameSizeIsInKilobytes() {
    RecorderRules.Options o = RecorderRules.check(Map.of("duration", 900_000, "frameSize", 2, "format", "PCM")).options();
    assertThat(o.durationMillis()).isEqualTo(600_000);
    assertThat(o.frameSizeBytes()).isEqualTo(2048);
    assertThat(o.format()).isEqualTo("pcm");
    assertThat(RecorderRules.check(Map.of("duration", -5)).options().durationMillis()).isEqualTo(60_000);
  }
}
