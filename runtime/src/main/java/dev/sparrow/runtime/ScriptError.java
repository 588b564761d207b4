package dev.sparrow.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error raised by the mini program's code (or found in it, like a syntax error), located in the
 * project: {@code file:line:column} of the innermost project frame, the message, the JS stack, and
 * where Sparrow was calling into the page when it happened ({@code origin}, e.g. {@code
 * "pages/index/index onLoad"}).
 */
public record ScriptError(String message, String stack, String file, int line, int column, String origin) {
  private static final Pattern FRAME = Pattern.compile("([A-Za-z0-9_@$.~\\-/]+\\.(?:js|ts|wxs)):(\\d+)(?::(\\d+))?");

  /** Builds an error located at the first project frame of {@code stack} (or of the message). */
  public static ScriptError of(String message, String stack, String origin) {
    for (String text : new String[] {stack, message}) {
      if (text == null) {
        continue;
      }
      Matcher m = FRAME.matcher(text);
      while (m.find()) {
        String file = m.group(1);
        if (file.startsWith("sparrow:") || file.contains("sparrow-base")) {
          continue;
        }
        int column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new ScriptError(message, stack, file, Integer.parseInt(m.group(2)), column, origin);
      }
    }
    return new ScriptError(message, stack, "", 0, 0, origin);
  }

  /** {@code file:line:column}, as far as it is known ({@code ""} when the place is not). */
  public String location() {
    if (file.isEmpty()) {
      return "";
    }
    return line <= 0 ? file : column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }

  /** {@code file:line:column: message} (or just the message when the place is unknown). */
  @Override
  public String toString() {
    String where = location();
    return where.isEmpty() ? message : where + ": " + message;
  }
}
