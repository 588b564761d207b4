package dev.sparrow.view.wxss;

/** Reading CSS text: where a string literal ends. */
final class CssText {
  private CssText() {}

  /** The index after the string literal opening at {@code open} (a backslash escapes the next character). */
  static int stringEnd(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == quote) {
        return i + 1;
      }
    }
    return s.length();
  }
}
