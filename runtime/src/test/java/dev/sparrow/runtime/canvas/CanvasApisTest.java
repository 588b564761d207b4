package dev.sparrow.runtime.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Canvas 2d and legacy canvases through real page JS, headless: what they draw, export and answer. */
class CanvasApisTest {
  private Session s;

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private Session launch(String path) {
    s = Sparrow.launch(SessionOptions.of(Examples.path("canvas-lab")).virtualClock().launchUrl(path));
    s.awaitIdle();
    return s;
  }

  private Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  private BufferedImage exported(PageHandle page) throws Exception {
    String path = (String) page.data("path");
    assertThat(path).as("state: " + page.data("state") + " errors " + s.errors()).isNotEmpty();
    return ImageIO.read(s.files().resolve(path).orElseThrow().toFile());
  }

  private static int[] rgb(BufferedImage img, int x, int y) {
    int p = img.getRGB(x, y);
    return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, p >>> 24};
  }

  @Test
  void a2dSceneIsDrawnAndExportedAtThePixelRatio() throws Exception {
    launch("pages/scenes/scenes");
    PageHandle page = s.currentPage();
    assertThat(page.data("state")).isEqualTo("drawn shapes");
    BufferedImage img = exported(page);
    double dpr = ((Number) ((Map<?, ?>) s.callWxSync("getWindowInfo")).get("pixelRatio")).doubleValue();
    assertThat(img.getWidth()).isEqualTo((int) Math.round(300 * dpr));
    assertThat(img.getHeight()).isEqualTo((int) Math.round(200 * dpr));
    // the green rectangle at (20, 20, 80, 60) CSS px
    assertThat(rgb(img, (int) (50 * dpr), (int) (50 * dpr))).containsExactly(7, 193, 96, 255);
    // the background
    assertThat(rgb(img, (int) (110 * dpr), (int) (95 * dpr))).containsExactly(255, 251, 230, 255);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void imagesLoadAndAreDrawnClippedToACircle() throws Exception {
    launch("pages/scenes/scenes?scene=pictures");
    PageHandle page = s.currentPage();
    BufferedImage img = exported(page);
    double dpr = img.getWidth() / 300.0;
    // outside the circle (centre 60,60 r 40) but inside the picture's square: the background shows
    assertThat(rgb(img, (int) (24 * dpr), (int) (24 * dpr))).containsExactly(230, 247, 255, 255);
    // the avatar's green band at its bottom, seen through the clip
    assertThat(rgb(img, (int) (60 * dpr), (int) (96 * dpr))).containsExactly(7, 193, 96, 255);
  }

  @Test
  void theContextAnswersLikeABrowser() {
    launch("pages/scenes/scenes");
    Object r = js("var ctx = getCurrentPages()[0].ctx;"
        + "ctx.save(); ctx.fillStyle = 'RED'; var a = ctx.fillStyle; ctx.fillStyle = 'nonsense'; var b = ctx.fillStyle;"
        + "ctx.lineWidth = -1; var lw = ctx.lineWidth; ctx.font = 'bold 16px sans-serif'; var f = ctx.font;"
        + "ctx.globalAlpha = 2; var ga = ctx.globalAlpha; ctx.restore();"
        + "return [a, b, lw, f, ga, ctx.fillStyle, ctx.canvas === getCurrentPages()[0].canvas, ctx.canvas.getContext('webgl')]");
    assertThat(r).isEqualTo(java.util.Arrays.asList("#ff0000", "#ff0000", 1, "bold 16px sans-serif", 1, "#000000", true, null));
    Object w = js("var ctx = getCurrentPages()[0].ctx; ctx.font = '20px sans-serif'; return Math.round(ctx.measureText('麻雀').width)");
    assertThat(w).isEqualTo(40);
  }

  @Test
  void hitTestsAnswerForTheCurrentPathAndPath2dInBitmapPixels() {
    launch("pages/scenes/scenes");
    // a ring with the even-odd rule, under a transform: the point is in bitmap pixels, the transform moves the path
    Object r = js("var p = getCurrentPages()[0]; var ctx = p.ctx; ctx.save(); ctx.setTransform(1, 0, 0, 1, 100, 0);"
        + "ctx.beginPath(); ctx.rect(0, 0, 40, 40); ctx.rect(10, 10, 20, 20);"
        + "var out = [ctx.isPointInPath(105, 5), ctx.isPointInPath(5, 5), ctx.isPointInPath(120, 20),"
        + " ctx.isPointInPath(120, 20, 'evenodd')];"
        + "ctx.lineWidth = 4; out.push(ctx.isPointInStroke(100, 20), ctx.isPointInStroke(120, 20));"
        + "var path = p.canvas.createPath2D(); path.arc(20, 20, 10, 0, Math.PI * 2);"
        + "out.push(ctx.isPointInPath(path, 120, 20), ctx.isPointInPath(path, 20, 20), ctx.isPointInPath(NaN, 1));"
        + "ctx.restore(); return out");
    assertThat(r).isEqualTo(List.of(true, false, true, false, true, false, true, false, false));
  }

  @Test
  void getImageDataSeesWhatWasJustDrawn() {
    launch("pages/scenes/scenes");
    Object r = js("var p = getCurrentPages()[0]; var ctx = p.ctx; ctx.fillStyle = 'rgb(10, 20, 30)'; ctx.fillRect(0, 0, 10, 10);"
        + "var d = ctx.getImageData(0, 0, 1, 1); return [d.width, d.height, d.data.length, d.data[0], d.data[1], d.data[2], d.data[3],"
        + " Object.prototype.toString.call(d.data)]");
    assertThat(r).isEqualTo(List.of(1, 1, 4, 10, 20, 30, 255, "[object Uint8ClampedArray]"));
  }

  @Test
  void theLegacySignaturePadDrawsTouchesAndSavesToTheAlbum() throws Exception {
    launch("pages/sign/sign");
    PageHandle page = s.currentPage();
    var pad = page.select("canvas").orElseThrow();
    pad.trigger("touchstart", Map.of("x", 20, "y", 100));
    for (int x = 30; x <= 280; x += 10) {
      pad.trigger("touchmove", Map.of("x", x, "y", 100));
    }
    pad.trigger("touchend", Map.of("x", 280, "y", 100));
    assertThat(page.data("strokes")).isEqualTo(1);
    s.setPermission("scope.writePhotosAlbum", true);
    page.select("#save").orElseThrow().tap();
    s.awaitIdle();
    String result = (String) page.data("result");
    assertThat(result).startsWith("saved ");
    Path saved = s.album().savedImages().get(0);
    BufferedImage img = ImageIO.read(saved.toFile());
    double dpr = img.getWidth() / 300.0;
    assertThat(rgb(img, (int) (150 * dpr), (int) (100 * dpr))).containsExactly(31, 31, 31, 255);
    assertThat(rgb(img, (int) (150 * dpr), (int) (150 * dpr))).containsExactly(255, 255, 255, 255);
  }

  @Test
  void badInputGetsWeChatsAnswersAndNeverAnException() {
    launch("pages/scenes/scenes");
    Object r = js("return wx.canvasToTempFilePath({ canvasId: 'nope' }).then(function () { return 'ok' }, function (e) { return e.errMsg })");
    assertThat(r).isEqualTo("canvasToTempFilePath:fail canvas is empty");
    Object legacy = js("var c = wx.createCanvasContext('nope'); c.setFillStyle('#f00'); c.fillRect(0, 0, 5, 5); c.draw(); return 'no throw'");
    assertThat(legacy).isEqualTo("no throw");
    Object huge = js("var p = getCurrentPages()[0]; p.canvas.width = 100000; p.ctx.fillRect(0, 0, 10, 10);"
        + "return wx.canvasToTempFilePath({ canvas: p.canvas }).then(function () { return 'ok' }, function (e) { return e.errMsg })");
    assertThat(huge).isEqualTo("canvasToTempFilePath:fail create bitmap failed");
    Object broken = js("var p = getCurrentPages()[0]; var img = p.canvas.createImage();"
        + "return new Promise(function (done) { img.onload = function () { done('loaded') }; img.onerror = function (e) { done('error') };"
        + " img.src = '/images/missing.png' })");
    assertThat(broken).isEqualTo("error");
    assertThat(s.errors()).isEmpty();
  }
}
