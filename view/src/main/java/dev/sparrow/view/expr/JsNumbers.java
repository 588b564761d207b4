package dev.sparrow.view.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** JavaScript's Number-to-String and String-to-Number conversions (ECMA-262 7.1.12.1 and 7.1.4.1.1). */
public final class JsNumbers {
  private JsNumbers() {}

  /** {@code String(d)} as JavaScript prints it: {@code 1}, {@code 0.30000000000000004}, {@code 1e+23}, {@code NaN}. */
  public static String toString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (d == 0) {
      return "0";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d < 0) {
      return "-" + toString(-d);
    }
    if (d == Math.rint(d) && d < 9007199254740992.0) {
      return Long.toString((long) d); // exact below 2^53
    }
    BigDecimal shortest = shortest(d);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // d = 0.digits × 10^n
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String exp = (e >= 0 ? "+" : "-") + Math.abs(e);
    return k == 1 ? digits + "e" + exp : digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
  }

  /** The shortest decimal that reads back as {@code d}, trailing zeros stripped. */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision));
      if (candidate.doubleValue() == d) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
  }

  /** {@code Number(s)}: trimmed, empty is 0, {@code 0x}/{@code 0o}/{@code 0b} prefixes, {@code Infinity}, else NaN. */
  public static double parse(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    if (t.length() > 2 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      int radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (radix != 0) {
        try {
          return new BigInteger(t.substring(2), radix).doubleValue();
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    switch (t) {
      case "Infinity":
      case "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != 'e' && ch != 'E' && ch != '+' && ch != '-') {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** ECMAScript ToInt32, used by the bitwise operators. */
  public static int toInt32(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return 0;
    }
    double t = d < 0 ? Math.ceil(d) : Math.floor(d);
    return (int) (long) (t % 4294967296.0);
  }
}
