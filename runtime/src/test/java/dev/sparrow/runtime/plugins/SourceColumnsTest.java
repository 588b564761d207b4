package dev.sparrow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.ScriptException;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.js.ScriptCompiler;
import dev.sparrow.runtime.js.SourceMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in compiled code (TypeScript, ES modules) name the source's line and column: the compiler keeps
 * lines but not every column, so each compiled file's source map gives them back, also from the compile
 * cache; a plain file's first line no longer counts the module wrapper. App.onError and the console read the same
 * places. The compilers' own syntax errors are located by line and column.
 */
class SourceColumnsTest {
  /** Types before the throw: the compiled line is shorter than the source's. */
  private static final String THROWING =
      "    const x: number = 42; const label: string = 'n'; throw new Error('boom ' + label + x);";
  private static final String PAGE = "import { deep } from '../../utils/deep';\n"
      + "Page({\n"
      + "  onLoad() {\n"
      + THROWING + "\n"
      + "  },\n"
      + "  crash() { return deep(); },\n"
      + "});\n";
  /** An ES module (no types), whose {@code export} is compiled away: the property read moves left. */
  private static final String DEEP_LINE = "export function deep() { const o = {}; return o.d.value; }";
  private static final String PLAIN_LINE = "var id = 1; Page({ onLoad() { null.x; } });";

  @TempDir Path cache;

  @BeforeAll
  static void loadCompiler() {
    ScriptCompiler.shared().compile("warm.ts", "export const a: number = 1;", true);
  }

  private static Path project(Path dir) throws IOException {
    Files.writeString(dir.resolve("project.config.json"), "{\"setting\": {\"useCompilerPlugins\": [\"typescript\"]}}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/a/a\", \"pages/b/b\"]}");
    Files.writeString(dir.resolve("app.ts"),
        "App({ onError(stack: string) { console.warn('onError ' + stack); } });\n");
    Files.createDirectories(dir.resolve("pages/a"));
    Files.createDirectories(dir.resolve("pages/b"));
    Files.createDirectories(dir.resolve("utils"));
    Files.writeString(dir.resolve("pages/a/a.ts"), PAGE);
    Files.writeString(dir.resolve("pages/a/a.wxml"), "<view>a</view>");
    Files.writeString(dir.resolve("pages/b/b.js"), PLAIN_LINE + "\n");
    Files.writeString(dir.resolve("pages/b/b.wxml"), "<view>b</view>");
    Files.writeString(dir.resolve("utils/deep.js"), "\n\n" + DEEP_LINE + "\n");
    return dir;
  }

  private Session launch(Path project) {
    Session s = Sparrow.launch(SessionOptions.of(project).compileCache(cache).virtualClock()
        .scriptTimeout(Duration.ofSeconds(60)));
    s.awaitIdle(Duration.ofMinutes(3));
    return s;
  }

  private static void assertAt(ScriptError e, String file, int line, int column) {
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.stack()).contains(file + ":" + line + ":" + column);
  }

  @Test
  void errorsInCompiledTypeScriptAndEsModulesNameTheSourceColumn(@TempDir Path dir) throws IOException {
    Path project = project(dir);
    int thrown = THROWING.indexOf("new Error") + 1;
    int read = DEEP_LINE.indexOf("o.d.value") + 1;
    for (int launch = 1; launch <= 2; launch++) {
      if (launch == 2) { // new file times: the JVM's parsed sources are stale, the compile cache on disk answers
        for (String f : new String[] {"pages/a/a.ts", "utils/deep.js"}) {
          Path file = project.resolve(f);
          Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        }
      }
      try (Session s = launch(project)) {
        assertThat(s.errors()).singleElement().satisfies(e -> {
          assertAt(e, "pages/a/a.ts", 4, thrown);
          assertThat(e.message()).isEqualTo("Error: boom n42");
        });
        // App.onError reads the same places
        assertThat(s.console()).anySatisfy(m -> assertThat(m.text()).startsWith("onError Error: boom n42")
            .contains("pages/a/a.ts:4:" + thrown));
        assertThatThrownBy(() -> s.currentPage().callMethod("crash")).isInstanceOfSatisfying(ScriptException.class,
            e -> {
              assertAt(e.error(), "utils/deep.js", 3, read);
              assertThat(e.error().stack()).contains("pages/a/a.ts:6:" + (PAGE.lines().toList().get(5)
                  .indexOf("deep()") + 1));
            });
      }
    }
  }

  @Test
  void aPlainFileFirstLineColumnDoesNotCountTheModuleWrapper(@TempDir Path dir) throws IOException {
    Path project = project(dir);
    try (Session s = launch(project)) {
      s.reLaunch("/pages/b/b");
      s.awaitIdle();
      assertThat(s.errors()).filteredOn(e -> e.file().equals("pages/b/b.js")).singleElement()
          .satisfies(e -> assertAt(e, "pages/b/b.js", 1, PLAIN_LINE.indexOf("null.x") + 1));
    }
  }

  @Test
  void syntaxErrorsOfTheCompilersNameLineAndColumn() {
    assertThatThrownBy(() -> ScriptCompiler.shared().compile("bad.ts", "const a: number = 1;\nconst b = (a;\n", true))
        .isInstanceOfSatisfying(ScriptCompiler.CompileError.class, e -> {
          assertThat(e.file()).isEqualTo("bad.ts");
          assertThat(new int[] {e.line(), e.column()}).containsExactly(2, "const b = (a;".indexOf(';') + 1);
        });
    assertThatThrownBy(() -> ScriptCompiler.shared().style("a/bad.less", ".a {\n  color: @nope;\n}\n", p -> null))
        .isInstanceOfSatisfying(ScriptCompiler.CompileError.class, e -> {
          assertThat(e.file()).isEqualTo("a/bad.less");
          assertThat(new int[] {e.line(), e.column()}).containsExactly(2, "  color: @nope;".indexOf('@') + 1);
        });
  }

  @Test
  void sourceMapsAreReadBackFromTheCompiledCode() {
    String compiled = ScriptCompiler.shared().compile("t.ts", "let a: number = 1; let b: string = 'x';\n", true);
    assertThat(compiled).contains("let a = 1; let b = 'x';");
    SourceMap map = SourceMap.of(compiled).orElseThrow();
    int b = compiled.indexOf("let b") + 1;
    assertThat(map.original(1, b).orElseThrow()).containsExactly(1, "let a: number = 1; let b".indexOf("let b") + 1);
    assertThat(map.original(9, 1)).isEmpty();
    // a bundle holding compiled files (build npm's pack) has their maps inside, not one of its own
    assertThat(SourceMap.of(compiled + "\n};\nvar more = 1;")).isEmpty();
  }
}
