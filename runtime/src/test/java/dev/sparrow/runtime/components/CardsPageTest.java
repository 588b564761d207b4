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
 * sim-lab's page of 200 cards (the property-change benchmark): a setData of one item's value (updated by data path)
 * reaches that card as a property, its observer's own setData shows, and the other cards stay as they were.
 */
class CardsPageTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("sim-lab")).virtualClock().launchUrl("pages/cards/cards"));
    s.awaitIdle();
    page = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void oneItemsValueReachesItsCard() {
    List<PageElement> cards = page.selectAll("card");
    assertThat(cards).hasSize(200);
    page.setData(Map.of("items[57].value", 12));
    s.awaitIdle();
    PageElement card = page.selectAll("card").get(57);
    assertThat(card.data("value")).isEqualTo(12);
    assertThat(card.data("level")).isEqualTo("high");
    assertThat(card.select(".value").orElseThrow().text()).isEqualTo("12");
    assertThat(card.select(".card").orElseThrow().attribute("class")).isEqualTo("card high");
    assertThat(page.selectAll("card").get(56).select(".value").orElseThrow().text()).isEqualTo("0");
    page.selectAll("card").get(3).tap();
    s.awaitIdle();
    assertThat(page.data("taps")).isEqualTo(1);
    assertThat(page.selectAll("card").get(3).select(".value").orElseThrow().text()).isEqualTo("1");
    assertThat(page.select(".taps").orElseThrow().text()).isEqualTo("1 taps");
    assertThat(s.errors()).isEmpty();
  }
}
