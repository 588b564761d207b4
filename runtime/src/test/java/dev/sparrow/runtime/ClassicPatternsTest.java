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
 * Patterns met in classic native mini programs of 2016–2018 (docs/compatibility.md, "Classic native mini programs"),
 * each in a small project of our own.
 */
class ClassicPatternsTest {
  @TempDir Path dir;

  /** The legacy {@code <toast>} component tells its page when its duration is over; the page hides it then. */
  @Test
  void aLegacyToastComponentFiresChangeAfterItsDuration() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <toast hidden="{{toastHidden}}" duration="1000" bindchange="toastChanged">{{toastText}}</toast>
        <toast wx:if="{{second}}" bindchange="secondChanged">default duration</toast>
        <toast hidden>never shown</toast>
        <view class="save" bindtap="save">save</view>""");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({
          data: { toastHidden: true, toastText: '', second: false, changes: [] },
          save() { this.setData({ toastHidden: false, toastText: 'saved', second: true }) },
          toastChanged(e) {
            this.setData({ toastHidden: true, changes: this.data.changes.concat(['first ' + e.detail.value]) })
          },
          secondChanged(e) { this.setData({ second: false, changes: this.data.changes.concat(['second']) }) }
        })""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      s.advance(Duration.ofSeconds(5));
      assertThat(s.currentPage().data("changes")).isEqualTo(List.of());
      s.currentPage().select(".save").orElseThrow().tap();
      s.advance(Duration.ofMillis(999));
      assertThat(s.currentPage().data("toastHidden")).isEqualTo(false);
      s.advance(Duration.ofMillis(1));
      assertThat(s.currentPage().data()).containsEntry("toastHidden", true)
          .containsEntry("changes", List.of("first false"));
      s.advance(Duration.ofMillis(500));
      assertThat(s.currentPage().data()).containsEntry("second", false)
          .containsEntry("changes", List.of("first false", "second"));
      s.currentPage().select(".save").orElseThrow().tap();
      s.advance(Duration.ofMillis(1500));
      assertThat(s.currentPage().data("changes")).isEqualTo(
          List.of("first false", "second", "first false", "second"));
      assertThat(s.errors()).isEmpty();
    }
  }

  /**
   * {@code wx.getSystemInfo} is implemented synchronously in WeChat: what its success stores in {@code App.onLaunch}
   * is there for the page files' top-level code, and code after the call sees it.
   */
  @Test
  void getSystemInfoCallsBackBeforeItReturns() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), """
        App({
          screen: null,
          order: [],
          onLaunch() {
            const self = this;
            wx.getSystemInfo({
              success(res) { self.screen = res; self.order.push('success'); },
              complete() { self.order.push('complete'); }
            });
            this.order.push('after the call');
          }
        })""");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        const app = getApp();
        Page({ data: { width: app.screen.windowWidth, height: app.screen.windowHeight } })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<view>{{width}}×{{height}}</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.currentPage().data()).containsEntry("width", 375).containsEntry("height", 603);
      assertThat(s.evaluate("function () { return getApp().order }"))
          .isEqualTo(List.of("success", "complete", "after the call"));
      assertThat(s.evaluate("""
          function () {
            const seen = [];
            const p = wx.getSystemInfo().then(function (r) { seen.push('then ' + r.errMsg) });
            seen.push('returned');
            wx.getSystemInfo({ fail() { seen.push('fail') }, success() { seen.push('success') } });
            return p.then(function () { return seen });
          }""")).isEqualTo(List.of("returned", "success", "then getSystemInfo:ok"));
    }
  }

  /**
   * The quick-start template of 2018–2021: {@code <button open-type="getUserInfo" bindgetuserinfo>} gets the profile
   * (anonymous, as WeChat answers since 2021) after the tap; a share button calls {@code onShareAppMessage}; a
   * settings button hands back the decisions when the settings page closes.
   */
  @Test
  void openTypeButtonsHandTheirAnswerToThePage() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <button id="login" open-type="getUserInfo" bindtap="tapped" bindgetuserinfo="gotUserInfo">login</button>
        <button id="share" open-type="share" data-goods="{{7}}">share</button>
        <button id="plain" open-type="" bindtap="tapped">plain</button>
        <button id="settings" open-type="openSetting" bindopensetting="settings">settings</button>""");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({
          data: { seen: [] },
          note(line) { this.setData({ seen: this.data.seen.concat([line]) }) },
          tapped() { this.note('tap') },
          gotUserInfo(e) {
            const d = e.detail;
            this.note([e.type, d.errMsg, d.userInfo.nickName, typeof d.rawData, JSON.parse(d.rawData).nickName,
              typeof d.signature].join(' '));
          },
          settings(e) { this.note(e.type + ' ' + e.detail.errMsg + ' ' + JSON.stringify(e.detail.authSetting)) },
          onShareAppMessage(res) {
            this.note('share ' + res.from + ' ' + res.target.id + ' ' + res.target.dataset.goods);
            return { title: 'goods' };
          }
        })""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      s.currentPage().select("#login").orElseThrow().tap();
      s.currentPage().select("#share").orElseThrow().tap();
      s.currentPage().select("#plain").orElseThrow().tap();
      s.currentPage().select("#settings").orElseThrow().tap();
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.currentPage().data("seen")).isEqualTo(List.of("tap",
          "getuserinfo getUserInfo:ok 微信用户 string 微信用户 string", "share button share 7", "tap",
          "opensetting openSetting:ok {}"));
      assertThat(s.errors()).isEmpty();
    }
  }
}
