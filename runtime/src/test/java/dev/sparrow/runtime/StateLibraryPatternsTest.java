package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.app.ViewLayer;
import dev.sparrow.testing.TestFiles;
import dev.sparrow.view.wxss.WxssOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns met in public mini programs built on state and utility libraries (westore, mobx-miniprogram-bindings,
 * miniprogram-computed, redux bindings, towxml, wxParse; docs/compatibility.md, "Tried on public mini programs"),
 * each in a small project of our own.
 */
class StateLibraryPatternsTest {
  @TempDir Path dir;

  /**
   * westore's todo page types into {@code <input model:value="{{todoTitle}}">} and reads the store's data, which is
   * the page's {@code this.data}: WeChat's two-way binding (base library 2.9.3) writes what the user does back to the
   * owner's data, so bindings elsewhere re-render and handlers see it.
   */
  @Test
  void modelBindingsWriteWhatTheUserDidBackToThePageData() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({
          data: { title: '', form: { agree: false, volume: 10 }, seen: [], rows: [{ name: 'a' }, { name: 'b' }],
                  tags: ['x', 'y'] },
          onInput(e) { this.data.seen.push(e.detail.value + '/' + this.data.title); },
          add() { this.setData({ seen: this.data.seen.concat('add ' + this.data.title), title: '' }); }
        })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <input class="title" model:value="{{title}}" bindinput="onInput"/>
        <text class="echo">{{title}}</text>
        <switch class="agree" model:checked="{{form.agree}}"/>
        <slider class="volume" model:value="{{form.volume}}"/>
        <input class="plain" value="{{title}}"/>
        <view wx:for="{{rows}}" wx:key="name"><input class="row" model:value="{{item.name}}"/></view>
        <input wx:for="{{tags}}" wx:for-item="tag" class="tag" model:value="{{tag}}"/>
        <input wx:for="{{rows}}" class="by-index" model:value="{{rows[index].name}}"/>
        <button class="add" bindtap="add">add</button>""");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      page.select(".title").orElseThrow().input("milk");
      assertThat(page.data("title")).isEqualTo("milk");
      assertThat(page.select(".echo").orElseThrow().text()).isEqualTo("milk");
      assertThat(page.data("seen")).isEqualTo(List.of("milk/milk"));
      page.select(".add").orElseThrow().tap();
      assertThat(page.data("title")).isEqualTo("");
      assertThat(page.select(".title").orElseThrow().attribute("value")).isEqualTo("");

      page.select(".agree").orElseThrow().tap();
      page.select(".volume").orElseThrow().change(40);
      assertThat(page.data("form")).isEqualTo(Map.of("agree", true, "volume", 40));
      // without model: the user's text stays in the control
      page.select(".plain").orElseThrow().input("tea");
      assertThat(page.data("title")).isEqualTo("");
      // wx:for items are places in the data too (glass-easel's left-value rule)
      page.selectAll(".row").get(1).input("bee");
      page.selectAll(".tag").get(0).input("ex");
      assertThat(page.data("rows")).isEqualTo(List.of(Map.of("name", "a"), Map.of("name", "bee")));
      assertThat(page.data("tags")).isEqualTo(List.of("ex", "y"));
      page.selectAll(".by-index").get(0).input("ay");
      assertThat(page.data("rows")).isEqualTo(List.of(Map.of("name", "ay"), Map.of("name", "bee")));
      assertThat(page.selectAll(".row").get(0).attribute("value")).isEqualTo("ay");
      assertThat(s.errors()).isEmpty();
    }
  }

  /**
   * {@code <field model:my-value="{{pageValue}}">}: the component's own setData of a property its host binds with
   * {@code model:} reaches the owner (Vant's field sets its {@code value} on input); an input inside it bound with
   * {@code model:value="{{myValue}}"} carries typing through both.
   */
  @Test
  void aComponentsOwnSetDataOfAModelBoundPropertyReachesItsOwner() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"), "{\"usingComponents\": {\"field\": \"/components/field\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({ data: { pageValue: 'a', other: 'b' } })");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <field id="f" model:my-value="{{pageValue}}"/>
        <field id="g" my-value="{{other}}"/>
        <text class="echo">{{pageValue}}</text>""");
    TestFiles.write(dir.resolve("components/field.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("components/field.js"), """
        Component({
          properties: { myValue: String },
          methods: { leaf() { this.setData({ myValue: 'leaf' }); } }
        })""");
    TestFiles.write(dir.resolve("components/field.wxml"), "<input class=\"in\" model:value=\"{{myValue}}\"/>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      PageHandle page = s.currentPage();
      PageElement f = page.select("#f").orElseThrow();
      f.callMethod("leaf");
      s.awaitIdle();
      assertThat(page.data("pageValue")).isEqualTo("leaf");
      assertThat(page.select(".echo").orElseThrow().text()).isEqualTo("leaf");

      f.select(".in").orElseThrow().input("typed");
      assertThat(f.data("myValue")).isEqualTo("typed");
      assertThat(page.data("pageValue")).isEqualTo("typed");

      PageElement g = page.select("#g").orElseThrow();
      g.callMethod("leaf");
      s.awaitIdle();
      assertThat(g.data("myValue")).isEqualTo("leaf");
      assertThat(page.data("other")).isEqualTo("b");
      assertThat(s.errors()).isEmpty();
    }
  }

  /**
   * towxml's stream-typer demo and omix's snake use components whose json has {@code usingComponents} but no
   * {@code "component": true}: glass-easel takes such a path as a component, styled as a page is ({@code shared});
   * a json with neither is still no component.
   */
  @Test
  void aJsonWithUsingComponentsAndNoComponentFlagIsAComponentStyledAsAPage() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.json"),
        "{\"usingComponents\": {\"chat\": \"/parts/chat\", \"plain\": \"/parts/plain\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), "Page({})");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<chat id=\"chat\"/><plain/>");
    TestFiles.write(dir.resolve("parts/chat.json"), "{\"usingComponents\": {}}");
    TestFiles.write(dir.resolve("parts/chat.js"),
        "Component({ data: { n: 1 }, methods: { more() { this.setData({ n: this.data.n + 1 }); } } })");
    TestFiles.write(dir.resolve("parts/chat.wxml"), "<view class=\"msg\" bindtap=\"more\">{{n}}</view>");
    TestFiles.write(dir.resolve("parts/chat.wxss"), ".msg { color: red; }");
    TestFiles.write(dir.resolve("parts/plain.json"), "{}");
    TestFiles.write(dir.resolve("parts/plain.js"), "Component({})");
    TestFiles.write(dir.resolve("parts/plain.wxml"), "<view class=\"inner\">x</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.project().problems()).extracting(Object::toString).containsExactly(
          "parts/plain.json: \"component\": true is required to use parts/plain as a component"
              + " (using by \"pages/home/home\")");
      PageHandle page = s.currentPage();
      PageElement chat = page.select("#chat").orElseThrow();
      chat.select(".msg").orElseThrow().tap();
      assertThat(chat.data("n")).isEqualTo(2);
      assertThat(page.select(".inner")).isEmpty();
      List<ViewLayer.ComponentStyle> styles =
          s.onLoop(() -> s.core().view().componentStyles(page.id(), WxssOptions.IPHONE_375));
      assertThat(styles).filteredOn(c -> c.path().equals("parts/chat")).singleElement()
          .extracting(ViewLayer.ComponentStyle::styleIsolation).isEqualTo("shared");
      assertThat(s.errors()).isEmpty();
    }
  }

  /** omix (westore's successor) logs each store change with {@code console.groupCollapsed}, as DevTools shows it. */
  @Test
  void theConsoleHasTheGroupingCountingAndTimingMethodsOfTheEngines() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        console.groupCollapsed('%c Data Changed', 'color: red', ['motto']);
        console.groupEnd();
        console.count('n'); console.countReset('n'); console.count('n');
        console.time('t'); console.timeLog('t', 'half'); console.dirxml('x');
        Page({})""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), "<view/>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.console()).extracting(ConsoleMessage::text)
          .contains("n: 1", "t: 0ms half", "x").anyMatch(t -> t.contains("Data Changed"));
      assertThat(s.console()).extracting(ConsoleMessage::text).filteredOn("n: 2"::equals).isEmpty();
      assertThat(s.errors()).isEmpty();
    }
  }
}
