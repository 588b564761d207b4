package dev.sparrow.apis.media;

import java.util.List;

/** Pure parameter rules of the image pickers (spec media.md §1, §8.4). */
public final class MediaRules {
  private static final List<String> SIZE_TYPES = List.of("original", "compressed");
  private static final List<String> SOURCE_TYPES = List.of("album", "camera");

  private MediaRules() {}

  /**
   * The number of files the user may pick: {@code count} within [1, max]. Larger values are clamped
   * when {@code clamp} (the spec's unverified default), else they stay (the picker then allows more).
   */
  public static int count(int count, int max, boolean clamp) {
    if (count < 1) {
      return max;
    }
    return clamp ? Math.min(count, max) : count;
  }

  /** Known size types given, or both when none is known. */
  public static List<String> sizeTypes(List<String> given) {
    List<String> known = given == null ? List.of() : given.stream().filter(SIZE_TYPES::contains).distinct().toList();
    return known.isEmpty() ? SIZE_TYPES : known;
  }

  /** Known source types given, or both when none is known. */
  public static List<String> sourceTypes(List<String> given) {
    List<String> known = given == null ? List.of() : given.stream().filter(SOURCE_TYPES::contains).distinct().toList();
    return known.isEmpty() ? SOURCE_TYPES : known;
  }
}
