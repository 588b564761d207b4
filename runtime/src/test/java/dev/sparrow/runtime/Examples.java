package dev.sparrow.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code examples/} folder from any module's working directory. */
public final class Examples {
  private Examples() {}

  public static Path path(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("examples/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
