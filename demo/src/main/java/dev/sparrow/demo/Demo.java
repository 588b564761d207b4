package dev.sparrow.demo;

import dev.sparrow.runtime.SessionOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The seed demo: the {@code examples/demo} mini program with its backend. {@link #configure}
 * routes every {@link DemoSite} to the backend and whitelists it for its family, so the pages'
 * public URLs work offline with {@code urlCheck} on:
 *
 * <pre>{@code
 * try (DemoBackend backend = DemoBackend.start();
 *      Session s = Sparrow.launch(Demo.configure(SessionOptions.of(Demo.project()), backend))) {
 *   s.currentPage().select("#topic-request").orElseThrow().tap();
 * }
 * }</pre>
 */
public final class Demo {
  /** System property naming the demo project folder (else it is found beside the code: see {@link #project()}). */
  public static final String PROJECT_PROPERTY = "sparrow.demo.project";

  private Demo() {}

  /**
   * Adds the host map and whitelist for every demo site to {@code options}: {@code
   * https://www.baidu.com} → {@code backend.address()} and {@code www.baidu.com} allowed for {@code
   * request}, and so on. Domain checks stay as the project sets them ({@code urlCheck: true}).
   */
  public static SessionOptions configure(SessionOptions options, DemoBackend backend) {
    for (DemoSite site : DemoSite.values()) {
      options.hostMap(site.origin(), backend.address());
      options.allowDomains(site.family(), site.host());
    }
    return options;
  }

  /**
   * The demo project: the folder named by {@value #PROJECT_PROPERTY}, else {@code examples/demo} in
   * the repository this code was built in (found by walking up from the jar or classes folder),
   * else {@code examples/demo} under the working directory.
   */
  public static Path project() {
    String property = System.getProperty(PROJECT_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return fromCodeSource().orElse(Path.of("examples", "demo").toAbsolutePath());
  }

  /**
   * Writes the photos the headless album offers to {@code chooseImage} ({@code IMG_0001.jpg}…) into
   * {@code dir} and returns it: {@code sparrow demo --headless} uses them when no {@code --album} is given.
   */
  public static Path writeAlbum(Path dir) {
    return Assets.writeAlbum(dir);
  }

  private static Optional<Path> fromCodeSource() {
    try {
      var source = Demo.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
      for (int up = 0; up < 6 && p != null; up++, p = p.getParent()) {
        Path candidate = p.resolve("examples").resolve("demo");
        if (Files.isRegularFile(candidate.resolve("project.config.json"))) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
