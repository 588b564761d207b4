package dev.sparrow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

  /** Copies example {@code name} to {@code target} (for a test that adds package files); returns target. */
  public static Path copy(String name, Path target) throws IOException {
    Path source = path(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return target;
  }
}
