package dev.sparrow.view.wxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparrow.view.ViewException;
import dev.sparrow.view.ViewProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class WxmlParserTest {

  @Test
  void keepsMustachesWithAngleBracketsAsText() {
    List<WxmlNode> nodes = WxmlParser.parse("a.wxml", "<view>{{a<b ? 1 : 2}}</view>");
    WxmlElement view = (WxmlElement) nodes.get(0);
    assertThat(((WxmlText) view.children().get(0)).text()).isEqualTo("{{a<b ? 1 : 2}}");
  }

  @Test
  void wxsBodyIsRawText() {
    WxmlElement wxs = (WxmlElement) WxmlParser.parse("a.wxml",
        "<wxs module=\"m\">for (var i = 0; i<n; i++) {}</wxs>").get(0);
    assertThat(((WxmlText) wxs.children().get(0)).text()).isEqualTo("for (var i = 0; i<n; i++) {}");
  }

  @Test
  void attributesWithoutSpacesValuelessAndSelfClosingCustomTags() {
    List<WxmlNode> nodes = WxmlParser.parse("a.wxml", "<my-comp a=\"1\"b='2' flag/><next/>");
    WxmlElement comp = (WxmlElement) nodes.get(0);
    assertThat(comp.attributes()).extracting(WxmlAttribute::name).containsExactly("a", "b", "flag");
    assertThat(comp.attribute("flag").orElseThrow().value()).isNull();
    assertThat(nodes).hasSize(2);
  }

  @Test
  void recordsPositions() {
    WxmlElement el = (WxmlElement) WxmlParser.parse("a.wxml", "\n  <view\n   class=\"x\"/>").get(1);
    assertThat(el.line()).isEqualTo(2);
    assertThat(el.column()).isEqualTo(3);
    WxmlAttribute cls = el.attribute("class").orElseThrow();
    assertThat(List.of(cls.line(), cls.column(), cls.valueLine(), cls.valueColumn())).containsExactly(3, 4, 3, 11);
  }

  @Test
  void mismatchedEndTagIsLocated() {
    assertThat(problem("<view>\n  <text>a</view>"))
        .isEqualTo(new ViewProblem("a.wxml", 2, 10, "expected end tag `text`, found `view`"));
  }

  @Test
  void unclosedElementPointsAtItsStart() {
    assertThat(problem("<view>\n<text>x</text>")).isEqualTo(new ViewProblem("a.wxml", 1, 1, "end tag missing for `view`"));
  }

  @Test
  void unquotedValueIsRejectedLikeWeChat() {
    assertThat(problem("<view a=1/>").column()).isEqualTo(9);
  }

  @Test
  void unterminatedMustacheInText() {
    assertThat(problem("<view>{{ a </view>").message()).contains("inside `{{`");
  }

  @Test
  void absurdNestingIsAnErrorNotAStackOverflow() {
    String deep = "<view>".repeat(WxmlParser.MAX_DEPTH + 1);
    assertThat(problem(deep).message()).contains("nested deeper");
  }

  private static ViewProblem problem(String src) {
    ViewException e = catchThrowableOfType(ViewException.class, () -> WxmlParser.parse("a.wxml", src));
    assertThat(e).as("expected a parse error").isNotNull();
    return e.problems().get(0);
  }
}
