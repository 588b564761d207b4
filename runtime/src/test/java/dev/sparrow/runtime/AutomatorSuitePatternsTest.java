package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met running public projects' miniprogram-automator suites (docs/compatibility.md, "Public automator
 * suites"), each in a small project of our own: WeUI's action sheet, cells and a {@code <text decode>} date bar.
 */
class AutomatorSuitePatternsTest {
  @TempDir Path dir;

  /**
   * WeUI's action sheet takes a flat {@code actions} list and its property observer wraps it into one group with
   * {@code setData({actions: [this.data.actions]})}: the template shows the wrapped list.
   */
  @Test
  void aPropertyObserversSetDataOfThatPropertyIsWhatRenders() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"mp-sheet\": \"/c/sheet/sheet\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({ data: { options: [] },
          onLoad() { this.setData({ options: [{ text: 'a', value: 0 }, { text: 'b', value: 1 }] }) } })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<mp-sheet actions=\"{{options}}\"/>");
    TestFiles.write(dir.resolve("c/sheet/sheet.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("c/sheet/sheet.js"), """
        Component({
          properties: { actions: { type: Array, value: [], observer: '_groupChange' } },
          methods: { _groupChange(e) {
            if (e.length > 0 && !(e[0] instanceof Array)) { this.setData({ actions: [this.data.actions] }) }
          } } })""");
    TestFiles.write(dir.resolve("c/sheet/sheet.wxml"), """
        <view class="group" wx:for="{{actions}}" wx:for-item="group">
          <view class="cell" wx:for="{{group}}" data-value="{{item.value}}">{{item.text}}</view>
        </view>""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      PageElement sheet = page.select("mp-sheet").orElseThrow();
      assertThat(sheet.selectAll(".group")).hasSize(1);
      assertThat(sheet.selectAll(".cell").stream().map(PageElement::text).toList()).containsExactly("a", "b");
      assertThat(s.errors()).isEmpty();
    }
  }

  /**
   * A WeUI {@code mp-cells} host finds, as DevTools' {@code element.$$} does, both its own template's elements and the
   * {@code mp-cell}s its page put in its slot; the tag written {@code mp-actionSheet} answers {@code mp-actionsheet}.
   */
  @Test
  void aHostFindsItsSlotContentAndTypeSelectorsIgnoreLetterCase() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"),
        "{\"usingComponents\": {\"mp-cells\": \"/c/cells/cells\", \"mp-cell\": \"/c/cell/cell\","
            + " \"mp-actionSheet\": \"/c/cells/cells\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <mp-cells title="tools"><mp-cell title="CDAI"/><mp-cell title="remicade"/></mp-cells>
        <mp-actionSheet title="sheet"/>""");
    TestFiles.write(dir.resolve("c/cells/cells.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("c/cells/cells.js"), "Component({ properties: { title: String } })");
    TestFiles.write(dir.resolve("c/cells/cells.wxml"),
        "<view class=\"title\">{{title}}</view><view class=\"body\"><slot/></view>");
    TestFiles.write(dir.resolve("c/cell/cell.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("c/cell/cell.js"), "Component({ properties: { title: String } })");
    TestFiles.write(dir.resolve("c/cell/cell.wxml"), "<view class=\"hd\">{{title}}</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      PageElement cells = page.select("mp-cells").orElseThrow();
      List<PageElement> each = cells.selectAll("mp-cell");
      assertThat(each).hasSize(2);
      assertThat(each.get(0).select(".hd").orElseThrow().text()).isEqualTo("CDAI");
      assertThat(cells.select(".title").orElseThrow().text()).isEqualTo("tools");
      assertThat(cells.selectAll(".hd")).as("inside the slotted cells' own templates").isEmpty();
      assertThat(page.select("mp-actionsheet")).isPresent();
      assertThat(page.select("MP-CELLS")).isPresent();
      assertThat(s.errors()).isEmpty();
    }
  }

  /** {@code <text decode>} shows WeChat's seven entities as characters; without decode they stay as written. */
  @Test
  void textWithDecodeShowsTheEntitiesAsCharacters() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({ data: { day: '12月6日', on: false } })");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <text id="a" decode>&nbsp;{{day}}</text>
        <text id="b" decode="{{true}}">&lt;&gt;&amp;&apos;&ensp;&emsp;&amp;lt;&copy;</text>
        <text id="c">&nbsp;{{day}}</text>
        <text id="d" decode="{{on}}">&nbsp;{{day}}</text>""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      assertThat(page.select("#a").orElseThrow().text()).isEqualTo("\u00a012月6日");
      assertThat(page.select("#b").orElseThrow().text()).isEqualTo("<>&'\u2002\u2003&lt;&copy;");
      assertThat(page.select("#c").orElseThrow().text()).isEqualTo("&nbsp;12月6日");
      assertThat(page.select("#d").orElseThrow().text()).isEqualTo("&nbsp;12月6日");
      page.setData(Map.of("on", true, "day", "12月8日"));
      assertThat(page.select("#d").orElseThrow().text()).isEqualTo("\u00a012月8日");
    }
  }
}
