package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout observers headless (examples/motion): a lazy list on IntersectionObserver (observeAll, viewport margins)
 * loads every row, since headless every observed element intersects its root fully, once (docs/decisions.md); a
 * component observes its own element; MediaQueryObserver answers from the session's window.
 */
class ObserversTest {
  @TempDir Path dir;
  private Session s;

  @BeforeEach
  void launch() throws IOException {
    s = Sparrow.launch(SessionOptions.of(Examples.copy("motion", dir.resolve("project"))).virtualClock()).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void aLazyListLoadsEachRowOnceItIntersectsTheViewport() {
    PageHandle page = s.reLaunch("/pages/lazy/lazy");
    s.awaitIdle();
    for (int i = 0; i < 12; i++) {
      assertThat(page.data("items[" + i + "].src")).isEqualTo("/images/" + i + ".png");
    }
    assertThat(page.select("#row-11 .label").orElseThrow().text()).isEqualTo("/images/11.png");
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) page.data("last");
    @SuppressWarnings("unchecked")
    Map<String, Object> window = (Map<String, Object>) s.callWxSync("getWindowInfo");
    Map<String, Object> zero = Map.of("left", 0, "right", 0, "top", 0, "bottom", 0, "width", 0, "height", 0);
    assertThat(last).containsEntry("id", "row-11").containsEntry("dataset", Map.of("index", 11))
        .containsEntry("intersectionRatio", 1).containsEntry("boundingClientRect", zero)
        .containsEntry("intersectionRect", zero)
        .containsEntry("relativeRect", Map.of("left", 0, "top", 0, "right", window.get("windowWidth"),
            "bottom", ((Number) window.get("windowHeight")).intValue() + 100))
        .containsKey("time");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void eachElementIsReportedOnceAndDisconnectStopsTheObserver() {
    s.evaluate("function () { var p = getCurrentPages()[0]; var calls = getApp().calls = [];"
        + " var o = p.createIntersectionObserver({ observeAll: true });"
        + " o.relativeTo('#toggle', { top: 10 }).observe('.card, #toggle', function (res) { calls.push(res.id); });"
        + " var gone = wx.createIntersectionObserver(p); gone.observe('#card', function () { calls.push('late'); });"
        + " gone.disconnect(); }");
    s.advance(Duration.ofMillis(10));
    s.evaluate("function () { getCurrentPages()[0].setData({ ends: 9 }); }");
    s.advance(Duration.ofMillis(10));
    Object r = s.evaluate("function () { return getApp().calls; }");
    assertThat(r).isEqualTo(List.of("card", "toggle"));
  }

  @Test
  void aSelectorThatMatchesNothingYetIsObservedOnceItRenders() {
    PageHandle page = s.reLaunch("/pages/keyframes/keyframes");
    s.evaluate("function () { var seen = getApp().late = [];"
        + " wx.createIntersectionObserver(getCurrentPages()[0]).relativeToViewport()"
        + " .observe('.late', function (res) { seen.push(res.id); }); }");
    s.advance(Duration.ofMillis(10));
    assertThat(s.evaluate("function () { return getApp().late; }")).isEqualTo(List.of());
    page.select("#spin").orElseThrow().tap();
    s.advance(Duration.ofMillis(1000));
    assertThat(s.evaluate("function () { return getApp().late; }")).isEqualTo(List.of("late"));
  }

  @Test
  void aComponentObservesAnElementOfItsOwnTemplate() {
    PageHandle page = s.reLaunch("/pages/keyframes/keyframes");
    s.awaitIdle();
    assertThat(page.select("#pulse").orElseThrow().data("seen")).isEqualTo(1);
  }

  @Test
  void mediaQueriesAnswerFromTheSessionsWindowOnceWhenObserved() {
    PageHandle page = s.reLaunch("/pages/lazy/lazy");
    s.advance(Duration.ofMillis(10));
    assertThat(page.data("wide")).isEqualTo(true);
    assertThat(page.data("tiny")).isEqualTo(false);
    s.evaluate("function () { var w = wx.getWindowInfo(); var seen = getApp().seen = [];"
        + " var o = wx.createMediaQueryObserver();"
        + " var cb = function (res) { seen.push(res.matches); };"
        + " o.observe({ width: w.windowWidth, minHeight: 1, orientation: 'landscape' }, cb);"
        + " o.observe({ width: w.windowWidth, maxHeight: w.windowHeight }, cb); }");
    s.advance(Duration.ofMillis(10));
    Object r = s.evaluate("function () { return getApp().seen; }");
    assertThat(r).isEqualTo(List.of(false, true));
  }
}
