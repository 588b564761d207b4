package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.system.DeviceProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The boilerplate calls of real app.js files and pages: launch options, account, login, updates, clipboard, capsule. */
class AppAndDeviceApisTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("navigation")).launchUrl("pages/a/a?from=test").scene(1011)
        .device(DeviceProfile.IPHONE_6));
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  @Test
  void launchAndEnterOptionsAndTheAccount() {
    assertThat(js("var o = wx.getLaunchOptionsSync(); return [o.path, o.query.from, o.scene]"))
        .isEqualTo(List.of("pages/a/a", "test", 1011));
    s.hideApp();
    s.showApp();
    assertThat(js("var o = wx.getEnterOptionsSync(); return [o.path, o.scene, JSON.stringify(o.query)]"))
        .isEqualTo(List.of("pages/a/a", 1011, "{}"));
    assertThat(js("return wx.getLaunchOptionsSync().query.from")).isEqualTo("test");
    assertThat(js("return wx.getAccountInfoSync().miniProgram"))
        .isEqualTo(Map.of("appId", "wxsparrownav0001", "envVersion", "develop", "version", ""));
  }

  @Test
  void loginGivesAFreshCodeAndTheSessionIsValid() {
    Object codes = js("return Promise.all([wx.login(), wx.login(), wx.checkSession()]).then(function (r) {"
        + " return [r[0].errMsg, /^[0-9a-f]{32}$/.test(r[0].code), r[0].code !== r[1].code, r[2].errMsg] })");
    assertThat(codes).isEqualTo(List.of("login:ok", true, true, "checkSession:ok"));
  }

  @Test
  void theUpdateManagerFindsNoUpdateAndNextTickRunsAfterTheCurrentCode() {
    Object r = js("return new Promise(function (done) { var seen = [];"
        + " var m = wx.getUpdateManager(); seen.push(m === wx.getUpdateManager());"
        + " m.onUpdateReady(function () { seen.push('ready') });"
        + " m.onCheckForUpdate(function (res) { seen.push('check ' + res.hasUpdate) });"
        + " wx.nextTick(function () { seen.push('tick'); done(seen) }); seen.push('sync') })");
    assertThat(r).isEqualTo(List.of(true, "sync", "check false", "tick"));
  }

  @Test
  void systemAndAppAuthorizeSettingsAreSyncObjectsAsAppJsMergesThemIntoGlobalData() {
    // the pattern of WeChat's own demo app.js: every info getter merged into globalData at launch
    Object merged = js("var g = {}; ['getSystemSetting', 'getAppAuthorizeSetting', 'getDeviceInfo', 'getAppBaseInfo',"
        + " 'getWindowInfo'].forEach(function (n) { if (wx[n]) Object.assign(g, wx[n]()) });"
        + " return [g.wifiEnabled, g.deviceOrientation, g.cameraAuthorized, g.locationReducedAccuracy,"
        + " g.phoneCalendarAuthorized, g.model, g.SDKVersion, g.windowWidth,"
        + " wx.canIUse('getSystemSetting'), wx.canIUse('getAppAuthorizeSetting.return.albumAuthorized')]");
    assertThat(merged).isEqualTo(List.of(true, "portrait", "authorized", false, "authorized", "iPhone 6/7/8",
        "3.7.12", 375, true, true));
    assertThat(js("var s = wx.getSystemSetting(); return [s.bluetoothEnabled, s.locationEnabled]"))
        .isEqualTo(List.of(false, true));
  }

  @Test
  void extConfigIsTheExtOfAnEnabledExtJsonAndEmptyWithoutOne() {
    // SaaS templates: `const subDomain = wx.getExtConfigSync().subDomain` first thing in App.onLaunch
    assertThat(js("return [wx.getExtConfigSync().subDomain, wx.getExtConfigSync().shop.id]"))
        .isEqualTo(List.of("tenant-a", 7));
    assertThat(js("return wx.getExtConfig().then(function (r) { return [r.errMsg, r.extConfig.subDomain] })"))
        .isEqualTo(List.of("getExtConfig:ok", "tenant-a"));
    try (Session plain = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")))) {
      plain.awaitIdle();
      assertThat(plain.evaluate("function () { return JSON.stringify(wx.getExtConfigSync()) }")).isEqualTo("{}");
    }
  }

  @Test
  void networkTypeClipboardAndTheCapsule() {
    assertThat(js("return wx.getNetworkType().then(function (r) { return r.networkType })")).isEqualTo("wifi");
    assertThat(js("return wx.setClipboardData({ data: '复制' }).then(function () { return wx.getClipboardData() })"
        + ".then(function (r) { return r.data })")).isEqualTo("复制");
    // iPhone 6: 375 px wide, 20 px status bar
    assertThat(js("return wx.getMenuButtonBoundingClientRect()"))
        .isEqualTo(Map.of("width", 87, "height", 32, "top", 24, "right", 368, "bottom", 56, "left", 281));
  }

  @Test
  void startPullDownRefreshRunsThePagesHookAndTheDotsShowUntilStopped() {
    js("getCurrentPages()[0].onPullDownRefresh = function () { getApp().pulled = this.route }");
    assertThat(js("return wx.startPullDownRefresh()")).isEqualTo(Map.of("errMsg", "startPullDownRefresh:ok"));
    s.awaitIdle();
    assertThat(js("return getApp().pulled")).isEqualTo("pages/a/a");
    assertThat(s.currentPage().isRefreshing()).isTrue();
    assertThat(js("return wx.stopPullDownRefresh()")).isEqualTo(Map.of("errMsg", "stopPullDownRefresh:ok"));
    assertThat(s.currentPage().isRefreshing()).isFalse();
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void scrollingCallsOnPageScrollAndReachesTheBottomOncePerArrival() {
    String hooks = "var p = getCurrentPages()[getCurrentPages().length - 1]; getApp().seen = [];"
        + " p.onPageScroll = function (e) { getApp().seen.push(e.scrollTop) };"
        + " p.onReachBottom = function () { getApp().seen.push('bottom') }; p.onPullDownRefresh = function () { getApp().seen.push('pull') }";
    js(hooks);
    PageHandle a = s.currentPage();
    a.scroll(100, 400);
    a.scroll(380, 40);   // within the default 50 px: onReachBottom
    a.scroll(400, 20);   // still there: no second call
    a.scroll(200, 220);
    a.scroll(390, 30);   // arrives again
    a.pullDownRefresh();
    assertThat(js("return getApp().seen")).isEqualTo(List.of(100, 380, "bottom", 400, 200, 390, "bottom", "pull"));

    PageHandle d = s.navigateTo("/pages/d/d"); // its page json sets onReachBottomDistance: 120
    js(hooks);
    d.scroll(10, 110);
    assertThat(js("return getApp().seen")).isEqualTo(List.of(10, "bottom"));
  }

  @Test
  void tappingATabSwitchesToItThenCallsOnTabItemTap() {
    js("getApp().taps = []; getCurrentPages()[0].onTabItemTap = function (item) { getApp().taps.push(this.route + ' ' + JSON.stringify(item)) }");
    PageHandle a = s.tapTab("pages/a/a");  // the tab that shows: tapped again
    PageHandle b = s.tapTab("/pages/b/b");
    assertThat(a.route()).isEqualTo("pages/a/a");
    assertThat(b.route()).isEqualTo("pages/b/b");
    assertThat(js("return getApp().taps")).isEqualTo(List.of("pages/a/a {\"index\":0,\"pagePath\":\"pages/a/a\",\"text\":\"A\"}"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void tabBarBadgesDotsItemsAndStyleWorkOnlyOnTabPages() {
    assertThat(js("return Promise.all([wx.setTabBarBadge({ index: 1, text: '3' }), wx.showTabBarRedDot({ index: 0 }),"
        + " wx.setTabBarItem({ index: 0, text: 'Home' }), wx.setTabBarStyle({ color: '#333333' }), wx.hideTabBar()])"
        + ".then(function (r) { return r.map(function (x) { return x.errMsg }) })"))
        .isEqualTo(List.of("setTabBarBadge:ok", "showTabBarRedDot:ok", "setTabBarItem:ok", "setTabBarStyle:ok", "hideTabBar:ok"));
    Map<String, Object> bar = s.tabBar();
    List<Map<String, Object>> items = (List<Map<String, Object>>) bar.get("items");
    assertThat(items.get(0)).containsEntry("text", "Home").containsEntry("redDot", true);
    assertThat(items.get(1)).containsEntry("badge", "3").containsEntry("text", "B");
    assertThat((Map<String, Object>) bar.get("style")).containsEntry("color", "#333333");
    assertThat(bar.get("hidden")).isEqualTo(true);
    assertThat(js("return wx.setTabBarBadge({ index: 5, text: '1' }).catch(function (e) { return e.errMsg })"))
        .isEqualTo("setTabBarBadge:fail tabbar item not found");
    s.navigateTo("/pages/c/c");
    assertThat(js("return wx.removeTabBarBadge({ index: 1 }).catch(function (e) { return e.errMsg })"))
        .isEqualTo("removeTabBarBadge:fail not TabBar page");
  }
}
