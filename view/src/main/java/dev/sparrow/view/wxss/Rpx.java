package dev.sparrow.view.wxss;

import dev.sparrow.view.expr.JsNumbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rpx to px, exactly as WeChat's {@code transformRPX}: {@code px = floor(rpx / 750 × screenWidth + 0.0001)};
 * 0 stays 0; a non-zero value that floors to 0 becomes 1 px, or 0.5 px on an iOS device with DPR above 1.
 * So on a 375 px iPhone: 1 rpx = 0.5 px, 10 rpx = 5 px, 3 rpx = 1 px, -20 rpx = -10 px.
 */
public final class Rpx {
  private static final Pattern RPX = Pattern.compile("(?<![\\w.-])(-?(?:\\d+\\.?\\d*|\\.\\d+))rpx\\b");

  private Rpx() {}

  public static double toPx(double rpx, WxssOptions o) {
    if (rpx == 0) {
      return 0;
    }
    double px = Math.floor(rpx / 750 * o.screenWidth() + 1e-4);
    if (px == 0) {
      return o.ios() && o.devicePixelRatio() > 1 ? 0.5 : 1;
    }
    return px;
  }

  /** Replaces every {@code <number>rpx} in a declaration value. */
  public static String convert(String value, WxssOptions o) {
    if (!value.contains("rpx")) {
      return value;
    }
    Matcher m = RPX.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      double px = toPx(Double.parseDouble(m.group(1)), o);
      m.appendReplacement(sb, Matcher.quoteReplacement(JsNumbers.toString(px) + "px"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
