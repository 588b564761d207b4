package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.project.Problem;
import dev.sparrow.runtime.project.ProjectLoader;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * app.json {@code "tabBar": {"custom": true}}: each tab page has its own {@code custom-tab-bar/index} instance that
 * {@code this.getTabBar()} returns (pages and their components alike); other pages get null (measured in DevTools,
 * MS-DG/api-typings#9). It renders after the page's content as the host {@code <custom-tab-bar>}, with the components
 * its WXML uses; the built-in tab bar calls fail with {@code custom Tabbar}.
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
          .isEqualTo("attached 1,show,attached 1,show,show");
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

  /** The shape of WeChat's own custom-tab-bar example: items from data, a tap switches tabs, onShow selects. */
  private static void exampleProject(Path dir) throws IOException {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/a/a", "pages/b/b", "pages/c/c"], "usingComponents": {},
         "tabBar": {"custom": true, "list": [{"pagePath": "pages/a/a", "text": "A"},
           {"pagePath": "pages/b/b", "text": "B"}]}}""");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("custom-tab-bar/index.json"),
        "{\"component\": true, \"usingComponents\": {\"tab-badge\": \"/components/badge/badge\"}}");
    TestFiles.write(dir.resolve("custom-tab-bar/index.js"), """
        Component({
          data: { selected: 0, color: '#999999', selectedColor: '#07c160',
            list: [{ pagePath: '/pages/a/a', text: 'Home', badge: '' },
              { pagePath: '/pages/b/b', text: 'Me', badge: '2' }] },
          methods: {
            switchTab(e) {
              const d = e.currentTarget.dataset;
              wx.switchTab({ url: d.path });
              this.setData({ selected: d.index });
            }
          }
        })""");
    TestFiles.write(dir.resolve("custom-tab-bar/index.wxml"), """
        <view class="tab-bar">
          <view wx:for="{{list}}" wx:key="index" class="tab-bar-item {{selected === index ? 'on' : ''}}"
                data-path="{{item.pagePath}}" data-index="{{index}}" bindtap="switchTab">
            <text style="color: {{selected === index ? selectedColor : color}}">{{item.text}}</text>
            <tab-badge wx:if="{{item.badge}}" count="{{item.badge}}"/>
          </view>
        </view>""");
    TestFiles.write(dir.resolve("components/badge/badge.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("components/badge/badge.js"), "Component({ properties: { count: String } })");
    TestFiles.write(dir.resolve("components/badge/badge.wxml"), "<text class=\"badge\">{{count}}</text>");
    for (String p : List.of("a", "b", "c")) {
      TestFiles.write(dir.resolve("pages/" + p + "/" + p + ".wxml"), "<view class=\"content\">" + p + "</view>");
    }
    TestFiles.write(dir.resolve("pages/a/a.js"), "Page({ onShow() { this.getTabBar().setData({ selected: 0 }); } })");
    TestFiles.write(dir.resolve("pages/b/b.js"), "Page({ onShow() { this.getTabBar().setData({ selected: 1 }); } })");
    TestFiles.write(dir.resolve("pages/c/c.js"), "Page({})");
  }

  @Test
  void theCustomTabBarRendersAfterThePageAndItsTapsSwitchTabs(@TempDir Path dir) throws IOException {
    exampleProject(dir);
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle a = s.currentPage();
      PageElement bar = a.select("custom-tab-bar").orElseThrow();
      assertThat(bar.isComponent()).isTrue();
      assertThat(a.customTabBar().orElseThrow().nodeId()).isEqualTo(bar.nodeId());
      assertThat(bar.data("selected")).isEqualTo(0);
      // the page's own elements do not include the bar's: select from its host, as for any component
      assertThat(a.selectAll(".tab-bar-item")).isEmpty();
      assertThat(a.selectAll("view").get(0).attribute("class")).isEqualTo("content");
      List<PageElement> items = bar.selectAll(".tab-bar-item");
      assertThat(items).extracting(PageElement::text).containsExactly("Home", "Me2");
      assertThat(items.get(0).attribute("class")).isEqualTo("tab-bar-item on");
      PageElement badge = bar.select("tab-badge").orElseThrow();
      assertThat(badge.isComponent()).isTrue();
      assertThat(badge.select(".badge").orElseThrow().text()).isEqualTo("2");
      assertThat(a.wxml()).endsWith("</custom-tab-bar>");

      items.get(1).tap();
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle b = s.currentPage();
      assertThat(b.route()).isEqualTo("pages/b/b");
      PageElement barB = b.select("custom-tab-bar").orElseThrow();
      assertThat(barB.instance()).isEqualTo(bar.instance()); // the same id, another page's instance
      assertThat(barB.data("selected")).isEqualTo(1);
      assertThat(barB.selectAll(".tab-bar-item")).extracting(e -> e.attribute("class"))
          .containsExactly("tab-bar-item ", "tab-bar-item on");

      barB.selectAll(".tab-bar-item").get(0).tap();
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().route()).isEqualTo("pages/a/a");
      assertThat(a.select("custom-tab-bar").orElseThrow().data("selected")).isEqualTo(0);
      // a page that is not a tab has none
      PageHandle c = s.navigateTo("/pages/c/c");
      assertThat(c.select("custom-tab-bar")).isEmpty();
      assertThat(c.customTabBar()).isEmpty();
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void builtInTabBarCallsFailWithCustomTabbar(@TempDir Path dir) throws IOException {
    exampleProject(dir);
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      String all = "function () { return Promise.all(["
          + "wx.setTabBarBadge({ index: 1, text: '3' }), wx.removeTabBarBadge({ index: 1 }),"
          + "wx.showTabBarRedDot({ index: 0 }), wx.hideTabBarRedDot({ index: 0 }),"
          + "wx.setTabBarItem({ index: 0, text: 'x' }), wx.setTabBarStyle({ color: '#333333' }),"
          + "wx.showTabBar(), wx.hideTabBar(), wx.setTabBarBadge({ index: 9, text: '1' })"
          + "].map(function (p) {"
          + " return p.then(function (r) { return r.errMsg }, function (e) { return e.errMsg }) })) }";
      List<String> expected = List.of("setTabBarBadge:fail custom Tabbar", "removeTabBarBadge:fail custom Tabbar",
          "showTabBarRedDot:fail custom Tabbar", "hideTabBarRedDot:fail custom Tabbar",
          "setTabBarItem:fail custom Tabbar", "setTabBarStyle:fail custom Tabbar", "showTabBar:fail custom Tabbar",
          "hideTabBar:fail custom Tabbar", "setTabBarBadge:fail custom Tabbar");
      assertThat((List<String>) s.evaluate(all)).isEqualTo(expected);
      s.navigateTo("/pages/c/c");
      assertThat((List<String>) s.evaluate(all)).isEqualTo(expected);
      assertThat((Map<String, Object>) s.tabBar()).containsEntry("hidden", false);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void customWithoutTheComponentIsAProjectProblemAndGetTabBarIsNull(@TempDir Path dir) throws IOException {
    project(dir, true);
    for (String ext : List.of(".json", ".js", ".wxml")) {
      Files.delete(dir.resolve("custom-tab-bar/index" + ext));
    }
    assertThat(ProjectLoader.load(dir).problems()).extracting(Problem::toString)
        .containsExactly("app.json:2: Component is not found in path \"custom-tab-bar/index\" (using by \"app.json\")");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().callMethod("kind")).isEqualTo("function null");
      assertThat(s.currentPage().customTabBar()).isEmpty();
      assertThat(s.errors()).isEmpty();
    }
  }
}
