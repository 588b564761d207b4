package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Property conversion as exparser does it, observer path patterns, and pure data (the probe component). */
class PropertiesAndObserversTest {
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock());
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private PageElement probe() {
    return s.currentPage().select("#panel").orElseThrow().select("#probe").orElseThrow();
  }

  @Test
  void defaultsFollowTheDeclaredTypes() {
    Map<String, Object> d = probe().data();
    assertThat(d).containsEntry("flag", false).containsEntry("num", 0).containsEntry("str", "")
        .containsEntry("arr", List.of()).containsEntry("obj", null).containsEntry("any", null);
  }

  @Test
  void pureDataStaysOutOfTheView() {
    assertThat(probe().data()).containsEntry("_hidden", "logic only");
    assertThat(probe().select(".probe").orElseThrow().text()).isEqualTo("probe");
  }

  @Test
  void observersMatchPathsWildcardsAndLists() {
    PageElement probe = probe();
    probe.callMethod("seen");
    probe.setData(Map.of("deep.a", 5));
    assertThat(probe.callMethod("seen")).isEqualTo(List.of("deep.a=5", "**"));
    probe.setData(Map.of("deep.b.c", 3));
    assertThat(probe.callMethod("seen")).isEqualTo(List.of("deep.b.**={\"c\":3}", "**"));
    probe.setData(Map.of("deep", Map.of("a", 1, "b", Map.of())));
    assertThat(probe.callMethod("seen")).isEqualTo(List.of("deep.a=1", "deep.b.**={}", "**"));
    probe.setData(Map.of("str", "x"));
    assertThat(probe.callMethod("seen")).isEqualTo(List.of("num,str=0,x", "**"));
  }

  @Test
  void anObjectPropertyReachesTheComponentAgainOnlyWhenItsDataIsSet() {
    PageElement panel = s.currentPage().select("#panel").orElseThrow();
    panel.setData(Map.of("probeArr", List.of(1, 2)));
    probe().callMethod("seen");
    panel.setData(Map.of("value", 11));
    assertThat(probe().callMethod("seen")).as("the owner set other data: the array stays as it was")
        .isEqualTo(List.of());
    panel.setData(Map.of("probeArr", List.of(1, 2)));
    assertThat(probe().callMethod("seen")).as("set again, even equal, it is passed again").isEqualTo(List.of("**"));
    panel.setData(Map.of("probeArr[1]", 3));
    assertThat(probe().data("arr")).isEqualTo(List.of(1, 3));
  }

  @Test
  void parentValuesAreConvertedToTheDeclaredType() {
    PageElement panel = s.currentPage().select("#panel").orElseThrow();
    Map<String, Object> given = new HashMap<>();
    given.put("probeFlag", "false");
    given.put("probeNum", "12");
    given.put("probeStr", 5);
    given.put("probeArr", "x");
    given.put("probeObj", 3);
    given.put("probeMulti", 7);
    panel.setData(given);
    Map<String, Object> d = probe().data();
    assertThat(d).containsEntry("flag", true).containsEntry("num", 12).containsEntry("str", "5")
        .containsEntry("arr", List.of()).containsEntry("obj", null).containsEntry("multi", 7);
    panel.setData(Map.of("probeNum", "abc", "probeMulti", true));
    assertThat(probe().data()).containsEntry("num", 0).containsEntry("multi", "true");
  }
}
