package dev.sparrow.apis.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Picker parameter rules (spec media.md §1, §8.4) as a labelled table. */
class MediaRulesTest {
  @ParameterizedTest(name = "{0}: count {1}, clamp {2} → {3}")
  @CsvSource({
      "within,          3, true,  3",
      "the maximum,     9, true,  9",
      "over and clamped, 12, true, 9",
      "over and kept,   12, false, 12",
      "zero means max,  0, true,  9",
      "negative,        -4, true, 9"})
  void count(String label, int count, boolean clamp, int expected) {
    assertThat(MediaRules.count(count, 9, clamp)).as(label).isEqualTo(expected);
  }

  @Test
  void unknownSizeAndSourceTypesFallBackToBoth() {
    assertThat(MediaRules.sizeTypes(List.of("compressed", "huge"))).containsExactly("compressed");
    assertThat(MediaRules.sizeTypes(List.of("huge"))).containsExactly("original", "compressed");
    assertThat(MediaRules.sizeTypes(null)).containsExactly("original", "compressed");
    assertThat(MediaRules.sourceTypes(List.of("camera", "camera"))).containsExactly("camera");
    assertThat(MediaRules.sourceTypes(List.of())).containsExactly("album", "camera");
  }
}
