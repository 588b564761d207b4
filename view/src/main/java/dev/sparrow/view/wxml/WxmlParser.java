package dev.sparrow.view.wxml;

import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * WXML tokenizer and parser, following what WeChat's compiler ({@code wcc}) accepts.
 *
 * <p>Rules (each checked against wcc):
 * <ul>
 *   <li>{@code <} always opens a tag ({@code a < b} in text is an error); inside {@code {{ }}} it does not, so
 *       {@code {{a<b}}} is fine. A mustache runs to the first {@code }}} outside a string literal.</li>
 *   <li>Attribute values must be quoted ({@code a=1} is an error), may not span lines, end at the matching quote
 *       (quotes inside mustaches are not special) and may follow the previous attribute without a space.
 *       A backslash escapes the next character ({@code \"} does not end the value); {@code \n}, {@code \t},
 *       {@code \r} become line feed, tab, carriage return, any other escaped character stands for itself, and
 *       a CR LF so made reads as LF. Static text is then read like text ({@code WccStrings}).
 *       A valueless attribute is boolean {@code true}. Entities are not decoded anywhere.</li>
 *   <li>CR LF line ends read as LF everywhere (a lone CR stays).</li>
 *   <li>{@code <wxs>} bodies are raw text up to {@code </wxs>}; comments are dropped; tag and attribute names
 *       keep their case; {@code <x/>} self-closes any tag.</li>
 *   <li>A close tag must match the innermost open element; an element left open at the end is an error.</li>
 * </ul>
 * Errors stop the parse with one {@link ViewProblem} (1-based line and column of the offending character).
 */
public final class WxmlParser {
  /** Deeper nesting than this is reported as an error instead of risking stack overflows downstream. */
  public static final int MAX_DEPTH = 256;

  private final String file;
  private final String src;
  private int pos;
  private int line = 1;
  private int col = 1;

  private WxmlParser(String file, String src) {
    this.file = file;
    this.src = src;
  }

  /** Parses {@code source} (named {@code file} in problems) into its top-level nodes; CRLF reads as LF. */
  public static List<WxmlNode> parse(String file, String source) {
    return new WxmlParser(file, source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n")).document();
  }

  private record Open(WxmlElement element, List<WxmlNode> children) {}

  private List<WxmlNode> document() {
    List<WxmlNode> top = new ArrayList<>();
    Deque<Open> stack = new ArrayDeque<>();
    while (pos < src.length()) {
      List<WxmlNode> into = stack.isEmpty() ? top : stack.peek().children();
      if (src.startsWith("<!--", pos)) {
        comment();
      } else if (src.startsWith("</", pos)) {
        closeTag(stack);
      } else if (peek() == '<') {
        WxmlElement el = openTag(into);
        if (el != null) {
          if (stack.size() >= MAX_DEPTH) {
            throw error(el.line(), el.column(), "elements nested deeper than " + MAX_DEPTH);
          }
          if (el.tag().equals("wxs")) {
            rawBody(el);
          } else {
            stack.push(new Open(el, el.children()));
          }
        }
      } else {
        text(into);
      }
    }
    if (!stack.isEmpty()) {
      WxmlElement el = stack.peek().element();
      throw error(el.line(), el.column(), "end tag missing for `" + el.tag() + "`");
    }
    return top;
  }

  private void comment() {
    int end = src.indexOf("-->", pos + 4);
    advanceTo(end < 0 ? src.length() : end + 3); // wcc lets an unclosed comment run to the end
  }

  private void closeTag(Deque<Open> stack) {
    int l = line;
    int c = col;
    advance(2);
    skipSpaces();
    String name = name();
    skipSpaces();
    if (peek() != '>') {
      throw unexpected();
    }
    advance(1);
    if (stack.isEmpty()) {
      throw error(l, c, "got end tag `" + name + "` without a start tag");
    }
    WxmlElement open = stack.peek().element();
    if (!open.tag().equals(name)) {
      throw error(l, c, "expected end tag `" + open.tag() + "`, found `" + name + "`");
    }
    stack.pop();
  }

  /** Reads {@code <tag attrs>} or {@code <tag attrs/>}; returns the element only if it stays open. */
  private WxmlElement openTag(List<WxmlNode> into) {
    int l = line;
    int c = col;
    advance(1);
    skipSpaces();
    if (!isNameStart(peek())) {
      throw unexpected();
    }
    String tag = name();
    List<WxmlAttribute> attrs = new ArrayList<>();
    while (true) {
      boolean spaced = skipSpaces();
      char ch = peek();
      if (ch == '>') {
        advance(1);
        WxmlElement el = new WxmlElement(tag, attrs, new ArrayList<>(), l, c);
        into.add(el);
        return el;
      }
      if (ch == '/' && peekAt(1) == '>') {
        advance(2);
        into.add(new WxmlElement(tag, attrs, new ArrayList<>(), l, c));
        return null;
      }
      if (!isNameStart(ch) || (!spaced && attrs.isEmpty())) {
        throw unexpected();
      }
      attrs.add(attribute());
    }
  }

  private WxmlAttribute attribute() {
    int l = line;
    int c = col;
    String name = name();
    int mark = pos;
    int ml = line;
    int mc = col;
    skipSpaces();
    if (peek() != '=') {
      pos = mark;
      line = ml;
      col = mc;
      return new WxmlAttribute(name, null, l, c, l, c);
    }
    advance(1);
    skipSpaces();
    char quote = peek();
    if (quote != '"' && quote != '\'') {
      throw unexpected();
    }
    advance(1);
    int vl = line;
    int vc = col;
    StringBuilder value = new StringBuilder();
    while (true) {
      char ch = peek();
      if (pos >= src.length()) {
        throw error(line, col, "unexpected end of file in attribute `" + name + "`");
      }
      boolean escaped = ch == '\\' && pos + 1 < src.length();
      if (escaped) {
        advance(1);
        ch = peek();
      }
      if (ch == '\n' || ch == '\r') {
        throw error(line + 1, 1, "attribute values may not span lines"); // wcc reports the next line
      }
      advance(1);
      if (escaped) {
        value.append(ch == 'n' ? '\n' : ch == 't' ? '\t' : ch == 'r' ? '\r' : ch);
        continue;
      }
      if (ch == quote) {
        break;
      }
      value.append(ch);
    }
    String text = value.indexOf("\r\n") < 0 ? value.toString() : value.toString().replace("\r\n", "\n");
    checkMustaches(text, vl, vc);
    return new WxmlAttribute(name, text, l, c, vl, vc);
  }

  private void checkMustaches(CharSequence value, int vl, int vc) {
    int i = 0;
    String s = value.toString();
    while ((i = s.indexOf("{{", i)) >= 0) {
      int end = mustacheEnd(s, i + 2);
      if (end < 0) {
        throw error(vl, vc + i, "`{{` is not closed: did you forget }}, ' or \"?");
      }
      i = end + 2;
    }
  }

  /** Index of the {@code }}} closing a mustache whose body starts at {@code from}, skipping string literals. */
  static int mustacheEnd(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
        return i;
      }
    }
    return -1;
  }

  private void rawBody(WxmlElement wxs) {
    int end = src.indexOf("</wxs", pos);
    if (end < 0) {
      throw error(wxs.line(), wxs.column(), "end tag missing for `wxs`");
    }
    int l = line;
    int c = col;
    String body = src.substring(pos, end);
    advanceTo(end + 5);
    skipSpaces();
    if (peek() != '>') {
      throw unexpected();
    }
    advance(1);
    if (!body.isEmpty()) {
      wxs.children().add(new WxmlText(body, l, c));
    }
  }

  private void text(List<WxmlNode> into) {
    int l = line;
    int c = col;
    int start = pos;
    while (pos < src.length() && peek() != '<') {
      if (src.startsWith("{{", pos)) {
        int end = mustacheEnd(src, pos + 2);
        if (end < 0) {
          advanceTo(src.length());
          throw error(line, col, "unexpected end of file inside `{{`");
        }
        advanceTo(end + 2);
      } else if (peek() == '{' && peekAt(1) == '<') {
        advance(2); // wcc quirk: `{` swallows a following `<`, so `<view>{</view>` never closes
      } else {
        advance(1);
      }
    }
    into.add(new WxmlText(src.substring(start, pos), l, c));
  }

  private String name() {
    int start = pos;
    while (pos < src.length() && isNameChar(peek())) {
      advance(1);
    }
    if (start == pos) {
      throw unexpected();
    }
    return src.substring(start, pos);
  }

  private static boolean isNameStart(char ch) {
    return Character.isLetter(ch) || ch == '_' || ch == ':';
  }

  private static boolean isNameChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == ':';
  }

  private boolean skipSpaces() {
    boolean any = false;
    while (pos < src.length() && Character.isWhitespace(peek())) {
      advance(1);
      any = true;
    }
    return any;
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private char peekAt(int offset) {
    return pos + offset < src.length() ? src.charAt(pos + offset) : '\0';
  }

  private void advance(int n) {
    for (int i = 0; i < n && pos < src.length(); i++) {
      if (src.charAt(pos++) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
  }

  private void advanceTo(int target) {
    advance(target - pos);
  }

  private ViewException unexpected() {
    if (pos >= src.length()) {
      return error(line, col, "unexpected end of file");
    }
    char ch = peek();
    String shown = ch == '\n' ? "\\n" : String.valueOf(ch);
    return error(line, col, "unexpected character `" + shown + "`");
  }

  private ViewException error(int l, int c, String message) {
    return new ViewException(new ViewProblem(file, l, c, message));
  }
}
