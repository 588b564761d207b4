package dev.sparrow.apis.media;

/**
 * Choices where WeChat's behaviour is unverified or varies (docs/decisions.md), one place to change
 * them per session.
 *
 * @param webpType {@code getImageInfo}'s {@code type} for WebP images (spec: presumably {@code unknown})
 * @param clampCount {@code chooseImage}/{@code chooseMedia} clamp a count above the maximum (true) or
 *     fail with a parameter error (false)
 * @param compressQuality JPEG quality (0–1) of {@code sizeType: compressed} images
 */
public record MediaSettings(String webpType, boolean clampCount, float compressQuality) {
  public static final MediaSettings DEFAULT = new MediaSettings("unknown", true, 0.6f);
}
