package dev.sparrow.view.wxss;

/**
 * Rewrites a WXSS selector list for the simulator's DOM, as WeChat's compiler does: type selectors name component
 * elements ({@code view} → {@code wx-view}, also inside {@code :not(...)}), {@code page} is the {@code body},
 * class names get the isolation prefix; ids, attribute selectors, pseudo-classes and pseudo-elements are kept.
 * The universal selector {@code *} is not supported by WeChat and is reported by the caller.
 */
final class SelectorRewriter {
  private SelectorRewriter() {}

  static String rewrite(String selector, String classPrefix) {
    StringBuilder out = new StringBuilder(selector.length() + 16);
    int i = 0;
    int n = selector.length();
    boolean compoundStart = true;
    while (i < n) {
      char ch = selector.charAt(i);
      if (ch == '[') {
        int close = selector.indexOf(']', i);
        int end = close < 0 ? n : close + 1;
        out.append(selector, i, end);
        i = end;
        compoundStart = false;
      } else if (ch == '"' || ch == '\'') {
        int close = selector.indexOf(ch, i + 1);
        int end = close < 0 ? n : close + 1;
        out.append(selector, i, end);
        i = end;
      } else if (ch == '.' || ch == '#' || ch == ':') {
        int start = i;
        i++;
        if (ch == ':' && i < n && selector.charAt(i) == ':') {
          i++;
        }
        int nameStart = i;
        while (i < n && isName(selector.charAt(i))) {
          i++;
        }
        if (ch == '.') {
          out.append('.').append(classPrefix).append(selector, nameStart, i);
        } else {
          out.append(selector, start, i);
        }
        if (ch == ':' && i < n && selector.charAt(i) == '(') {
          out.append('(');
          i++;
          compoundStart = true;
          continue;
        }
        compoundStart = false;
      } else if (isName(ch) && compoundStart) {
        int start = i;
        while (i < n && isName(selector.charAt(i))) {
          i++;
        }
        String tag = selector.substring(start, i);
        out.append(tag.equals("page") ? "body" : Character.isDigit(tag.charAt(0)) ? tag : "wx-" + tag);
        compoundStart = false;
      } else {
        out.append(ch);
        i++;
        compoundStart = Character.isWhitespace(ch) || ch == '>' || ch == '+' || ch == '~' || ch == ','
            || ch == '(';
      }
    }
    return out.toString();
  }

  private static boolean isName(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch > 127;
  }
}
