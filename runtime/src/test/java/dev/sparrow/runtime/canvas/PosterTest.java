package dev.sparrow.runtime.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** examples/poster headless: the poster is drawn, exported at 750×1334 and saved to the album. */
class PosterTest {
  private Session s;

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xffffff;
  }

  @Test
  void thePosterIsExportedAt750By1334AndSavedToTheAlbum() throws Exception {
    // the first poster of a cold JVM is drawn by unwarmed Java2D and interpreted JS: give it room on a busy machine
    s = Sparrow.launch(SessionOptions.of(Examples.path("poster")).scriptTimeout(java.time.Duration.ofSeconds(60)));
    s.awaitIdle();
    PageHandle page = s.currentPage();
    String path = (String) page.data("path");
    assertThat(path).as("status " + page.data("status") + ", errors " + s.errors()).startsWith("wxfile://tmp_").endsWith(".png");
    assertThat(((Number) page.data("lines")).intValue()).isGreaterThan(3);
    Path file = s.files().resolve(path).orElseThrow();
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(750);
    assertThat(img.getHeight()).isEqualTo(1334);
    // the avatar's green band inside the circle (centre 187.5, 120 CSS px), its corner outside is the card's white
    assertThat(rgb(img, 375, 320)).isEqualTo(0x07c160);
    assertThat(rgb(img, 375 - 80, 240 - 80)).isNotEqualTo(0xfad278);
    // a finder pattern of the QR code: dark outer ring, light ring inside it
    assertThat(rgb(img, 101, 941)).isEqualTo(0x000000);
    assertThat(rgb(img, 101 + 8, 941 + 8)).isEqualTo(0xffffff);
    Files.copy(file, Path.of("target/poster.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // the title in WeChat green
    long green = 0;
    for (int y = 2 * 236; y < 2 * 266; y++) {
      for (int x = 0; x < 750; x++) {
        green += rgb(img, x, y) == 0x07c160 ? 1 : 0;
      }
    }
    assertThat(green).isGreaterThan(1500);

    s.setPermission("scope.writePhotosAlbum", true);
    page.select("#save").orElseThrow().tap();
    s.awaitIdle();
    assertThat(page.data("status")).isEqualTo("已保存到相册");
    Path saved = s.album().savedImages().get(0);
    assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(file));
    assertThat(s.errors()).isEmpty();
  }
}
