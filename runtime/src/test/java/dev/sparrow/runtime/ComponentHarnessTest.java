package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparrow.component: one custom component of examples/components-lab rendered alone, as miniprogram-simulate does. */
class ComponentHarnessTest {
  private static final Path LAB = Examples.path("components-lab");

  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static List<String> appLog(ComponentHandle c) {
    return (List<String>) c.session().evaluate("function () { return getApp().globalData.log }");
  }

  // readme:start
  @Test
  void theCounterCountsInSteps() {
    try (ComponentHandle counter = Sparrow.component(Path.of("examples/components-lab"), "components/counter/counter")
        .props(Map.of("count", 3, "step", 2)).render()) {
      counter.tap(".inc");                                       // select, tap, input, trigger on its own WXML
      assertThat(counter.data("count")).isEqualTo(5);            // this.data, properties included
      assertThat(counter.events()).containsExactly(              // every triggerEvent: name, detail, options
          new ComponentHandle.Event("change", Map.of("count", 5)));
      counter.setProps(Map.of("count", 10));                     // as the parent's setData: observers run
      assertThat(counter.snapshot()).contains("<text class=\"doubled\">20</text>");   // its WXML, the same every run
      counter.detach();                                          // detached; attach() renders a new instance
    }
  }
  // readme:end

  @Test
  void theCounterRendersWithItsPropsAndAnswersTapsWithItsChangeEvent() {
    try (ComponentHandle counter = Sparrow.component(LAB, "components/counter/counter")
        .props(Map.of("count", 3, "step", 2, "label", "Apples")).render()) {
      assertThat(counter.data()).containsEntry("count", 3).containsEntry("doubled", 6).containsEntry("label", "Apples");
      assertThat(counter.select(".value").orElseThrow().text()).isEqualTo("3");
      assertThat(appLog(counter))
          .containsExactly("counter created 3", "counter attached 3", "counter show", "counter ready");

      counter.tap(".inc");
      assertThat(counter.data("count")).isEqualTo(5);
      assertThat(counter.select(".doubled").orElseThrow().text()).isEqualTo("10");
      assertThat(counter.events()).containsExactly(new ComponentHandle.Event("change", Map.of("count", 5)));
      assertThat(counter.session().errors()).isEmpty();
    }
  }

  @Test
  void setPropsUpdatesThePropertiesAsAParentWouldAndObserversRun() {
    try (ComponentHandle counter = Sparrow.component(LAB, "components/counter/counter")
        .props(Map.of("count", 1)).render()) {
      counter.setProps(Map.of("count", 4));
      assertThat(counter.data("count")).isEqualTo(4);
      assertThat(counter.data("doubled")).isEqualTo(8);
      assertThat(counter.data("history")).isEqualTo(List.of("0->1", "1->4"));
      assertThatThrownBy(() -> counter.setProps(Map.of("step", 3)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }
  }

  @Test
  void methodsLifetimesAndSnapshot() {
    try (ComponentHandle counter = Sparrow.component(LAB, "/components/counter/counter")
        .props(Map.of("count", 2, "label", "n")).render()) {
      assertThat(counter.callMethod("reset", 7)).isEqualTo(7);
      assertThat(counter.snapshot()).as("host attributes sorted; the component's own tree inside").isEqualTo(
          "<sparrow-under-test id=\"sparrow-under-test\" count=\"2\" label=\"n\"><view class=\"counter\">"
              + "<text class=\"label label-class\">n</text><text class=\"value\">7</text>"
              + "<text class=\"doubled\">14</text><button class=\"inc\" bindtap=\"increment\">+1</button></view>"
              + "</sparrow-under-test>");
      counter.detach();
      assertThat(counter.attached()).isFalse();
      assertThat(appLog(counter)).endsWith("counter detached");
      counter.attach();
      assertThat(counter.data("count")).as("a new instance, with the bound props").isEqualTo(2);
      assertThat(appLog(counter)).endsWith("counter created 2", "counter attached 2", "counter ready");
    }
  }

  @Test
  void thePanelsBubblingEventIsCapturedWithItsOptionsAndItsInnerCountersIsNot() {
    try (ComponentHandle panel = Sparrow.component(LAB, "components/panel/panel")
        .props(Map.of("heading", "Totals")).render()) {
      PageElement inner = panel.select("#inner").orElseThrow();
      inner.select(".inc").orElseThrow().tap();
      panel.session().awaitIdle();
      assertThat(panel.data("value")).isEqualTo(11);
      assertThat(panel.events()).containsExactly(
          new ComponentHandle.Event("panelchange", Map.of("value", 11), true, false, false));
    }
  }

  @Test
  void eventsOfTheAttachedLifetimeAndInputsAreCaptured() throws Exception {
    Path project = Examples.copy("quickstart", dir.resolve("p"));
    Path box = Files.createDirectories(project.resolve("components/search-box"));
    Files.writeString(box.resolve("search-box.json"), "{ \"component\": true }");
    Files.writeString(box.resolve("search-box.wxml"), "<input class=\"q\" value=\"{{query}}\" bindinput=\"onInput\"/>");
    Files.writeString(box.resolve("search-box.js"), String.join("\n",
        "Component({",
        "  properties: { query: String, maxLength: { type: Number, value: 10 } },",
        "  lifetimes: {",
        "    attached() { this.triggerEvent('ready', { max: this.data.maxLength }, { composed: true }) }",
        "  },",
        "  methods: {",
        "    onInput(e) { this.triggerEvent('search', { q: e.detail.value.slice(0, this.data.maxLength) }) }",
        "  }",
        "})"));
    try (ComponentHandle search = Sparrow.component(project, "components/search-box/search-box")
        .props(Map.of("query", "tea", "maxLength", 4)).render()) {
      assertThat(search.data("maxLength")).as("maxLength is written max-length on the host").isEqualTo(4);
      search.input(".q", "green tea");
      assertThat(search.events()).containsExactly(
          new ComponentHandle.Event("ready", Map.of("max", 4), false, true, false),
          new ComponentHandle.Event("search", Map.of("q", "gree")));
      assertThat(search.events("search")).hasSize(1);
    }
  }

  @Test
  void aWrongPathSaysWhy() {
    assertThatThrownBy(() -> Sparrow.component(LAB, "components/none/none").render())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("components/none/none");
  }
}
