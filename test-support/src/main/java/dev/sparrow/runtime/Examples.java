package dev.sparrow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository's {@code examples/} projects for tests and benchmarks of any module (found from the working
 * directory up), set up and copied. Lives in test-support so that runtime, cli, automation and bench share it.
 */
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

  /**
   * Runs example {@code name}'s {@code setup} script (installs the npm packages it names; never committed) and
   * returns its folder, as {@link #path}.
   */
  public static Path setUp(String name) {
    Path project = path(name);
    run(project, "bash", project.resolve("setup").toString());
    return project;
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

  /**
   * Runs a set-up command (npm install, an example's {@code setup}) in {@code dir}. Its output goes to a log file, not
   * to the test JVM's own stdout, which Surefire reads as its channel; a failure throws with the log's text.
   */
  public static void run(Path dir, String... command) {
    try {
      Path log = Files.createTempFile("sparrow-setup", ".log");
      try {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
          p.destroyForcibly();
        }
        if (!done || p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed in " + dir
              + (done ? " (exit " + p.exitValue() + ")" : " (5 min)") + ":\n" + Files.readString(log));
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " is needed in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
