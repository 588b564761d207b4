package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Animations as real apps use them (examples/motion): an Animation made in onLoad, stepped and exported in a tap
 * handler into an {@code animation} attribute, played step by step on the session clock with a transitionend after
 * each step; {@code this.animate} / {@code clearAnimation} on a page and in a component.
 */
class AnimationTest {
  @TempDir Path dir;
  private Session s;

  @BeforeEach
  void launch() throws IOException {
    s = Sparrow.launch(SessionOptions.of(Examples.copy("motion", dir.resolve("project"))).virtualClock()).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void exportGivesWeChatsShapeWithEachStepKeepingWhatEarlierStepsSet() {
    PageHandle page = s.currentPage();
    PageElement card = page.select("#card").orElseThrow();
    page.select("#toggle").orElseThrow().tap();
    Map<String, Object> option1 = Map.of("transition",
        Map.of("duration", 300, "timingFunction", "ease-out", "delay", 0), "transformOrigin", "50% 50% 0");
    Map<String, Object> option2 = Map.of("transition",
        Map.of("duration", 200, "timingFunction", "ease-out", "delay", 50), "transformOrigin", "50% 50% 0");
    assertThat(card.attribute("animation")).isEqualTo(Map.of("actions", List.of(
        Map.of("animates", List.of(Map.of("type", "rotate", "args", List.of(90)),
            Map.of("type", "style", "args", List.of("opacity", 0.5))), "option", option1),
        Map.of("animates", List.of(Map.of("type", "rotate", "args", List.of(90)),
            Map.of("type", "style", "args", List.of("opacity", 0.5)),
            Map.of("type", "translateY", "args", List.of(40))), "option", option2))));
    assertThat(page.data("animationData.actions[1].animates[2].args[0]")).isEqualTo(40);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void exportEmptiesTheQueueAndEveryMethodChains() {
    Object r = s.evaluate("function () { var a = wx.createAnimation();"
        + " var x = a.rotate(1).rotateX(2).rotateY(3).rotateZ(4).rotate3d(1, 0, 0, 5).scale(2).scale3d(1, 2, 3)"
        + ".scaleX(2).scaleY(3).scaleZ(4).translate(1, 2)"
        + ".translate3d(1, 2, 3).translateX(5).translateY('6rpx').translateZ(7).skew(1, 2).skewX(3).skewY(4)"
        + ".matrix(1, 0, 0, 1, 0, 0).matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1).opacity(0.3)"
        + ".backgroundColor('red').width(10).height('20rpx').left(1).right(2).top(3).bottom(4).step({ duration: 10 });"
        + " var e = a.export(); return [x === a, e.actions.length, e.actions[0].animates.length,"
        + " e.actions[0].animates[21].args, e.actions[0].animates[23].args, a.export().actions.length,"
        + " e.actions[0].option] }");
    assertThat(r).isEqualTo(List.of(true, 1, 28, List.of("background-color", "red"), List.of("height", "20rpx"), 0,
        Map.of("transition", Map.of("duration", 10, "timingFunction", "linear", "delay", 0),
            "transformOrigin", "50% 50% 0")));
  }

  @Test
  void theAnimationsOwnOptionIsTheDefaultEachStepReadsEvenThroughThisData() {
    Object r = s.evaluate("function () { var page = getCurrentPages()[0];"
        + " page.setData({ anim: wx.createAnimation({ duration: 900, timingFunction: 'ease' }) });"
        + " var a = page.data.anim; var before = JSON.parse(JSON.stringify(a.option));"
        + " a.option.transition.duration = 0; a.translateX(50).step();"
        + " a.option.transition.duration = 300; a.translateX(-20).step();"
        + " return [before, a.export().actions.map(function (x) { return x.option.transition.duration })] }");
    assertThat(r).isEqualTo(List.of(Map.of("transition", Map.of("duration", 900, "timingFunction", "ease",
        "delay", 0), "transformOrigin", "50% 50% 0"), List.of(0, 300)));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void theElementPlaysEachStepOnTheSessionClockAndFiresTransitionendAfterEach() {
    PageHandle page = s.currentPage();
    PageElement card = page.select("#card").orElseThrow();
    page.select("#toggle").orElseThrow().tap();
    assertThat(card.animatedStyle()).isEmpty();
    s.advance(Duration.ofMillis(300));
    assertThat(card.animatedStyle()).isEqualTo(Map.of("opacity", "0.5", "transform", "rotate(90deg)",
        "transform-origin", "50% 50% 0"));
    assertThat(page.data("ends")).isEqualTo(1);
    s.advance(Duration.ofMillis(250));
    assertThat(card.animatedStyle()).containsEntry("transform", "rotate(90deg) translateY(40px)");
    assertThat(page.data("ends")).isEqualTo(2);
    page.select("#toggle").orElseThrow().tap();
    s.advance(Duration.ofSeconds(1));
    assertThat(card.animatedStyle()).containsEntry("transform", "rotate(0deg) translateY(0px)")
        .containsEntry("opacity", "1");
    assertThat(page.data("ends")).isEqualTo(4);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aStepThatTakesNoTimeOrChangesNothingEndsWithoutTransitionend() {
    PageHandle page = s.currentPage();
    s.evaluate("function () { var p = getCurrentPages()[0];"
        + " var a = wx.createAnimation({ duration: 100 }); a.opacity(0.5).step({ duration: 0 }).step().width(10).step();"
        + " p.setData({ animationData: a.export() }); }");
    s.advance(Duration.ofMillis(200));
    assertThat(page.data("ends")).as("only the width step transitions").isEqualTo(1);
    assertThat(page.select("#card").orElseThrow().animatedStyle()).containsEntry("opacity", "0.5")
        .containsEntry("width", "10px");
  }

  @Test
  void animateLeavesTheLastKeyframeAfterItsDurationUntilClearAnimation() {
    PageHandle page = s.reLaunch("/pages/keyframes/keyframes");
    PageElement box = page.select("#box").orElseThrow();
    page.select("#spin").orElseThrow().tap();
    assertThat(box.animatedStyle()).isEmpty();
    assertThat(page.data("done")).isEqualTo(false);
    s.advance(Duration.ofMillis(1000));
    assertThat(page.data("done")).isEqualTo(true);
    assertThat(box.animatedStyle()).isEqualTo(Map.of("opacity", "0", "background-color", "#00FF00",
        "transform", "rotate(90deg)"));
    page.select("#clear").orElseThrow().tap();
    assertThat(page.data("cleared")).isEqualTo(true);
    assertThat(box.animatedStyle()).isEqualTo(Map.of("background-color", "#00FF00"));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aComponentAnimatesElementsOfItsOwnTemplate() {
    PageHandle page = s.reLaunch("/pages/keyframes/keyframes");
    PageElement pulse = page.select("#pulse").orElseThrow();
    PageElement dot = pulse.select(".dot").orElseThrow();
    dot.tap();
    s.advance(Duration.ofMillis(100));
    assertThat(pulse.select(".ring").orElseThrow().animatedStyle()).isEqualTo(Map.of("opacity", "0",
        "transform", "scale(2)", "transform-origin", "50% 50% 0"));
    s.advance(Duration.ofMillis(100));
    assertThat(pulse.data("pulsed")).isEqualTo(true);
    assertThat(dot.animatedStyle()).isEqualTo(Map.of("transform", "scale(1.5, 1.5) translate(10px, 0px)"));
    assertThat(s.errors()).isEmpty();
  }
}
