package dev.sparrow.view.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/oracle/wcc-oracle.js} (WeChat's wcc via the npm package {@code miniprogram-compiler}) over
 * a batch of cases. Installs the package with {@code npm install} into {@code src/test/oracle/node_modules}
 * (git-ignored) when it is missing. {@link #unavailable()} explains why the oracle cannot run, if it cannot.
 */
final class WccOracle {
  static final Path DIR = Paths.get("src/test/oracle").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private WccOracle() {}

  /** Empty when Node and npm work here and the package is (or got) installed; otherwise the reason. */
  static Optional<String> unavailable() throws IOException, InterruptedException {
    if (run(List.of("node", "--version"), 30) != 0) {
      return Optional.of("`node` is not on the PATH");
    }
    if (Files.isDirectory(DIR.resolve("node_modules/miniprogram-compiler"))) {
      return Optional.empty();
    }
    if (run(List.of("npm", "--version"), 60) != 0) {
      return Optional.of("`npm` is not on the PATH");
    }
    int rc = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    if (rc != 0 || !Files.isDirectory(DIR.resolve("node_modules/miniprogram-compiler"))) {
      return Optional.of("`npm install` in " + DIR + " failed (exit " + rc + ")");
    }
    return Optional.empty();
  }

  /** WeChat's result per case name: {@code {"tree": ...}} or {@code {"error": "..."}}. */
  static Map<String, JsonNode> render(List<OracleCase> cases) throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("sparrow-oracle");
    Path in = tmp.resolve("cases.json");
    Path out = tmp.resolve("results.json");
    ArrayNode arr = JSON.createArrayNode();
    for (OracleCase c : cases) {
      ObjectNode o = arr.addObject();
      o.put("name", c.name());
      ObjectNode files = o.putObject("files");
      c.files().forEach(files::put);
      o.set("data", JSON.readTree(c.data()));
    }
    Files.writeString(in, arr.toString(), StandardCharsets.UTF_8);
    Path log = tmp.resolve("node.log");
    int rc = run(List.of("node", DIR.resolve("wcc-oracle.js").toString(), in.toString(), out.toString()), 600, log);
    if (rc != 0) {
      throw new IllegalStateException("wcc-oracle.js failed with exit code " + rc + ":\n" + Files.readString(log));
    }
    Files.deleteIfExists(log);
    Map<String, JsonNode> results = new HashMap<>();
    for (JsonNode r : JSON.readTree(out.toFile())) {
      results.put(r.get("name").asText(), r);
    }
    Files.deleteIfExists(in);
    Files.deleteIfExists(out);
    Files.deleteIfExists(tmp);
    return results;
  }

  private static int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    return run(command, timeoutSeconds, null);
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
