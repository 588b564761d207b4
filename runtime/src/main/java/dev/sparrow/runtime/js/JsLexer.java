package dev.sparrow.runtime.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small JavaScript tokenizer: enough to find top-level {@code import}/{@code export}
 * statements without being fooled by strings, template literals, comments or regular expressions.
 * It does not validate; the engine reports real syntax errors with their location.
 */
final class JsLexer {
  enum Kind {
    NAME,
    STRING,
    NUMBER,
    PUNCT,
    TEMPLATE,
    REGEX
  }

  /** A token: kind, text, [start, end) offsets, and the brace depth it sits at. */
  record Token(Kind kind, String text, int start, int end, int depth) {
    boolean is(String s) {
      return (kind == Kind.NAME || kind == Kind.PUNCT) && text.equals(s);
    }
  }

  private static final Set<String> REGEX_AFTER_KEYWORD =
      Set.of("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof");

  private final String src;
  private int pos;
  private int depth;
  private final List<Token> tokens = new ArrayList<>();
  /** Brace depths at which a template literal's ${ was opened. */
  private final List<Integer> templateStack = new ArrayList<>();

  private JsLexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    JsLexer lx = new JsLexer(src);
    lx.run();
    return lx.tokens;
  }

  private void run() {
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"') {
        int start = pos;
        skipString(c);
        add(Kind.STRING, start);
      } else if (c == '`') {
        int start = pos;
        pos++;
        template(start);
      } else if (c == '}' && !templateStack.isEmpty() && templateStack.get(templateStack.size() - 1) == depth) {
        templateStack.remove(templateStack.size() - 1);
        int start = pos;
        pos++;
        template(start);
      } else if (Character.isJavaIdentifierStart(c) || c == '#' || c == '\\') {
        int start = pos;
        pos++;
        while (pos < n && (Character.isJavaIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '\\')) {
          pos++;
        }
        add(Kind.NAME, start);
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        int start = pos;
        pos++;
        while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '_'
            || ((src.charAt(pos) == '+' || src.charAt(pos) == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')))) {
          pos++;
        }
        add(Kind.NUMBER, start);
      } else if (c == '/' && regexAllowed()) {
        int start = pos;
        skipRegex();
        add(Kind.REGEX, start);
      } else {
        int start = pos;
        pos++;
        if (c == '{') {
          add(Kind.PUNCT, start);
          depth++;
          continue;
        }
        if (c == '}') {
          depth = Math.max(0, depth - 1);
        }
        if (c == '.' && peek(0) == '.' && peek(1) == '.') {
          pos += 2;
        } else if (c == '=' && peek(0) == '>') {
          pos++;
        } else if (c == '?' && peek(0) == '.' && !Character.isDigit(peek(1))) {
          pos++;
        }
        add(Kind.PUNCT, start);
      }
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private void add(Kind kind, int start) {
    tokens.add(new Token(kind, src.substring(start, pos), start, pos, depth));
  }

  private void skipString(char quote) {
    pos++;
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == quote || c == '\n') {
        pos++;
        return;
      } else {
        pos++;
      }
    }
  }

  /** Scans template text up to its end or to a ${, whose brace depth is remembered. */
  private void template(int start) {
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '`') {
        pos++;
        add(Kind.TEMPLATE, start);
        return;
      } else if (c == '$' && peek(1) == '{') {
        pos += 2;
        add(Kind.TEMPLATE, start);
        templateStack.add(depth);
        return;
      } else {
        pos++;
      }
    }
    add(Kind.TEMPLATE, start);
  }

  private boolean regexAllowed() {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    switch (last.kind()) {
      case NUMBER:
      case STRING:
      case REGEX:
        return false;
      case TEMPLATE:
        return last.text().endsWith("${");
      case NAME:
        return REGEX_AFTER_KEYWORD.contains(last.text());
      default:
        return !(last.text().equals(")") || last.text().equals("]") || last.text().equals("}"));
    }
  }

  private void skipRegex() {
    pos++;
    boolean inClass = false;
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '\n') {
        return;
      }
      pos++;
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) {
          pos++;
        }
        return;
      }
    }
  }
}
