package dev.sparrow.apis.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** getImageInfo's header reading: size, WeChat's type names and EXIF orientation names. */
class ImageHeadersTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}x{2} is reported as type {3}")
  @CsvSource({"jpeg, 640, 480, jpeg", "png, 33, 17, png", "gif, 20, 10, gif", "bmp, 12, 34, unknown"})
  void sizeAndTypeComeFromTheHeaders(String format, int w, int h, String type) throws Exception {
    Path f = MediaFixtures.image(dir.resolve("a." + format), format, w, h);
    assertThat(ImageHeaders.read(f, "unknown")).contains(new ImageInfo(w, h, "up", type));
  }

  @ParameterizedTest(name = "EXIF orientation {0} is {1}")
  @CsvSource({"1, up", "2, up-mirrored", "3, down", "4, down-mirrored", "5, left-mirrored", "6, right", "7, right-mirrored", "8, left"})
  void exifOrientationsUseWeChatsNamesAndSizeIgnoresRotation(int exif, String name) throws Exception {
    Path f = MediaFixtures.jpegWithOrientation(dir.resolve("o" + exif + ".jpg"), 60, 40, exif);
    assertThat(ImageHeaders.read(f, "unknown")).contains(new ImageInfo(60, 40, name, "jpeg"));
  }

  @Test
  void webpSizeIsReadAndItsTypeIsConfigurable() throws Exception {
    Path f = MediaFixtures.webp(dir.resolve("a.webp"), 300, 200);
    assertThat(ImageHeaders.read(f, "unknown")).contains(new ImageInfo(300, 200, "up", "unknown"));
    assertThat(ImageHeaders.read(f, "webp")).contains(new ImageInfo(300, 200, "up", "webp"));
  }

  @Test
  void notAnImageIsEmpty() throws Exception {
    Path f = Files.writeString(dir.resolve("a.jpg"), "hello, not a picture");
    assertThat(ImageHeaders.read(f, "unknown")).isEqualTo(Optional.empty());
    Path cut = dir.resolve("cut.png");
    byte[] png = Files.readAllBytes(MediaFixtures.image(dir.resolve("whole.png"), "png", 10, 10));
    Files.write(cut, java.util.Arrays.copyOf(png, 12));
    assertThat(ImageHeaders.read(cut, "unknown")).isEqualTo(Optional.empty());
  }

  @Test
  void compressedReencodesSmallerAndKeepsTheOriginalWhenItCannot() throws Exception {
    Path big = MediaFixtures.image(dir.resolve("big.png"), "png", 800, 600);
    Path out = dir.resolve("small.jpg");
    assertThat(ImageCompressor.compress(big, out, 0.6f)).isTrue();
    assertThat(Files.size(out)).isLessThan(Files.size(big));
    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(800);
    Path webp = MediaFixtures.webp(dir.resolve("tiny.webp"), 10, 10);
    assertThat(ImageCompressor.compress(webp, dir.resolve("never.jpg"), 0.6f)).isFalse();
    assertThat(dir.resolve("never.jpg")).doesNotExist();
  }

  @Test
  void hugeImagesAreSubsampledWhileCompressing() throws Exception {
    Path big = MediaFixtures.image(dir.resolve("huge.jpg"), "jpeg", 4000, 3000);
    Path out = dir.resolve("c.jpg");
    assertThat(ImageCompressor.compress(big, out, 0.6f)).isTrue();
    assertThat(ImageHeaders.read(out, "unknown").orElseThrow().width()).isLessThanOrEqualTo(ImageCompressor.MAX_SIDE);
  }
}
