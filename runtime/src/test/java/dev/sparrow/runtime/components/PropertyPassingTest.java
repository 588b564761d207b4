package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Properties pass within the logic layer as in WeChat (glass-easel): a component gets the owner's functions, not
 * their JSON, and the host's values are in {@code this.data} when {@code created} runs (components-lab hook-box).
 */
class PropertyPassingTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock()
        .launchUrl("pages/features/features"));
    s.awaitIdle();
    page = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private PageElement hooks() {
    return page.select("#hooks").orElseThrow();
  }

  @Test
  void functionsInTheOwnersDataReachTheComponent() {
    assertThat(s.errors()).isEmpty();
    assertThat(hooks().data("calls")).as("an object holding a function, a function, an object literal naming one")
        .isEqualTo(List.of("hello options", "hello callback", "hello literal"));
    assertThat(hooks().data("observed")).isEqualTo("hello observer");
    assertThat(hooks().select(".hook-box").orElseThrow().text()).isEqualTo("hooked Hooks");
  }

  @Test
  void aChangedObjectArrivesWithItsNewFunction() {
    page.callMethod("swapHooks");
    s.awaitIdle();
    assertThat(hooks().data("observed")).isEqualTo("swapped observer");
    assertThat(hooks().select(".hook-box").orElseThrow().text()).isEqualTo("hooked Swapped");
  }

  @Test
  void aFunctionSetAgainReachesTheComponentOnlyWhenItIsAnotherOne() {
    assertThat(hooks().data("callbackSeen")).isEqualTo(List.of("hello observer"));
    page.setData(Map.of("routeDones", 5));
    assertThat(hooks().data("callbackSeen")).as("the owner set other data").isEqualTo(List.of("hello observer"));
    page.callMethod("swapGreet");
    s.awaitIdle();
    assertThat(hooks().data("callbackSeen")).isEqualTo(List.of("hello observer", "hi observer"));
  }

  @Test
  void aFunctionInAnObjectLiteralReachesTheComponentWhenItIsAnotherOne() {
    // literal="{{ {onInit: greet, n: 1} }}": the literal's JSON stays {"n":1} when greet is swapped
    assertThat(hooks().data("literalSeen")).isEqualTo(List.of("hello observer"));
    page.setData(Map.of("routeDones", 5));
    assertThat(hooks().data("literalSeen")).as("the owner set other data").isEqualTo(List.of("hello observer"));
    page.callMethod("swapGreet");
    s.awaitIdle();
    assertThat(hooks().data("literalSeen")).isEqualTo(List.of("hello observer", "hi observer"));
  }

  @Test
  void theHostsValuesAreSetBeforeCreated() {
    assertThat(hooks().data("seenInCreated")).isEqualTo("hooked");
  }
}
