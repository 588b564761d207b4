package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WXS event handlers in a session: a swipe row of our own (a custom component whose WXS moves its panel with
 * setStyle and, past a threshold, asks the component's logic layer with callMethod, which tells the page with
 * triggerEvent), a page-level WXS handler calling a page method, a change: observer, requestAnimationFrame.
 */
class WxsEventsTest {
  private static final Map<String, String> FILES = Map.of(
      "app.json", "{\"pages\": [\"pages/index/index\"]}",
      "app.js", "App({});",
      "pages/index/index.json", "{\"usingComponents\": {\"swipe-row\": \"/components/swipe/swipe\"}}",
      "pages/index/index.js", """
          Page({
            data: { opened: '', taps: 0, width: 80 },
            onOpen(e) { this.setData({ opened: e.detail.side }); },
            counted(args) { this.setData({ taps: this.data.taps + args.by }); },
          });
          """,
      "pages/index/index.wxml", """
          <wxs module="page">
          module.exports.tap = function (e, owner) {
            owner.callMethod('counted', { by: 2 });
            e.instance.requestAnimationFrame(function () { e.instance.setStyle('opacity: 0.5'); });
          };
          </wxs>
          <swipe-row id="row" actions="{{width}}" bind:open="onOpen" />
          <view id="counter" bindtap="{{page.tap}}">{{taps}}</view>
          """,
      "components/swipe/swipe.json", "{\"component\": true}",
      "components/swipe/swipe.js", """
          Component({
            properties: { actions: { type: Number, value: 0 } },
            data: { side: '' },
            methods: {
              opened(args) { this.setData({ side: args.side }); this.triggerEvent('open', { side: args.side }); },
            },
          });
          """,
      "components/swipe/swipe.wxs", """
          var start = function (e, owner) {
            var st = owner.getState();
            st.x = e.touches[0].clientX;
          };
          var move = function (e, owner) {
            var st = owner.getState();
            st.dx = e.touches[0].clientX - st.x;
            owner.selectComponent('.panel').setStyle({ transform: 'translateX(' + st.dx + 'px)' });
            return false;
          };
          var end = function (e, owner) {
            var st = owner.getState();
            if (-st.dx > st.actions / 2) {
              owner.callMethod('opened', { side: 'right' });
            }
          };
          var actions = function (value, old, owner) {
            owner.getState().actions = value;
          };
          module.exports = { start: start, move: move, end: end, actions: actions };
          """,
      "components/swipe/swipe.wxml", """
          <wxs module="swipe" src="./swipe.wxs" />
          <view class="row" bindtouchstart="{{swipe.start}}" catch:touchmove="{{swipe.move}}"
              bindtouchend="{{swipe.end}}" change:actions="{{swipe.actions}}" actions="{{actions}}">
            <view class="panel">{{side}}</view>
          </view>
          """);

  @TempDir Path dir;
  private Session s;

  @BeforeEach
  void launch() throws IOException {
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    s = Sparrow.launch(SessionOptions.of(dir).virtualClock()).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private static List<Map<String, Object>> finger(double x) {
    return List.of(Map.of("identifier", 0, "pageX", x, "pageY", 5, "clientX", x, "clientY", 5));
  }

  @Test
  void aSwipeRowsWxsMovesThePanelAndCallsTheComponentWhichTellsThePage() {
    PageHandle page = s.currentPage();
    PageElement row = page.select("#row").orElseThrow().select(".row").orElseThrow();
    PageElement panel = page.select("#row").orElseThrow().select(".panel").orElseThrow();
    row.touch("touchstart", finger(100), null);
    row.touch("touchmove", finger(40), null);
    assertThat(panel.attribute("style")).isEqualTo("transform:translateX(-60px)");
    assertThat(page.data("opened")).isEqualTo("");
    row.touch("touchend", List.of(), finger(50));
    s.awaitIdle();
    assertThat(page.data("opened")).isEqualTo("right");
    assertThat(panel.text()).isEqualTo("right");
    assertThat(panel.attribute("style")).as("kept over the component's render").isEqualTo("transform:translateX(-60px)");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aChangeObserverSeesNewPropertyValues() {
    PageHandle page = s.currentPage();
    PageElement row = page.select("#row").orElseThrow().select(".row").orElseThrow();
    page.setData(Map.of("width", 200));
    s.awaitIdle();
    row.touch("touchstart", finger(100), null);
    row.touch("touchmove", finger(40), null);
    row.touch("touchend", List.of(), finger(40));
    s.awaitIdle();
    assertThat(page.data("opened")).as("60 px is less than half of 200").isEqualTo("");
  }

  @Test
  void aPageWxsHandlerCallsAPageMethodAndAnAnimationFrameComesOnTheClock() {
    PageHandle page = s.currentPage();
    PageElement counter = page.select("#counter").orElseThrow();
    counter.tap();
    s.awaitIdle();
    assertThat(page.data("taps")).isEqualTo(2);
    assertThat(counter.text()).isEqualTo("2");
    assertThat(counter.attribute("style")).isNull();
    s.advance(Duration.ofMillis(20));
    assertThat(counter.attribute("style")).isEqualTo("opacity: 0.5");
    assertThat(s.errors()).isEmpty();
  }
}
