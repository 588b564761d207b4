package dev.sparrow.view.wxss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.ViewProblem;
import dev.sparrow.view.ViewSources;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxssCompilerTest {

  private static WxssResult compile(String wxss) {
    return new WxssCompiler(ViewSources.of(Map.of("a.wxss", wxss))).compile("a.wxss", WxssOptions.IPHONE_375);
  }

  @Test
  void mapsTagSelectorsPageAndKeepsTheRest() {
    assertThat(compile("page { background: #eee; }\nview .a:hover, text.b > .c, #x, [data-x=\"1\"]::after {color:red}")
        .css()).isEqualTo("body {background: #eee;}\n"
            + "wx-view .a:hover, wx-text.b > .c, #x, [data-x=\"1\"]::after {color:red}\n");
    assertThat(compile(":not(view) .x{a:b}").css()).isEqualTo(":not(wx-view) .x {a:b}\n");
  }

  @Test
  void convertsRpxLikeWeChatOnA375pxIphone() {
    assertThat(compile(".a{margin: 10rpx 1rpx -20rpx 0rpx; width: calc(100% - 3rpx); height: 750rpx}").css())
        .isEqualTo(".a {margin: 5px 0.5px -10px 0px; width: calc(100% - 1px); height: 375px}\n");
    assertThat(Rpx.toPx(1, new WxssOptions(375, 2, false, ""))).isEqualTo(1);
    assertThat(Rpx.toPx(100, new WxssOptions(414, 3, true, ""))).isEqualTo(55);
  }

  @Test
  void inlinesImportsOnceAndReportsMissingOnesAndCycles() {
    ViewSources files = ViewSources.of(Map.of(
        "app.wxss", "@import \"styles/common.wxss\";\n@import 'styles/common.wxss';\n@import \"nope.wxss\";\n.app{x:y}",
        "styles/common.wxss", "@import \"../app.wxss\";\nimage{display:block}",
        "pages/a/a.wxss", ".p{width:750rpx}"));
    WxssResult r = new WxssCompiler(files).page("app.wxss", "pages/a/a.wxss", WxssOptions.IPHONE_375);
    assertThat(r.css()).isEqualTo("/* app.wxss */\nwx-image {display:block}\n.app {x:y}\n"
        + "/* pages/a/a.wxss */\n.p {width:375px}\n");
    assertThat(r.problems()).containsExactly(
        new ViewProblem("styles/common.wxss", 1, 0, "import cycle: `../app.wxss` is already being imported"),
        new ViewProblem("app.wxss", 3, 0, "imported file `nope.wxss` not found"));
  }

  @Test
  void aFileReachedTwiceLandsAtItsLastImport() {
    ViewSources files = ViewSources.of(Map.of(
        "a.wxss", "@import \"b.wxss\";\n.x{a:1}\n@import \"c\";\n.y{a:2}",
        "b.wxss", ".b{a:0}",
        "c.wxss", "@import \"/b.wxss\"; .c{a:3}"));
    assertThat(new WxssCompiler(files).compile("a.wxss", WxssOptions.IPHONE_375).css())
        .isEqualTo(".x {a:1}\n.b {a:0}\n.c {a:3}\n.y {a:2}\n");
  }

  @Test
  void importWithoutSemicolonKeepsTheNextRule() {
    ViewSources files = ViewSources.of(Map.of(
        "a.wxss", "@import \"/b.wxss\" .after { color: red; }",
        "b.wxss", ".b{c:d}"));
    WxssResult r = new WxssCompiler(files).compile("a.wxss", WxssOptions.IPHONE_375);
    assertThat(r.css()).isEqualTo(".b {c:d}\n.after {color: red;}\n");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void pseudoClassArgumentsAreNotTagNames() {
    assertThat(compile(".t:nth-child(odd), .u:nth-last-child(n+2), .v:nth-child(even), :is(view) .w, :where(div){a:b}")
        .css()).isEqualTo(
            ".t:nth-child(odd), .u:nth-last-child(n+2), .v:nth-child(even), :is(view) .w, :where(div) {a:b}\n");
  }

  @Test
  void classPrefixIsEscapedForEveryCharacterAPathCanHold() {
    String prefix = StyleScope.classPrefix("miniprogram_npm/@vant/weapp/button/index");
    assertThat(prefix).isEqualTo("miniprogram_npm-@vant-weapp-button-index--");
    WxssResult r = new WxssCompiler(ViewSources.of(Map.of("c.wxss", ".van-button:not(.x){a:b}")))
        .compile("c.wxss", WxssOptions.IPHONE_375.withClassPrefix(prefix));
    assertThat(r.css()).isEqualTo(".miniprogram_npm-\\@vant-weapp-button-index--van-button"
        + ":not(.miniprogram_npm-\\@vant-weapp-button-index--x) {a:b}\n");
    assertThat(StyleScope.cssIdentifier("1a.b/c d+e~f:g@h(i)[j]'k\"l")).isEqualTo(
        "\\31 a\\.b\\/c\\ d\\+e\\~f\\:g\\@h\\(i\\)\\[j\\]\\'k\\\"l");
    assertThat(StyleScope.cssIdentifier("-1x_y-\u4e2d")).isEqualTo("-\\31 x_y-\u4e2d");
    assertThat(StyleScope.classPrefix("my comps/a b")).isEqualTo("my_comps-a_b--");
  }

  @Test
  void hostRulesStyleTheHostElementFromTheirOwnSheet() {
    ViewSources files = ViewSources.of(Map.of("comp/x.wxss", ":host{display:flex} :host(.on){b:c} :host .i{d:e}"));
    WxssResult r = new WxssCompiler(files)
        .compile("comp/x.wxss", WxssOptions.IPHONE_375.withClassPrefix("comp-x--"));
    assertThat(r.hostCss()).isEqualTo("[is=\"comp/x\"] {display:flex}\n.on[is=\"comp/x\"] {b:c}\n");
    assertThat(r.css()).isEqualTo(":host .comp-x--i {d:e}\n");
  }

  @Test
  void rpxIsReadAsWcscReadsIt() {
    assertThat(compile(".a{a:+10rpx;b:a-10rpx;c:_10rpx;d:1e2rpx;e:\"10rpx\";h:.5rpx}").css())
        .isEqualTo(".a {a:5px;b:a-5px;c:_10rpx;d:1e2rpx;e:\"10rpx\";h:0.5px}\n");
    assertThat(compile(".a{f:url(x/10rpx.png);g:url(https://h/10rpx.png)}").css())
        .isEqualTo(".a {f:url(x/10rpx.png);g:url(https://h/5px.png)}\n");
  }

  @Test
  void badRulesAreReportedWithTheirLineAndSkipped() {
    WxssResult r = compile(".ok{a:b}\n* {box-sizing: border-box}\n.a{color:red}}\n.late{c:d}\n.open{x:y");
    assertThat(r.css()).isEqualTo(".ok {a:b}\n.a {color:red}\n.late {c:d}\n");
    assertThat(r.problems()).extracting(ViewProblem::line).containsExactly(2, 3, 5);
  }

  @Test
  void keepsMediaKeyframesAndFontFace() {
    assertThat(compile("@media (max-width: 100px) { .m { width: 750rpx; } }\n"
        + "@keyframes k { from { left: 0rpx } to { left: 100rpx } }\n@font-face { font-family: x; }").css())
        .isEqualTo("@media (max-width: 100px) {\n.m {width: 375px;}\n}\n"
            + "@keyframes k {\nfrom {left: 0px}\nto {left: 50px}\n}\n@font-face {font-family: x;}\n");
  }

  @Test
  void componentClassesGetTheIsolationPrefix() {
    WxssResult r = new WxssCompiler(ViewSources.of(Map.of("c.wxss", ".a .b, view.c{x:y}")))
        .compile("c.wxss", WxssOptions.IPHONE_375.withClassPrefix("comp--"));
    assertThat(r.css()).isEqualTo(".comp--a .comp--b, wx-view.comp--c {x:y}\n");
  }
}
