package dev.sparrow.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a URL in the person's browser with xdg-open, when there is a desktop to open it on. */
final class Browser {
  private Browser() {}

  /** True when a browser can be opened here: not in CI, a display is set, and xdg-open exists. */
  static boolean available() {
    if (System.getenv("CI") != null) {
      return false;
    }
    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
      return false;
    }
    return xdgOpen() != null;
  }

  static void open(String url, Terminal t) {
    if (!available()) {
      t.info("open " + url + " in a browser");
      return;
    }
    try {
      new ProcessBuilder(xdgOpen().toString(), url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      t.info("open " + url + " in a browser (xdg-open failed: " + e.getMessage() + ")");
    }
  }

  private static Path xdgOpen() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, "xdg-open");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
