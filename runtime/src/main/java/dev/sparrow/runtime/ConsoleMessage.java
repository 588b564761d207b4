package dev.sparrow.runtime;

/** One {@code console.*} call of the mini program: level ({@code log}, {@code warn}…) and text. */
public record ConsoleMessage(String level, String text) {
  @Override
  public String toString() {
    return "[" + level + "] " + text;
  }
}
