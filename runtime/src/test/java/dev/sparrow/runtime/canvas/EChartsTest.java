package dev.sparrow.runtime.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ECharts from npm (examples/echarts/setup installs it; nothing is committed) through the example's own ec-canvas
 * component, headless: a line chart, a bar chart and a pie with its legend are drawn, and tapping a bar fires the
 * chart's click event; ECharts' documented {@code ec: { onInit }} pattern (a function in the page's data) works too.
 */
class EChartsTest {
  private Session s;

  @BeforeAll
  static void installEcharts() throws Exception {
    Path project = Examples.path("echarts");
    Examples.run(project, "bash", project.resolve("setup").toString());
  }

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private PageHandle launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("echarts")).scriptTimeout(Duration.ofSeconds(60)));
    // ECharts loads and animates its first draw in the interpreter; the loop is idle between two frames
    s.awaitUntil(x -> "bar,line,pie".equals(x.currentPage().data("drawn")) || !x.errors().isEmpty(), Duration.ofMinutes(5));
    PageHandle page = s.currentPage();
    assertThat(page.data("drawn")).as("charts finished; errors " + s.errors()).isEqualTo("bar,line,pie");
    return page;
  }

  /** The <canvas> inside ec-canvas {@code #id}. */
  private static PageElement canvas(PageHandle page, String id) {
    return page.select("#" + id).orElseThrow().select("canvas").orElseThrow();
  }

  private BufferedImage canvasOf(PageHandle page, String id) {
    return s.canvasImage(page.id(), canvas(page, id).nodeId()).orElseThrow();
  }

  private static long coloured(BufferedImage img, int rgb) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb && img.getRGB(x, y) >>> 24 == 255) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void lineBarAndPieWithItsLegendAreDrawnAndTappingABarFiresItsClick() throws Exception {
    PageHandle page = launch();
    BufferedImage bar = canvasOf(page, "bar");
    double dpr = bar.getWidth() / 350.0;
    assertThat(bar.getHeight()).isEqualTo((int) Math.round(250 * dpr));
    // seven green bars
    assertThat(coloured(bar, 0x07c160)).isGreaterThan(2000);
    // the line in the page's first colour, the pie's four sectors and legend swatches in all four
    BufferedImage line = canvasOf(page, "line");
    BufferedImage pie = canvasOf(page, "pie");
    ImageIO.write(line, "png", Path.of("target/echarts-line.png").toFile());
    ImageIO.write(bar, "png", Path.of("target/echarts-bar.png").toFile());
    ImageIO.write(pie, "png", Path.of("target/echarts-pie.png").toFile());
    assertThat(coloured(line, 0x1989fa)).isGreaterThan(300);
    for (int colour : new int[] {0x1989fa, 0x07c160, 0xfa541c, 0x722ed1}) {
      assertThat(coloured(pie, colour)).as(Integer.toHexString(colour)).isGreaterThan(500);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> point = (Map<String, Object>) page.callMethod("barPoint", 1);
    PageElement barCanvas = canvas(page, "bar");
    barCanvas.trigger("touchstart", point);
    barCanvas.trigger("touchend", point);
    s.awaitIdle();
    assertThat(page.data("clicked")).isEqualTo("bar Tue 200");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void thePageCanHandEcCanvasItsInitFunctionThroughData() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("echarts")).scriptTimeout(Duration.ofSeconds(60))
        .launchUrl("pages/direct/direct"));
    s.awaitUntil(x -> "bar".equals(x.currentPage().data("drawn")) || !x.errors().isEmpty(), Duration.ofMinutes(5));
    PageHandle page = s.currentPage();
    assertThat(page.data("drawn")).as("ec: { onInit } reached ec-canvas; errors " + s.errors()).isEqualTo("bar");
    assertThat(coloured(canvasOf(page, "bar"), 0x07c160)).isGreaterThan(2000);
    assertThat(s.errors()).isEmpty();
  }
}
