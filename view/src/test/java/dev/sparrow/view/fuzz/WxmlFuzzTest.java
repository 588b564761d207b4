package dev.sparrow.view.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.template.CompiledPage;
import dev.sparrow.view.template.TemplateRenderer;
import dev.sparrow.view.template.WxmlCompiler;
import dev.sparrow.view.wxss.WxssCompiler;
import dev.sparrow.view.wxss.WxssOptions;
import java.util.Map;

/**
 * Any WXML either compiles and renders, or fails with located problems; nothing else may escape. WXS bodies are
 * neutralised (they run arbitrary JS, which has its own time limit). In a plain {@code mvn test} this replays the
 * seeds in {@code WxmlFuzzTestInputs}; fuzz with {@code JAZZER_FUZZ=1 mvn -pl view test -Dtest=WxmlFuzzTest}.
 */
class WxmlFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void wxmlParsesOrReportsALocatedError(FuzzedDataProvider data) {
    String page = data.consumeString(2000).replace("wxs", "wx_s");
    String part = data.consumeRemainingAsString().replace("wxs", "wx_s");
    ViewSources sources = ViewSources.of(Map.of("index.wxml", page, "part.wxml", part));
    CompiledPage compiled;
    try {
      compiled = new WxmlCompiler(sources).compile("index");
    } catch (ViewException e) {
      assertThat(e.problems()).isNotEmpty();
      for (ViewProblem p : e.problems()) {
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        assertThat(p.file()).isIn("index.wxml", "part.wxml");
      }
      return;
    }
    try (TemplateRenderer r = compiled.newRenderer()) {
      r.render(null);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void wxssCompilesWithProblemsButNeverThrows(FuzzedDataProvider data) {
    String css = data.consumeRemainingAsString();
    new WxssCompiler(ViewSources.of(Map.of("a.wxss", css))).compile("a.wxss", WxssOptions.IPHONE_375);
  }
}
