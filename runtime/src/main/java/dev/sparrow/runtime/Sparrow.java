package dev.sparrow.runtime;

import java.nio.file.Path;

/**
 * Entry point: launch a mini program folder as a headless session.
 *
 * <pre>{@code
 * try (Session s = Sparrow.launch(Path.of("examples/quickstart")).awaitIdle()) { ... }
 * }</pre>
 */
public final class Sparrow {
  private Sparrow() {}

  /** Launches {@code projectDir} with default options. */
  public static Session launch(Path projectDir) {
    return launch(SessionOptions.of(projectDir));
  }

  /** Launches a project; throws {@link dev.sparrow.runtime.project.ProjectException} if it is broken. */
  public static Session launch(SessionOptions options) {
    return Session.launch(options);
  }

  /** Sparrow's version (from the build). */
  public static String version() {
    try (var in = Sparrow.class.getResourceAsStream("/dev/sparrow/runtime/version.properties")) {
      var p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (java.io.IOException e) {
      return "dev";
    }
  }
}
