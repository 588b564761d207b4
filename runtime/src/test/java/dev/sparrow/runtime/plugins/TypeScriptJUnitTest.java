package dev.sparrow.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.js.ScriptCompiler;
import dev.sparrow.runtime.junit.MiniProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A JUnit user's view: {@code @MiniProgram} on a TypeScript + Sass project needs nothing but Maven. */
@MiniProgram(value = "examples/typescript", virtualClock = true)
class TypeScriptJUnitTest {
  /**
   * Installs the example's npm package (examples/typescript/setup; the session builds miniprogram_npm when it launches)
   * and loads Sucrase and dart-sass (tens of seconds in the interpreter on a busy machine) outside the time limit.
   */
  @BeforeAll
  static void loadCompilers() {
    Examples.setUp("typescript");
    ScriptCompiler.shared().compile("warm.ts", "export const a: number = 1;", true);
    ScriptCompiler.shared().style("warm.scss", "a { b: c; }", path -> null);
  }

  @Test
  void theComponentWrittenInTypeScriptCountsTaps(Session s) {
    PageHandle page = s.currentPage();
    page.select("#counter").orElseThrow().select(".counter").orElseThrow().tap().tap();
    s.awaitIdle();
    assertThat(page.data("label")).isEqualTo("10 taps");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aModuleImportsAPureEsModulePackageFromNpm(Session s) {
    PageHandle page = s.currentPage();
    assertThat(page.data("size")).isEqualTo("1.34 kB");
    assertThat(page.select(".size").orElseThrow().text()).isEqualTo("1.34 kB");
    assertThat(s.errors()).isEmpty();
  }
}
