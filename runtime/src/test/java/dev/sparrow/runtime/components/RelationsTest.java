package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Component relations as glass-easel links them (examples/components-lab, pages/relations), written the way UI
 * libraries do: a parent keeps {@code children} through {@code getRelationNodes}, a child finds its {@code parent}
 * and {@code index}.
 */
@SuppressWarnings("unchecked")
class RelationsTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock().launchUrl("pages/relations/relations"));
    s.awaitIdle();
    page = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private PageElement el(String selector) {
    return page.select(selector).orElseThrow();
  }

  @Test
  void childrenLinkToTheNearestParentComponentThroughPlainElements() {
    assertThat(s.errors()).isEmpty();
    PageElement letters = el("#letters");
    assertThat(letters.data("names")).isEqualTo(List.of("a", "b", "c"));
    assertThat(letters.callMethod("log")).isEqualTo(List.of("linked a", "linked b", "linked c"));
    Map<String, Object> b = (Map<String, Object>) el("#e-b").callMethod("where");
    assertThat(b).containsEntry("index", 1).containsEntry("group", "letters");
    assertThat((List<Object>) b.get("events")).as("linked after attached").containsExactly("attached", "linked letters");
    assertThat(letters.select(".group-title").orElseThrow().text()).isEqualTo("letters (3): a,b,c");
  }

  @Test
  void removingAChildUnlinksItAndTheOthersMoveUp() {
    page.setData(Map.of("letters", List.of("a", "c")));
    PageElement letters = el("#letters");
    assertThat(letters.callMethod("log")).isEqualTo(List.of("linked a", "linked b", "linked c", "unlinked b"));
    assertThat(letters.data("names")).isEqualTo(List.of("a", "c"));
    assertThat(((Map<String, Object>) el("#e-c").callMethod("where"))).containsEntry("index", 1);
    page.setData(Map.of("letters", List.of("a", "c", "d")));
    assertThat(letters.data("names")).isEqualTo(List.of("a", "c", "d"));
  }

  @Test
  void aReorderedChildMovesAndKeepsItsLinkThroughLinkChanged() {
    page.setData(Map.of("letters", List.of("c", "a", "b")));
    PageElement letters = el("#letters");
    assertThat(letters.callMethod("log")).as("a and b kept their order; c moved")
        .isEqualTo(List.of("linked a", "linked b", "linked c", "changed c"));
    assertThat(letters.data("names")).isEqualTo(List.of("c", "a", "b"));
    Map<String, Object> c = (Map<String, Object>) el("#e-c").callMethod("where");
    assertThat((List<Object>) c.get("events"))
        .containsExactly("attached", "linked letters", "moved", "changed letters");
    assertThat(c).containsEntry("index", 0);
  }

  @Test
  void aParentRelationStopsAtTheFirstComponentAndAncestorsMayBeBehaviors() {
    Map<String, Object> deep = (Map<String, Object>) el("#deep").callMethod("where");
    assertThat(deep).containsEntry("group", "inner").containsEntry("index", 0);
    assertThat(el("#outer").data("names")).isEqualTo(List.of());
    assertThat(el("#inner").data("names")).isEqualTo(List.of("deep"));
    assertThat(el("#inner").callMethod("tagged")).as("a descendant relation by behavior").isEqualTo(List.of("deep"));
    assertThat(el("#outer").callMethod("tagged")).isEqualTo(List.of());
    assertThat(el("#letters").callMethod("tagged")).isEqualTo(List.of("a", "b", "c"));
  }

  @Test
  void aChildWithoutParentGetsLinkFailed() {
    Map<String, Object> orphan = (Map<String, Object>) el("#orphan").callMethod("where");
    assertThat(orphan).containsEntry("group", null).containsEntry("index", -1);
    assertThat((List<Object>) orphan.get("events")).containsExactly("attached", "no group");
  }

  @Test
  void aChildInASlotOfASlotShownLaterLinksToItsAncestor() {
    // the drawer's slot is inside the slot of a shell that renders it once shown (TDesign's picker columns in its
    // popup): the shell re-renders alone
    PageElement drawer = el("#drawer");
    drawer.select("#shell").orElseThrow().setData(Map.of("shown", true));
    s.awaitIdle();
    assertThat(page.select("#in-drawer")).isPresent();
    assertThat(drawer.callMethod("tagged")).isEqualTo(List.of("x"));
    assertThat(drawer.data("linkedNow")).as("getRelationNodes inside linked includes the new child")
        .isEqualTo(List.of("x"));
  }
}
