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
 * app.json {@code "tabBar": {"custom": true}}: each tab page has its own {@code custom-tab-bar/index} instance that
 * {@code this.getTabBar()} returns (pages and their components alike); other pages get null (measured in DevTools, MS-DG/api-typings#9). Headless: the
 * instance is not rendered.
 */
class CustomTabBarTest {
  private static void project(Path dir, boolean custom) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/a/a", "pages/b/b", "pages/c/c"],
         "tabBar": {"custom": %s, "list": [{"pagePath": "pages/a/a", "text": "A"}, {"pagePath": "pages/b/b",
           "text": "B"}]}}""".formatted(custom));
    TestFiles.write(dir.resolve("app.js"), "App({ log: [] })");
    TestFiles.write(dir.resolve("custom-tab-bar/index.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("custom-tab-bar/index.js"), """
        Component({
          data: { selected: 0 },
          lifetimes: { attached() { getApp().log.push('attached ' + getCurrentPages().length); } },
          pageLifetimes: { show() { getApp().log.push('show'); } }
        })""");
    TestFiles.write(dir.resolve("custom-tab-bar/index.wxml"), "<view class=\"bar\">{{selected}}</view>");
    TestFiles.write(dir.resolve("pages/b/b.json"), "{\"usingComponents\": {\"probe\": \"/probe/probe\"}}");
    TestFiles.write(dir.resolve("probe/probe.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("probe/probe.js"), "Component({})");
    TestFiles.write(dir.resolve("probe/probe.wxml"), "<text>probe</text>");
    for (String p : List.of("a", "c")) {
      TestFiles.write(dir.resolve("pages/" + p + "/" + p + ".wxml"), "<view>" + p + "</view>");
    }
    TestFiles.write(dir.resolve("pages/b/b.wxml"), "<view>b</view><probe id=\"p\"/>");
    TestFiles.write(dir.resolve("pages/a/a.js"), """
        Page({
          onShow() { if (this.getTabBar()) this.getTabBar().setData({ selected: 0 }); },
          selected() { return this.getTabBar().data.selected; },
          kind() { return typeof this.getTabBar + ' ' + this.getTabBar(); }
        })""");
    TestFiles.write(dir.resolve("pages/b/b.js"), """
        Page({
          onShow() { this.getTabBar().setData({ selected: 1 }); },
          selected() { return this.getTabBar().data.selected; },
          same() { return this.getTabBar() === this.getTabBar(); },
          fromComponent() { return this.selectComponent('#p').getTabBar() === this.getTabBar(); }
        })""");
    TestFiles.write(dir.resolve("pages/c/c.js"), """
        Page({ kind() { return typeof this.getTabBar + ' ' + this.getTabBar(); } })""");
  }

  @Test
  void eachTabPageHasItsOwnCustomTabBarWhoseSetDataWorks(@TempDir Path dir) throws IOException {
    project(dir, true);
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle b = s.switchTab("/pages/b/b");
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(b.callMethod("selected")).isEqualTo(1);
      assertThat(b.callMethod("same")).isEqualTo(true);
      assertThat(b.callMethod("fromComponent")).isEqualTo(true);
      PageHandle a = s.switchTab("/pages/a/a");
      s.awaitIdle(Duration.ofMinutes(1));
      // a's own instance: b's setData did not reach it
      assertThat(a.callMethod("selected")).isEqualTo(0);
      assertThat(b.callMethod("selected")).isEqualTo(1);
      assertThat(s.evaluate("function () { return getApp().log.join(','); }"))
          .isEqualTo("attached 0,show,attached 1,show,show");
      assertThat(s.navigateTo("/pages/c/c").callMethod("kind")).isEqualTo("function null");
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void withoutCustomGetTabBarGivesNull(@TempDir Path dir) throws IOException {
    project(dir, false);
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().callMethod("kind")).isEqualTo("function null");
      assertThat(s.errors()).isEmpty();
    }
  }
}
