package dev.sparrow.view.wxs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sparrow.view.expr.WccStrings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * WXS source made ready for a standard JavaScript engine, in two lexical steps:
 * <ul>
 *   <li>every string literal holding a backslash is replaced by one with the value wcc gives it ({@link WccStrings}:
 *       {@code '\d'} is backslash-d, so {@code getRegExp('^\d+$')} matches digits as in WeChat, while {@code '\\d'}
 *       reads {@code \x5cd});</li>
 *   <li>{@code x.constructor} and {@code x['constructor']} read {@code x.nv_constructor}, the type's name that the
 *       runtime puts on each prototype ({@code 'Array'}, as wcc's runtime does; the engine's own {@code constructor}
 *       stays, since array methods need it);</li>
 *   <li>a shorthand property in an object literal ({@code style({ color })}, as Vant's cascader writes) is spelt out
 *       ({@code color: color}): wcc accepts it while the engine runs WXS as ES5.</li>
 * </ul>
 * Comments and regular-expression literals are copied; lines stay where they were, so error locations keep pointing
 * at the source.
 */
final class WxsSource {
  /** Keywords after which a {@code /} starts a regular expression, not a division. */
  private static final Set<String> BEFORE_REGEX = Set.of(
      "return", "typeof", "case", "do", "else", "in", "instanceof", "new", "delete", "void", "throw");
  /** Words that end a block rather than name a shorthand property ({@code if (x) { return }}). */
  private static final Set<String> STATEMENT_WORDS = Set.of("return", "break", "continue", "debugger");
  private static final String PUNCTUATION_BEFORE_REGEX = "(,=:[!&|?{};+-*%<>~^";

  private WxsSource() {}

  static String prepare(String code) {
    if (code.indexOf('\\') < 0 && !code.contains("constructor") && code.indexOf('{') < 0) {
      return code;
    }
    StringBuilder out = new StringBuilder(code.length() + 16);
    int n = code.length();
    int i = 0;
    char last = 0; // the last significant character outside comments and strings
    String lastWord = "";
    Deque<Character> open = new ArrayDeque<>(); // the brackets around the current position
    while (i < n) {
      char ch = code.charAt(i);
      if (ch == '/' && i + 1 < n && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*')) {
        int end = code.charAt(i + 1) == '/' ? lineEnd(code, i) : commentEnd(code, i);
        out.append(code, i, end);
        i = end;
      } else if (ch == '"' || ch == '\'') {
        int end = stringEnd(code, i);
        String body = code.substring(i + 1, Math.max(i + 1, end - 1));
        boolean closed = end - 1 > i && code.charAt(end - 1) == ch;
        if (closed && last == '[' && body.equals("constructor") && code.startsWith("]", end)) {
          out.append(ch).append("nv_constructor").append(ch);
        } else if (closed && body.indexOf('\\') >= 0) {
          quote(WccStrings.read(body), out);
        } else {
          out.append(code, i, end);
        }
        i = end;
        last = ch;
        lastWord = "";
      } else if (ch == '/' && (last == 0 || PUNCTUATION_BEFORE_REGEX.indexOf(last) >= 0
          || BEFORE_REGEX.contains(lastWord))) {
        int end = regexEnd(code, i);
        out.append(code, i, end);
        i = end;
        last = 'r';
        lastWord = "";
      } else if (Character.isJavaIdentifierStart(ch)) {
        int end = i;
        while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
          end++;
        }
        lastWord = code.substring(i, end);
        out.append(last == '.' && lastWord.equals("constructor") ? "nv_constructor" : lastWord);
        if ((last == '{' || last == ',') && Character.valueOf('{').equals(open.peek())
            && !STATEMENT_WORDS.contains(lastWord)) {
          int next = end;
          while (next < n && Character.isWhitespace(code.charAt(next))) {
            next++;
          }
          if (next < n && (code.charAt(next) == ',' || code.charAt(next) == '}')) {
            out.append(": ").append(lastWord);
          }
        }
        last = ch;
        i = end;
      } else {
        out.append(ch);
        if (ch == '{' || ch == '[' || ch == '(') {
          open.push(ch);
        } else if ((ch == '}' || ch == ']' || ch == ')') && !open.isEmpty()) {
          open.pop();
        }
        if (!Character.isWhitespace(ch)) {
          last = ch;
          lastWord = "";
        }
        i++;
      }
    }
    return out.toString();
  }

  /** A JavaScript string literal holding exactly {@code value}, on one line (JSON's escapes, plus U+2028/9). */
  private static void quote(String value, StringBuilder out) {
    String body = new String(JsonStringEncoder.getInstance().quoteAsString(value));
    out.append('"').append(body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")).append('"');
  }

  /** After the closing quote, or at the line end / end of input for an unterminated string (left to the engine). */
  private static int stringEnd(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
        i++;
      } else if (ch == quote) {
        return i + 1;
      } else if (ch == '\n') {
        return i;
      }
    }
    return s.length();
  }

  private static int regexEnd(String s, int open) {
    boolean inClass = false;
    int i = open + 1;
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '[') {
        inClass = true;
      } else if (ch == ']') {
        inClass = false;
      } else if (ch == '\n') {
        return i;
      } else if (ch == '/' && !inClass) {
        i++;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        return i;
      }
    }
    return Math.min(i, s.length());
  }

  private static int lineEnd(String s, int from) {
    int e = s.indexOf('\n', from);
    return e < 0 ? s.length() : e;
  }

  private static int commentEnd(String s, int from) {
    int e = s.indexOf("*/", from + 2);
    return e < 0 ? s.length() : e + 2;
  }
}
