package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.TreeJson;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.wxss.WxssOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the view layer hands a front-end for custom components: subtree-only patches, scoped classes, styles. */
class ComponentRenderTest {
  private Session s;
  private final List<List<Patch>> patches = new ArrayList<>();

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock());
    s.awaitIdle();
    s.onLoop(() -> {
      s.core().view().listener(new ViewLayer.Listener() {
        @Override
        public void patched(int pageId, List<Patch> list) {
          patches.add(list);
        }
      });
      return null;
    });
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void aComponentsSetDataPatchesOnlyItsSubtree() {
    PageElement counter = s.currentPage().select("#main").orElseThrow();
    Set<Integer> inside = s.onLoop(() -> {
      Set<Integer> ids = new HashSet<>();
      collect(s.core().view().view(counter.pageId()).orElseThrow().handle(counter.nodeId()).orElseThrow().element(), ids);
      return ids;
    });
    patches.clear();
    counter.setData(Map.of("count", 42));
    assertThat(patches).isNotEmpty();
    assertThat(patches).allSatisfy(list -> assertThat(list).allSatisfy(p -> assertThat(inside).contains(p.id())));
    assertThat(counter.select(".value").orElseThrow().text()).isEqualTo("42");
  }

  @Test
  void componentElementsCarryTheirScopedClassesAndExternalClasses() {
    PageElement counter = s.currentPage().select("#main").orElseThrow();
    String json = s.onLoop(() -> TreeJson.toJson(s.core().view().view(counter.pageId()).orElseThrow()
        .handle(counter.nodeId()).orElseThrow().element()).toString());
    assertThat(json).contains("\"cssClass\":\"components-counter-counter--value\"")
        .contains("\"cssClass\":\"components-counter-counter--label big\"")
        .contains("\"component\":");
    List<ViewLayer.ComponentStyle> styles = s.onLoop(() -> s.core().view().componentStyles(counter.pageId(), WxssOptions.IPHONE_375));
    ViewLayer.ComponentStyle counterCss = styles.stream().filter(c -> c.path().equals("components/counter/counter")).findFirst().orElseThrow();
    assertThat(counterCss.css().css()).contains(".components-counter-counter--value");
    assertThat(counterCss.styleIsolation()).isEqualTo("isolated");
  }

  @Test
  void applySharedKeepsTheBareClassAndASingleSlotTakesAllContent() {
    PageElement panel = s.currentPage().select("#panel").orElseThrow();
    assertThat(panel.select(".slot-box").orElseThrow().text()).isEqualTo("foot");
    String json = s.onLoop(() -> TreeJson.toJson(s.core().view().view(panel.pageId()).orElseThrow()
        .handle(panel.nodeId()).orElseThrow().element()).toString());
    assertThat(json).contains("\"cssClass\":\"components-panel-panel--heading heading\"");
  }

  @Test
  void hostsThatLeaveDetachTheirInstance() {
    PageHandle index = s.currentPage();
    index.setData(Map.of("extra", true));
    assertThat(index.select("#extra").orElseThrow().data("count")).isEqualTo(1);
    index.setData(Map.of("extra", false));
    assertThat(index.select("#extra")).isEmpty();
    Object log = s.evaluate("function () { return getApp().globalData.log }");
    assertThat(((List<?>) log).stream().filter("counter detached"::equals).count()).isEqualTo(1);
    assertThat(s.errors()).isEmpty();
  }

  private static void collect(VElement e, Set<Integer> ids) {
    ids.add(e.id());
    for (var c : e.children()) {
      ids.add(c.id());
      if (c instanceof VElement child) {
        collect(child, ids);
      }
    }
  }
}
