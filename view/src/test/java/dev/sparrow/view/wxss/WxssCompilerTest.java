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
  void inlinesImportsOnceAndReportsMissingOnes() {
    ViewSources files = ViewSources.of(Map.of(
        "app.wxss", "@import \"styles/common.wxss\";\n@import 'styles/common.wxss';\n@import \"nope.wxss\";\n.app{x:y}",
        "styles/common.wxss", "@import \"../app.wxss\";\nimage{display:block}",
        "pages/a/a.wxss", ".p{width:750rpx}"));
    WxssResult r = new WxssCompiler(files).page("app.wxss", "pages/a/a.wxss", WxssOptions.IPHONE_375);
    assertThat(r.css()).isEqualTo("/* app.wxss */\nwx-image {display:block}\n.app {x:y}\n"
        + "/* pages/a/a.wxss */\n.p {width:375px}\n");
    assertThat(r.problems()).containsExactly(new ViewProblem("app.wxss", 3, 0, "imported file `nope.wxss` not found"));
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
