package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public mini programs built on UI libraries other than Vant and TDesign (docs/compatibility.md,
 * "Tried on public mini programs"), each in a small project of our own.
 */
@SuppressWarnings("unchecked")
class UiLibraryPatternsTest {
  @TempDir Path dir;

  /** Wux Weapp's helpers ({@code new $wuxCountDown()} in onLoad) take the last of getCurrentPages() as the page. */
  @Test
  void getCurrentPagesEndsWithThePageDuringItsComponentsLifetimesAndItsOnLoad() throws IOException {
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/home/home", "pages/next/next", "pages/tab/tab"],
         "tabBar": {"list": [{"pagePath": "pages/home/home", "text": "home"},
                             {"pagePath": "pages/tab/tab", "text": "tab"}]}}""");
    TestFiles.write(dir.resolve("app.js"), "App({ seen: [] })");
    TestFiles.write(dir.resolve("probe.js"), """
        module.exports = function (where, self) {
          const p = getCurrentPages();
          getApp().seen.push(where + ' ' + p.length + ' ' + (p.length > 0 && p[p.length - 1] === self));
        };""");
    for (String page : List.of("home", "next", "tab")) {
      TestFiles.write(dir.resolve("pages/" + page + "/" + page + ".json"),
          "{\"usingComponents\": {\"probe-box\": \"/components/box/box\"}}");
      TestFiles.write(dir.resolve("pages/" + page + "/" + page + ".js"),
          "const probe = require('../../probe');\nPage({ onLoad() { probe('" + page + ".onLoad', this); } })");
      TestFiles.write(dir.resolve("pages/" + page + "/" + page + ".wxml"), "<probe-box/>");
    }
    TestFiles.write(dir.resolve("components/box/box.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("components/box/box.js"), """
        const probe = require('../../probe');
        Component({ lifetimes: { attached() {
          const p = getCurrentPages();
          getApp().seen.push('box.attached ' + p[p.length - 1].route);
        } } })""");
    TestFiles.write(dir.resolve("components/box/box.wxml"), "<view>box</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      s.navigateTo("/pages/next/next");
      s.evaluate("function () { wx.switchTab({ url: '/pages/tab/tab' }) }");
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.evaluate("function () { return getApp().seen }")).isEqualTo(List.of(
          "box.attached pages/home/home", "home.onLoad 1 true",
          "box.attached pages/next/next", "next.onLoad 2 true",
          "box.attached pages/tab/tab", "tab.onLoad 1 true"));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aComponentPassedThroughTwoSlotsAnswersItsOwnQueries() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({ found: [] })");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"outer\": \"/c/outer/outer\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<outer/>");
    component("outer", "{\"mid\": \"/c/mid/mid\", \"probe\": \"/c/probe/probe\"}",
        "Component({})", "<mid><view class=\"wrap\"><probe/></view></mid>");
    component("mid", "{\"frame\": \"/c/frame/frame\"}", "Component({})", "<frame><view><slot/></view></frame>");
    component("frame", "{}", "Component({ data: { state: 'exited' } })",
        "<view wx:if=\"{{state !== 'unmounted'}}\"><slot/></view>");
    component("probe", "{}", """
        Component({ lifetimes: { ready() {
          this.createSelectorQuery().select('.inner').boundingClientRect().exec((res) => {
            getApp().found.push(res[0] === null ? 'null' : 'rect');
          });
        } } })""", "<view class=\"inner\">in</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.evaluate("function () { return getApp().found }")).isEqualTo(List.of("rect"));
    }
  }

  /**
   * Wux Weapp's popup (and its dialog, select, picker, calendar) keeps {@code this.selectComponent('#wux-backdrop')}
   * from its {@code created} and throws 无法找到对应的组件 without it: WeChat renders a component's template, its
   * own components included, before {@code created} (glass-easel's component.ts).
   */
  @Test
  void aPopupFindsItsBackdropInCreated() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({ log: [] })");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"popup\": \"/c/popup/popup\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({ data: { more: false }, open(id) { this.selectComponent(id).open(); } })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <popup id="first"><text>inside</text></popup>
        <popup id="second" wx:if="{{more}}"/>
        <popup id="bare" mask="{{false}}"/>""");
    component("popup", "{\"backdrop\": \"/c/backdrop/backdrop\"}", """
        function find(selector, ctx) {
          const found = ctx.selectComponent(selector);
          if (!found) throw new Error('无法找到对应的组件，请按文档说明使用组件');
          return found;
        }
        Component({
          properties: { mask: { type: Boolean, value: true } },
          lifetimes: { created() {
            if (this.data.mask) this.backdrop = find('#backdrop', this);
            const app = getApp();
            app.log.push(this.id + ' ' + this.selectAllComponents('.layer').length + ' '
                + (this.backdrop ? this.backdrop.data.shown : '-'));
            this.createSelectorQuery().select('.body').boundingClientRect().exec((res) => {
              app.log.push(this.id + ' body ' + (res[0] === null ? 'null' : 'rect'));
            });
          } },
          methods: { open() { this.backdrop.show(); } }
        })""", """
        <backdrop id="backdrop" class="layer" wx:if="{{mask}}"/>
        <view class="body"><slot/></view>""");
    component("backdrop", "{}", """
        Component({ data: { shown: 0 }, methods: { show() { this.setData({ shown: this.data.shown + 1 }); } } })""",
        "<view class=\"shade\">{{shown}}</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle home = s.currentPage();
      home.setData(Map.of("more", true));
      s.awaitIdle(Duration.ofMinutes(1));
      s.evaluate("function () { getCurrentPages()[0].open('#first'); getCurrentPages()[0].open('#second') }");
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.evaluate("function () { return getApp().log }")).isEqualTo(List.of(
          "first 1 0", "bare 0 -", "first body rect", "bare body rect", "second 1 0", "second body rect"));
      assertThat(home.select("#first").orElseThrow().select("#backdrop").orElseThrow().select(".shade")
          .orElseThrow().text()).isEqualTo("1");
      assertThat(home.select("#second").orElseThrow().select("#backdrop").orElseThrow().select(".shade")
          .orElseThrow().text()).isEqualTo("1");
    }
  }

  /** Wux's popup-select measures its list from a timer; by then a setData may have taken the component away. */
  @Test
  void aRemovedComponentsQueriesFindNothingInsteadOfFailing() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({ found: [] })");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"probe\": \"/c/probe/probe\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({ data: { show: true } })");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<view><probe wx:if=\"{{show}}\"/></view>");
    component("probe", "{}", "Component({ lifetimes: { attached() { getApp().probe = this; } } })",
        "<view class=\"inner\">in</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      s.currentPage().setData(Map.of("show", false));
      Object r = s.evaluate("""
          function () {
            return new Promise(function (done) {
              getApp().probe.createSelectorQuery().select('.inner').boundingClientRect()
                .selectAll('.inner').fields({ id: true, properties: ['class'] })
                .exec(function (res) { done([res[0], res[1].length]); });
            });
          }""");
      assertThat(r).isEqualTo(Arrays.asList(null, 0));
      assertThat(s.errors()).isEmpty();
    }
  }

  /** Wux's popup-select: its list (slot content of a popup) measures itself while the popup closes and opens. */
  @Test
  void aComponentInSlotContentAnswersItsQueriesAfterItsOwnerUpdatesIt() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"),
        "{\"usingComponents\": {\"outer\": \"/c/outer/outer\", \"probe\": \"/c/probe/probe\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({ data: { t: 'a', open: true, items: [1, 2] } })");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<outer visible=\"{{open}}\"><view wx:for=\"{{items}}\">"
        + "<probe title=\"{{t}}\" data-i=\"{{item}}\"/></view></outer>");
    component("outer", "{}", "Component({ properties: { visible: Boolean }, data: { state: 1 },"
        + " observers: { visible(v) { this.setData({ state: v ? 2 : 3 }); } } })",
        "<view class=\"box s{{state}}\" wx:if=\"{{visible}}\"><slot/></view>");
    component("probe", "{}", "Component({ properties: { title: String },"
        + " lifetimes: { attached() { (getApp().probes = getApp().probes || []).push(this); } } })",
        "<view class=\"inner\">{{title}}</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("t", "b"), Map.of("items", List.of(1, 2, 3)),
          Map.of("open", false), Map.of("open", true), Map.of("t", "c"))) {
        s.currentPage().setData(change);
        Object r = s.evaluate("""
            function () {
              return Promise.all(getApp().probes.map(function (p) {
                return new Promise(function (done) {
                  p.createSelectorQuery().selectAll('.inner').fields({ id: true }).exec(function (res) {
                    done(res[0].length);
                  });
                });
              }));
            }""");
        assertThat(s.errors()).as(change.toString()).isEmpty();
        if (change.containsKey("t")) {
          assertThat((List<Object>) r).as(change.toString()).isNotEmpty().allMatch(n -> n.equals(0) || n.equals(1))
              .contains(1);
        }
      }
    }
  }

  private void component(String name, String using, String js, String wxml) throws IOException {
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".json"),
        "{\"component\": true, \"usingComponents\": " + using + "}");
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".js"), js);
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".wxml"), wxml);
  }
}
