package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparrow.runtime.project.Problem;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.runtime.project.ProjectLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Broken projects give precise, located problems — never a bare stack trace. Only a project the app cannot start
 * from is refused; a broken page or component degrades as in WeChat and the rest of the app works.
 */
class BrokenProjectTest {
  /** The problems of a project that still launches. */
  private static List<String> problems(String name) {
    return ProjectLoader.load(Examples.path("broken/" + name)).problems().stream().map(Problem::toString).toList();
  }

  private static List<String> refusal(String name) {
    ProjectException e = catchThrowableOfType(ProjectException.class, () -> ProjectLoader.load(Examples.path("broken/" + name)));
    assertThat(e).as("project %s should be refused", name).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aListedPageWithoutItsJsFileIsNamed() {
    assertThat(problems("missing-page")).containsExactly("app.json:4: page \"pages/gone/gone\" is listed but pages/gone/gone.js is missing");
  }

  @Test
  void everyUnusableComponentIsNamedAtTheLineThatDeclaresIt() {
    assertThat(problems("missing-component")).containsExactly(
        "app.json:4: Component is not found in path \"components/gone/gone\" (using by \"app.json\")",
        "pages/index/index.json:3: component \"components/nojson/nojson\" has no components/nojson/nojson.json (using by \"pages/index/index\")",
        "components/notcomp/notcomp.json:2: \"component\": true is required to use components/notcomp/notcomp as a component (using by \"pages/index/index\")",
        "pages/index/index.json:5: component \"components/nowxml/nowxml\" is missing components/nowxml/nowxml.wxml (using by \"pages/index/index\")",
        "pages/index/index.json:6: Component is not found in path \"pages/index/some-ui/button\" (using by \"pages/index/index\")");
  }

  @Test
  void aPageListedTwiceIsNamedAtItsSecondLine() {
    assertThat(problems("duplicate-page")).containsExactly("app.json:4: page \"pages/index/index\" is listed twice");
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    List<String> p = refusal("bad-json");
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("app.json:4:3: invalid JSON:");
  }

  @Test
  void malformedPageJsonIsLocatedInThatFile() {
    List<String> p = problems("bad-page-json");
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("pages/index/index.json:3:3: invalid JSON:");
  }

  @Test
  void anAppWithABrokenPageAndBrokenComponentsLaunchesAndTheRestWorks() {
    try (Session s = Sparrow.launch(Examples.path("broken/partly-broken")).awaitIdle()) {
      PageHandle index = s.currentPage();
      assertThat(index.select(".title").orElseThrow().text()).isEqualTo("index works");
      assertThat(index.select("#good").orElseThrow().select(".label").orElseThrow().text()).isEqualTo("fine");
      PageElement typo = index.select("#typo").orElseThrow();
      assertThat(typo.isComponent()).isFalse();
      assertThat(typo.select(".inside").orElseThrow().text()).isEqualTo("kept");
      assertThat(index.select("#bad").orElseThrow().select(".bad").orElseThrow().text()).isEqualTo("static part of bad-card");
      assertThat(s.console()).extracting(ConsoleMessage::text).contains(
          "app.json:4: page \"pages/nofiles/nofiles\" is listed but pages/nofiles/nofiles.js is missing",
          "pages/index/index.json:4: Component is not found in path \"components/good-crad/good-card\" (using by \"pages/index/index\")");
      assertThat(s.errors()).extracting(ScriptError::toString).anyMatch(e -> e.startsWith("components/bad-card/bad-card.js:1:1: ReferenceError"));

      assertThat(s.reLaunch("/pages/other/other").select(".title").orElseThrow().text()).isEqualTo("other works");
      PageHandle throwing = s.reLaunch("/pages/throws/throws");
      assertThat(throwing.select(".title").orElseThrow().text()).isEqualTo("throws shows its wxml");
      assertThat(s.errors()).extracting(ScriptError::toString)
          .anyMatch(e -> e.startsWith("pages/throws/throws.js:1:16: Error: module \"config/missing\" is not defined"));
      assertThat(s.reLaunch("/pages/nofiles/nofiles").route()).isEqualTo("pages/nofiles/nofiles");
      assertThat(s.reLaunch("/pages/other/other").select(".title").orElseThrow().text()).isEqualTo("other works");
      assertThat(s.errors()).extracting(ScriptError::file).doesNotContain("pages/nofiles/nofiles.wxml");
    }
  }

  @Test
  void aMissingFolderOrAppJsonIsSaid() {
    assertThat(catchThrowableOfType(ProjectException.class, () -> ProjectLoader.load(Examples.path("broken").resolve("nope"))).problems())
        .extracting(Problem::message).containsExactly("not a directory");
    assertThat(catchThrowableOfType(ProjectException.class, () -> ProjectLoader.load(Examples.path("broken"))).problems())
        .extracting(Problem::toString).containsExactly("app.json: app.json is missing");
  }

  @Test
  void aJsSyntaxErrorIsReportedWithFileLineAndColumnAndTheSessionStillRuns() {
    try (Session s = Sparrow.launch(Examples.path("broken/syntax-error")).awaitIdle()) {
      ScriptError e = s.errors().get(0);
      assertThat(e.file()).isEqualTo("pages/index/index.js");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo(22);
      assertThat(e.message()).contains("SyntaxError");
      assertThat(s.currentPage().route()).isEqualTo("pages/index/index");
    }
  }

  @Test
  void anErrorInOnLoadIsReportedAndThePageStillOpens() {
    try (Session s = Sparrow.launch(Examples.path("broken/throws-on-load")).awaitIdle()) {
      assertThat(s.errors()).hasSize(1);
      ScriptError e = s.errors().get(0);
      assertThat(e.toString()).startsWith("pages/index/index.js:3:10: TypeError");
      assertThat(e.origin()).isEqualTo("pages/index/index onLoad");
      assertThat(s.currentPage().route()).isEqualTo("pages/index/index");
    }
  }
}
