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

  /** Sparrow's version, from the jar manifest (or "dev" when run from classes). */
  public static String version() {
    String v = Sparrow.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
