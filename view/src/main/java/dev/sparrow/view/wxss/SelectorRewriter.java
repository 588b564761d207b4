package dev.sparrow.view.wxss;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a WXSS selector list for the simulator's DOM exactly as WeChat's compiler ({@code wcsc}) does:
 * <ul>
 *   <li>a type selector names a component element ({@code view} → {@code wx-view}, case kept); {@code page} (any
 *       case) is the {@code body} unless a class follows it ({@code page.x} → {@code wx-page.x});</li>
 *   <li>a class gets the isolation prefix, except after an id or a pseudo-class/element without parentheses in
 *       the same compound ({@code .a:hover.b} → {@code .P--a:hover.b}); an attribute selector or a pseudo-class
 *       with parentheses prefixes again;</li>
 *   <li>{@code :not(...)} is rewritten inside, unless a comma follows it or it holds parentheses; the arguments of
 *       every other pseudo-class ({@code :is(view)}, {@code :nth-child(odd)}, {@code :where}, {@code :has}) are kept
 *       as written;</li>
 *   <li>ids, attribute selectors, pseudo-classes and pseudo-elements are kept.</li>
 * </ul>
 * The universal selector {@code *} is not supported by WeChat and is reported by the caller.
 */
final class SelectorRewriter {
  /** {@code :host}, {@code :host(args)} or {@code :host-context(args)} as a whole selector, maybe with classes. */
  private static final Pattern HOST = Pattern.compile("\\s*:host(?:-context)?(?:\\(([^()]*)\\))?(?:\\.[\\w-]+)*\\s*");
  private static final Pattern CLASS = Pattern.compile("\\.[\\w-]+");

  private SelectorRewriter() {}

  /**
   * For a selector that styles the component's host ({@code :host}, {@code :host(.a.b)},
   * {@code :host-context(.a)}), the classes wcsc keeps in front of the host's attribute selector ({@code ".a.b"};
   * types, ids and pseudo-classes in the parentheses and classes after them are dropped, as wcsc drops them);
   * empty otherwise.
   */
  static Optional<String> hostClasses(String selector) {
    Matcher m = HOST.matcher(selector);
    if (!m.matches()) {
      return Optional.empty();
    }
    StringBuilder classes = new StringBuilder();
    if (m.group(1) != null) {
      Matcher c = CLASS.matcher(m.group(1));
      while (c.find()) {
        classes.append(c.group());
      }
    }
    return Optional.of(classes.toString());
  }

  static String rewrite(String selector, String classPrefix) {
    StringBuilder out = new StringBuilder(selector.length() + 16);
    String prefix = StyleScope.cssIdentifier(classPrefix);
    int i = 0;
    int n = selector.length();
    boolean compoundStart = true;
    boolean prefixing = true;
    while (i < n) {
      char ch = selector.charAt(i);
      if (ch == '[') {
        int close = selector.indexOf(']', i);
        int end = close < 0 ? n : close + 1;
        out.append(selector, i, end);
        i = end;
        compoundStart = false;
        prefixing = true;
      } else if (ch == '"' || ch == '\'') {
        int end = CssText.stringEnd(selector, i);
        out.append(selector, i, end);
        i = end;
      } else if (ch == '.') {
        int end = nameEnd(selector, i + 1);
        out.append('.').append(prefixing ? prefix : "").append(selector, i + 1, end);
        i = end;
        compoundStart = false;
      } else if (ch == '#') {
        int end = nameEnd(selector, i + 1);
        out.append(selector, i, end);
        i = end;
        compoundStart = false;
        prefixing = false;
      } else if (ch == ':') {
        int start = i;
        i += i + 1 < n && selector.charAt(i + 1) == ':' ? 2 : 1;
        i = nameEnd(selector, i);
        String name = selector.substring(start, i);
        compoundStart = false;
        if (i < n && selector.charAt(i) == '(') {
          int close = closingParen(selector, i);
          String args = selector.substring(i + 1, close < 0 ? n : close);
          int after = close < 0 ? n : close + 1;
          boolean rewritten = name.equalsIgnoreCase(":not") && !args.contains("(") && !commaFollows(selector, after);
          out.append(name).append('(').append(rewritten ? rewrite(args, classPrefix) : args);
          if (close >= 0) {
            out.append(')');
          }
          i = after;
          prefixing = true;
        } else {
          out.append(name);
          prefixing = false;
        }
      } else if (compoundStart && isName(ch)) {
        int end = nameEnd(selector, i);
        String tag = selector.substring(i, end);
        boolean classFollows = end < n && selector.charAt(end) == '.';
        out.append(tag.equalsIgnoreCase("page") && !classFollows ? "body"
            : Character.isDigit(tag.charAt(0)) ? tag : "wx-" + tag);
        i = end;
        compoundStart = false;
      } else {
        out.append(ch);
        i++;
        compoundStart = Character.isWhitespace(ch) || ch == '>' || ch == '+' || ch == '~' || ch == ',';
        if (compoundStart) {
          prefixing = true;
        }
      }
    }
    return out.toString();
  }

  /** The end of a name starting at {@code from}; a backslash escapes the next character. */
  private static int nameEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        i += 2;
      } else if (isName(ch)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int closingParen(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\'') {
        i = CssText.stringEnd(s, i) - 1;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean commaFollows(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == ',';
  }

  private static boolean isName(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch > 127;
  }
}
