package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
}
