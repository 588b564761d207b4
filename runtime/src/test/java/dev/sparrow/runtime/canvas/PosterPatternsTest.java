package dev.sparrow.runtime.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.testing.TestFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public canvas-poster libraries (docs/compatibility.md, "Tried on public mini programs"), each in a
 * small project of our own, checked by the pixels exported.
 */
class PosterPatternsTest {

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xffffff;
  }

  /** A poster component sizes its legacy canvas with setData before each poster, then draws and exports it. */
  @Test
  void aLegacyCanvasFollowsItsElementWhenTheStyleChangesBetweenPosters(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/poster/poster\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/poster/poster.wxml"),
        "<canvas canvas-id=\"c\" style=\"width: {{w}}px; height: {{h}}px;\"></canvas>");
    TestFiles.write(dir.resolve("pages/poster/poster.js"), """
        Page({
          data: { w: 0, h: 0, paths: [] },
          poster(w, h, colour) {
            return new Promise((resolve) => this.setData({ w, h }, () => {
              const ctx = wx.createCanvasContext('c');
              ctx.setFillStyle(colour);
              ctx.fillRect(0, 0, w, h);
              ctx.draw(false, () => wx.canvasToTempFilePath({ canvasId: 'c',
                success: (r) => resolve(r.tempFilePath) }));
            }));
          },
          async onReady() {
            const first = await this.poster(100, 50, '#ff0000');
            const second = await this.poster(100, 80, '#0000ff');
            this.setData({ paths: [first, second] });
          }
        })""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
      PageHandle page = s.currentPage();
      BufferedImage first = read(s, page, "paths[0]");
      BufferedImage second = read(s, page, "paths[1]");
      double dpr = first.getWidth() / 100.0;
      assertThat(first.getHeight()).isEqualTo((int) Math.round(50 * dpr));
      assertThat(rgb(first, first.getWidth() / 2, first.getHeight() - 1)).isEqualTo(0xff0000);
      // the second poster is taller: the whole of it is drawn and exported, none of the first is left
      assertThat(second.getWidth()).isEqualTo((int) Math.round(100 * dpr));
      assertThat(second.getHeight()).isEqualTo((int) Math.round(80 * dpr));
      assertThat(rgb(second, second.getWidth() / 2, second.getHeight() - 1)).isEqualTo(0x0000ff);
      assertThat(rgb(second, 1, 1)).isEqualTo(0x0000ff);
    }
  }

  /**
   * A chart library (wx-charts) takes {@code wx.createCanvasContext(id)} in the onLoad of a page opened with
   * navigateTo and draws its animation frames later on timers: the context is the new page's canvas, whose
   * {@code getCurrentPages()} already ends with it.
   */
  @Test
  void aContextTakenInOnLoadOfAnOpenedPageDrawsOnThatPage(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\", \"pages/chart/chart\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<view>home</view>");
    TestFiles.write(dir.resolve("pages/home/home.js"),
        "Page({ onReady() { wx.navigateTo({ url: '/pages/chart/chart' }) } })");
    TestFiles.write(dir.resolve("pages/chart/chart.wxml"),
        "<canvas canvas-id=\"bars\" style=\"width: 100px; height: 50px;\"></canvas>");
    TestFiles.write(dir.resolve("pages/chart/chart.js"), """
        Page({
          data: { path: '' },
          onLoad() {
            this.stackInOnLoad = getCurrentPages().map((p) => p.route);
            const ctx = wx.createCanvasContext('bars');
            let frame = 0;
            const step = () => {
              frame++;
              ctx.setFillStyle('#00ff00');
              ctx.fillRect(0, 50 - frame * 10, 100, frame * 10);
              if (frame < 5) {
                ctx.draw();
                setTimeout(step, 17);
              } else {
                ctx.draw(false, () => wx.canvasToTempFilePath({ canvasId: 'bars',
                  success: (r) => this.setData({ path: r.tempFilePath }) }));
              }
            };
            setTimeout(step, 17);
          }
        })""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle();
      s.advance(Duration.ofSeconds(1));
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
      PageHandle page = s.currentPage();
      assertThat(page.route()).isEqualTo("pages/chart/chart");
      assertThat(s.evaluate("function () { return getCurrentPages()[1].stackInOnLoad }"))
          .isEqualTo(List.of("pages/home/home", "pages/chart/chart"));
      BufferedImage img = read(s, page, "path");
      assertThat(rgb(img, 1, 1)).isEqualTo(0x00ff00);
      assertThat(rgb(img, img.getWidth() - 2, img.getHeight() - 2)).isEqualTo(0x00ff00);
    }
  }

  /**
   * Without a layout a legacy canvas sized by WXSS classes draws at HTML's 300×150, a side its style gives at that
   * size (BrowserLayoutTest: with a layout, the laid-out box).
   */
  @Test
  void aLegacyCanvasSizedByClassesDrawsHeadlessAtTheDefaultSize(@TempDir Path dir) throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/chart/chart\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("app.wxss"), ".chart { width: 100%; height: 200px; }");
    TestFiles.write(dir.resolve("pages/chart/chart.wxml"), """
        <canvas canvas-id="c" class="chart"></canvas>
        <canvas canvas-id="d" class="chart" style="height: 100px"></canvas>""");
    TestFiles.write(dir.resolve("pages/chart/chart.js"), """
        Page({
          data: { paths: {} },
          paint(id, h) {
            const ctx = wx.createCanvasContext(id);
            ctx.setFillStyle('#ff0000');
            ctx.fillRect(290, h - 10, 10, 10);
            ctx.draw(false, () => wx.canvasToTempFilePath({ canvasId: id,
              success: (r) => this.setData({ ['paths.' + id]: r.tempFilePath }) }));
          },
          onReady() {
            this.paint('c', 150);
            this.paint('d', 100);
          }
        })""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
      for (String id : List.of("c", "d")) {
        BufferedImage img = read(s, s.currentPage(), "paths." + id);
        double dpr = img.getWidth() / 300.0;
        assertThat(img.getHeight()).isEqualTo((int) Math.round((id.equals("c") ? 150 : 100) * dpr));
        assertThat(rgb(img, img.getWidth() - 2, img.getHeight() - 2)).isEqualTo(0xff0000);
      }
    }
  }

  private static BufferedImage read(Session s, PageHandle page, String path) throws IOException {
    return ImageIO.read(s.files().resolve((String) page.data(path)).orElseThrow().toFile());
  }
}
