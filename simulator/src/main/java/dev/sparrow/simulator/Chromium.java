package dev.sparrow.simulator;

import dev.sparrow.runtime.ScratchDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for screenshots of the phone screen: one process per shot with {@code
 * --screenshot}, a fresh profile in a throw-away folder (its {@code TMPDIR} too), and the flags that
 * keep it off the network. Finds the browser at {@code $SPARROW_CHROMIUM}, {@code /usr/bin/chromium}
 * or {@code chromium} on the PATH. {@link #close()} ends the shots still running, with every process
 * they started, and removes their folders.
 */
public final class Chromium implements AutoCloseable {
  static final List<String> QUIET_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio");

  /** The shots running now: each one's folder and browser process. */
  private final Map<ScratchDir, Process> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

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
      for (String dir : path.split(File.pathSeparator)) {
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
   * @throws IOException with a plain message when Chromium is missing or fails, or this is closed
   */
  public byte[] screenshot(String url, int width, int height, double scale) throws IOException {
    Path browser = find().orElseThrow(() -> new IOException(
        "a screenshot needs Chromium, which is not installed (apt-get install chromium, or set SPARROW_CHROMIUM)"));
    try (ScratchDir work = ScratchDir.create("shot")) {
      Path png = work.path().resolve("screen.png");
      Path log = work.path().resolve("chromium.log");
      Path tmp = Files.createDirectory(work.path().resolve("tmp"));
      List<String> cmd = new ArrayList<>();
      cmd.add(browser.toString());
      cmd.addAll(QUIET_FLAGS);
      cmd.add("--user-data-dir=" + work.path().resolve("profile"));
      cmd.add("--window-size=" + width + "," + height);
      cmd.add("--force-device-scale-factor=" + scale);
      cmd.add("--virtual-time-budget=1000");
      cmd.add("--screenshot=" + png);
      cmd.add(url);
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("TMPDIR", tmp.toString());
      Process p = start(work, builder);
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          throw new IOException("Chromium did not finish the screenshot within 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Chromium took the screenshot");
      } finally {
        end(p);
        running.remove(work);
      }
      if (closed) {
        throw new IOException("the simulator is closed");
      }
      if (!Files.isRegularFile(png) || Files.size(png) == 0) {
        String text = Files.exists(log) ? Files.readString(log) : "";
        throw new IOException("Chromium made no screenshot (exit " + p.exitValue() + "): " + text.lines().limit(5).toList());
      }
      return Files.readAllBytes(png);
    }
  }

  private synchronized Process start(ScratchDir work, ProcessBuilder builder) throws IOException {
    if (closed) {
      throw new IOException("the simulator is closed");
    }
    Process p = builder.start();
    running.put(work, p);
    return p;
  }

  /** Ends a shot's browser and everything it started (renderer, GPU and zygote processes). */
  private static void end(Process p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a process that will not die is the system's to reap
      }
    }
  }

  /** Ends the running shots and removes their folders; later shots fail. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    running.forEach((work, p) -> {
      end(p);
      work.close();
    });
  }
}
