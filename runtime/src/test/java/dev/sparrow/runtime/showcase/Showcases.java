package dev.sparrow.runtime.showcase;

import dev.sparrow.runtime.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
    try {
      Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(dir.toFile()).inheritIO().start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("npm install failed in " + dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("npm is needed to install " + packageName + " into " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return dir;
  }
}
