package dev.sparrow.view.animation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exported animation steps and animate keyframes as the CSS the view applies. */
class AnimationStepsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void aStepBecomesItsTransformsInOrderItsStylesAndItsTransition() throws Exception {
    List<AnimationSteps.Step> steps = AnimationSteps.steps(json("{'actions': [{'animates': ["
        + "{'type': 'rotate3d', 'args': [1, 0, 0, 30]}, {'type': 'translate', 'args': [10, '2rpx']},"
        + "{'type': 'scale', 'args': [1.5]}, {'type': 'skewX', 'args': [5]},"
        + "{'type': 'matrix', 'args': [1, 0, 0, 1, 0, 0]},"
        + "{'type': 'style', 'args': ['background-color', 'red']}, {'type': 'style', 'args': ['width', '10px']}],"
        + "'option': {'transition': {'duration': 250, 'timingFunction': 'ease', 'delay': 20},"
        + "'transformOrigin': 'left top 0'}}]}"));
    assertThat(steps).hasSize(1);
    AnimationSteps.Step step = steps.get(0);
    assertThat(step.style()).isEqualTo(Map.of("background-color", "red", "width", "10px",
        "transform", "rotate3d(1, 0, 0, 30deg) translate(10px, 2rpx) scale(1.5) skewX(5deg) matrix(1, 0, 0, 1, 0, 0)"));
    assertThat(step.duration()).isEqualTo(250);
    assertThat(step.timingFunction()).isEqualTo("ease");
    assertThat(step.length()).isEqualTo(270);
    assertThat(step.transformOrigin()).isEqualTo("left top 0");
  }

  @Test
  void anythingButWeChatsShapeHasNoSteps() throws Exception {
    assertThat(AnimationSteps.steps(json("{}"))).isEmpty();
    assertThat(AnimationSteps.steps(json("'x'"))).isEmpty();
    assertThat(AnimationSteps.steps(null)).isEmpty();
    assertThat(AnimationSteps.steps(json("{'actions': [{}]}")).get(0).duration()).isEqualTo(400);
  }

  @Test
  void aKeyframeGivesLengthsPixelsAndLeavesOffsetAndEaseOut() throws Exception {
    assertThat(AnimationSteps.keyframe(json("{'offset': 0.5, 'ease': 'ease-in', 'opacity': 0.5, 'width': 10,"
        + "'top': '5%', 'backgroundColor': '#fff', 'transformOrigin': 'center', 'rotate': 45, 'scale': [2, 3],"
        + "'translateX': 4}")))
        .isEqualTo(Map.of("opacity", "0.5", "width", "10px", "top", "5%", "background-color", "#fff",
            "transform-origin", "center", "transform", "rotate(45deg) scale(2, 3) translateX(4px)"));
    assertThat(AnimationSteps.cssProperty("rotateZ")).isEqualTo("transform");
    assertThat(AnimationSteps.cssProperty("backgroundColor")).isEqualTo("background-color");
  }
}
