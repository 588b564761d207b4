package dev.sparrow.apis.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The Java canvas: pixels for each kind of call, and the canvas rules for bad input. */
class Context2DTest {
  private final Context2D ctx = new Context2D(100, 100, CanvasLimits.WECHAT);

  private int[] rgba(int x, int y) {
    byte[] d = ctx.getImageData(x, y, 1, 1);
    return new int[] {d[0] & 0xff, d[1] & 0xff, d[2] & 0xff, d[3] & 0xff};
  }

  private void run(String json) {
    CanvasCommands.run(CanvasCommands.parse(json), ctx, ref -> java.util.Optional.empty());
  }

  @Test
  void fillRectPaintsItsColourAndLeavesTheRestTransparent() {
    run("[[\"set\",\"fillStyle\",\"#ff0000\"],[\"fillRect\",10,10,20,20]]");
    assertThat(rgba(15, 15)).containsExactly(255, 0, 0, 255);
    assertThat(rgba(5, 5)).containsExactly(0, 0, 0, 0);
    assertThat(ctx.drawCount()).isEqualTo(1);
  }

  @Test
  void invalidColoursAndNonFiniteNumbersAreIgnored() {
    run("[[\"set\",\"fillStyle\",\"blue\"],[\"set\",\"fillStyle\",\"not-a-colour\"],[\"fillRect\",0,0,10,null],"
        + "[\"set\",\"lineWidth\",-3],[\"fillRect\",0,0,10,10]]");
    assertThat(rgba(5, 5)).containsExactly(0, 0, 255, 255);
    assertThat(ctx.drawCount()).isEqualTo(1);
  }

  @Test
  void transformsApplyToPathsWhenTheyAreAdded() {
    run("[[\"translate\",50,50],[\"beginPath\"],[\"rect\",0,0,10,10],[\"setTransform\",1,0,0,1,0,0],"
        + "[\"set\",\"fillStyle\",\"#00ff00\"],[\"fill\"]]");
    assertThat(rgba(55, 55)).containsExactly(0, 255, 0, 255);
    assertThat(rgba(5, 5)[3]).isZero();
  }

  @Test
  void arcsFillCirclesAndClipIsAntialiased() {
    run("[[\"beginPath\"],[\"arc\",50,50,30,0,6.283185307179586],[\"clip\"],[\"set\",\"fillStyle\",\"#000\"],[\"fillRect\",0,0,100,100]]");
    assertThat(rgba(50, 50)[3]).isEqualTo(255);
    assertThat(rgba(10, 10)[3]).isZero();
    // on the rim the clip leaves partial coverage, not a hard step
    int rim = rgba(50 + 21, 50 + 21)[3];
    assertThat(rim).isBetween(1, 254);
  }

  @Test
  void gradientsRunFromStopToStop() {
    run("[[\"set\",\"fillStyle\",{\"linear\":[0,0,100,0],\"stops\":[[0,\"#000000\"],[1,\"#ffffff\"]]}],[\"fillRect\",0,0,100,100]]");
    assertThat(rgba(2, 50)[0]).isLessThan(20);
    assertThat(rgba(50, 50)[0]).isBetween(110, 145);
    assertThat(rgba(97, 50)[0]).isGreaterThan(235);
  }

  @Test
  void compositeOperationsFollowPorterDuff() {
    run("[[\"set\",\"fillStyle\",\"#ff0000\"],[\"fillRect\",0,0,50,50],[\"set\",\"globalCompositeOperation\",\"destination-out\"],"
        + "[\"fillRect\",0,0,25,25],[\"set\",\"globalCompositeOperation\",\"source-in\"],[\"set\",\"fillStyle\",\"#0000ff\"],[\"fillRect\",0,0,100,100]]");
    assertThat(rgba(10, 10)[3]).isZero();
    assertThat(rgba(40, 40)).containsExactly(0, 0, 255, 255);
    assertThat(rgba(80, 80)[3]).isZero();
  }

  @Test
  void imageDataRoundTripsAndIgnoresTransformAndAlpha() {
    byte[] px = {10, 20, 30, (byte) 255, 0, 0, 0, 0};
    run("[[\"scale\",3,3],[\"set\",\"globalAlpha\",0.1]]");
    ctx.putImageData(px, 2, 1, 4, 5, 0, 0, 2, 1);
    assertThat(rgba(4, 5)).containsExactly(10, 20, 30, 255);
    assertThat(rgba(5, 5)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void textDrawsGlyphsOfTheBundledFontIncludingChinese() {
    run("[[\"set\",\"font\",\"bold 40px sans-serif\"],[\"set\",\"textBaseline\",\"top\"],[\"fillText\",\"海报\",0,0]]");
    int ink = 0;
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 90; x++) {
        ink += rgba(x, y)[3] > 128 ? 1 : 0;
      }
    }
    assertThat(ink).isGreaterThan(300);
    assertThat(ctx.measureText("海报").width()).isEqualTo(80.0, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void shadowsFallBesideTheShape() {
    run("[[\"set\",\"shadowColor\",\"rgba(0,0,0,1)\"],[\"set\",\"shadowOffsetX\",20],[\"set\",\"shadowOffsetY\",20],"
        + "[\"set\",\"fillStyle\",\"#ff0000\"],[\"fillRect\",10,10,20,20]]");
    assertThat(rgba(20, 20)).containsExactly(255, 0, 0, 255);
    assertThat(rgba(45, 45)).containsExactly(0, 0, 0, 255);
  }

  @Test
  void aCanvasOverTheLimitHasNoBitmapAndDrawsNothing() {
    Context2D huge = new Context2D(20_000, 20_000, CanvasLimits.WECHAT);
    huge.fillRect(0, 0, 10, 10);
    assertThat(huge.hasBitmap()).isFalse();
    assertThat(huge.drawCount()).isZero();
  }

  @Test
  void coloursSerialiseAsBrowsersDo() {
    assertThat(CssColor.serialize(CssColor.parse("RED").getAsInt())).isEqualTo("#ff0000");
    assertThat(CssColor.serialize(CssColor.parse("rgba(1, 2, 3, 0.5)").getAsInt())).isEqualTo("rgba(1, 2, 3, 0.5)");
    assertThat(CssColor.serialize(CssColor.parse("hsl(120, 100%, 50%)").getAsInt())).isEqualTo("#00ff00");
    assertThat(CssColor.parse("#12345")).isEmpty();
    assertThat(CanvasFont.parse("bold 16px sans-serif").orElseThrow().css()).isEqualTo("bold 16px sans-serif");
    assertThat(CanvasFont.parse("16px")).isEmpty();
  }

  static BufferedImage bitmapOf(Context2D c) {
    return c.bitmap();
  }
}
