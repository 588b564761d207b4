package dev.sparrow.cli;

import static dev.sparrow.cli.CliTest.example;
import static dev.sparrow.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.cli.CliTest.Result;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.js.ScriptCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparrow check} on projects that use {@code setting.useCompilerPlugins}. */
class CompilerPluginsCheckTest {
  /**
   * Installs the example's npm package and builds its miniprogram_npm (so {@code check} has nothing to say about npm),
   * and loads Sucrase and dart-sass (tens of seconds in the interpreter on a busy machine) outside the time limit.
   */
  @BeforeAll
  static void loadCompilers() {
    Examples.setUp("typescript");
    assertThat(run("build-npm", example("typescript")).code()).isZero();
    ScriptCompiler.shared().compile("warm.ts", "export const a: number = 1;", true);
    ScriptCompiler.shared().style("warm.scss", "a { b: c; }", path -> null);
  }

  @Test
  void theTypeScriptExampleChecksClean() {
    Result r = run("check", example("typescript"));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("wxsparrowtsdemo1: app and 1 page load without errors");
    assertThat(r.code()).isZero();
  }

  @Test
  void errorsInTsAndScssFilesAreLocatedThere(@TempDir Path dir) throws IOException {
    Path project = Examples.copy("typescript", dir.resolve("p"));
    Path root = project.resolve("miniprogram");
    Files.writeString(root.resolve("utils/format.ts"), "export const greet = (g: {name: string}) => g.name;\n"
        + "export default function plural(n: number, word: string): string {\n  return n +;\n}\n");
    Files.writeString(root.resolve("pages/index/index.scss"), ".card {\n  color: $nope;\n}\n");
    Result r = run("check", project.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("miniprogram/pages/index/index.scss:2:10: Sass: Undefined variable.")
        .contains("utils/format.ts:3:13: SyntaxError: ");
  }

  @Test
  void anUnusedEsModuleIsCheckedByTheParserWithoutTheCompiler(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("project.config.json"), "{}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/a"));
    Files.createDirectories(dir.resolve("utils"));
    Files.writeString(dir.resolve("pages/a/a.js"), "import { ok } from '../../utils/ok';\nPage({ data: { ok } })");
    Files.writeString(dir.resolve("pages/a/a.wxml"), "<view>{{ok}}</view>");
    Files.writeString(dir.resolve("utils/ok.js"), "export const ok = 1;\n");
    Files.writeString(dir.resolve("utils/fine.js"), "import { ok } from './ok';\nexport default ok + 1;\n");
    Files.writeString(dir.resolve("utils/unused.js"), "import { ok } from './ok';\n\nexport const x = (ok;\n");
    Result r = run("check", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().filter(l -> l.contains("SyntaxError"))).hasSize(1);
    assertThat(r.err()).contains("utils/unused.js:3:21: SyntaxError:");
  }

  @Test
  void stylesWithoutTheirPluginAreNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("project.config.json"), "{}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/a"));
    Files.writeString(dir.resolve("pages/a/a.js"), "Page({})");
    Files.writeString(dir.resolve("pages/a/a.wxml"), "<view/>");
    Files.writeString(dir.resolve("pages/a/a.scss"), ".a { color: red; }");
    Result r = run("check", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pages/a/a.wxss: no pages/a/a.wxss, its styles are not used: found pages/a/a.scss, "
        + "add \"sass\" to setting.useCompilerPlugins");
  }
}
