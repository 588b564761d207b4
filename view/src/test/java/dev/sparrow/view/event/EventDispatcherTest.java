package dev.sparrow.view.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import dev.sparrow.view.component.Interaction;
import org.junit.jupiter.api.Test;

/** The examples of spec framework.md §4, plus dataset/mark/touch shapes. */
class EventDispatcherTest {

  private static final String NESTED = ("<view id='outer' bindtap='h1'><view id='middle' catchtap='h2'>"
      + "<view id='inner' bindtap='h3'>x</view></view></view>").replace('\'', '"');

  @Test
  void tapInnerBubblesUntilCatch() {
    try (PageView v = Pages.open(NESTED, "{}")) {
      assertThat(v.find("#inner").orElseThrow().tap().handlers()).containsExactly("h3", "h2");
      assertThat(v.find("#middle").orElseThrow().tap().handlers()).containsExactly("h2");
      assertThat(v.find("#outer").orElseThrow().tap().handlers()).containsExactly("h1");
    }
  }

  @Test
  void capturePhaseRunsOuterToInnerBeforeBubbling() {
    String wxml = ("<view id='outer' bind:touchstart='h1' capture-bind:touchstart='h2'>"
        + "<view id='inner' bind:touchstart='h3' capture-bind:touchstart='h4'>x</view></view>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#inner").orElseThrow().trigger("touchstart", null).handlers())
          .containsExactly("h2", "h4", "h3", "h1");
    }
  }

  @Test
  void captureCatchStopsEverything() {
    String wxml = ("<view capture-catch:tap='c' bindtap='outer'><view id='in' bindtap='inner'/></view>")
        .replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#in").orElseThrow().tap().handlers()).containsExactly("c");
    }
  }

  @Test
  void onlyTheFirstMutBindOnThePathFires() {
    String wxml = ("<view mut-bind:tap='m1' bindtap='b1'><view mut-bind:tap='m2'><view id='t' bind:tap='b3'/>"
        + "</view></view>").replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#t").orElseThrow().tap().handlers()).containsExactly("b3", "m2", "b1");
    }
  }

  @Test
  void nonBubblingEventsReachOnlyTheTarget() {
    String wxml = "<view bindinput=\"outer\"><input id=\"f\" bindinput=\"inner\"/></view>";
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#f").orElseThrow().input("hi").handlers()).containsExactly("inner");
    }
  }

  @Test
  void boundHandlerNamesEvaluateAndEmptyDisables() {
    String wxml = "<view bindtap=\"{{h}}\"><view id=\"in\" bindtap=\"\" catchtap=\"{{none}}\"/></view>";
    try (PageView v = Pages.open(wxml, "{'h':'fromData'}")) {
      assertThat(v.find("#in").orElseThrow().tap().handlers()).containsExactly("fromData");
    }
  }

  @Test
  void eventObjectHasTargetCurrentTargetDatasetMarkAndTouches() {
    String wxml = ("<view id='list' data-list-name='L' mark:section='s' bindtap='pick'>"
        + "<view id='row' data-element-type='row' data-alphaBeta='{{n}}' mark:row='{{n}}'>r</view></view>")
        .replace('\'', '"');
    try (PageView v = Pages.open(wxml, "{'n':7}")) {
      Interaction r = v.find("#row").orElseThrow().tap();
      assertThat(r.calls()).hasSize(1);
      assertThat(r.calls().get(0).event()).isEqualTo(Pages.json("{'type':'tap','timeStamp':42,"
          + "'target':{'id':'row','dataset':{'elementType':'row','alphabeta':7},'offsetLeft':0,'offsetTop':0},"
          + "'currentTarget':{'id':'list','dataset':{'listName':'L'},'offsetLeft':0,'offsetTop':0},"
          + "'mark':{'row':7,'section':'s'},'detail':{'x':0,'y':0},"
          + "'touches':[{'identifier':0,'pageX':0,'pageY':0,'clientX':0,'clientY':0}],"
          + "'changedTouches':[{'identifier':0,'pageX':0,'pageY':0,'clientX':0,'clientY':0}]}"));
    }
  }

  @Test
  void colonAndPlainFormsBothBind() {
    String wxml = "<view id=\"v\" bindtap=\"a\" bind:tap=\"b\" catch:longpress=\"c\"/>";
    try (PageView v = Pages.open(wxml, "{}")) {
      assertThat(v.find("#v").orElseThrow().tap().handlers()).containsExactly("a", "b");
      assertThat(v.find("#v").orElseThrow().trigger("longpress", null).handlers()).containsExactly("c");
    }
  }

  @Test
  void datasetNamesFollowWeChatRules() {
    assertThat(Dataset.name("element-type")).isEqualTo("elementType");
    assertThat(Dataset.name("alphaBeta")).isEqualTo("alphabeta");
    assertThat(Dataset.name("a-b-c")).isEqualTo("aBC");
  }
}
