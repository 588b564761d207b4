package dev.sparrow.runtime;

import dev.sparrow.runtime.project.Project;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where a headless session's layout comes from ({@link SessionOptions#layout}): SelectorQuery, IntersectionObserver,
 * element sizes and offsets, page and scroll-view scroll sizes. The runtime has no layout of its own; an {@link
 * Engine} found with {@link ServiceLoader} lays the pages out ({@code sparrow-simulator} provides {@link #BROWSER}).
 */
public enum Layout {
  /** No layout: every box is 0 (the default; see decisions.md). */
  NONE,
  /** Headless Chromium paints each page as the simulator does, in a tab of one browser per JVM, and measures it. */
  BROWSER;

  /** {@code browser} or {@code none}, any case. */
  public static Layout parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "browser" -> BROWSER;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("layout must be browser or none, not " + name);
    };
  }

  /** A layout engine for sessions about to launch; implementations are listed as services. */
  public interface Engine {
    /** The layout this engine gives. */
    Layout kind();

    /**
     * Starts laying out the pages of a session of {@code project} about to launch with {@code options}: once this
     * returns the returned screen is ready to paint and measure.
     *
     * @throws IOException with a plain message when the engine cannot start (no browser installed…)
     */
    Attached attach(SessionOptions options, Project project) throws IOException;
  }

  /** One session's layout: the screen the session paints on, closed with the session. */
  public interface Attached extends AutoCloseable {
    Screen screen();

    /** The session exists (before its app launches). */
    default void launched(Session session) {}

    @Override
    void close();
  }

  /** The engine for {@code layout} on the class path, if any. */
  static Optional<Engine> engine(Layout layout) {
    return ServiceLoader.load(Engine.class, Engine.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).filter(e -> e.kind() == layout).findFirst();
  }
}
