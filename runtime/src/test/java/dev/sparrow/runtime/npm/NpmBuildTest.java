package dev.sparrow.runtime.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.ScriptCompiler;
import dev.sparrow.runtime.project.Problem;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DevTools' build npm on a node_modules laid out as npm installs it: mini program packages copied from their
 * miniprogram folder, plain packages packed from their entry, nested dependencies mirrored, devDependencies left out.
 */
class NpmBuildTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    TestFiles.write(dir.resolve(path), text);
  }

  private void project(String config) throws IOException {
    write("project.config.json", config);
    write("app.json", "{\"pages\":[\"pages/index/index\"],\"usingComponents\":{\"ui-tag\":\"@acme/ui/tag/index\"}}");
    write("app.js", "App({})");
    write("pages/index/index.wxml", "<ui-tag text=\"{{label}}\" />");
    write("pages/index/index.js", """
        const fmt = require('left-fmt');
        const util = require('@acme/ui/util');
        Page({ data: { label: fmt.pad('7', 3) + util.kind, meta: fmt.meta.v } });
        """);
  }

  private void packages() throws IOException {
    write("package.json", """
        {"dependencies": {"@acme/ui": "1.0.0", "left-fmt": "2.0.0"}, "devDependencies": {"jest-ish": "1.0.0"}}
        """);
    write("node_modules/@acme/ui/package.json", "{\"name\":\"@acme/ui\",\"version\":\"1.0.0\",\"miniprogram\":\"lib\"}");
    write("node_modules/@acme/ui/lib/tag/index.json", "{\"component\":true}");
    write("node_modules/@acme/ui/lib/tag/index.wxml", "<view class=\"tag\">{{text}}</view>");
    write("node_modules/@acme/ui/lib/tag/index.js", "Component({ properties: { text: String } })");
    write("node_modules/@acme/ui/lib/util.js", "module.exports = { kind: '!' }");
    write("node_modules/@acme/ui/src/ignored.js", "not part of the build");
    write("node_modules/left-fmt/package.json", "{\"name\":\"left-fmt\",\"version\":\"2.0.0\",\"main\":\"lib/main\",\"dependencies\":{\"repeat-str\":\"1\"}}");
    write("node_modules/left-fmt/lib/main.js", """
        const repeat = require('repeat-str');
        const { zero } = require('./chars');
        const meta = require('../meta.json');
        exports.pad = (s, n) => repeat(zero, n - s.length) + s;
        exports.meta = meta;
        """);
    write("node_modules/left-fmt/lib/chars.js", "export const zero = '0';");
    write("node_modules/left-fmt/meta.json", "{\"v\": 2}");
    write("node_modules/left-fmt/lib/unused.js", "module.exports = 'unused'");
    write("node_modules/left-fmt/node_modules/repeat-str/package.json", "{\"name\":\"repeat-str\",\"version\":\"1.0.0\"}");
    write("node_modules/left-fmt/node_modules/repeat-str/index.js", "module.exports = (s, n) => s.repeat(Math.max(0, n))");
    write("node_modules/jest-ish/package.json", "{\"name\":\"jest-ish\",\"version\":\"1.0.0\"}");
    write("node_modules/jest-ish/index.js", "module.exports = 1");
  }

  @Test
  void buildsEachPackageAsDevToolsDoes() throws IOException {
    project("{\"appid\":\"wx1\"}");
    packages();
    NpmBuild.Report r = NpmBuild.build(dir);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.built()).containsExactlyInAnyOrder("miniprogram_npm/@acme/ui", "miniprogram_npm/left-fmt",
        "miniprogram_npm/left-fmt/miniprogram_npm/repeat-str");
    assertThat(dir.resolve("miniprogram_npm/@acme/ui/tag/index.wxml")).hasContent("<view class=\"tag\">{{text}}</view>");
    assertThat(dir.resolve("miniprogram_npm/@acme/ui/src")).doesNotExist();
    assertThat(dir.resolve("miniprogram_npm/jest-ish")).as("devDependencies are not built").doesNotExist();
    assertThat(dir.resolve("miniprogram_npm/left-fmt")).isDirectoryContaining(p -> p.getFileName().toString().equals("index.js"));
    assertThat(Files.readString(dir.resolve("miniprogram_npm/left-fmt/index.js"))).doesNotContain("unused");
    assertThat(dir.resolve("miniprogram_npm/left-fmt/lib")).as("a plain package is one packed file").doesNotExist();

    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(null))) {
      s.awaitIdle();
      assertThat(s.errors()).isEmpty();
      assertThat(s.currentPage().data("label")).isEqualTo("007!");
      assertThat(s.currentPage().select("ui-tag").orElseThrow().text()).isEqualTo("007!");
      assertThat(s.currentPage().data("meta")).as("a JSON file required inside the pack").isEqualTo(2);
    }
  }

  @Test
  void packedEsModulesCompileThroughTheCompileCache() throws IOException {
    project("{\"appid\":\"wx1\"}");
    packages();
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    String chars = "export const zero = '0';";
    NpmBuild.build(dir, cache);
    assertThat(cache.peek(ScriptCompiler.VERSION, "esm", chars)).as("stored by the build").isPresent();

    cache.put(ScriptCompiler.VERSION, "esm", chars, "exports.zero = 'Z';");
    NpmBuild.build(dir, cache);
    assertThat(Files.readString(dir.resolve("miniprogram_npm/left-fmt/index.js")))
        .as("the second build reads it").contains("exports.zero = 'Z';");
  }

  @Test
  void launchBuildsAMissingOrStaleMiniprogramNpmAndSaysSoInOneLine() throws IOException {
    project("{\"appid\":\"wx1\"}");
    packages();
    List<String> notices = new ArrayList<>();
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(notices::add))) {
      s.awaitIdle();
      assertThat(s.currentPage().data("label")).isEqualTo("007!");
    }
    assertThat(notices).containsExactly("sparrow: miniprogram_npm is missing, building npm (as DevTools' \"build npm\")");
    assertThat(NpmBuild.staleness(dir)).isEmpty();

    notices.clear();
    Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(notices::add)).close();
    assertThat(notices).as("up to date: nothing said, nothing built").isEmpty();

    Files.setLastModifiedTime(dir.resolve("package.json"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(NpmBuild.staleness(dir)).contains("miniprogram_npm is older than package.json");
  }

  @Test
  void packNpmManuallyBuildsIntoTheRelationListsFolder() throws IOException {
    project("""
        {"miniprogramRoot": "miniprogram/", "setting": {"packNpmManually": true,
         "packNpmRelationList": [{"packageJsonPath": "./package.json", "miniprogramNpmDistDir": "./miniprogram/"}]}}
        """);
    for (String f : List.of("app.json", "app.js", "pages/index/index.wxml", "pages/index/index.js")) {
      write("miniprogram/" + f, Files.readString(dir.resolve(f)));
    }
    packages();
    assertThat(NpmBuild.staleness(dir)).contains("miniprogram/miniprogram_npm is missing");
    NpmBuild.build(dir);
    assertThat(dir.resolve("miniprogram/miniprogram_npm/@acme/ui/tag/index.js")).exists();
    assertThat(dir.resolve("miniprogram_npm")).doesNotExist();
  }

  @Test
  void packagesThatCannotBeBuiltAreNamedAndTheRestBuilds() throws IOException {
    project("{}");
    packages();
    write("package.json", "{\"dependencies\": {\"@acme/ui\": \"1\", \"not-installed\": \"1\", \"no-entry\": \"1\"}}");
    write("node_modules/no-entry/package.json", "{\"name\":\"no-entry\",\"main\":\"dist/gone.js\"}");
    NpmBuild.Report r = NpmBuild.build(dir);
    assertThat(r.built()).containsExactly("miniprogram_npm/@acme/ui");
    assertThat(r.warnings()).containsExactly(
        "npm package \"not-installed\" (a dependency of package.json) is not installed in node_modules: run npm install",
        "npm package \"no-entry\": no entry file (package.json \"main\" or index.js) to build");
  }

  @Test
  void launchWithoutNodeModulesSaysHowToInstallThemAndStillRuns() throws IOException {
    write("project.config.json", "{}");
    write("app.json", "{\"pages\":[\"pages/index/index\"]}");
    write("app.js", "App({})");
    write("pages/index/index.wxml", "<view>{{n}}</view>");
    write("pages/index/index.js", "Page({ data: { n: 1 } })");
    write("package.json", "{\"dependencies\": {\"left-fmt\": \"2.0.0\", \"repeat-str\": \"1.0.0\"}}");
    List<String> notices = new ArrayList<>();
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(notices::add))) {
      s.awaitIdle();
      assertThat(s.currentPage().data("n")).isEqualTo(1);
    }
    assertThat(notices).containsExactly("sparrow: package.json lists left-fmt, repeat-str but node_modules is missing:"
        + " run npm install in .");
  }

  @Test
  void cloudFunctionPackagesAreNotTheMiniProgramsNpm() throws IOException {
    // DevTools' build npm leaves cloudfunctionRoot alone; functions get Sparrow's wx-server-sdk
    write("project.config.json", "{\"cloudfunctionRoot\": \"cloudfunctions/\"}");
    write("app.json", "{\"pages\":[\"pages/index/index\"]}");
    write("app.js", "App({})");
    write("pages/index/index.wxml", "<view>{{n}}</view>");
    write("pages/index/index.js", "Page({ data: { n: 1 } })");
    write("cloudfunctions/login/package.json", "{\"dependencies\": {\"wx-server-sdk\": \"~2.6.3\"}}");
    write("cloudfunctions/login/index.js", "exports.main = async () => ({})");
    assertThat(NpmBuild.targets(dir)).isEmpty();
    List<String> notices = new ArrayList<>();
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(notices::add))) {
      s.awaitIdle();
      assertThat(s.currentPage().data("n")).isEqualTo(1);
    }
    assertThat(notices).isEmpty();
  }

  @Test
  void aComponentOfAnUnbuiltPackageSaysHowToBuildIt() throws IOException {
    project("{}");
    packages();
    List<Problem> problems;
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().autoBuildNpm(null))) {
      problems = s.project().problems();
    }
    assertThat(problems).extracting(Problem::toString).contains(
        "app.json:1: Component is not found in path \"@acme/ui/tag/index\" (using by \"app.json\"); npm package \"@acme/ui\""
            + " is installed in node_modules but not built into miniprogram_npm: run `sparrow build-npm PROJECT`"
            + " (DevTools: Tools → Build npm)");
  }

  @Test
  void aFailedBuildLeavesThePreviousOneInPlace() throws IOException {
    project("{}");
    packages();
    NpmBuild.build(dir);
    Path tag = dir.resolve("miniprogram_npm/@acme/ui/tag/index.js");
    assertThat(tag).exists();
    assertThat(Map.of("built", NpmBuild.build(dir).built().size())).containsEntry("built", 3);
    assertThat(tag).exists();
    assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".sparrow-"));
  }
}
