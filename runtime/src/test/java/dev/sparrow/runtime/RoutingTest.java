package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Page stack, lifecycle order and routing errors against examples/navigation (tabs a, b; pages c, d; pkg/pages/e). */
class RoutingTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("navigation")));
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @SuppressWarnings("unchecked")
  private List<String> log() {
    return (List<String>) s.evaluate("function () { var l = getApp().log.slice(); getApp().log.length = 0; return l; }");
  }

  private List<String> routes() {
    return s.pageStack().stream().map(PageHandle::route).toList();
  }

  @Test
  void launchRunsAppThenEntryPageHooksInOrder() {
    assertThat(log()).containsExactly("App.onLaunch", "App.onShow", "A.onLoad", "A.onShow", "A.onReady");
    assertThat(routes()).containsExactly("pages/a/a");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void navigateToHidesTheOldPageAndPassesTheQueryAsWritten() {
    log();
    PageHandle c = s.navigateTo("/pages/c/c?id=7&name=a%20b");
    assertThat(log()).containsExactly("A.onHide", "C.onLoad", "C.onShow", "C.onReady");
    assertThat(c.query()).isEqualTo(Map.of("id", "7", "name", "a%20b"));
    assertThat(c.data("query.id")).isEqualTo("7");
    assertThat(s.evaluate("function () { var p = getCurrentPages(); return [p.length, p[1].route, p[1].options.id]; }"))
        .isEqualTo(List.of(2, "pages/c/c", "7"));
  }

  @Test
  void relativeUrlsResolveFromTheCurrentPageFolder() {
    s.navigateTo("../c/c");
    assertThat(routes()).containsExactly("pages/a/a", "pages/c/c");
    s.navigateTo("../../pkg/pages/e/e");
    assertThat(routes()).containsExactly("pages/a/a", "pages/c/c", "pkg/pages/e/e");
    assertThatThrownBy(() -> s.navigateTo("pages/d/d"))
        .isInstanceOf(WxCallException.class)
        .hasMessage("navigateTo:fail page \"pkg/pages/e/pages/d/d\" is not found");
  }

  @Test
  void redirectToUnloadsTheOldPage() {
    s.navigateTo("/pages/c/c");
    log();
    s.redirectTo("/pages/d/d");
    assertThat(log()).containsExactly("C.onUnload", "D.onLoad", "D.onShow", "D.onReady");
    assertThat(routes()).containsExactly("pages/a/a", "pages/d/d");
  }

  @Test
  void navigateToOpensAnEventChannelBothPagesShare() {
    // pages/c emits 'fromOpened' in its onLoad and listens for 'fromOpener' (examples/navigation/pages/c/c.js)
    s.evaluate("""
        function () {
          var app = getApp(); app.heard = [];
          wx.navigateTo({
            url: '/pages/c/c',
            events: { fromOpened: function (msg) { app.heard.push('opener heard ' + msg.step); } },
            success: function (res) {
              app.heard.push(res.errMsg);
              res.eventChannel.emit('fromOpener', { n: 2 });
            }
          });
        }""");
    s.awaitIdle();
    assertThat(s.evaluate("function () { return getApp().heard; }"))
        .isEqualTo(List.of("opener heard onLoad", "navigateTo:ok"));
    assertThat(s.currentPage().data("fromOpener")).isEqualTo(Map.of("n", 2));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void theEventChannelComesWithPromisesAndWithoutEvents() {
    s.evaluate("""
        function () {
          wx.navigateTo({ url: '/pages/c/c' }).then(function (res) {
            res.eventChannel.once('back', function (v) { getApp().back = (getApp().back || 0) + v; });
            getCurrentPages()[1].getOpenerEventChannel().emit('back', 1);
            res.eventChannel.emit('back', 1);
            res.eventChannel.emit('fromOpener', 'hi');
          });
        }""");
    s.awaitIdle();
    assertThat(s.evaluate("function () { return getApp().back; }")).isEqualTo(1);
    assertThat(s.currentPage().data("fromOpener")).isEqualTo("hi");
    // a page that was not opened by navigateTo still gets a channel, with nobody on the other side
    s.redirectTo("/pages/c/c");
    assertThat(s.currentPage().data("fromOpener")).isNull();
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void navigateBackUnloadsTopFirstAndShowsTheRevealedPage() {
    s.navigateTo("/pages/c/c");
    s.navigateTo("/pages/d/d");
    log();
    s.navigateBack(2);
    assertThat(log()).containsExactly("D.onUnload", "C.onUnload", "A.onShow");
    assertThat(routes()).containsExactly("pages/a/a");
  }

  @Test
  void navigateBackPastTheBottomStopsAtTheFirstPage() {
    s.navigateTo("/pages/c/c");
    s.navigateBack(10);
    assertThat(routes()).containsExactly("pages/a/a");
    assertThatThrownBy(() -> s.navigateBack(1))
        .isInstanceOf(WxCallException.class)
        .hasMessage("navigateBack:fail cannot navigate back at first page.");
  }

  @Test
  void theStackHoldsAtMostTenPages() {
    for (int i = 0; i < 9; i++) {
      s.navigateTo("/pages/c/c?i=" + i);
    }
    assertThat(routes()).hasSize(10);
    assertThatThrownBy(() -> s.navigateTo("/pages/d/d"))
        .isInstanceOf(WxCallException.class)
        .hasMessage("navigateTo:fail webview count limit exceed");
    assertThat(routes()).hasSize(10);
  }

  @Test
  void tabPagesAreReachedOnlyBySwitchTabOrReLaunch() {
    assertThatThrownBy(() -> s.navigateTo("/pages/b/b")).hasMessage("navigateTo:fail can not navigateTo a tabbar page");
    assertThatThrownBy(() -> s.redirectTo("/pages/b/b")).hasMessage("redirectTo:fail can not redirectTo a tabbar page");
    assertThatThrownBy(() -> s.switchTab("/pages/c/c")).hasMessage("switchTab:fail can not switch to no-tabBar page");
    assertThatThrownBy(() -> s.navigateTo("/pages/nope/nope")).hasMessage("navigateTo:fail page \"pages/nope/nope\" is not found");
    s.reLaunch("/pages/b/b?from=relaunch");
    assertThat(routes()).containsExactly("pages/b/b");
  }

  @Test
  void switchTabFollowsWeChatsCallbackTable() {
    log();
    s.switchTab("/pages/b/b"); // A -> B first time
    assertThat(log()).containsExactly("A.onHide", "B.onLoad", "B.onShow", "B.onReady");
    s.switchTab("/pages/a/a"); // B -> A again
    assertThat(log()).containsExactly("B.onHide", "A.onShow");
    s.switchTab("/pages/a/a"); // A -> A
    assertThat(log()).isEmpty();
    s.navigateTo("/pages/c/c");
    log();
    s.switchTab("/pages/a/a"); // C -> A
    assertThat(log()).containsExactly("C.onUnload", "A.onShow");
    s.navigateTo("/pages/c/c");
    s.navigateTo("/pages/d/d");
    log();
    s.switchTab("/pages/b/b"); // D -> B (B alive)
    assertThat(log()).containsExactly("D.onUnload", "C.onUnload", "B.onShow");
    assertThat(routes()).containsExactly("pages/b/b");
  }

  @Test
  void switchTabFromASharedPageLoadsTheTab() {
    s.reLaunch("/pages/d/d");
    log();
    s.switchTab("/pages/a/a");
    assertThat(log()).containsExactly("D.onUnload", "A.onLoad", "A.onShow", "A.onReady");
  }

  @Test
  void reLaunchUnloadsEveryPageIncludingHiddenTabs() {
    s.switchTab("/pages/b/b");
    s.navigateTo("/pages/c/c");
    log();
    s.reLaunch("/pages/d/d");
    assertThat(log()).containsExactly("C.onUnload", "B.onUnload", "A.onUnload", "D.onLoad", "D.onShow", "D.onReady");
  }

  @Test
  void appHideAndShowReachTheCurrentPage() {
    log();
    s.hideApp();
    s.showApp();
    assertThat(log()).containsExactly("A.onHide", "App.onHide", "App.onShow", "A.onShow");
  }

  @Test
  void subpackagePagesLoadOnFirstNavigation() {
    assertThat(s.evaluate("function () { return getCurrentPages().length }")).isEqualTo(1);
    PageHandle e = s.navigateTo("/pkg/pages/e/e");
    assertThat(e.route()).isEqualTo("pkg/pages/e/e");
    assertThat(e.data("name")).isEqualTo("E");
  }

  @Test
  void routingApisSupportPromiseStyleAndCallbacks() {
    Object viaPromise = s.evaluate("function () { return wx.navigateTo({ url: '/pages/c/c' }).then(function (r) { return r.errMsg }) }");
    assertThat(viaPromise).isEqualTo("navigateTo:ok");
    Object viaCallbacks = s.evaluate("function () { return new Promise(function (resolve) { var order = [];"
        + " wx.navigateTo({ url: '/pages/b/b', success: function () { order.push('success') },"
        + " fail: function (e) { order.push(e.errMsg) }, complete: function () { order.push('complete'); resolve(order) } }) }) }");
    assertThat(viaCallbacks).isEqualTo(List.of("navigateTo:fail can not navigateTo a tabbar page", "complete"));
  }

  @Test
  void windowHeightDependsOnTheTabBarAndNavigationStyle() {
    assertThat(s.callWxSync("getWindowInfo")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("windowHeight", 667 - 64 - 48).containsEntry("screenTop", 64);
    s.navigateTo("/pages/c/c");
    assertThat(((Map<?, ?>) s.callWxSync("getSystemInfoSync")).get("windowHeight")).isEqualTo(667 - 64);
    s.navigateTo("/pages/d/d");
    assertThat(((Map<?, ?>) s.callWxSync("getSystemInfoSync")).get("windowHeight")).isEqualTo(667);
  }
}
