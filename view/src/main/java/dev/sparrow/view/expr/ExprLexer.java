package dev.sparrow.view.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** Splits expression text into tokens; see {@link ExprParser} for the accepted language. */
final class ExprLexer {
  enum Kind { NUMBER, STRING, NAME, KEYWORD, PUNCT, END }

  record Token(Kind kind, String text, JsonNode value, int offset) {}

  private static final String[] PUNCTS = {
    "===", "!==", "...", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>",
    "+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "|", "^", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"
  };

  private final String src;
  private int pos;

  ExprLexer(String src) {
    this.src = src;
  }

  Token next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= src.length()) {
      return new Token(Kind.END, "", null, start);
    }
    char ch = src.charAt(pos);
    if (isDigit(ch) || (ch == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
      return number(start);
    }
    if (ch == '"' || ch == '\'') {
      return string(start, ch);
    }
    if (Character.isLetter(ch) || ch == '_' || ch == '$') {
      while (pos < src.length() && isNameChar(src.charAt(pos))) {
        pos++;
      }
      String name = src.substring(start, pos);
      boolean keyword = name.equals("true") || name.equals("false") || name.equals("null")
          || name.equals("undefined");
      return new Token(keyword ? Kind.KEYWORD : Kind.NAME, name, null, start);
    }
    for (String p : PUNCTS) {
      if (src.startsWith(p, pos)) {
        if (p.equals(">>") && src.startsWith(">>>", pos)) {
          break;
        }
        pos += p.length();
        return new Token(Kind.PUNCT, p, null, start);
      }
    }
    throw new ExprSyntaxException("unexpected character `" + ch + "`", start);
  }

  private Token number(int start) {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (isNameChar(src.charAt(pos)) || src.charAt(pos) == '.')) {
      throw new ExprSyntaxException("unexpected token `" + src.substring(start, pos + 1) + "`", start);
    }
    String text = src.substring(start, pos);
    return new Token(Kind.NUMBER, text, Js.number(Double.parseDouble(text)), start);
  }

  /** String literal, read as wcc's output reads it ({@link WccStrings}): {@code 'it\'s'} is {@code it\x27s}. */
  private Token string(int start, char quote) {
    pos++;
    int from = pos;
    while (true) {
      if (pos >= src.length()) {
        throw new ExprSyntaxException("unterminated string", start);
      }
      char ch = src.charAt(pos++);
      if (ch == quote) {
        break;
      }
      if (ch == '\n') {
        throw new ExprSyntaxException("line break in a string", start); // as wcc; a CR is kept
      }
      if (ch == '\\' && pos < src.length() && src.charAt(pos) != '\n') {
        pos++;
      }
    }
    String value = WccStrings.read(src.substring(from, pos - 1));
    return new Token(Kind.STRING, src.substring(start, pos), Js.string(value), start);
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private static boolean isNameChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
  }
}
