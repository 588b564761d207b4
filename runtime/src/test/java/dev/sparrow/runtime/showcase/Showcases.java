package dev.sparrow.runtime.showcase;

import dev.sparrow.runtime.Examples;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The UI-library showcases (examples/vant, examples/tdesign) take their library from npm, as a team's project
 * does: the first test that needs one runs {@code npm install} in it (the build npm step then happens when the
 * session launches).
 */
final class Showcases {
  private Showcases() {}

  /** The showcase folder with its {@code node_modules} installed. */
  static synchronized Path installed(String name, String packageName) {
    Path dir = Examples.path(name);
    if (Files.isRegularFile(dir.resolve("node_modules").resolve(packageName).resolve("package.json"))) {
      return dir;
    }
    Examples.run(dir, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
    return dir;
  }
}
