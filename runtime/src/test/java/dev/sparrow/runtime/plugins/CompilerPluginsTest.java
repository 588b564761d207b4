package dev.sparrow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.ScriptException;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.runtime.js.CompileCache;
import dev.sparrow.runtime.js.ScriptCompiler;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.runtime.project.ProjectFiles;
import dev.sparrow.runtime.project.StyleSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code setting.useCompilerPlugins}: examples/typescript (TypeScript + Sass under {@code miniprogramRoot}) runs
 * headless; errors in a {@code .ts} or {@code .scss} file are located there and spare the rest; Less; the hint when
 * a plugin is not declared.
 */
class CompilerPluginsTest {
  @TempDir Path cache;

  /**
   * Installs the TypeScript example's npm package (its {@code setup}) and loads the three compilers (tens of seconds
   * in the interpreter on a busy machine) outside the tests' time limit.
   */
  @BeforeAll
  static void loadCompilers() {
    Examples.setUp("typescript");
    ScriptCompiler.shared().compile("warm.ts", "export const a: number = 1;", true);
    ScriptCompiler.shared().style("warm.scss", "a { b: c; }", path -> null);
    ScriptCompiler.shared().style("warm.less", "a { b: c; }", path -> null);
  }

  private Session launch(Path project) {
    Session s = Sparrow.launch(SessionOptions.of(project).compileCache(cache).virtualClock()
        .scriptTimeout(Duration.ofSeconds(60)));
    s.awaitIdle(Duration.ofMinutes(3));
    return s;
  }

  private static String css(Session s, String route) {
    return ViewLayer.pageCss(s.project(), route, ViewLayer.cssOptions(DeviceProfile.IPHONE_6)).css();
  }

  @Test
  void theTypeScriptAndSassExampleRuns() {
    try (Session s = launch(Examples.path("typescript"))) {
      assertThat(s.project().problems()).isEmpty();
      PageHandle page = s.currentPage();
      assertThat(page.data("title")).isEqualTo("Hello, Sparrow!");
      assertThat(page.data("label")).isEqualTo("0 taps");
      page.select("#counter").orElseThrow().select(".counter").orElseThrow().tap();
      s.awaitIdle();
      assertThat(page.data("total")).isEqualTo(5);
      assertThat(page.data("label")).isEqualTo("5 taps");
      String pageCss = css(s, "pages/index/index");
      assertThat(pageCss).contains("#f6f7f9").contains("#07c160").doesNotContain("theme.$");
      assertThat(s.errors()).isEmpty();
      // a runtime error in compiled code names the .ts file, its line and (through the source map) its column
      assertThatThrownBy(() -> page.callMethod("crash")).isInstanceOfSatisfying(ScriptException.class,
          e -> assertThat(e.error().toString()).startsWith("pages/index/index.ts:17:12: TypeError: "));
    }
  }

  @Test
  void aBrokenTsOrScssFileIsLocatedAndTheRestRuns(@TempDir Path dir) throws IOException {
    Path project = Examples.copy("typescript", dir.resolve("p"));
    Path root = project.resolve("miniprogram");
    Files.writeString(root.resolve("components/counter/counter.ts"), "Component({\n  data: { value: 0 ,\n});\n");
    Files.writeString(root.resolve("pages/index/index.scss"), ".card {\n  color: $nope;\n}\n");
    try (Session s = launch(project)) {
      assertThat(s.project().problems()).extracting(Object::toString)
          .anySatisfy(p -> assertThat(p)
              .startsWith("miniprogram/pages/index/index.scss:2:10: Sass: Undefined variable"));
      assertThat(s.errors()).anySatisfy(e -> {
        assertThat(e.file()).isEqualTo("components/counter/counter.ts");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message()).startsWith("SyntaxError: ");
      });
      assertThat(s.currentPage().data("title")).isEqualTo("Hello, Sparrow!");
      assertThat(css(s, "pages/index/index")).doesNotContain("$nope");
    }
  }

  @Test
  void lessStylesCompileWithTheirImports(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("project.config.json"),
        "{\"setting\": {\"useCompilerPlugins\": [\"less\", \"coffee\"]}}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/a"));
    Files.createDirectories(dir.resolve("styles"));
    Files.writeString(dir.resolve("styles/vars.less"), "@accent: #1989fa;\n.round() { border-radius: 8rpx; }\n");
    Files.writeString(dir.resolve("pages/a/a.js"), "Page({})");
    Files.writeString(dir.resolve("pages/a/a.wxml"), "<view class=\"box\"><text class=\"t\">x</text></view>");
    Files.writeString(dir.resolve("pages/a/a.less"), "@import '/styles/vars';\n.box { color: @accent; .round();"
        + " .t { width: (100rpx / 2); } }\n");
    try (Session s = launch(dir)) {
      assertThat(s.project().problems()).extracting(Object::toString).containsExactly("project.config.json:1: "
          + "unknown compiler plugin \"coffee\" in setting.useCompilerPlugins (Sparrow knows typescript, less, sass)");
      assertThat(css(s, "pages/a/a")).contains("#1989fa").contains("border-radius").contains(".box .t");
    }
  }

  @Test
  void cachedStylesAreRecompiledWhenAnImportChanges(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("_vars.scss"), "$c: red;\n");
    Files.writeString(dir.resolve("base.wxss"), ".base { margin: 4rpx; }\n");
    String indented = "@import 'vars'\n@import 'base.wxss'\n.a\n  color: $c\n";
    StyleSources styles = new StyleSources(new ProjectFiles(dir), new CompileCache(cache));
    assertThat(styles.apply("a.sass", indented)).contains("color: red").contains(".base");
    assertThat(new StyleSources(new ProjectFiles(dir), new CompileCache(cache)).apply("a.sass", indented))
        .contains("color: red");
    Files.writeString(dir.resolve("_vars.scss"), "$c: blue;\n");
    assertThat(new StyleSources(new ProjectFiles(dir), new CompileCache(cache)).apply("a.sass", indented))
        .contains("color: blue");
    assertThat(styles.problems()).isEmpty();
  }

  @Test
  void aTsProjectWithoutThePluginIsToldWhatToDeclare(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("project.config.json"), "{}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    Files.writeString(dir.resolve("app.ts"), "App({})");
    assertThatThrownBy(() -> Sparrow.launch(SessionOptions.of(dir).compileCache(cache)))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("app.js is missing: found app.ts, add \"typescript\" to setting.useCompilerPlugins");
  }
}
