package dev.sparrow.view.wxss;

/**
 * How to turn WXSS into browser CSS.
 *
 * @param screenWidth the simulated screen width in px; 750 rpx span it
 * @param devicePixelRatio the simulated DPR; with {@code ios}, a non-zero length that floors to 0 px becomes 0.5 px
 *     when the DPR is above 1 (else 1 px), as WeChat's {@code transformRPX} does
 * @param ios whether the simulated device is an iPhone
 * @param classPrefix prefix for class selectors (WeChat's per-component style isolation; "" for pages)
 */
public record WxssOptions(double screenWidth, double devicePixelRatio, boolean ios, String classPrefix) {

  /** An iPhone 6/7/8: 375 px wide, DPR 2, iOS, no class prefix; 1 rpx is 0.5 px. */
  public static final WxssOptions IPHONE_375 = new WxssOptions(375, 2, true, "");

  public WxssOptions withClassPrefix(String prefix) {
    return new WxssOptions(screenWidth, devicePixelRatio, ios, prefix);
  }
}
