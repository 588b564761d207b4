package dev.sparrow.view.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.view.ElementHandle;
import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import org.junit.jupiter.api.Test;

class SelectorTest {
  private static final String PAGE = ("<view id='main' class='box big'><text class='t'>a</text>"
      + "<view class='inner'><text class='t' data-k='1'>b</text></view></view><button type='primary'>go</button>")
      .replace('\'', '"');

  @Test
  void selectsByTagClassIdAttributeAndCombinators() {
    try (PageView v = Pages.open(PAGE, "{}")) {
      assertThat(v.findAll("text")).extracting(ElementHandle::text).containsExactly("a", "b");
      assertThat(v.findAll(".box.big > .t")).extracting(ElementHandle::text).containsExactly("a");
      assertThat(v.findAll("#main .t")).extracting(ElementHandle::text).containsExactly("a", "b");
      assertThat(v.findAll("[data-k=1]")).extracting(ElementHandle::text).containsExactly("b");
      assertThat(v.findAll("button[type='primary'], .inner")).extracting(ElementHandle::tag)
          .containsExactly("view", "button");
      assertThat(v.findAll("view > view > text")).hasSize(1);
      assertThat(v.findAll("*")).hasSize(5);
      assertThat(v.findAll("#main >>> .t")).as("without components, >>> is a descendant")
          .extracting(ElementHandle::text).containsExactly("a", "b");
    }
  }

  @Test
  void handlesReadTextWxmlAndDataset() {
    try (PageView v = Pages.open(PAGE, "{}")) {
      ElementHandle inner = v.find(".inner").orElseThrow();
      assertThat(inner.wxml()).isEqualTo("<view class=\"inner\"><text class=\"t\" data-k=\"1\">b</text></view>");
      assertThat(inner.innerWxml()).isEqualTo("<text class=\"t\" data-k=\"1\">b</text>");
      assertThat(inner.find("text").orElseThrow().dataset()).isEqualTo(Pages.json("{'k':'1'}"));
    }
  }

  @Test
  void malformedSelectorsAreRejectedWithTheirText() {
    assertThatThrownBy(() -> Selector.parse("view >")).hasMessageContaining("view >");
    assertThatThrownBy(() -> Selector.parse("[=x]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Selector.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Selector.parse(".a >>>")).hasMessageContaining(".a >>>");
    assertThatThrownBy(() -> Selector.parse(">>> .a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Selector.parse(".a > >>> .b")).isInstanceOf(IllegalArgumentException.class);
  }
}
