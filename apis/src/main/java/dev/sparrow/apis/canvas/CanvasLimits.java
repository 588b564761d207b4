package dev.sparrow.apis.canvas;

/**
 * How big a canvas bitmap may be. WeChat documents 1365×1365 CSS px as the largest {@code <canvas type="2d">};
 * at a pixel ratio of 3 that is a 4095-pixel side, and phones refuse bitmaps over about 4096×4096 pixels
 * (Android's "create bitmap failed"). Over the limit a canvas has no bitmap: drawing does nothing and exporting
 * fails (docs/decisions.md).
 */
public record CanvasLimits(int maxSide, long maxArea) {
  public static final CanvasLimits WECHAT = new CanvasLimits(4096, 4096L * 4096);

  public boolean allows(long width, long height) {
    return width >= 0 && height >= 0 && width <= maxSide && height <= maxSide && width * height <= maxArea;
  }
}
