package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * examples/components-lab pages/features: the wx://form-field family, virtualHost, a definitionFilter behavior in
 * the style of miniprogram-computed, pageLifetimes.routeDone and getPageId.
 */
@SuppressWarnings("unchecked")
class BuiltinBehaviorsAndOptionsTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("components-lab")).virtualClock().launchUrl("pages/features/features"));
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
  void aFormSeesFormFieldsFieldGroupsAndItsOwnControlsOnly() {
    assertThat(s.errors()).isEmpty();
    el("#field").select(".field-box").orElseThrow().tap();
    el("#sender").select(".inner-submit").orElseThrow().tap();
    Map<String, Object> submitted = (Map<String, Object>) page.data("submitted");
    assertThat(submitted).as("a button inside a wx://form-field-button component submits the form around it")
        .containsEntry("own", "mine")
        .containsEntry("choice", "picked")
        .containsEntry("inner", "seen")
        .containsEntry("slotted", "passed in")
        .doesNotContainKey("hidden");
  }

  @Test
  void aVirtualHostHasNoBoxAndPassesClassAndStyleIn() {
    PageElement flat = el("#flat");
    PageElement root = flat.select(".flat-root").orElseThrow();
    assertThat(flat.data()).containsEntry("style", "color: red").containsEntry("label", "flat");
    assertThat(root.attribute("style")).isEqualTo("color: red");
    assertThat(flat.isComponent()).isTrue();
  }

  @Test
  void anAbstractNodeIsTheComponentItsHostNamesWithGeneric() {
    PageElement chooser = el("#chooser");
    assertThat(chooser.selectAll("item")).hasSize(2).allMatch(PageElement::isComponent);
    assertThat(chooser.selectAll("item").get(1).select(".fancy").orElseThrow().text()).isEqualTo("* y");
    PageElement byDefault = el("#default-chooser").select("item").orElseThrow();
    assertThat(byDefault.select(".plain").orElseThrow().text())
        .as("a host without generic:item gets componentGenerics' default").isEqualTo("- z");
  }

  @Test
  void definitionFilterOfABehaviorRewritesTheDefinitionUsingIt() {
    PageElement total = el("#total");
    assertThat(total.data("sum")).isEqualTo(3);
    total.callMethod("bump");
    assertThat(total.data("sum")).isEqualTo(13);
    assertThat(total.select(".sum").orElseThrow().text()).isEqualTo("13");
  }

  @Test
  void routeDoneReachesThePageAndItsComponentsAfterEachRoute() {
    assertThat(page.data("routeDones")).isEqualTo(1);
    Map<String, Object> info = (Map<String, Object>) el("#total").callMethod("info");
    assertThat(info).containsEntry("routeDones", 1).containsEntry("pageId", "pageId:" + page.id());
    s.navigateTo("/pages/events/events");
    s.navigateBack(1);
    s.awaitIdle();
    assertThat(page.data("routeDones")).as("navigateBack reveals the page again").isEqualTo(2);
    Object ids = s.evaluate("function () { var p = getCurrentPages()[0]; return p.getPageId() === p.selectComponent('#total').getPageId() }");
    assertThat(ids).isEqualTo(true);
  }
}
