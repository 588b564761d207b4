package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page built with Component() (components-lab pages/as-component), as WeChat runs one. */
@SuppressWarnings("unchecked")
class ComponentPageTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock()
        .launchUrl("pages/as-component/as-component?id=7&title=Hi"));
    s.awaitIdle();
    page = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private List<Object> log() {
    return (List<Object>) s.evaluate("function () { return getApp().globalData.log }");
  }

  @Test
  void lifetimesBehaviorsAndTheQueryAsProperties() {
    assertThat(s.errors()).isEmpty();
    assertThat(log()).containsSubsequence("page created 7", "id 0->7", "behavior attached", "page attached Hi",
        "onLoad 7 number", "pageLifetimes show", "onShow").contains("page ready", "onReady");
    assertThat(page.data("id")).isEqualTo(7);
    assertThat(page.data("fromBehavior")).isEqualTo("mixed in");
  }

  @Test
  void methodsHandleEventsAndObserversFollowSetData() {
    page.select("#counter").orElseThrow().tap();
    assertThat(page.data("n")).isEqualTo(3);
    assertThat(page.data("doubled")).isEqualTo(6);
    assertThat(page.select("#counter").orElseThrow().text()).isEqualTo("Hi 3 6 mixed in");
  }

  @Test
  void hideAndUnloadReachItsLifetimes() {
    s.navigateTo("/pages/features/features");
    s.awaitIdle();
    assertThat(log()).contains("pageLifetimes hide");
    s.reLaunch("/pages/index/index");
    s.awaitIdle();
    assertThat(log()).contains("page detached");
  }
}
