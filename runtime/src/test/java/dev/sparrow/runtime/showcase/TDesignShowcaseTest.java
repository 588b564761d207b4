package dev.sparrow.runtime.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * examples/tdesign headless: TDesign's {@code miniprogram_dist} is written as ES modules, compiled by Sucrase when a
 * file is first required (or at launch, for what app, pages and components reach). Each page opens without errors;
 * each component is driven through its main interaction by a tap or typed text on what it renders, and the page
 * sees the event TDesign documents (its type and detail, kept by the page as {@code event}) and the data after it.
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
    errorsBefore = s.errors().size();
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

  private static PageElement in(PageElement host, String selector) {
    return host.select(selector).orElseThrow(() -> new AssertionError(selector + " not found in " + host));
  }

  private static String text(PageElement e) {
    return e.text().strip();
  }

  /** Lets TDesign's timers (transitions, toasts' durations) run on the virtual clock. */
  private void settle() {
    s.awaitIdle();
    s.advance(Duration.ofSeconds(1));
    s.awaitIdle();
  }

  /** The last event a page handler saw, as {@code {type, detail}}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(PageHandle p) {
    return (Map<String, Object>) p.data("event");
  }

  private static void assertEvent(PageHandle p, String type, Map<String, Object> detail) {
    assertThat(event(p)).as("the page's last event").containsEntry("type", type);
    assertThat(event(p).get("detail")).as(type + "'s detail").isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> actual = (Map<String, Object>) event(p).get("detail");
    assertThat(actual).containsAllEntriesOf(detail);
  }

  @Test
  void basicButtonsIconsTagsAndImageAnswer() {
    PageHandle p = open("pages/basic/basic");
    assertThat(newErrors()).isEmpty();
    assertThat(s.project().problems()).isEmpty();
    PageElement button = el(p, "#primary");
    assertThat(button.isComponent()).isTrue();
    assertThat(button.text()).contains("Primary");
    in(button, ".t-button").tap();
    s.awaitIdle();
    assertThat(p.data("taps")).isEqualTo(1);
    assertThat(p.data("lastTap")).isEqualTo("primary");
    in(el(p, "#disabled"), ".t-button").tap();
    assertThat(p.data("taps")).as("a disabled button does not emit tap").isEqualTo(1);
    assertThat(in(el(p, "#loading-button"), ".t-button").select("t-loading")).as("a loading button spins").isPresent();
    assertThat(text(in(el(p, "#cell-taps"), ".t-cell__note"))).isEqualTo("1");
    assertThat(text(in(el(p, "#cell-taps"), ".t-cell__description"))).isEqualTo("primary");

    in(el(p, "#icon"), ".t-icon").tap();
    assertThat(p.data("lastTap")).as("a tap inside an icon reaches the page's bind:tap").isEqualTo("icon");
    assertThat(text(in(el(p, "#badge"), ".t-badge__count"))).isEqualTo("8");
    assertThat(text(in(el(p, "#loading"), ".t-loading__text"))).isEqualTo("Loading");
    assertThat(text(in(el(p, "#notice"), ".t-notice-bar__content"))).isEqualTo("A notice");

    // headless, the inner <image> fires load with the SVG's natural size: t-image drops its loading mask
    s.awaitUntil(x -> Boolean.TRUE.equals(p.data("imageLoaded")), Duration.ofSeconds(30));
    assertThat(el(p, "#image").select(".t-image--loading")).as("t-image's loading mask").isEmpty();
    assertThat(el(p, "#image").select(".t-image__img")).isPresent();

    in(in(el(p, "#closable-tag"), "t-icon"), ".t-icon").tap();
    s.awaitIdle();
    assertThat(p.data("tagShown")).isEqualTo(false);
    assertThat(event(p)).containsEntry("type", "close");
    assertThat(p.select("#closable-tag")).isEmpty();


    in(el(p, "#grid-0"), ".t-grid-item").tap();
    assertThat(p.data("lastTap")).isEqualTo("grid photo");
    assertThat(newErrors()).isEmpty();

    in(el(p, "#cell-form"), ".t-cell").tap();
    settle();
    assertThat(s.currentPage().route()).as("a cell with url navigates").isEqualTo("pages/form/form");
  }

  @Test
  void tabsCollapseAndTabBarSwitch() {
    PageHandle p = open("pages/basic/basic");
    PageElement tabs = el(p, "#tabs");
    assertThat(tabs.selectAll(".t-tabs__item")).extracting(TDesignShowcaseTest::text)
        .containsExactly("News", "Sports", "Music");
    tabs.selectAll(".t-tabs__item").get(2).tap();
    settle();
    assertThat(p.data("tab")).isEqualTo("2");
    assertEvent(p, "change", Map.of("value", "2", "label", "Music"));
    assertThat(text(in(tabs, ".t-tabs__item--active"))).isEqualTo("Music");
    // the panels are the page's content in the tabs' slot
    assertThat(p.selectAll("t-tab-panel")).extracting(panel -> panel.select(".t-tab-panel--active").isPresent())
        .containsExactly(false, false, true);
    assertThat(p.selectAll(".tab-body")).extracting(TDesignShowcaseTest::text)
        .containsExactly("News content", "Sports content", "Music content");

    PageElement returns = el(p, "#returns");
    assertThat(returns.select(".t-collapse-panel__content--expanded")).isEmpty();
    in(returns, ".t-collapse-panel__title").tap();
    settle();
    assertThat(p.data("open")).isEqualTo(List.of("ship", "returns"));
    assertEvent(p, "change", Map.of("value", List.of("ship", "returns")));
    assertThat(el(p, "#returns").select(".t-collapse-panel__content--expanded")).isPresent();

    p.selectAll("t-tab-bar-item").get(2).select(".t-tab-bar-item__content").orElseThrow().tap();
    settle();
    assertThat(p.data("bar")).isEqualTo("user");
    assertEvent(p, "change", Map.of("value", "user"));
    assertThat(p.selectAll("t-tab-bar-item")).extracting(i -> i.select(".t-tab-bar-item__content--checked").isPresent())
        .containsExactly(false, false, true);
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void formControlsReportTheirValues() {
    PageHandle p = open("pages/form/form");
    assertThat(newErrors()).isEmpty();
    assertThat(el(p, "#name").isComponent()).isTrue();

    in(el(p, "#search"), "input").input("pear");
    assertThat(p.data("keyword")).isEqualTo("pear");
    assertEvent(p, "change", Map.of("value", "pear", "trigger", "input-change"));
    in(el(p, "#search"), "input").confirm();
    assertThat(p.data("submitted")).isEqualTo("pear");
    assertEvent(p, "submit", Map.of("value", "pear"));

    in(el(p, "#name"), "input").input("Ada");
    assertThat(p.data("name")).isEqualTo("Ada");
    assertEvent(p, "change", Map.of("value", "Ada"));
    in(el(p, "#intro"), "textarea").input("Hello");
    assertThat(p.data("intro")).isEqualTo("Hello");
    assertEvent(p, "change", Map.of("value", "Hello"));

    in(el(p, "#fruit-apple"), ".t-checkbox").tap();
    assertThat(p.data("fruits")).as("a checkbox in a group changes the group's value")
        .isEqualTo(List.of("pear", "apple"));
    assertEvent(p, "change", Map.of("value", List.of("pear", "apple")));
    assertThat(el(p, "#fruit-apple").select(".t-checkbox--checked")).isPresent();
    in(el(p, "#fruit-pear"), ".t-checkbox").tap();
    assertThat(p.data("fruits")).isEqualTo(List.of("apple"));

    in(el(p, "#size-S"), ".t-radio").tap();
    assertThat(p.data("size")).isEqualTo("S");
    assertEvent(p, "change", Map.of("value", "S"));
    assertThat(el(p, "#size-S").select(".t-radio__icon--checked")).isPresent();
    assertThat(el(p, "#size-M").select(".t-radio__icon--checked")).isEmpty();

    in(el(p, "#notify"), ".t-switch").tap();
    assertThat(p.data("notify")).isEqualTo(false);
    assertEvent(p, "change", Map.of("value", false));
    assertThat(el(p, "#notify").select(".t-switch__body--checked")).isEmpty();

    PageElement qty = el(p, "#qty");
    in(qty, ".t-stepper__plus").tap();
    in(qty, ".t-stepper__plus").tap();
    assertThat(p.data("qty")).isEqualTo(3);
    assertEvent(p, "change", Map.of("value", 3));
    in(qty, ".t-stepper__minus").tap();
    assertThat(p.data("qty")).isEqualTo(2);
    assertThat(String.valueOf(in(el(p, "#qty"), "input").attribute("value"))).isEqualTo("2");
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void rateTakesTheStarUnderATouch() {
    PageHandle p = open("pages/form/form");
    PageElement stars = el(p, "#stars");
    assertThat(selected(p)).hasSize(3);
    // t-rate's tap reads the finger's changedTouches[0].pageX against its wrapper's rect (SelectorQuery). Headless,
    // without a layout, the wrapper's box is 0 wide at left 0, so every finger lands past the last star: 5.
    PageElement wrapper = in(stars, ".t-rate__wrapper");
    wrapper.touch("touchstart", List.of(finger(30)), null);
    wrapper.touch("touchend", null, List.of(finger(30)));
    settle();
    assertThat(p.data("stars")).isEqualTo(5);
    assertEvent(p, "change", Map.of("value", 5));
    assertThat(selected(p)).hasSize(5);
    // a tap shows the tip over the chosen star; choosing in it confirms the value
    PageElement tip = in(el(p, "#stars"), ".t-rate__tips-item");
    assertThat(text(in(tip, ".t-rate__tips-text"))).isEqualTo("5");
    p.setData(Map.of("event", Map.of()));
    tip.tap();
    settle();
    assertEvent(p, "change", Map.of("value", 5));
    assertThat(el(p, "#stars").select(".t-rate__tips")).as("the tip goes 300 ms after a choice").isEmpty();
    p.setData(Map.of("stars", 2));
    s.awaitIdle();
    assertThat(selected(p)).as("value is a controlled property").hasSize(2);

    // dragging a finger over the stars (touchmove) changes the value too
    wrapper = in(el(p, "#stars"), ".t-rate__wrapper");
    wrapper.touch("touchstart", List.of(finger(10)), null);
    wrapper.touch("touchmove", List.of(finger(60)), null);
    wrapper.touch("touchend", null, List.of(finger(60)));
    settle();
    assertThat(p.data("stars")).isEqualTo(5);
    assertEvent(p, "change", Map.of("value", 5));
    assertThat(newErrors()).isEmpty();
  }

  /** The lit stars (the tip over the chosen star wears the same class). */
  private static List<PageElement> selected(PageHandle p) {
    return in(el(p, "#stars"), ".t-rate__wrapper").selectAll(".t-rate__icon--selected");
  }

  private static Map<String, Object> finger(double x) {
    return Map.of("identifier", 0, "pageX", x, "pageY", 200, "clientX", x, "clientY", 200);
  }

  @Test
  void pickersOpenInAPopupAndConfirmTheChosenValue() {
    PageHandle p = open("pages/form/form");
    in(el(p, "#open-city"), ".t-cell").tap();
    settle();
    // the column is the page's content in the picker's slot
    PageElement city = el(p, "#city-column");
    assertThat(city.selectAll(".t-picker-item__item")).extracting(TDesignShowcaseTest::text)
        .containsExactly("Hangzhou", "Ningbo", "Wenzhou");
    assertThat(text(in(city, ".t-picker-item__item--active"))).isEqualTo("Ningbo");
    city.selectAll(".t-picker-item__item").get(2).tap();
    settle();
    in(el(p, "#city-column"), ".t-picker-item__item--active").text();
    assertThat(text(in(el(p, "#city-column"), ".t-picker-item__item--active"))).isEqualTo("Wenzhou");
    in(el(p, "#city"), ".t-picker__confirm").tap();
    settle();
    assertThat(p.data("city")).isEqualTo(List.of("wenzhou"));
    assertEvent(p, "confirm", Map.of("value", List.of("wenzhou"), "label", List.of("Wenzhou")));
    assertThat(p.data("cityVisible")).isEqualTo(false);

    in(el(p, "#open-date"), ".t-cell").tap();
    settle();
    List<PageElement> columns = el(p, "#date").selectAll("t-picker-item");
    assertThat(columns).extracting(c -> text(in(c, ".t-picker-item__item--active")))
        .containsExactly("2024年", "5 月", "20日");
    columns.get(2).selectAll(".t-picker-item__item").get(24).tap();
    settle();
    in(in(el(p, "#date"), "t-picker"), ".t-picker__confirm").tap();
    settle();
    assertThat(p.data("date")).isEqualTo("2024-05-25");
    assertEvent(p, "confirm", Map.of("value", "2024-05-25"));
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void popupDialogToastMessageAndActionSheetOpenAndClose() {
    PageHandle p = open("pages/feedback/feedback");
    assertThat(newErrors()).isEmpty();
    assertThat(p.select(".popup-body")).isEmpty();
    in(el(p, "#open-popup"), ".t-cell").tap();
    settle();
    assertThat(p.data("popup")).isEqualTo(true);
    assertThat(p.select(".popup-body").map(TDesignShowcaseTest::text)).contains("Popup content");
    assertThat(in(el(p, "#popup"), ".t-popup").attribute("class").toString()).contains("t-popup--bottom");
    in(in(el(p, "#popup"), "t-overlay"), ".t-overlay").tap();
    settle();
    assertThat(p.data("popup")).as("tapping the overlay closes the popup").isEqualTo(false);
    assertEvent(p, "visible-change", Map.of("visible", false, "trigger", "overlay"));
    assertThat(p.select(".popup-body")).isEmpty();

    in(el(p, "#open-dialog"), ".t-cell").tap();
    settle();
    PageElement dialog = el(p, "#dialog");
    assertThat(text(in(dialog, ".t-dialog__header"))).isEqualTo("Delete");
    assertThat(text(in(dialog, ".t-dialog__body"))).isEqualTo("Delete this item?");
    in(in(dialog, ".t-dialog__footer"), "t-button").select("button").orElseThrow().tap();
    settle();
    assertThat(p.data("result")).isEqualTo("cancelled");
    in(el(p, "#open-dialog"), ".t-cell").tap();
    settle();
    el(p, "#dialog").selectAll(".t-dialog__footer t-button").get(1).select("button").orElseThrow().tap();
    settle();
    assertThat(p.data("result")).isEqualTo("confirmed");
    assertThat(event(p)).containsEntry("type", "confirm");

    in(el(p, "#open-toast"), ".t-cell").tap();
    s.awaitIdle();
    assertThat(text(in(el(p, "#t-toast"), ".t-toast__text"))).isEqualTo("Saved");
    s.advance(Duration.ofSeconds(3));
    s.awaitIdle();
    assertThat(el(p, "#t-toast").select(".t-toast__text")).as("a toast goes after its duration").isEmpty();

    in(el(p, "#open-message"), ".t-cell").tap();
    s.awaitIdle();
    assertThat(el(p, "#t-message").text()).contains("Sent");

    in(el(p, "#open-sheet"), ".t-cell").tap();
    settle();
    List<PageElement> items = el(p, "#t-action-sheet").selectAll(".t-action-sheet__list-item");
    assertThat(items).extracting(TDesignShowcaseTest::text).containsExactly("Share", "Copy link");
    items.get(1).tap();
    settle();
    assertThat(p.data("result")).isEqualTo("picked Copy link");
    assertEvent(p, "selected", Map.of("index", 1, "selected", Map.of("label", "Copy link")));
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void swipeCellAndCalendar() {
    PageHandle p = open("pages/feedback/feedback");
    PageElement cell = el(p, "#swipe");
    cell.callMethod("open");
    settle();
    in(cell, ".t-swipe-cell__right").select("[data-action]").orElseThrow().tap();
    settle();
    assertThat(p.data("result")).isEqualTo("swipe Delete");
    assertEvent(p, "click", Map.of("text", "Delete"));

    in(el(p, "#open-calendar"), ".t-cell").tap();
    settle();
    List<PageElement> days = el(p, "#calendar").selectAll(".t-calendar__dates-item");
    assertThat(days).hasSizeGreaterThanOrEqualTo(31);
    PageElement may25 = days.stream().filter(d -> text(d).equals("25")).findFirst().orElseThrow();
    may25.tap();
    settle();
    in(el(p, "#calendar"), ".t-calendar__confirm-btn").tap();
    settle();
    assertThat(p.data("picked")).isEqualTo("5/25");
    assertThat(event(p)).containsEntry("type", "confirm");
    assertThat(p.data("calendar")).isEqualTo(false);
    assertThat(newErrors()).isEmpty();
  }

  /**
   * The swipe cell's WXS (its own module, run as TDesign ships it): dragging runs its touch handlers, which style
   * the wrapper, and closing runs its {@code change:opened} observer. Headless there is no layout, so the action
   * widths are 0 and the cell slides nowhere; the browser layout measures them.
   */
  @Test
  void swipeCellWxsHandlersAndObserversRun() {
    PageHandle p = open("pages/feedback/feedback");
    PageElement cell = el(p, "#swipe");
    PageElement row = in(cell, ".t-swipe-cell");
    PageElement wrapper = in(cell, "#wrapper");
    row.touch("touchstart", List.of(Map.of("identifier", 0, "pageX", 200, "pageY", 20, "clientX", 200,
        "clientY", 20)), null);
    row.touch("touchmove", List.of(Map.of("identifier", 0, "pageX", 120, "pageY", 22, "clientX", 120,
        "clientY", 22)), null);
    settle();
    assertThat((String) wrapper.attribute("style")).contains("transform:translate3d(0px, 0, 0)")
        .contains("transition:none");
    row.touch("touchend", List.of(), List.of(Map.of("identifier", 0, "pageX", 120, "pageY", 22, "clientX", 120,
        "clientY", 22)));
    cell.callMethod("open");
    settle();
    cell.callMethod("close");
    settle();
    assertThat((String) wrapper.attribute("style")).contains("transition:transform .6s");
    assertThat(newErrors()).isEmpty();
  }
}
