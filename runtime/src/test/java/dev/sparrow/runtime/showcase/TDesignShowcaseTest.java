package dev.sparrow.runtime.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * examples/tdesign headless: TDesign's {@code miniprogram_dist} is written as ES modules, compiled by Babel when a
 * file is first required (or at launch, for what app, pages and components reach). Each page opens without errors
 * and its components render and answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TDesignShowcaseTest {
  private Session s;
  private int errorsBefore;

  @BeforeAll
  void launch() {
    // the first launch on a machine compiles TDesign's modules (kept in the compile cache afterwards)
    s = Sparrow.launch(SessionOptions.of(Showcases.installed("tdesign", "tdesign-miniprogram")).virtualClock()
        .scriptTimeout(Duration.ofSeconds(60)).autoBuildNpm(line -> {}));
    s.awaitIdle(Duration.ofMinutes(5));
  }

  @AfterAll
  void close() {
    s.close();
  }

  private PageHandle open(String route) {
    try {
      s.reLaunch("/" + route);
    } catch (IllegalStateException slow) {
      // a page's first open compiles its components' modules, which may take longer than a driver call waits
    }
    s.awaitIdle(Duration.ofMinutes(3));
    PageHandle p = s.currentPage();
    assertThat(p.route()).isEqualTo(route);
    return p;
  }

  private List<String> newErrors() {
    return s.errors().subList(errorsBefore, s.errors().size()).stream().map(Object::toString).toList();
  }

  private static PageElement el(PageHandle p, String selector) {
    return p.select(selector).orElseThrow(() -> new AssertionError(selector + " not found"));
  }

  @Test
  void theBasicPageLoadsAndItsButtonAnswers() {
    errorsBefore = s.errors().size();
    PageHandle p = open("pages/basic/basic");
    assertThat(newErrors()).isEmpty();
    assertThat(s.project().problems()).isEmpty();
    PageElement button = el(p, "#primary");
    assertThat(button.isComponent()).isTrue();
    assertThat(button.text()).contains("Primary");
    button.select(".t-button").orElseThrow(() -> new AssertionError("t-button renders no .t-button")).tap();
    s.awaitIdle();
    assertThat(p.data("taps")).isEqualTo(1);
    assertThat(p.data("lastTap")).isEqualTo("primary");
  }

  @Test
  void theFormPageLoads() {
    errorsBefore = s.errors().size();
    PageHandle p = open("pages/form/form");
    assertThat(newErrors()).isEmpty();
    assertThat(el(p, "#name").isComponent()).isTrue();
  }

  @Test
  void theFeedbackPageLoads() {
    errorsBefore = s.errors().size();
    PageHandle p = open("pages/feedback/feedback");
    assertThat(newErrors()).isEmpty();
    assertThat(el(p, "#dialog").isComponent()).isTrue();
  }
}
