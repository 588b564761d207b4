package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparrow.runtime.SessionOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code <image src="cloud://…">} shows the stored file in the simulator (screenshot pixels). */
class SimulatorCloudImageTest {
  @Test
  void aCloudFileIdAsImageSrcShowsTheStoredImage(@TempDir Path project, @TempDir Path data) throws Exception {
    assumeTrue(Chromium.find().isPresent(), "needs Chromium");
    BufferedImage red = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        red.setRGB(x, y, new Color(220, 30, 30).getRGB());
      }
    }
    ImageIO.write(red, "png", project.resolve("red.png").toFile());
    Files.createDirectories(project.resolve("pages/index"));
    Files.writeString(project.resolve("project.config.json"), "{\"appid\": \"wxcloudshot0001\"}");
    Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
    Files.writeString(project.resolve("app.js"), "App({ onLaunch() { wx.cloud.init({ env: 'shot-env' }) } })");
    Files.writeString(project.resolve("pages/index/index.js"), "Page({ data: { src: '' }, onLoad() {"
        + " wx.cloud.uploadFile({ cloudPath: 'pics/red.png', filePath: '/red.png' })"
        + ".then(r => this.setData({ src: r.fileID })) } })");
    Files.writeString(project.resolve("pages/index/index.wxml"),
        "<image src=\"{{src}}\" style=\"display: block; width: 200px; height: 200px\"></image>");
    try (Simulator sim = Simulator.start(SessionOptions.of(project).dataDir(data), Simulator.Config.DEFAULT)) {
      sim.session().awaitIdle();
      assertThat(sim.session().currentPage().data().get("src").toString()).startsWith("cloud://shot-env.");
      BufferedImage screen = ImageIO.read(new ByteArrayInputStream(sim.screenshot()));
      // the page starts below the 64 px navigation bar (at the device's pixel ratio); the image fills 200 × 200
      int ratio = screen.getWidth() / 375;
      Color middle = new Color(screen.getRGB(100 * ratio, (64 + 100) * ratio));
      assertThat(middle.getRed()).isGreaterThan(180);
      assertThat(middle.getGreen()).isLessThan(80);
      assertThat(middle.getBlue()).isLessThan(80);
    }
  }
}
