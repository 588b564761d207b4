package dev.sparrow.view.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewSources;
import dev.sparrow.view.wxs.WxsWatchdog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxsSandboxTest {

  private static String render(String wxsBody, String expr) {
    String wxml = "<wxs module=\"m\">" + wxsBody + "</wxs><view>{{" + expr + "}}</view>";
    try (PageView v = Pages.open(wxml, "{}")) {
      return v.find("view").orElseThrow().text();
    }
  }

  @Test
  void hasNoJavaNoIoAndNoPrintOrLoad() {
    String probe = "module.exports = { t: function () { var r = [];"
        + " try { r.push(typeof Java === 'undefined' ? 'noJava' : Java.type('java.lang.System') ? 'JAVA' : 'x'); }"
        + " catch (e) { r.push('javaBlocked'); }"
        + " r.push(typeof print, typeof load, typeof require === 'function' ? 'req' : 'noreq');"
        + " return r.join(','); } };";
    String shown = render(probe, "m.t()");
    assertThat(shown).doesNotContain("JAVA").contains("undefined,undefined");
  }

  @Test
  void modernSyntaxIsRejectedBecauseWxsIsEs5() {
    assertThat(render("module.exports = { f: function () { return 1; } };", "m.f()")).isEqualTo("1");
    assertThat(render("let x = 1; module.exports = { f: () => x };", "m.f()")).isEmpty();
  }

  @Test
  void shorthandPropertiesAreAcceptedAsWccAcceptsThem() {
    // Vant's cascader: style({ color }); blocks ending in a statement word or a lone name keep their meaning
    String module = "function f(color, size) { if (!color) { return } var o = { color, size };"
        + " var p = {a: 1, color}; { size } return JSON.stringify([o, p, {}, [color, size]]); }"
        + " module.exports = { f };";
    assertThat(render(module, "m.f('red', 2)"))
        .isEqualTo("[{\"color\":\"red\",\"size\":2},{\"a\":1,\"color\":\"red\"},{},[\"red\",2]]");
    assertThat(render(module, "m.f('', 2)")).isEmpty();
  }

  @Test
  void missingWxsFileIsACompileError() {
    ViewException e = catchThrowableOfType(ViewException.class, () -> new WxmlCompiler(ViewSources.of(
        Map.of("index.wxml", "<view/>\n<wxs module=\"u\" src=\"nope.wxs\"/>"))).compile("index"));
    assertThat(e.problems().get(0).line()).isEqualTo(2);
  }

  @Test
  void aRunawayWxsCallIsCancelledAndRendersEmpty() {
    String wxml = "<wxs module=\"m\">module.exports = { spin: function () { while (true) {} }, k: 1 };</wxs>"
        + "<view>[{{m.spin()}}]</view><text>{{m.k}}</text>";
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("view").orElseThrow().text()).isEqualTo("[]");
      assertThat(v.find("text").orElseThrow().text()).isEmpty();
    }
  }

  @Test
  void theWatchdogAViewIsGivenSetsTheLimitAndOutlivesTheView() throws Exception {
    String wxml = "<wxs module=\"m\">module.exports = { spin: function () { while (true) {} }, k: 1 };</wxs>"
        + "<view>[{{m.spin()}}]</view><text>{{m.k}}</text>";
    CompiledPage page = new WxmlCompiler(ViewSources.of(Map.of("index.wxml", wxml))).compile("index");
    try (WxsWatchdog watchdog = new WxsWatchdog("test-wxs-watchdog", 50)) {
      for (int i = 0; i < 2; i++) {
        try (PageView v = PageView.open(page, null, () -> 0, null, watchdog)) {
          assertThat(v.find("view").orElseThrow().text()).isEqualTo("[]");
          assertThat(v.find("text").orElseThrow().text()).isEmpty();
        }
      }
    }
  }

  @Test
  void aWatchdogRefusesWorkOnceClosedAndNamesABadLimit() {
    WxsWatchdog watchdog = new WxsWatchdog("test-wxs-watchdog", 50);
    watchdog.close();
    assertThatThrownBy(() -> watchdog.arm(() -> { })).hasMessage("WXS watchdog closed");
    assertThatThrownBy(() -> new WxsWatchdog("x", 0)).hasMessage("WXS time limit must be positive: 0");
  }

  @Test
  void throwingIsContained() {
    assertThat(render("module.exports = { f: function () { throw 'x'; } };", "m.f()")).isEmpty();
  }

  @Test
  void argumentsWithUndefinedArriveAsJsonWould() {
    assertThat(render("module.exports = { s: function (a, o) { return JSON.stringify([a, o]); } };",
        "m.s([1, nothing], {k: nothing, j: 2})")).isEqualTo("[[1,null],{\"j\":2}]");
  }
}
