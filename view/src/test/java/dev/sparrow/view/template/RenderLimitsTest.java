package dev.sparrow.view.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.view.PageView;
import dev.sparrow.view.Pages;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderLimitsTest {

  @Test
  void aLongChainOfTemplatesIsCutOffInsteadOfOverflowingTheStack() {
    StringBuilder wxml = new StringBuilder("<template is=\"t0\"/>");
    for (int i = 0; i < 3000; i++) {
      wxml.append("<template name=\"t").append(i).append("\"><view><template is=\"t").append(i + 1)
          .append("\"/></view></template>");
    }
    try (PageView v = Pages.open(wxml.toString(), "{}")) {
      assertThat(v.findAll("view")).hasSize(RenderContext.MAX_DEPTH + 1);
      assertThat(v.warnings()).anyMatch(w -> w.contains("nested deeper"));
    }
  }

  @Test
  void hugeListsStopAtTheNodeBudget() {
    Map<String, String> files = new HashMap<>();
    files.put("index.wxml", "<text wx:for=\"{{20000}}\">{{item}}</text>");
    try (PageView v = Pages.open(files, "{}")) {
      assertThat(v.findAll("text").size()).isLessThanOrEqualTo(RenderContext.MAX_NODES);
      assertThat(v.warnings()).anyMatch(w -> w.contains("nodes"));
    }
  }
}
