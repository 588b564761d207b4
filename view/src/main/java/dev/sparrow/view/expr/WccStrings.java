package dev.sparrow.view.expr;

/**
 * What backslashes read as wherever WeChat's compiler copies text into its output: static WXML text, the static
 * parts of attribute values, and the contents of string literals in {@code {{ }}} and in WXS. wcc copies the text into
 * a JavaScript string literal: a backslash followed by {@code \}, {@code '}, {@code "}, {@code n}, {@code t} or
 * {@code r} is copied as is, any other backslash as {@code \x5c}, and quotes as {@code \x27} / {@code \x22};
 * JavaScript then reads the literal. So {@code a\nb} is a real line break ({@code \t}, {@code \r} alike),
 * {@code \d} stays {@code \d} (libraries write {@code getRegExp('^\d+$')} for it), a unicode escape stays as written,
 * and the odd ones: {@code \\} reads {@code \x5c}, {@code \'} reads {@code \x27}, {@code \"} reads {@code \x22},
 * while {@code \\n} reads {@code \n} (backslash, n).
 */
public final class WccStrings {
  private static final String PASSED = "\\'\"ntr";

  private WccStrings() {}

  /** The value of {@code text} (static text, or the inside of a string literal) as wcc's output has it. */
  public static String read(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder literal = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\\') {
        boolean passed = i + 1 < text.length() && PASSED.indexOf(text.charAt(i + 1)) >= 0;
        literal.append(passed ? "\\" : "\\x5c");
      } else if (ch == '\'') {
        literal.append("\\x27");
      } else if (ch == '"') {
        literal.append("\\x22");
      } else {
        literal.append(ch);
      }
    }
    return readLiteral(literal);
  }

  /** The escapes the literal can hold: {@code \\ \n \t \r \xHH}. */
  private static String readLiteral(CharSequence literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); i++) {
      char ch = literal.charAt(i);
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      char next = literal.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(literal.subSequence(i + 1, i + 3).toString(), 16));
          i += 2;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
