package dev.sparrow.view;

/**
 * One located diagnostic: {@code file:line:column: message}, lines and columns counted from 1.
 * Column 0 means "the whole line" (used by WXSS, which reports lines only).
 */
public record ViewProblem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
