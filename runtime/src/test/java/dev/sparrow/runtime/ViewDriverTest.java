package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headless driver through the rendered WXML of examples/todo: type, tap, submit, navigate, read. */
class ViewDriverTest {
  private Session s;
  private PageHandle page;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(Examples.path("todo")).awaitIdle();
    page = s.currentPage();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private PageElement el(String selector) {
    return page.select(selector).orElseThrow(() -> new AssertionError("no " + selector + " in\n" + page.wxml()));
  }

  @Test
  void typingAndTappingUpdatesTheRenderedList() {
    assertThat(s.errors()).isEmpty();
    assertThat(el(".count").text()).isEqualTo("0 items");
    el("#draft").input("Buy milk");
    assertThat(page.data("draft")).isEqualTo("Buy milk");
    el("#add").tap();
    el("#draft").input("Walk the dog");
    el("#draft").confirm();
    assertThat(el(".count").text()).isEqualTo("2 items");
    assertThat(page.selectAll(".todo .title")).extracting(PageElement::text).containsExactly("1. Buy milk", "2. Walk the dog");
    assertThat(el("#draft").attribute("value")).isEqualTo("");
  }

  @Test
  void bubblingAndCatchFollowTheBindings() {
    el("#draft").input("One");
    el("#add").tap();
    el("#draft").input("Two");
    el("#add").tap();
    PageElement second = page.selectAll(".todo").get(1);
    assertThat(second.dataset()).isEqualTo(Map.of("todoId", 2));
    second.select(".title").orElseThrow().tap(); // bubbles to the row's bindtap
    assertThat(page.data("todos[1].done")).isEqualTo(true);
    assertThat(second.attribute("class")).isEqualTo("todo done");
    page.selectAll(".todo .delete").get(0).tap(); // catchtap: removes, does not toggle
    assertThat(page.selectAll(".todo .title")).extracting(PageElement::text).containsExactly("1. Two");
    assertThat(page.data("todos[0].done")).isEqualTo(true);
  }

  @Test
  void aFormSubmitCollectsNamedFields() {
    page.select("form input").orElseThrow().input("wren");
    el("#save").tap();
    assertThat(page.data("profile")).isEqualTo(Map.of("nickname", "wren", "notify", true));
    assertThat(el(".profile").text()).isEqualTo("wren / true");
  }

  @Test
  void aNavigatorNavigates() {
    el("navigator.about").tap();
    PageHandle about = s.currentPage();
    assertThat(about.route()).isEqualTo("pages/about/about");
    assertThat(about.select(".about").orElseThrow().text()).isEqualTo("Opened from index");
  }

  @Test
  void anEmptyAddShowsAToastAndAMissingHandlerIsOnlyAWarning() {
    el("#add").tap();
    assertThat(s.toast()).hasValueSatisfying(t -> assertThat(t.title()).isEqualTo("Empty"));
    s.evaluate("function () { getCurrentPages()[0].setData({ draft: 'x' }) }");
    assertThat(el("#draft").attribute("value")).isEqualTo("x");
    page.select(".count").orElseThrow().trigger("longpress", Map.of());
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void pageWxmlReflectsData() {
    assertThat(page.wxml()).contains("<input id=\"draft\"").contains("0 items");
    assertThat(page.selectAll("button")).extracting(PageElement::tag).containsExactly("button", "button");
    assertThat(List.of(el("#add").attributes().get("type"))).containsExactly("primary");
  }
}
