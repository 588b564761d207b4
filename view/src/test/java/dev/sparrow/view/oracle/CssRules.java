package dev.sparrow.view.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits browser CSS into rules and normalises each so that two compilers' output compare rule by rule: comments
 * dropped, whitespace collapsed (and removed around combinators, commas and parentheses), declarations split and
 * trimmed, empty declarations dropped. A rule inside {@code @media}/{@code @supports}/{@code @keyframes} carries
 * those preludes as its context: {@code @media (max-width:100px) | .a{width:5px}}.
 */
final class CssRules {
  private final String css;
  private int pos;

  private CssRules(String css) {
    this.css = css;
  }

  /** The rules of {@code css} in order, each as one normalised line. */
  static List<String> of(String css) {
    List<String> out = new ArrayList<>();
    new CssRules(css).block("", out);
    return out;
  }

  private void block(String context, List<String> out) {
    while (true) {
      skipSpaceAndComments();
      if (pos >= css.length()) {
        return;
      }
      char ch = css.charAt(pos);
      if (ch == '}') {
        pos++;
        return;
      }
      if (ch == ';') {
        pos++;
        continue;
      }
      int brace = find('{');
      int semi = find(';');
      int close = find('}');
      if (ch == '@' && semi >= 0 && (brace < 0 || semi < brace) && (close < 0 || semi < close)) {
        out.add(context + prelude(css.substring(pos, semi)) + ";");
        pos = semi + 1;
        continue;
      }
      if (brace < 0 || (close >= 0 && close < brace)) {
        out.add(context + "<garbage> " + space(css.substring(pos, close < 0 ? css.length() : close)));
        pos = close < 0 ? css.length() : close + 1;
        continue;
      }
      String head = css.substring(pos, brace);
      pos = brace + 1;
      if (ch == '@') {
        String name = head.substring(1).split("[\\s({]", 2)[0].toLowerCase(Locale.ROOT);
        if (name.equals("media") || name.equals("supports") || name.endsWith("keyframes")
            || name.equals("document") || name.equals("container") || name.equals("layer")) {
          block(context + prelude(head) + " | ", out);
          continue;
        }
        out.add(context + prelude(head) + "{" + declarations(body()) + "}");
        continue;
      }
      out.add(context + selectors(head) + "{" + declarations(body()) + "}");
    }
  }

  /** The text up to the '}' closing the block just opened (nested blocks included). */
  private String body() {
    int start = pos;
    int depth = 0;
    while (pos < css.length()) {
      char ch = css.charAt(pos);
      if (ch == '"' || ch == '\'') {
        pos = stringEnd(pos);
        continue;
      }
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        if (depth == 0) {
          pos++;
          return css.substring(start, pos - 1);
        }
        depth--;
      }
      pos++;
    }
    return css.substring(start);
  }

  private int find(char target) {
    int paren = 0;
    for (int i = pos; i < css.length(); i++) {
      char ch = css.charAt(i);
      if (ch == '"' || ch == '\'') {
        i = stringEnd(i) - 1;
      } else if (ch == '/' && css.startsWith("/*", i)) {
        int e = css.indexOf("*/", i + 2);
        i = e < 0 ? css.length() : e + 1;
      } else if (ch == '(') {
        paren++;
      } else if (ch == ')') {
        paren = Math.max(0, paren - 1);
      } else if (ch == target && (paren == 0 || target == '}')) {
        return i;
      }
    }
    return -1;
  }

  private int stringEnd(int open) {
    char q = css.charAt(open);
    for (int i = open + 1; i < css.length(); i++) {
      char ch = css.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == q) {
        return i + 1;
      }
    }
    return css.length();
  }

  private void skipSpaceAndComments() {
    while (pos < css.length()) {
      if (Character.isWhitespace(css.charAt(pos))) {
        pos++;
      } else if (css.startsWith("/*", pos)) {
        int e = css.indexOf("*/", pos + 2);
        pos = e < 0 ? css.length() : e + 2;
      } else {
        return;
      }
    }
  }

  static String selectors(String s) {
    return tight(space(stripComments(s)), ",>+~()");
  }

  static String prelude(String s) {
    return tight(space(stripComments(s)), ",()");
  }

  static String declarations(String body) {
    List<String> out = new ArrayList<>();
    for (String d : splitTopLevel(stripComments(body), ';')) {
      String t = space(d);
      if (t.isEmpty()) {
        continue;
      }
      int colon = t.indexOf(':');
      if (colon > 0 && !t.startsWith("{")) {
        t = t.substring(0, colon).strip() + ":" + tight(t.substring(colon + 1).strip(), ",()");
      }
      out.add(t.replaceAll("\\s*!\\s*important$", "!important"));
    }
    return String.join(";", out);
  }

  private static List<String> splitTopLevel(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != ch) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = Math.min(j, s.length());
      } else if (ch == '(' || ch == '{' || ch == '[') {
        depth++;
      } else if (ch == ')' || ch == '}' || ch == ']') {
        depth = Math.max(0, depth - 1);
      } else if (ch == sep && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static String space(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Removes the spaces around each of {@code chars} (outside strings, which CSS keeps as written). */
  private static String tight(String s, String chars) {
    StringBuilder out = new StringBuilder(s.length());
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        out.append(ch);
        if (ch == '\\' && i + 1 < s.length()) {
          out.append(s.charAt(++i));
        } else if (ch == quote) {
          quote = 0;
        }
        continue;
      }
      if (ch == '"' || ch == '\'') {
        quote = ch;
        out.append(ch);
      } else if (ch == ' ' && (nextIs(s, i + 1, chars) || (out.length() > 0
          && chars.indexOf(out.charAt(out.length() - 1)) >= 0))) {
        continue;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean nextIs(String s, int i, String chars) {
    return i < s.length() && chars.indexOf(s.charAt(i)) >= 0;
  }

  private static String stripComments(String s) {
    return s.contains("/*") ? s.replaceAll("(?s)/\\*.*?(\\*/|$)", "") : s;
  }
}
