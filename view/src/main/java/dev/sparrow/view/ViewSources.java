package dev.sparrow.view;

import java.util.Map;
import java.util.Optional;

/**
 * Supplies project files (WXML, WXS, WXSS) to the view layer, which never touches the file system itself.
 *
 * <p>Paths are project-relative with forward slashes and no leading slash, e.g. {@code pages/index/index.wxml}.
 * An absent file is {@link Optional#empty()}; the compiler turns that into a located {@link ViewProblem}.
 */
@FunctionalInterface
public interface ViewSources {

  /** Returns the text of the file at {@code projectRelativePath}, or empty when it does not exist. */
  Optional<String> read(String projectRelativePath);

  /** Sources backed by an in-memory map; handy for tests and for callers that already hold the files. */
  static ViewSources of(Map<String, String> files) {
    Map<String, String> copy = Map.copyOf(files);
    return path -> Optional.ofNullable(copy.get(path));
  }
}
