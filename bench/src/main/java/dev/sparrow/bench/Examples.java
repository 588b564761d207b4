package dev.sparrow.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code examples/} folder from the working directory or its parents. */
final class Examples {
  private Examples() {}

  static Path path(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples").resolve(name))) {
        return dir.resolve("examples").resolve(name);
      }
    }
    throw new IllegalStateException("examples/" + name + " not found");
  }
}
