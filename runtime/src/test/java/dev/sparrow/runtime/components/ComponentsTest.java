package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom components through a session of examples/components-lab: instances, properties, data, methods, queries. */
@SuppressWarnings("unchecked")
class ComponentsTest {
  private Session s;
  private PageHandle index;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock());
    s.awaitIdle();
    index = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private PageElement counter() {
    return index.select("#main").orElseThrow();
  }

  @Test
  void componentsRenderInsideThePageTree() {
    assertThat(s.errors()).isEmpty();
    PageElement counter = counter();
    assertThat(counter.isComponent()).isTrue();
    assertThat(counter.tag()).isEqualTo("counter");
    assertThat(counter.select(".value").orElseThrow().text()).isEqualTo("3");
    assertThat(counter.select(".inc").orElseThrow().text()).isEqualTo("+2");
    assertThat(index.select(".value")).as("a page query does not reach into a component").isEmpty();
    assertThat(index.select("ui-badge").orElseThrow().text()).isEqualTo("new");
  }

  @Test
  void lifetimesRunInWeChatsOrder() {
    Object log = s.evaluate("function () { return getApp().globalData.log }");
    assertThat((List<Object>) log).containsSubsequence("counter created 3", "counter attached 3", "page onLoad",
        "counter show", "page onShow",
        "counter ready", "page onReady");
  }

  @Test
  void propertiesAreCoercedAndObserversFire() {
    PageElement counter = counter();
    assertThat(counter.data()).containsEntry("count", 3).containsEntry("step", 2).containsEntry("doubled", 6);
    index.setData(Map.of("start", "7"));
    assertThat(counter.data("count")).as("a string for a Number property").isEqualTo(7);
    assertThat(counter.data("doubled")).isEqualTo(14);
    assertThat(counter.select(".doubled").orElseThrow().text()).isEqualTo("14");
    assertThat((List<Object>) counter.data("history")).containsExactly("0->3", "3->7");
  }

  @Test
  void tapsRunComponentMethodsAndTriggerEventReachesThePage() {
    counter().select(".inc").orElseThrow().tap();
    assertThat(counter().data("count")).isEqualTo(5);
    assertThat(index.data("lastChange")).isEqualTo("count 5 from main/primary");
    assertThat(counter().select(".value").orElseThrow().text()).isEqualTo("5");
  }

  @Test
  void hostElementsExposeDataSetDataAndMethods() {
    PageElement counter = counter();
    counter.setData(Map.of("count", 11));
    assertThat(counter.select(".value").orElseThrow().text()).isEqualTo("11");
    assertThat(counter.callMethod("reset", 4)).isEqualTo(4);
    assertThat(counter.select(".doubled").orElseThrow().text()).isEqualTo("8");
    assertThat(counter.data()).doesNotContainKey("nothing");
  }

  @Test
  void theDeepCombinatorReachesIntoComponentsBelowItsAncestor() {
    Object r = s.evaluate("""
        function () {
          return new Promise(function (done) {
            var panel = getCurrentPages()[0].selectComponent('#panel');
            wx.createSelectorQuery().selectAll('#main >>> .value').fields({ dataset: true })
              .selectAll('#panel >>> .value').fields({ dataset: true })
              .selectAll('.title >>> .value').fields({ dataset: true })
              .selectAll('#panel >>> .projected').fields({ dataset: true })
              .exec(function (page) {
                panel.createSelectorQuery().selectAll('.panel >>> .value').fields({ dataset: true })
                  .selectAll('.heading >>> .value').fields({ dataset: true })
                  .exec(function (inPanel) {
                    done(page.concat(inPanel).map(function (found) { return found.length; }));
                  });
              });
          });
        }""");
    // TDesign's upload drags its grid with `.t-upload >>> .t-grid-item`
    assertThat(r).isEqualTo(List.of(1, 1, 0, 1, 1, 0));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void selectComponentFromPagesAndComponents() {
    Object is = s.evaluate("function () { var p = getCurrentPages()[0]; var c = p.selectComponent('#main');"
        + " return [c.is, c.id, c.dataset.kind, p.selectAllComponents('list-item').length, p.selectComponent('#inner') === null,"
        + " p.selectComponent('#panel').inner().is, c.selectOwnerComponent() === p] }");
    assertThat((List<Object>) is).containsExactly("components/counter/counter", "main", "primary", 2, true, "components/counter/counter", true);
  }

  @Test
  void slotsAreFilledByName() {
    PageElement first = index.selectAll("list-item").get(0);
    assertThat(first.select(".head").orElseThrow().wxml()).isEqualTo("<text slot=\"head\" class=\"head-text\">#1</text>");
    assertThat(first.select(".body").orElseThrow().text()).isEqualTo("one body");
    assertThat(first.select(".foot").orElseThrow().text()).isEqualTo("foot");
    index.setData(Map.of("footer", "changed"));
    assertThat(first.select(".foot").orElseThrow().text()).isEqualTo("changed");
    assertThat(index.select(".head-text")).as("slot content belongs to the page's tree").isPresent();
  }

  @Test
  void behaviorsMixDataMethodsAndLifetimes() {
    PageElement first = index.selectAll("list-item").get(0);
    assertThat(first.data("title")).isEqualTo("one");
    assertThat(first.data("meta")).isEqualTo(Map.of("from", "behavior", "level", 2));
    assertThat(first.data("order")).isEqualTo(List.of("behavior", "component"));
    assertThat(first.callMethod("describe")).isEqualTo("item");
    first.select(".title").orElseThrow().tap();
    assertThat(first.data("selected")).isEqualTo(true);
    assertThat(index.data("lastChange")).isEqualTo("selected 1 true");
  }

  @Test
  void selectorQueriesFindElementsInThePageOrInOneComponent() {
    Object r = s.evaluate("""
        function () {
          return new Promise(function (done) {
            var p = getCurrentPages()[0], out = [];
            wx.createSelectorQuery().select('#main').boundingClientRect(function (rect) { out.push('cb ' + rect.id + ' ' + rect.dataset.kind + ' ' + rect.width); })
              .selectAll('list-item').fields({ dataset: true, properties: ['title'] })
              .select('#inner').boundingClientRect()
              .selectViewport().scrollOffset()
              .exec(function (res) {
                out.push(res.length, res[1].map(function (n) { return n.dataset.id + ':' + n.title; }).join(','), res[2], res[3].scrollTop);
                p.selectComponent('#panel').createSelectorQuery().select('#inner').fields({ id: true }).exec(function (inner) {
                  out.push(inner[0].id);
                  done(out);
                });
              });
            out.push('sync');
          });
        }""");
    assertThat(r).isEqualTo(java.util.Arrays.asList("sync", "cb main primary 0", 4, "1:one,2:two", null, 0, "inner"));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aSelectorThatDoesNotParseMatchesNothing() {
    Object r = s.evaluate("""
        function () {
          return new Promise(function (done) {
            var activeKey = '';
            wx.createSelectorQuery().select('#' + activeKey).boundingClientRect()
              .selectAll('#' + activeKey).fields({ id: true })
              .exec(function (res) { done([res[0], res[1].length]); });
          });
        }""");
    assertThat(r).isEqualTo(Arrays.asList(null, 0));
    assertThat(s.errors()).isEmpty();
  }
}
