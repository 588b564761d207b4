package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** App() options and launch: onPageNotFound, launch options, getApp(), this.route/this.options. */
class AppLifecycleTest {
  @Test
  void launchOptionsReachOnLaunchAndThePageSeesItsRouteAndOptions() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("navigation")).launchUrl("pages/c/c?x=1").scene(1011)).awaitIdle()) {
      assertThat(s.evaluate("function () { return getApp().launchOptions }"))
          .isEqualTo(Map.of("path", "pages/c/c", "query", Map.of("x", "1"), "scene", 1011, "referrerInfo", Map.of(), "apiCategory", "default"));
      assertThat(s.evaluate("function () { var p = getCurrentPages()[0]; return [p.route, p.options, p.is] }"))
          .isEqualTo(List.of("pages/c/c", Map.of("x", "1"), "pages/c/c"));
    }
  }

  @Test
  void aMissingEntryPageGoesToOnPageNotFound() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("navigation")).launchUrl("pages/missing/missing?q=2")).awaitIdle()) {
      assertThat(s.evaluate("function () { return getApp().notFound }"))
          .isEqualTo(Map.of("path", "pages/missing/missing", "query", Map.of("q", "2"), "isEntryPage", true));
      assertThat(s.currentPageIfAny()).isEmpty();
      assertThat(s.errors()).isEmpty();
      PageHandle recovered = s.reLaunch("/pages/a/a");
      assertThat(recovered.route()).isEqualTo("pages/a/a");
    }
  }

  @Test
  void withoutOnPageNotFoundAMissingEntryPageIsReported() {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")).launchUrl("pages/missing/missing")).awaitIdle()) {
      assertThat(s.errors()).extracting(ScriptError::message).containsExactly("page \"pages/missing/missing\" is not found");
    }
  }

  @Test
  void appCanBeRegisteredOnlyOnceAndGetAppReturnsTheInstance() {
    try (Session s = Sparrow.launch(Examples.path("playground")).awaitIdle()) {
      Object r = s.evaluate("function () { var before = getApp(); App({ other: true }); return [before === getApp(), getApp().other === undefined] }");
      assertThat(r).isEqualTo(List.of(true, true));
      assertThat(s.errors()).extracting(ScriptError::message).containsExactly("Error: App() can only be called once.");
    }
  }
}
