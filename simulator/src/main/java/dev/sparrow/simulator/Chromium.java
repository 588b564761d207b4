package dev.sparrow.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for screenshots of the phone screen: one process per shot with {@code
 * --screenshot}, a fresh profile, and the flags that keep it off the network. Finds the browser at
 * {@code $SPARROW_CHROMIUM}, {@code /usr/bin/chromium} or {@code chromium} on the PATH.
 */
public final class Chromium {
  static final List<String> QUIET_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio");

  private Chromium() {}

  /** The browser to use, if one is installed. */
  public static Optional<Path> find() {
    String env = System.getenv("SPARROW_CHROMIUM");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    Path debian = Path.of("/usr/bin/chromium");
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        for (String name : List.of("chromium", "chromium-browser")) {
          Path p = Path.of(dir, name);
          if (Files.isExecutable(p)) {
            return Optional.of(p);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A PNG of {@code url} rendered in a {@code width}×{@code height} CSS-pixel window at {@code
   * scale} device pixels per CSS pixel.
   *
   * @throws IOException with a plain message when Chromium is missing or fails
   */
  public static byte[] screenshot(String url, int width, int height, double scale) throws IOException {
    Path browser = find().orElseThrow(() -> new IOException(
        "a screenshot needs Chromium, which is not installed (apt-get install chromium, or set SPARROW_CHROMIUM)"));
    Path work = Files.createTempDirectory("sparrow-shot-");
    try {
      Path png = work.resolve("screen.png");
      List<String> cmd = new ArrayList<>();
      cmd.add(browser.toString());
      cmd.addAll(QUIET_FLAGS);
      cmd.add("--user-data-dir=" + work.resolve("profile"));
      cmd.add("--window-size=" + width + "," + height);
      cmd.add("--force-device-scale-factor=" + scale);
      cmd.add("--virtual-time-budget=1000");
      cmd.add("--screenshot=" + png);
      cmd.add(url);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException("Chromium did not finish the screenshot within 60 s");
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Chromium took the screenshot");
      }
      if (!Files.isRegularFile(png) || Files.size(png) == 0) {
        String log = Files.exists(work.resolve("chromium.log")) ? Files.readString(work.resolve("chromium.log")) : "";
        throw new IOException("Chromium made no screenshot (exit " + p.exitValue() + "): " + log.lines().limit(5).toList());
      }
      return Files.readAllBytes(png);
    } finally {
      deleteTree(work);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
