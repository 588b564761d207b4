package dev.sparrow.runtime.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom tab bar made of Vant's {@code van-tabbar} (the way Vant's docs build one for {@code tabBar.custom}):
 * rendered on each tab page with Vant's tabbar items linked to their parent, a tap on an item emits the tabbar's
 * {@code change}, which switches tabs, and the shown page's {@code onShow} calls the bar's own {@code init()} through
 * {@code this.getTabBar()}. Vant comes from examples/vant's npm install, its dist copied as miniprogram_npm.
 */
class VantCustomTabBarTest {
  private static void project(Path dir) throws IOException {
    Path vant = Showcases.installed("vant", "@vant/weapp").resolve("node_modules/@vant/weapp/dist");
    copy(vant, dir.resolve("miniprogram_npm/@vant/weapp"));
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/home/home", "pages/mine/mine"],
         "tabBar": {"custom": true, "list": [{"pagePath": "pages/home/home", "text": "Home"},
           {"pagePath": "pages/mine/mine", "text": "Mine"}]},
         "usingComponents": {}}""");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("custom-tab-bar/index.json"), """
        {"component": true, "usingComponents": {"van-tabbar": "@vant/weapp/tabbar/index",
          "van-tabbar-item": "@vant/weapp/tabbar-item/index"}}""");
    TestFiles.write(dir.resolve("custom-tab-bar/index.js"), """
        Component({
          data: { active: 0, list: [{ icon: 'home-o', text: 'Home', url: '/pages/home/home' },
            { icon: 'user-o', text: 'Mine', url: '/pages/mine/mine' }] },
          methods: {
            onChange(event) {
              this.setData({ active: event.detail });
              wx.switchTab({ url: this.data.list[event.detail].url });
            },
            init() {
              const page = getCurrentPages().pop();
              this.setData({ active: this.data.list.findIndex(item => item.url === '/' + page.route) });
            }
          }
        })""");
    TestFiles.write(dir.resolve("custom-tab-bar/index.wxml"), """
        <van-tabbar active="{{ active }}" bind:change="onChange">
          <van-tabbar-item wx:for="{{ list }}" wx:key="index" icon="{{ item.icon }}">{{ item.text }}</van-tabbar-item>
        </van-tabbar>""");
    for (String p : List.of("home", "mine")) {
      TestFiles.write(dir.resolve("pages/" + p + "/" + p + ".js"), "Page({ onShow() { this.getTabBar().init(); } })");
      TestFiles.write(dir.resolve("pages/" + p + "/" + p + ".wxml"), "<view>" + p + "</view>");
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          Path target = to.resolve(from.relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The tabbar items' root elements (what a person taps) on the page's custom tab bar (which writes the items). */
  private static List<PageElement> items(PageHandle page) {
    PageElement bar = page.customTabBar().orElseThrow();
    return bar.selectAll("van-tabbar-item").stream().map(i -> i.select("view").orElseThrow()).toList();
  }

  @Test
  void vantTabbarAsTheCustomTabBarSwitchesTabsAndFollowsTheShownPage(@TempDir Path dir) throws IOException {
    project(dir);
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock().scriptTimeout(Duration.ofSeconds(60)))) {
      s.awaitIdle(Duration.ofMinutes(2));
      PageHandle home = s.currentPage();
      List<PageElement> items = items(home);
      assertThat(items).extracting(e -> e.text().strip()).containsExactly("Home", "Mine");
      assertThat((String) items.get(0).attribute("class")).contains("van-tabbar-item--active");
      assertThat((String) items.get(1).attribute("class")).doesNotContain("van-tabbar-item--active");

      items.get(1).tap();
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle mine = s.currentPage();
      assertThat(mine.route()).isEqualTo("pages/mine/mine");
      assertThat(mine.customTabBar().orElseThrow().data("active")).isEqualTo(1);
      assertThat((String) items(mine).get(1).attribute("class")).contains("van-tabbar-item--active");

      items(mine).get(0).tap();
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().route()).isEqualTo("pages/home/home");
      assertThat((String) items(home).get(0).attribute("class")).contains("van-tabbar-item--active");
      assertThat(s.errors()).isEmpty();
    }
  }
}
