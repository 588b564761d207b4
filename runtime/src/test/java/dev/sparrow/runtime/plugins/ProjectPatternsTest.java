package dev.sparrow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public TypeScript/Less/Sass mini programs (docs/testing.md, "Public projects tried"), each in a
 * small project of our own: app.json's {@code resolveAlias} for {@code require}/{@code import} and
 * {@code usingComponents}; style imports that climb out of {@code miniprogramRoot} and back into it.
 */
class ProjectPatternsTest {
  @TempDir Path cache;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void resolveAliasMapsRequiresAndComponentsTheLongestRuleFirst(@TempDir Path dir) throws IOException {
    write(dir.resolve("project.config.json"), "{\"miniprogramRoot\": \"src/\"}");
    Path root = dir.resolve("src");
    write(root.resolve("app.json"), """
        {"pages": ["pages/home/home"],
         "resolveAlias": {"@/*": "/*", "@utils/*": "lib/helpers/*", "@/lib/*": "lib/helpers/*",
                          "~bad": "/nowhere"}}""");
    write(root.resolve("app.js"), "const { twice } = require('@/lib/math');\nApp({ four: twice(2) })");
    write(root.resolve("lib/helpers/math.js"), "exports.twice = (n) => n * 2;");
    write(root.resolve("lib/helpers/label/index.js"), "module.exports = (n) => 'n=' + n;");
    write(root.resolve("pages/home/home.json"), "{\"usingComponents\": {\"badge\": \"@/components/badge/badge\"}}");
    write(root.resolve("pages/home/home.js"), """
        const label = require('@utils/label');
        Page({ data: { text: label(getApp().four) } })""");
    write(root.resolve("pages/home/home.wxml"), "<badge text=\"{{text}}\"/>");
    write(root.resolve("components/badge/badge.json"), "{\"component\": true}");
    write(root.resolve("components/badge/badge.js"), "Component({ properties: { text: String } })");
    write(root.resolve("components/badge/badge.wxml"), "<text class=\"badge\">{{text}}</text>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).compileCache(cache).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.project().problems()).extracting(Object::toString).containsExactly(
          "src/app.json:3: resolveAlias \"~bad\": the key and the value must end with /*");
      PageHandle page = s.currentPage();
      assertThat(page.data("text")).isEqualTo("n=4");
      assertThat(page.select("badge").orElseThrow().select(".badge").orElseThrow().text()).isEqualTo("n=4");
    }
  }
}
