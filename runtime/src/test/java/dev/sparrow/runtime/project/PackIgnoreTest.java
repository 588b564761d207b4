package dev.sparrow.runtime.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** packOptions.ignore rules of project.config.json, one row per rule type and boundary. */
class PackIgnoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1}: {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      folder | scripts        | scripts/build.js       | true
      folder | scripts/       | scripts/a/b.js         | true
      folder | ./scripts      | scripts/build.js       | true
      folder | scripts        | scripts.js             | false
      folder | scripts        | pages/scripts/x.js     | false
      file   | test/test.js   | test/test.js           | true
      file   | /test/test.js  | test/test.js           | true
      file   | test/test.js   | test/test.json         | false
      file   | Test/Test.JS   | test/test.js           | true
      suffix | .webp          | images/a.WEBP          | true
      suffix | .webp          | images/a.png           | false
      prefix | test-          | pages/test-a.js        | true
      prefix | test-          | test-dir/a.js          | false
      regexp | index\\.js$    | pages/index/index.js   | true
      regexp | index\\.js$    | pages/index/index.json | false
      regexp | ([             | pages/a.js             | false
      glob   | pages/api/**/*.js | pages/API/x/y.js    | true
      glob   | pages/api/**/*.js | pages/api/y.js      | true
      glob   | pages/api/**/*.js | pages/other/y.js    | false
      glob   | *.md           | readme.md              | true
      nope   | a.js           | a.js                   | false
      """)
  void rules(String type, String value, String path, boolean ignored) throws Exception {
    PackIgnore rules = PackIgnore.of(JSON.readTree(
        JSON.writeValueAsString(new Object[] {Map.of("type", type, "value", value)})));
    assertThat(rules.ignores(path)).isEqualTo(ignored);
  }

  @Test
  void readsProjectConfigAndToleratesItsAbsence(@TempDir Path dir) throws Exception {
    assertThat(PackIgnore.read(dir).ignores("a.js")).isFalse();
    Files.writeString(dir.resolve("project.config.json"),
        "{\"packOptions\": {\"ignore\": [{\"type\": \"folder\", \"value\": \"tools\"}]}}");
    assertThat(PackIgnore.read(dir).ignores("tools/release.js")).isTrue();
    Files.writeString(dir.resolve("project.config.json"), "{ not json");
    assertThat(PackIgnore.read(dir).ignores("tools/release.js")).isFalse();
  }
}
