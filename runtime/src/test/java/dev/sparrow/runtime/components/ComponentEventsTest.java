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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * triggerEvent's bubbles/composed/capturePhase and native events across component boundaries, on
 * examples/components-lab pages/events: page #outer > panel#p > (shadow) view.panel > probe#probe.
 */
class ComponentEventsTest {
  private static Session s;
  private static PageHandle page;

  @BeforeAll
  static void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock().launchUrl("pages/events/events"));
    s.awaitIdle();
    page = s.currentPage();
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @BeforeEach
  void clear() {
    page.setData(Map.of("calls", ""));
    panel().setData(Map.of("pings", List.of()));
  }

  private static PageElement panel() {
    return page.select("#p").orElseThrow();
  }

  private static void fire(Map<String, Object> options) {
    page.callMethod("fire", options);
  }

  @Test
  void withoutOptionsOnlyTheHostsOwnHandlerRuns() {
    fire(Map.of());
    assertThat(panel().data("pings")).isEqualTo(List.of("probe:probe:probe"));
    assertThat(page.data("calls")).isEqualTo("");
  }

  @Test
  void bubblingStaysInTheShadowTreeOfTheHost() {
    fire(Map.of("bubbles", true));
    assertThat(panel().data("pings")).isEqualTo(List.of("probe:probe:probe", "view:probe:"));
    assertThat(page.data("calls")).isEqualTo("");
  }

  @Test
  void composedBubblingCrossesIntoThePageWithTheTargetRetargeted() {
    fire(Map.of("bubbles", true, "composed", true));
    assertThat(panel().data("pings")).isEqualTo(List.of("probe:probe:probe", "view:probe:"));
    assertThat(page.data("calls")).isEqualTo("panelPing:p;outerPing:p;");
  }

  @Test
  void composedWithoutBubblesReachesOnlyTheTarget() {
    fire(Map.of("composed", true));
    assertThat(panel().data("pings")).isEqualTo(List.of("probe:probe:probe"));
    assertThat(page.data("calls")).isEqualTo("");
  }

  @Test
  void captureHandlersRunFirstOnlyWithCapturePhase() {
    fire(Map.of("bubbles", true, "composed", true, "capturePhase", true));
    assertThat(page.data("calls")).isEqualTo("outerCapture:p;panelPing:p;outerPing:p;");
  }

  @Test
  void nativeTapsInsideAComponentBubbleOutRetargetedToTheHost() {
    PageElement counter = panel().select("counter").orElseThrow();
    counter.select(".inc").orElseThrow().tap();
    assertThat(page.data("calls")).isEqualTo("outerTap:p;");
    assertThat(panel().data("value")).isEqualTo(11);
    assertThat(panel().data("innerEvents")).isEqualTo(1);
  }
}
