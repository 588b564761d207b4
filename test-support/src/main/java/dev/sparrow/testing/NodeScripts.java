package dev.sparrow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder of Node scripts a differential test runs (its reference side): the pinned packages of its {@code
 * package.json} installed with {@code npm install} into its {@code node_modules} (git-ignored) when one is missing,
 * each script run as {@code node <script> in.json out.json} in that folder. {@link #unavailable()} explains why the
 * scripts cannot run, if they cannot.
 */
public final class NodeScripts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** The scripts of {@code dir}, the folder that has their {@code package.json}. */
  public NodeScripts(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  /** Empty when Node and npm work here and the packages are (or got) installed; otherwise the reason. */
  public synchronized Optional<String> unavailable() throws IOException, InterruptedException {
    if (run(List.of("node", "--version"), 30, null) != 0) {
      return Optional.of("`node` is not on the PATH");
    }
    if (installed()) {
      return Optional.empty();
    }
    if (run(List.of("npm", "--version"), 60, null) != 0) {
      return Optional.of("`npm` is not on the PATH");
    }
    int rc = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 600, null);
    if (rc != 0 || !installed()) {
      return Optional.of("`npm install` in " + dir + " failed (exit " + rc + ")");
    }
    return Optional.empty();
  }

  /**
   * Skips the calling test when the scripts cannot run here (no Node or npm, no registry); fails it instead on CI
   * ({@code CI} set), where they must run.
   */
  public void assumeAvailable(String suite) throws IOException, InterruptedException {
    Optional<String> missing = unavailable();
    if (missing.isPresent()) {
      String why = suite + " skipped: " + missing.get() + " (needs Node 20 + npm with registry access)";
      if (System.getenv("CI") != null) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
  }

  /** The folder of an installed package, e.g. {@code @vant/weapp}. */
  public Path module(String name) {
    return dir.resolve("node_modules").resolve(name);
  }

  private boolean installed() throws IOException {
    JsonNode deps = JSON.readTree(dir.resolve("package.json").toFile()).path("dependencies");
    for (Iterator<String> it = deps.fieldNames(); it.hasNext(); ) {
      if (!Files.isRegularFile(module(it.next()).resolve("package.json"))) {
        return false;
      }
    }
    return true;
  }

  /** Runs {@code node <script> in.json out.json} over {@code input} and returns what the script wrote. */
  public JsonNode call(String script, JsonNode input) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("sparrow-node");
    Path in = tmp.resolve("in.json");
    Path out = tmp.resolve("out.json");
    Path log = tmp.resolve("node.log");
    try {
      Files.writeString(in, input.toString(), StandardCharsets.UTF_8);
      int rc = run(List.of("node", dir.resolve(script).toString(), in.toString(), out.toString()), 600, log);
      if (rc != 0) {
        throw new IllegalStateException(script + " failed with exit code " + rc + ":\n" + Files.readString(log));
      }
      return JSON.readTree(out.toFile());
    } finally {
      for (Path p : new Path[] {in, out, log, tmp}) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The exit code of {@code command} run in the folder, its output to {@code log} (or dropped); -1 if it timed out. */
  private int run(List<String> command, int timeoutSeconds, Path log) throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()))
          .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    }
  }
}
