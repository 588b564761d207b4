package dev.sparrow.view.wxss;

import dev.sparrow.view.expr.JsNumbers;
import java.util.regex.Pattern;

/**
 * rpx to px, exactly as WeChat's {@code transformRPX}: {@code px = floor(rpx / 750 × screenWidth + 0.0001)};
 * 0 stays 0; a non-zero value that floors to 0 becomes 1 px, or 0.5 px on an iOS device with DPR above 1.
 * So on a 375 px iPhone: 1 rpx = 0.5 px, 10 rpx = 5 px, 3 rpx = 1 px, -20 rpx = -10 px.
 */
public final class Rpx {
  /** A url that is not a path in the package: a scheme ({@code https:}, {@code data:}) or {@code //}. */
  private static final Pattern REMOTE = Pattern.compile("^\\s*['\"]?\\s*(//|[a-zA-Z][a-zA-Z0-9+.-]*:)");

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

  /**
   * Replaces every rpx length in a declaration value, reading the value as wcsc's tokenizer does: a number
   * ({@code 12}, {@code 1.5}, {@code 10.}, {@code .5}, with a {@code +} or {@code -} sign) whose unit is exactly
   * {@code rpx}; a number cannot start inside a name ({@code a10rpx}, {@code _10rpx} and {@code 1e2rpx} stay) but a
   * sign joins it after anything ({@code a-10rpx} → {@code a-5px}, {@code +10rpx} → {@code 5px}). Strings and
   * {@code url()}s of package paths are left alone; a remote {@code url()} is read like the rest.
   */
  public static String convert(String value, WxssOptions o) {
    if (!value.contains("rpx")) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int n = value.length();
    int i = 0;
    while (i < n) {
      char ch = value.charAt(i);
      if (ch == '"' || ch == '\'') {
        int end = CssText.stringEnd(value, i);
        out.append(value, i, end);
        i = end;
      } else if (value.startsWith("url(", i) && !REMOTE.matcher(value.substring(i + 4)).find()) {
        int close = value.indexOf(')', i);
        int end = close < 0 ? n : close + 1;
        out.append(value, i, end);
        i = end;
      } else if (isNameStart(ch)) {
        int end = i;
        while (end < n && isNameChar(value.charAt(end))) {
          end++;
        }
        out.append(value, i, end);
        i = end;
      } else if (numberStarts(value, i)) {
        int end = i;
        if (ch == '+' || ch == '-') {
          end++;
        }
        while (end < n && isDigit(value.charAt(end))) {
          end++;
        }
        if (end < n && value.charAt(end) == '.') {
          end++;
          while (end < n && isDigit(value.charAt(end))) {
            end++;
          }
        }
        int unitEnd = end;
        while (unitEnd < n && isNameChar(value.charAt(unitEnd))) {
          unitEnd++;
        }
        if (value.substring(end, unitEnd).equals("rpx")) {
          out.append(JsNumbers.toString(toPx(Double.parseDouble(value.substring(i, end)), o))).append("px");
        } else {
          out.append(value, i, unitEnd);
        }
        i = unitEnd;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean numberStarts(String s, int i) {
    char ch = s.charAt(i);
    int j = ch == '+' || ch == '-' ? i + 1 : i;
    if (j >= s.length()) {
      return false;
    }
    char d = s.charAt(j);
    return isDigit(d) || (d == '.' && j + 1 < s.length() && isDigit(s.charAt(j + 1)));
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private static boolean isNameStart(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  }

  private static boolean isNameChar(char ch) {
    return isNameStart(ch) || isDigit(ch);
  }
}
