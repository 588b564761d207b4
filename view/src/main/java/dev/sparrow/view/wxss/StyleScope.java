package dev.sparrow.view.wxss;

/**
 * A custom component's style scope: the class prefix its elements and its compiled WXSS share.
 *
 * <p>Elements written by the component carry {@link #scopedClass} tokens in their class list; the component's
 * stylesheet is compiled with the same prefix ({@link WxssOptions#withClassPrefix}), which the compiler writes
 * into CSS through {@link #cssIdentifier}. So a prefix may hold any character a package path can hold
 * ({@code miniprogram_npm/@vant/weapp/button/index} gives {@code miniprogram_npm-@vant-weapp-button-index--},
 * written {@code .miniprogram_npm-\@vant-weapp-button-index--van-button} in CSS) and still match.
 */
public final class StyleScope {
  private StyleScope() {}

  /**
   * The class prefix of the component at {@code componentPath} ({@code components/card/card} →
   * {@code components-card-card--}): {@code /} becomes {@code -} and whitespace, which cannot be part of a class
   * token, becomes {@code _}; every other character is kept.
   */
  public static String classPrefix(String componentPath) {
    StringBuilder sb = new StringBuilder(componentPath.length() + 2);
    for (int i = 0; i < componentPath.length(); i++) {
      char ch = componentPath.charAt(i);
      sb.append(ch == '/' ? '-' : Character.isWhitespace(ch) ? '_' : ch);
    }
    return sb.append("--").toString();
  }

  /** The class token an element of the scope carries for {@code className} ({@code prefix + className}). */
  public static String scopedClass(String classPrefix, String className) {
    return classPrefix + className;
  }

  /**
   * {@code text} as the start of a CSS identifier, escaped as the CSSOM's {@code CSS.escape} does: letters, digits,
   * {@code -}, {@code _} and non-ASCII stay; a digit at the start (or after a leading {@code -}) and control
   * characters become hex escapes; every other character gets a backslash. (A prefix is never a lone {@code -},
   * which CSS.escape also escapes.)
   */
  public static String cssIdentifier(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      String escaped = escape(text, i, ch);
      if (escaped != null && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(escaped != null ? escaped : String.valueOf(ch));
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String escape(String text, int i, char ch) {
    if (ch == 0) {
      return "\uFFFD";
    }
    if (ch < 0x20 || ch == 0x7F || (Character.isDigit(ch) && ch < 128
        && (i == 0 || (i == 1 && text.charAt(0) == '-')))) {
      return "\\" + Integer.toHexString(ch) + " ";
    }
    if (ch >= 128 || ch == '-' || ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
        || (ch >= 'A' && ch <= 'Z')) {
      return null;
    }
    return "\\" + ch;
  }
}
