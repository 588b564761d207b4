package dev.sparrow.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.testing.TestFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom tab bar (app.json {@code tabBar.custom}) through the automation protocol, as miniprogram-automator reaches
 * it: {@code page.$('custom-tab-bar')} is the bar's host (a custom element: data), its items are found from there
 * ({@code element.$$}), a tap on one switches tabs.
 */
class CustomTabBarProtocolTest {
  @Test
  void theTabBarIsFoundFromThePageAndItsItemsTapToSwitchTabs(@TempDir Path dir) throws Exception {
    TestFiles.write(dir.resolve("project.config.json"), "{}");
    TestFiles.write(dir.resolve("app.json"), """
        {"pages": ["pages/a/a", "pages/b/b"], "usingComponents": {},
         "tabBar": {"custom": true, "list": [{"pagePath": "pages/a/a", "text": "A"},
           {"pagePath": "pages/b/b", "text": "B"}]}}""");
    TestFiles.write(dir.resolve("app.js"), "App({})");
    TestFiles.write(dir.resolve("custom-tab-bar/index.json"), "{\"component\": true}");
    TestFiles.write(dir.resolve("custom-tab-bar/index.js"), """
        Component({
          data: { selected: 0, list: ['/pages/a/a', '/pages/b/b'] },
          methods: { go(e) { wx.switchTab({ url: this.data.list[e.currentTarget.dataset.index] }); } }
        })""");
    TestFiles.write(dir.resolve("custom-tab-bar/index.wxml"), """
        <view wx:for="{{list}}" wx:key="*this" class="item" data-index="{{index}}" bindtap="go">{{item}}</view>""");
    TestFiles.write(dir.resolve("pages/a/a.js"), "Page({ onShow() { this.getTabBar().setData({ selected: 0 }) } })");
    TestFiles.write(dir.resolve("pages/a/a.wxml"), "<view class=\"item\">page a</view>");
    TestFiles.write(dir.resolve("pages/b/b.js"), "Page({ onShow() { this.getTabBar().setData({ selected: 1 }) } })");
    TestFiles.write(dir.resolve("pages/b/b.wxml"), "<view>page b</view>");
    try (AutomationServer server = AutomationServer.start(SessionOptions.of(dir).virtualClock(), 0);
        ProtocolClient client = new ProtocolClient(server.endpoint())) {
      int page = client.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
      JsonNode bar = client.result("Page.getElement", Map.of("pageId", page, "selector", "custom-tab-bar"));
      assertThat(bar.path("tagName").asText()).isEqualTo("custom-tab-bar");
      String barId = bar.path("elementId").asText();
      assertThat(bar.has("nodeId")).isTrue();
      // the page's own selectors see the page's item only; the bar's items are found from its host
      assertThat(client.result("Page.getElements", Map.of("pageId", page, "selector", ".item")).path("elements"))
          .hasSize(1);
      JsonNode items = client.result("Element.getElements",
          Map.of("pageId", page, "elementId", barId, "selector", ".item")).path("elements");
      assertThat(items).hasSize(2);
      client.result("Element.tap", Map.of("pageId", page, "elementId", items.get(1).path("elementId").asText()));
      JsonNode now = client.result("App.getCurrentPage", Map.of());
      assertThat(now.path("path").asText()).isEqualTo("pages/b/b");
      int b = now.path("pageId").asInt();
      String barB = client.result("Page.getElement", Map.of("pageId", b, "selector", "custom-tab-bar"))
          .path("elementId").asText();
      assertThat(client.result("Element.getData", Map.of("pageId", b, "elementId", barB, "path", "selected"))
          .path("data").asInt()).isEqualTo(1);
      assertThat(client.result("Element.getData", Map.of("pageId", page, "elementId", barId, "path", "selected"))
          .path("data").asInt()).isEqualTo(0);
    }
  }
}
