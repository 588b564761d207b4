package dev.sparrow.runtime.project;

/**
 * One thing wrong with a project, located: {@code file} is project-relative; {@code line} and
 * {@code column} are 1-based, 0 when unknown. Prints as {@code file:line:column: message}.
 */
public record Problem(String file, int line, int column, String message) {
  public static Problem at(String file, String message) {
    return new Problem(file, 0, 0, message);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(message).toString();
  }
}
