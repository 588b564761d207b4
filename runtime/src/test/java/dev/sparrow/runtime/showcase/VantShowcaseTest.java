package dev.sparrow.runtime.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * examples/vant headless: Vant Weapp from npm (built into miniprogram_npm when the session launches), each common
 * component driven through its main interaction the way a person would: taps on what the component renders, typed
 * text, and Vant's own JS APIs (Dialog, Toast, Notify).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VantShowcaseTest {
  private Session s;

  @BeforeAll
  void launch() {
    // the first page open in a fresh JVM interprets all of Vant's JS; the watchdog's default would stop it
    s = Sparrow.launch(SessionOptions.of(Showcases.installed("vant", "@vant/weapp")).virtualClock()
        .scriptTimeout(Duration.ofSeconds(60)).autoBuildNpm(line -> {}));
    s.awaitIdle(Duration.ofMinutes(3));
  }

  @AfterAll
  void close() {
    s.close();
  }

  private int errorsBefore;

  private PageHandle open(String route) {
    PageHandle p = s.reLaunch("/" + route);
    s.awaitIdle(Duration.ofMinutes(2));
    errorsBefore = s.errors().size();
    return p;
  }

  /** Errors since the page opened. */
  private List<String> newErrors() {
    return s.errors().subList(errorsBefore, s.errors().size()).stream().map(Object::toString).toList();
  }

  private static String text(PageElement e) {
    return e.text().strip();
  }

  private PageElement el(PageHandle p, String selector) {
    return p.select(selector).orElseThrow(() -> new AssertionError(selector + " not found"));
  }

  private static PageElement in(PageElement host, String selector) {
    return host.select(selector).orElseThrow(() -> new AssertionError(selector + " not found in " + host));
  }

  private void settle() {
    s.awaitIdle();
    s.advance(Duration.ofSeconds(1));
    s.awaitIdle();
  }

  @Test
  void basicComponentsRenderAndAnswerTaps() {
    PageHandle p = open("pages/basic/basic");
    assertThat(newErrors()).isEmpty();
    in(el(p, "#primary"), "button").tap();
    assertThat(p.data("taps")).isEqualTo(1);
    assertThat(p.data("lastTap")).isEqualTo("primary");
    in(el(p, "#disabled"), "button").tap();
    assertThat(p.data("taps")).as("a disabled button does not emit click").isEqualTo(1);
    assertThat(text(in(el(p, "#cell-value"), ".van-cell__value"))).isEqualTo("1");
    assertThat(in(el(p, "#loading-button"), "button").text()).contains("Loading...");
    // headless, the inner <image> fires load: van-image drops its loading placeholder
    s.awaitUntil(x -> el(p, "#image").select(".van-image__loading").isEmpty(), Duration.ofSeconds(30));
    assertThat(el(p, "#image").select(".van-image__loading")).as("van-image's loading placeholder").isEmpty();
    in(el(p, "#image"), "image").tap();
    in(el(p, "#grid-0"), ".van-grid-item__content").tap();
    assertThat(p.data("lastTap")).isEqualTo("grid photo");
    assertThat(p.data("taps")).isEqualTo(3);

    in(el(p, "#closeable-tag"), "van-icon").select(".van-icon").orElseThrow().tap();
    assertThat(p.data("tagShown")).isEqualTo(false);
    assertThat(p.select("#closeable-tag")).isEmpty();

    in(el(p, "#cell-link"), ".van-cell").tap();
    settle();
    assertThat(s.currentPage().route()).as("a cell with url navigates").isEqualTo("pages/form/form");
  }

  @Test
  void formControlsReportTheirValues() {
    PageHandle p = open("pages/form/form");
    in(el(p, "#name"), "input").input("Ada");
    assertThat(p.data("name")).isEqualTo("Ada");
    in(el(p, "#phone"), "input").input("123").blur();
    assertThat(p.data("phoneError")).isEqualTo("Invalid phone number");
    assertThat(text(in(el(p, "#phone"), ".van-field__error-message"))).isEqualTo("Invalid phone number");
    in(in(el(p, "#search"), "van-field"), "input").input("pear");
    assertThat(p.data("keyword")).isEqualTo("pear");

    in(el(p, "#agree"), ".van-checkbox__icon-wrap").tap();
    assertThat(p.data("agree")).isEqualTo(true);
    in(el(p, "#fruit-apple"), ".van-checkbox__icon-wrap").tap();
    assertThat(p.data("fruits")).as("a checkbox in a group changes the group's value").isEqualTo(List.of("pear", "apple"));
    in(el(p, "#fruit-pear"), ".van-checkbox__icon-wrap").tap();
    assertThat(p.data("fruits")).isEqualTo(List.of("apple"));
    in(el(p, "#size-L"), ".van-radio__icon-wrap").tap();
    assertThat(p.data("size")).isEqualTo("L");

    in(el(p, "#notify"), ".van-switch").tap();
    assertThat(p.data("notify")).isEqualTo(false);
    PageElement qty = el(p, "#qty");
    in(qty, ".van-stepper__plus").tap();
    in(qty, ".van-stepper__plus").tap();
    assertThat(p.data("qty")).isEqualTo(3);
    in(qty, ".van-stepper__minus").tap();
    assertThat(p.data("qty")).isEqualTo(2);
    PageElement stars = el(p, "#rate");
    in(stars.selectAll("van-icon").get(4), "view").tap();
    assertThat(p.data("rate")).isEqualTo(5);
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void pickersShowTheirColumnsAndPickATappedItem() {
    PageHandle p = open("pages/form/form");
    // picker-column reads its initialOptions and defaultIndex in created: the host's values are there already
    PageElement column = in(el(p, "#picker"), "picker-column");
    assertThat(column.selectAll(".van-picker-column__item")).extracting(VantShowcaseTest::text)
        .containsExactly("Hangzhou", "Ningbo", "Wenzhou", "Shaoxing");
    assertThat(text(in(column, ".van-picker-column__item--selected"))).isEqualTo("Ningbo");
    column.selectAll(".van-picker-column__item").get(2).tap();
    settle();
    assertThat(p.data("city")).isEqualTo("Wenzhou");
    column = in(el(p, "#picker"), "picker-column");
    assertThat(text(in(column, ".van-picker-column__item--selected"))).isEqualTo("Wenzhou");
    List<PageElement> columns = in(el(p, "#date"), "van-picker").selectAll("picker-column");
    assertThat(columns).extracting(c -> text(in(c, ".van-picker-column__item--selected")))
        .containsExactly("2024", "05", "20");
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void calendarPicksATappedDay() {
    PageHandle p = open("pages/nav/nav");
    in(el(p, "#open-calendar"), ".van-cell").tap();
    settle();
    PageElement may = el(p, "#calendar").selectAll("month").get(0);
    List<PageElement> days = may.selectAll(".van-calendar__day");
    assertThat(days).hasSizeGreaterThanOrEqualTo(31);
    assertThat(text(days.get(24))).isEqualTo("25");
    days.get(24).tap();
    settle();
    in(in(el(p, "#calendar"), "van-button"), "button").tap();
    settle();
    assertThat(p.data("picked")).isEqualTo("5/25");
    assertThat(p.data("calendar")).isEqualTo(false);
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void dropdownMenuTreeSelectAndSidebarAnswer() {
    PageHandle p = open("pages/more/more");
    // dropdown-item's observers ask the menu to re-render, which recomposes the page's items in its slot: that
    // must not hand them their properties again (it looped forever)
    in(el(p, "#menu"), ".van-dropdown-menu__item").tap();
    settle();
    el(p, "#sort").selectAll(".van-dropdown-item__option").get(1).tap();
    settle();
    assertThat(p.data("sort")).isEqualTo(1);
    assertThat(text(in(el(p, "#menu"), ".van-dropdown-menu__title"))).isEqualTo("New");

    el(p, "#tree").selectAll(".van-tree-select__item").get(1).tap();
    assertThat(p.data("activeId")).isEqualTo(2);
    p.selectAll("van-sidebar-item").get(1).select(".van-sidebar-item").orElseThrow().tap();
    settle();
    assertThat(p.data("side")).isEqualTo(1);
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void feedbackComponentsOpenAndClose() {
    PageHandle p = open("pages/feedback/feedback");
    PageElement popup = el(p, "#popup");
    assertThat(popup.select(".popup-body")).isEmpty();
    in(el(p, "#open-popup"), ".van-cell").tap();
    settle();
    assertThat(p.data("popup")).isEqualTo(true);
    assertThat(in(el(p, "#popup"), ".van-popup").text()).contains("Popup content");
    in(in(el(p, "#popup"), "van-overlay"), "van-transition").tap();
    settle();
    assertThat(p.data("popup")).as("tapping the overlay closes the popup").isEqualTo(false);

    in(el(p, "#open-dialog"), ".van-cell").tap();
    settle();
    PageElement dialog = el(p, "#van-dialog");
    assertThat(dialog.text()).contains("Delete this item?");
    List<PageElement> buttons = dialog.selectAll(".van-dialog__button");
    assertThat(buttons).extracting(VantShowcaseTest::text).containsExactly("取消", "确认");
    in(buttons.get(1), "button").tap();
    settle();
    assertThat(p.data("result")).isEqualTo("confirmed");

    in(el(p, "#open-toast"), ".van-cell").tap();
    settle();
    assertThat(el(p, "#van-toast").text()).contains("Saved");

    in(el(p, "#open-notify"), ".van-cell").tap();
    settle();
    assertThat(el(p, "#van-notify").text()).contains("Sent");

    in(el(p, "#open-sheet"), ".van-cell").tap();
    settle();
    el(p, "#sheet").selectAll(".van-action-sheet__item").get(1).tap();
    settle();
    assertThat(p.data("result")).isEqualTo("picked Copy link");
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void swipeCellOffersItsActionWhenOpened() {
    PageHandle p = open("pages/feedback/feedback");
    PageElement cell = el(p, "#swipe");
    cell.callMethod("open", "right");
    settle();
    in(cell, ".van-swipe-cell__right").tap();
    settle();
    assertThat(p.data("result")).isEqualTo("swipe right");
  }

  @Test
  void tabsCollapseAndTabbarSwitch() {
    PageHandle p = open("pages/nav/nav");
    PageElement tabs = el(p, "#tabs");
    assertThat(tabs.selectAll(".van-tab")).extracting(VantShowcaseTest::text).containsExactly("News", "Sports", "Music");
    tabs.selectAll(".van-tab").get(2).tap();
    settle();
    assertThat(p.data("tab")).isEqualTo(2);
    assertThat(p.selectAll(".tab-body")).as("tabs render lazily: the two shown so far")
        .extracting(VantShowcaseTest::text).containsExactly("News content", "Music content");

    in(in(el(p, "#returns"), "van-cell"), ".van-cell").tap();
    settle();
    assertThat(p.data("open")).isEqualTo(List.of("ship", "returns"));
    assertThat(in(el(p, "#returns"), ".van-collapse-item__wrapper").animatedStyle())
        .as("the item opens through its createAnimation steps").containsEntry("height", "auto");

    in(el(p, "#open-calendar"), ".van-cell").tap();
    settle();
    assertThat((String) el(p, "#calendar").data("subtitle")).as("the month header its IntersectionObserver sets")
        .matches("\\d{4}年\\d{1,2}月");

    in(p.selectAll("van-tabbar-item").get(2), "view").tap();
    settle();
    assertThat(p.data("bar")).isEqualTo(2);
    assertThat(newErrors()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(PageHandle p) {
    return (Map<String, Object>) p.data("event");
  }

  @Test
  void stickyWrapsItsContentWithItsZIndex() {
    PageHandle p = open("pages/more/more");
    PageElement sticky = el(p, "#sticky");
    PageElement root = in(sticky, ".van-sticky");
    assertThat(root.attribute("style").toString()).contains("z-index:7").doesNotContain("height");
    PageElement wrap = in(root, ".van-sticky-wrap");
    assertThat(wrap.attribute("class").toString()).doesNotContain("van-sticky-wrap--fixed");
    assertThat(wrap.attribute("style").toString()).as("offset-top applies once fixed").contains("z-index:7")
        .doesNotContain("top");
    assertThat(text(el(p, ".sticky"))).as("the page's content in the sticky's slot").isEqualTo("sticky");
    // a page scroll reaches van-sticky through the page's onPageScroll (Vant's page-scroll mixin); it measures its
    // root with SelectorQuery, which headless without a layout is 0 by 0, and then stays unfixed and silent
    p.scroll(400, 2000);
    settle();
    assertThat(p.data("log")).asList().noneMatch(l -> l.toString().startsWith("sticky"));
    assertThat(in(el(p, "#sticky"), ".van-sticky-wrap").attribute("class").toString())
        .doesNotContain("van-sticky-wrap--fixed");
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void morePageComponentsRenderAndAnswer() {
    PageHandle p = open("pages/more/more");
    assertThat(newErrors()).isEmpty();
    in(el(p, "#nav"), ".van-nav-bar__left").tap();
    assertThat(p.data("log")).isEqualTo(List.of("back"));
    assertThat(event(p)).containsEntry("type", "click-left");
    assertThat(text(in(el(p, "#nav"), ".van-nav-bar__title"))).isEqualTo("More");
    assertThat(text(in(el(p, "#notice"), ".van-notice-bar__content"))).isEqualTo("A notice");

    // cascader: its options' classes come from a WXS module written with a shorthand property (style({ color }))
    PageElement cascader = el(p, "#cascader");
    List<PageElement> options = cascader.selectAll(".van-cascader__option");
    assertThat(options).extracting(VantShowcaseTest::text).containsExactly("Zhejiang");
    options.get(0).tap();
    settle();
    assertThat(in(el(p, "#cascader"), "van-tabs").selectAll(".van-tab")).extracting(VantShowcaseTest::text)
        .containsExactly("Zhejiang", "请选择");
    assertThat(el(p, "#cascader").selectAll(".van-cascader__option--selected")).extracting(VantShowcaseTest::text)
        .containsExactly("Zhejiang");
    el(p, "#cascader").selectAll(".van-cascader__option").stream().filter(o -> text(o).equals("Hangzhou"))
        .findFirst().orElseThrow().tap();
    settle();
    assertThat(p.data("area")).isEqualTo("Zhejiang/Hangzhou");
    assertThat(event(p)).containsEntry("type", "finish");
    assertThat((Map<String, Object>) event(p).get("detail")).containsEntry("value", "3301")
        .containsEntry("tabIndex", 1);

    // 30 s from when the page opened, on the session's clock (the taps above let it run)
    String shown = text(in(el(p, "#count-down"), ".van-count-down"));
    assertThat(shown).matches("00:[0-3]\\d");
    s.advance(Duration.ofSeconds(5));
    s.awaitIdle();
    assertThat(text(in(el(p, "#count-down"), ".van-count-down"))).as("the count-down runs on the clock")
        .isEqualTo(String.format("00:%02d", Integer.parseInt(shown.substring(3)) - 5));

    assertThat(el(p, "#share").select(".van-share-sheet__option")).isEmpty();
    in(el(p, "#open-share"), ".van-cell").tap();
    settle();
    PageElement sheet = in(el(p, "#share"), "options");
    assertThat(sheet.selectAll(".van-share-sheet__name")).extracting(VantShowcaseTest::text)
        .containsExactly("WeChat");
    sheet.selectAll(".van-share-sheet__option").get(0).tap();
    settle();
    assertThat((List<Object>) p.data("log")).last().isEqualTo("share WeChat");
    assertThat((Map<String, Object>) event(p).get("detail")).containsEntry("name", "WeChat").containsEntry("index", 0);
    assertThat(p.data("share")).isEqualTo(false);

    assertThat(el(p, "#steps").selectAll(".van-step")).extracting(VantShowcaseTest::text)
        .containsExactly("One", "Two", "Three");
    assertThat(in(el(p, "#steps"), ".van-step--process").text()).contains("Two");
    assertThat(el(p, "#steps").selectAll(".van-step--finish")).hasSize(1);

    in(in(el(p, "#cart"), "van-button"), "button").tap();
    in(in(el(p, "#buy"), "van-button"), "button").tap();
    assertThat(text(in(el(p, "#submit-bar"), ".van-submit-bar__price"))).isEqualTo("¥ 30.50");
    in(in(el(p, "#submit-bar"), "van-button"), "button").tap();
    assertThat((List<Object>) p.data("log")).endsWith("cart", "buy", "submit");

    assertThat(text(in(el(p, "#card"), ".van-card__title"))).isEqualTo("Card title");
    assertThat(text(in(el(p, "#card"), ".van-card__price"))).isEqualTo("¥2.00");
    assertThat(text(in(el(p, "#card"), ".van-card__num"))).isEqualTo("x 2");
    assertThat(text(in(el(p, "#progress"), ".van-progress__pivot"))).isEqualTo("50%");
    assertThat(String.valueOf(in(el(p, "#progress"), ".van-progress__portion").attribute("style")))
        .contains("width:50%");
    assertThat(text(in(el(p, "#circle"), ".van-circle__text"))).isEqualTo("30%");
    assertThat(el(p, "#skeleton").select(".van-skeleton__row")).as("not loading: the content shows").isEmpty();
    assertThat(p.select(".loaded").map(VantShowcaseTest::text)).contains("loaded");
    assertThat(el(p, "#empty").text()).contains("Nothing");
    assertThat(text(in(in(el(p, "#panel"), "van-cell"), ".van-cell__title"))).isEqualTo("Panel");
    assertThat(String.valueOf(in(el(p, "#col-8"), ".van-col").attribute("class"))).contains("van-col--8");
    assertThat(String.valueOf(in(el(p, "#theme"), ".van-config-provider").attribute("style")))
        .contains("--button-primary-background-color:#f00");
    assertThat(el(p, "#index-bar").selectAll(".van-index-bar__index")).extracting(VantShowcaseTest::text)
        .containsExactly("A", "B");
    assertThat(newErrors()).isEmpty();
  }

  @Test
  void uploaderReadsAPickedPicture() throws Exception {
    PageHandle p = open("pages/more/more");
    Path picture = MediaFixtures.image(Files.createTempFile("vant-upload", ".png"), "png", 64, 48);
    s.album().offer(picture);
    in(el(p, "#uploader"), ".van-uploader__upload").tap();
    settle();
    assertThat((List<Object>) p.data("log")).containsExactly("read");
    assertThat(event(p)).containsEntry("type", "after-read");
    @SuppressWarnings("unchecked")
    Map<String, Object> file = (Map<String, Object>) ((Map<String, Object>) event(p).get("detail")).get("file");
    assertThat(String.valueOf(file.get("url"))).startsWith("wxfile://tmp_");
    assertThat(el(p, "#uploader").selectAll(".van-uploader__preview")).as("the page put the file in file-list")
        .hasSize(1);
    Files.deleteIfExists(picture);
    assertThat(newErrors()).isEmpty();
  }
}
