package dev.sparrow.view.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.testing.NodeScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The scripts of {@code src/test/oracle} (WeChat's compilers from the npm package {@code miniprogram-compiler}, the UI
 * libraries whose stylesheets the WXSS differential compiles), run with Node by {@link NodeScripts}.
 */
final class NodeOracle {
  private static final NodeScripts SCRIPTS = new NodeScripts(Paths.get("src/test/oracle"));

  private NodeOracle() {}

  /** Skips the calling test when the oracles cannot run here; fails it on CI. */
  static void assumeAvailable(String suite) throws IOException, InterruptedException {
    SCRIPTS.assumeAvailable(suite);
  }

  /** The folder of an installed package, e.g. {@code @vant/weapp}. */
  static Path module(String name) {
    return SCRIPTS.module(name);
  }

  /** Runs {@code node <script> in.json out.json} over {@code input} and returns what the script wrote. */
  static JsonNode call(String script, JsonNode input) throws IOException, InterruptedException {
    return SCRIPTS.call(script, input);
  }
}
