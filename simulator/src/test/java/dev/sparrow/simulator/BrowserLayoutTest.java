package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.runtime.Layout;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Layout.BROWSER}: a headless session's SelectorQuery, IntersectionObserver, element boxes and scroll-view
 * sizes come from the simulator's page in a tab of headless Chromium, and match what the simulator answers for the
 * same page.
 */
class BrowserLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAB = Path.of("src/test/resources/layout-lab");

  @TempDir Path dir;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Chromium.find().isPresent(), "needs Chromium");
  }

  @AfterAll
  static void stopBrowser() {
    ChromiumTabs.stopShared(); // other tests count the browser processes this JVM runs
  }

  private SessionOptions options(String name) {
    return SessionOptions.of(LAB).dataDir(dir.resolve(name));
  }

  @Test
  void selectorQueryAndObserversMeasureThePagesHeadless() {
    try (Session s = Sparrow.launch(options("headless").layout(Layout.BROWSER)).awaitIdle()) {
      JsonNode measured = JSON.valueToTree(s.currentPage().data("measured"));
      JsonNode box = measured.get(0);
      assertThat(List.of(box.get("left").asDouble(), box.get("top").asDouble(), box.get("width").asDouble(),
          box.get("height").asDouble())).containsExactly(30.0, 120.0, 200.0, 80.0);
      JsonNode list = measured.get(1);
      assertThat(list.get("height").asDouble()).isEqualTo(300);
      assertThat(list.get("scrollHeight").asDouble()).isEqualTo(800);
      assertThat(measured.get(2).get("scrollHeight").asDouble()).isEqualTo(2060);
      assertThat(s.currentPage().data("lastSeen")).isEqualTo(List.of()); // below the fold: not intersecting

      s.callWx("pageScrollTo", Map.of("scrollTop", 2000, "duration", 0));
      s.awaitUntil(x -> x.currentPage().data("lastSeen").equals(List.of(true)), Duration.ofSeconds(10));
    }
  }

  @Test
  void pageScrollToStopsAtThePagesEndAndReachesTheBottom() {
    try (Session s = Sparrow.launch(options("page").layout(Layout.BROWSER)).awaitIdle()) {
      PageHandle page = s.currentPage();
      JsonNode viewport = s.measure(page.id(), List.of()).orElseThrow().get("viewport");
      double end = viewport.get("scrollHeight").asDouble() - viewport.get("clientHeight").asDouble();
      s.callWx("pageScrollTo", Map.of("scrollTop", 300, "duration", 0));
      s.awaitIdle();
      assertThat(page.data("bottoms")).isEqualTo(0);
      s.callWx("pageScrollTo", Map.of("scrollTop", 5000, "duration", 0));
      s.awaitIdle();
      assertThat(page.scrollTop()).isEqualTo(end);
      assertThat(page.data("scrolled")).isEqualTo(List.of(300, (int) end));
      assertThat(page.data("bottoms")).isEqualTo(1);
      assertThat(s.measure(page.id(), List.of()).orElseThrow().get("viewport").get("scrollTop").asDouble())
          .isEqualTo(end); // the painted page is where the session says
    }
  }

  @Test
  void pageScrollToASelectorPutsTheElementAtTheTop() {
    try (Session s = Sparrow.launch(options("selector").layout(Layout.BROWSER)).awaitIdle()) {
      PageHandle page = s.currentPage();
      JsonNode viewport = s.measure(page.id(), List.of()).orElseThrow().get("viewport");
      double end = viewport.get("scrollHeight").asDouble() - viewport.get("clientHeight").asDouble();
      assertThat(s.callWx("pageScrollTo", Map.of("selector", "#box", "offsetTop", -20, "duration", 0)))
          .containsEntry("errMsg", "pageScrollTo:ok");
      s.awaitIdle();
      assertThat(page.scrollTop()).isEqualTo(100); // #box is 120 px down, 20 px above it
      s.callWx("pageScrollTo", Map.of("selector", ".list", "duration", 0)); // measured from where the page is
      s.awaitIdle();
      assertThat(page.scrollTop()).isEqualTo(200);
      s.callWx("pageScrollTo", Map.of("selector", "#nothing", "duration", 0));
      s.awaitIdle();
      assertThat(page.scrollTop()).isEqualTo(200);
      s.callWx("pageScrollTo", Map.of("selector", "#last", "duration", 0)); // 2,000 px down: past the end
      s.awaitIdle();
      assertThat(page.scrollTop()).isEqualTo(end);
      assertThat(page.data("scrolled")).isEqualTo(List.of(100, 200, (int) end));
      assertThat(page.data("bottoms")).isEqualTo(1);
      assertThat(s.measure(page.id(), List.of()).orElseThrow().get("viewport").get("scrollTop").asDouble())
          .isEqualTo(end);
    }
  }

  @Test
  void pageScrollToASelectorWithoutLayoutSucceedsWithoutScrolling() {
    try (Session s = Sparrow.launch(options("selector-none")).awaitIdle()) {
      assertThat(s.callWx("pageScrollTo", Map.of("selector", "#box", "offsetTop", 10, "duration", 0)))
          .containsEntry("errMsg", "pageScrollTo:ok");
      s.awaitIdle();
      assertThat(s.currentPage().scrollTop()).isZero();
      assertThat(s.currentPage().data("scrolled")).isEqualTo(List.of());
    }
  }

  @Test
  void aNetworkImageLoadsInTheLayoutTabThroughTheSessionsNetwork() throws Exception {
    Path project = dir.resolve("media-app");
    Files.createDirectories(project.resolve("pages/index"));
    Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
    Files.writeString(project.resolve("app.js"), "App({})");
    Files.writeString(project.resolve("pages/index/index.js"), "Page({ data: { net: '' } })");
    Files.writeString(project.resolve("pages/index/index.wxml"),
        "<image id=\"pic\" mode=\"widthFix\" style=\"width: 200px\" src=\"{{net}}\"/>");
    byte[] png = Files.readAllBytes(MediaFixtures.image(dir.resolve("served.png"), "png", 64, 40));
    try (LoopbackServer server = LoopbackServer.start()
            .route("/pic.png", (rq, rs, cb) -> LoopbackServer.respond(rs, cb, 200, "image/png", png));
        Session s = Sparrow.launch(SessionOptions.of(project).dataDir(dir.resolve("media")).verifyDomains(false)
            .layout(Layout.BROWSER)).awaitIdle()) {
      s.currentPage().setData(Map.of("net", server.http("/pic.png")));
      s.awaitIdle();
      PageElement pic = s.currentPage().select("#pic").orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      double height = pic.box().orElseThrow().get("height").asDouble();
      while (height != 125 && System.nanoTime() < deadline) { // each measure is a round trip to the tab
        height = pic.box().orElseThrow().get("height").asDouble();
      }
      assertThat(height).isEqualTo(125); // 200 px wide, 64×40 scaled: widthFix needs the picture itself
      assertThat(server.recorded()).anyMatch(r -> r.target().equals("/pic.png"));
    }
  }

  /** A chart library's legacy canvas sized by a WXSS class (wx-charts' demo): its bitmap is the laid-out box. */
  @Test
  void aLegacyCanvasSizedByAClassDrawsAtItsLaidOutSize() throws Exception {
    Path project = dir.resolve("chart-app");
    Files.createDirectories(project.resolve("pages/index"));
    Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
    Files.writeString(project.resolve("app.js"), "App({})");
    Files.writeString(project.resolve("app.wxss"), ".chart { width: 100%; height: 200px; }");
    Files.writeString(project.resolve("pages/index/index.wxml"), "<canvas canvas-id=\"c\" class=\"chart\"></canvas>");
    Files.writeString(project.resolve("pages/index/index.js"), """
        Page({
          data: { path: '' },
          onReady() {
            const ctx = wx.createCanvasContext('c');
            const w = wx.getWindowInfo().windowWidth;
            ctx.setFillStyle('#ff0000');
            ctx.fillRect(w - 10, 190, 10, 10);
            ctx.draw(false, () => wx.canvasToTempFilePath({ canvasId: 'c',
              success: (r) => this.setData({ path: r.tempFilePath }) }));
          }
        })""");
    SessionOptions options = SessionOptions.of(project).dataDir(dir.resolve("chart")).layout(Layout.BROWSER);
    try (Session s = Sparrow.launch(options)) {
      s.awaitUntil(x -> !"".equals(x.currentPage().data("path")), Duration.ofSeconds(20));
      Path file = s.files().resolve((String) s.currentPage().data("path")).orElseThrow();
      BufferedImage img = ImageIO.read(file.toFile());
      Map<?, ?> info = (Map<?, ?>) s.callWxSync("getWindowInfo");
      double dpr = ((Number) info.get("pixelRatio")).doubleValue();
      double width = ((Number) info.get("windowWidth")).doubleValue();
      assertThat(img.getWidth()).isEqualTo((int) Math.round(width * dpr));
      assertThat(img.getHeight()).isEqualTo((int) Math.round(200 * dpr));
      // the square drawn in the bottom right corner, outside HTML's default 300×150
      assertThat(img.getRGB(img.getWidth() - 2, img.getHeight() - 2) & 0xffffff).isEqualTo(0xff0000);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void withoutLayoutEveryBoxIsZero() {
    try (Session s = Sparrow.launch(options("none")).awaitIdle()) {
      PageElement box = s.currentPage().select("#box").orElseThrow();
      assertThat(box.box()).isEmpty();
      JsonNode measured = JSON.valueToTree(s.currentPage().data("measured"));
      assertThat(measured.get(0).get("width").asDouble()).isZero();
    }
  }

  @Test
  void scrollViewScrollsByItsRealSizes() {
    try (Session s = Sparrow.launch(options("scroll").layout(Layout.BROWSER)).awaitIdle()) {
      PageHandle page = s.currentPage();
      PageElement list = page.select("#list").orElseThrow();
      list.scrollTo(0, 100);
      list.scrollTo(0, 460);   // within lower-threshold (50) of the end, 500
      list.scrollTo(0, 900);   // stops at the end; already near it
      list.scrollTo(0, 10);
      JsonNode events = JSON.valueToTree(page.data("events"));
      assertThat(events.findValuesAsText("type"))
          .containsExactly("scroll", "scroll", "scrolltolower", "scroll", "scroll", "scrolltoupper");
      assertThat(events.get(0).get("detail").get("scrollHeight").asDouble()).isEqualTo(800);
      assertThat(events.get(3).get("detail").get("scrollTop").asDouble()).isEqualTo(500);
      // the painted scroll-view follows, so later measures see where it was scrolled
      s.awaitUntil(x -> list.box().orElseThrow().path("scrollTop").asDouble() == 10, Duration.ofSeconds(10));
    }
  }

  @Test
  void theSessionStillPlaysAnimationStepsOnItsClock() {
    SessionOptions motion = SessionOptions.of(Path.of("../examples/motion")).dataDir(dir.resolve("motion"));
    try (Session s = Sparrow.launch(motion.virtualClock().layout(Layout.BROWSER)).awaitIdle()) {
      PageHandle page = s.currentPage();
      page.select("#toggle").orElseThrow().tap();
      s.advance(Duration.ofMillis(300));
      assertThat(page.data("ends")).isEqualTo(1); // the layout tab paints the step but reports no transitionend
    }
  }

  @Test
  void headlessAnswersMatchTheSimulators() throws Exception {
    JsonNode headless;
    try (Session s = Sparrow.launch(options("headless").layout(Layout.BROWSER)).awaitIdle()) {
      headless = layout(s);
    }
    try (Simulator sim = Simulator.start(options("simulator"), Simulator.Config.DEFAULT)) {
      String tab = ChromiumTabs.shared().open(sim.url());
      try {
        Session s = sim.session().awaitUntil(x -> sim.connected(), Duration.ofSeconds(30));
        s.currentPage().callMethod("measure");
        s.awaitIdle();
        assertThat(layout(s)).isEqualTo(headless);
      } finally {
        ChromiumTabs.shared().close(tab);
      }
    }
  }

  /** What page code measured and the boxes of every element of the page, as the session's layout answers. */
  private static JsonNode layout(Session s) {
    PageHandle page = s.currentPage();
    List<Integer> nodes = page.selectAll("view, scroll-view").stream().map(PageElement::nodeId).toList();
    JsonNode boxes = s.measure(page.id(), nodes).orElseThrow();
    return JSON.createObjectNode().<ObjectNode>set("measured",
        JSON.valueToTree(page.data("measured"))).set("boxes", boxes);
  }
}
