package dev.sparrow.view.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script of {@code src/test/oracle} (WeChat's compilers from the npm package {@code miniprogram-compiler},
 * the UI libraries whose stylesheets the WXSS differential compiles) with Node. Installs the pinned packages of
 * {@code package.json} with {@code npm install} into {@code src/test/oracle/node_modules} (git-ignored) when one is
 * missing. {@link #unavailable()} explains why the oracles cannot run, if they cannot.
 */
final class NodeOracle {
  static final Path DIR = Paths.get("src/test/oracle").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private NodeOracle() {}

  /** Empty when Node and npm work here and the packages are (or got) installed; otherwise the reason. */
  static synchronized Optional<String> unavailable() throws IOException, InterruptedException {
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
      return Optional.of("`npm install` in " + DIR + " failed (exit " + rc + ")");
    }
    return Optional.empty();
  }

  /**
   * Skips the calling test when the oracles cannot run here (no Node or npm, no registry); fails it instead on CI
   * ({@code CI} set), where they must run.
   */
  static void assumeAvailable(String suite) throws IOException, InterruptedException {
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
  static Path module(String name) {
    return DIR.resolve("node_modules").resolve(name);
  }

  private static boolean installed() throws IOException {
    JsonNode deps = JSON.readTree(DIR.resolve("package.json").toFile()).path("dependencies");
    for (Iterator<String> it = deps.fieldNames(); it.hasNext(); ) {
      if (!Files.isRegularFile(module(it.next()).resolve("package.json"))) {
        return false;
      }
    }
    return true;
  }

  /** Runs {@code node <script> in.json out.json} over {@code input} and returns what the script wrote. */
  static JsonNode call(String script, JsonNode input) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("sparrow-oracle");
    Path in = tmp.resolve("in.json");
    Path out = tmp.resolve("out.json");
    Path log = tmp.resolve("node.log");
    try {
      Files.writeString(in, input.toString(), StandardCharsets.UTF_8);
      int rc = run(List.of("node", DIR.resolve(script).toString(), in.toString(), out.toString()), 600, log);
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

  private static int run(List<String> command, int timeoutSeconds, Path log) throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
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
