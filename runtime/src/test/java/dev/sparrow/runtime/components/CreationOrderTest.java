package dev.sparrow.runtime.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order glass-easel creates components in (component.ts: a component's template, its own components included,
 * is rendered before its {@code created}; Element.checkAndCallAttached: {@code attached} host first, then its
 * template, then the slot content its owner wrote).
 */
class CreationOrderTest {
  private static final String LOG = """
      const log = (what, self) => getApp().log.push(what + ' ' + self.id);
      """;

  @TempDir Path dir;

  @Test
  void templatesAreRenderedBeforeCreatedAndAttachedGoesHostFirst() throws IOException {
    TestFiles.write(dir.resolve("app.json"), "{\"pages\": [\"pages/home/home\"]}");
    TestFiles.write(dir.resolve("app.js"), "App({ log: [], heard: [] })");
    TestFiles.write(dir.resolve("pages/home/home.json"),
        "{\"usingComponents\": {\"outer\": \"/c/outer/outer\", \"leaf\": \"/c/leaf/leaf\"}}");
    TestFiles.write(dir.resolve("pages/home/home.js"), """
        Page({ data: { later: false },
          onBorn(e) { getApp().heard.push(e.detail); },
          onLoad() { getApp().log.push('page onLoad'); }, onReady() { getApp().log.push('page onReady'); } })""");
    TestFiles.write(dir.resolve("pages/home/home.wxml"), """
        <outer id="o" label="from page"><leaf id="s"/></outer>
        <leaf id="after" bind:born="onBorn"/>
        <outer id="late" wx:if="{{later}}"/>""");
    component("outer", "{\"mid\": \"/c/mid/mid\", \"leaf\": \"/c/leaf/leaf\"}", LOG + """
        Component({
          properties: { label: { type: String, value: 'default' } },
          lifetimes: {
            created() {
              log('created', this);
              const mid = this.selectComponent('#m');
              getApp().log.push('outer sees ' + this.data.label + ' ' + (mid && mid.id) + ' '
                  + this.selectAllComponents('leaf').map((c) => c.id).join(','));
            },
            attached() { log('attached', this); }
          }
        })""", "<mid id=\"m\"/><view><slot/></view><leaf id=\"in2\"/>");
    component("mid", "{\"leaf\": \"/c/leaf/leaf\"}", LOG + """
        Component({ lifetimes: { created() { log('created', this); }, attached() { log('attached', this); } } })""",
        "<leaf id=\"deep\"/>");
    component("leaf", "{}", LOG + """
        Component({
          data: { note: 'initial' },
          lifetimes: {
            created() {
              log('created', this);
              this.setData({ note: 'set in created' });
              this.triggerEvent('born', this.id);
            },
            attached() { log('attached', this); }
          }
        })""", "<view class=\"note\">{{note}}</view>");
    try (Session s = Sparrow.launch(SessionOptions.of(dir).virtualClock())) {
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.evaluate("function () { return getApp().log.splice(0) }")).isEqualTo(List.of(
          "created deep", "created m", "created in2", "created o", "outer sees from page m in2", "created s",
          "created after",
          "attached o", "attached m", "attached deep", "attached in2", "attached s", "attached after",
          "page onLoad", "page onReady"));
      PageHandle home = s.currentPage();
      assertThat(home.select("#after").orElseThrow().select(".note").orElseThrow().text())
          .as("setData in created reaches the view").isEqualTo("set in created");
      assertThat(s.evaluate("function () { return getApp().heard }"))
          .as("the owner's binding is in place in created").isEqualTo(List.of("after"));
      home.setData(Map.of("later", true));
      s.awaitIdle(Duration.ofMinutes(1));
      assertThat(s.evaluate("function () { return getApp().log }")).isEqualTo(List.of(
          "created deep", "created m", "created in2", "created late", "outer sees default m in2",
          "attached late", "attached m", "attached deep", "attached in2"));
      assertThat(s.errors()).isEmpty();
    }
  }

  private void component(String name, String using, String js, String wxml) throws IOException {
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".json"),
        "{\"component\": true, \"usingComponents\": " + using + "}");
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".js"), js);
    TestFiles.write(dir.resolve("c/" + name + "/" + name + ".wxml"), wxml);
  }
}
