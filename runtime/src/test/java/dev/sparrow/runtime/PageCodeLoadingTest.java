package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When page files run: all main-package pages after app.js and App.onLaunch/onShow, so a file that reads at load
 * time what onLaunch set works (the TDesign starter's message page reads the socket that way, the official
 * tcb-demo-basic its navHeight); with {@code "lazyCodeLoading": "requiredComponents"} each page's file when the
 * page first opens.
 */
class PageCodeLoadingTest {
  private static final String APP_JS = """
      const order = require('./utils/order.js');
      order.push('app.js');
      App({
        order: order,
        globalData: { socket: null },
        onLaunch() { order.push('onLaunch'); this.globalData.socket = { name: 'ws' }; },
        onShow() { order.push('onShow'); }
      });
      """;
  private static final String PAGE_JS = """
      const order = require('../../utils/order.js');
      order.push('%1$s.js');
      const { socket } = getApp().globalData;
      const name = socket.name;
      Page({ data: { name: name }, onLoad() { order.push('%1$s.onLoad'); } });
      """;

  @TempDir Path dir;
  private Session s;

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private void project(String appJson) throws Exception {
    Files.writeString(dir.resolve("app.json"), appJson);
    Files.writeString(dir.resolve("app.js"), APP_JS);
    Files.createDirectories(dir.resolve("utils"));
    Files.writeString(dir.resolve("utils/order.js"), "module.exports = [];");
    for (String page : List.of("home", "message")) {
      Path folder = Files.createDirectories(dir.resolve("pages/" + page));
      Files.writeString(folder.resolve("index.js"), PAGE_JS.formatted(page));
      Files.writeString(folder.resolve("index.wxml"), "<text>{{name}}</text>");
    }
  }

  private Object order() {
    return s.evaluate("function () { return getApp().order.slice(); }");
  }

  @Test
  void withLazyCodeLoadingAPageFileRunsWhenThePageFirstOpensAfterOnLaunch() throws Exception {
    project("{\"pages\": [\"pages/home/index\", \"pages/message/index\"],"
        + " \"lazyCodeLoading\": \"requiredComponents\"}");
    s = Sparrow.launch(dir).awaitIdle();
    assertThat(order()).isEqualTo(List.of("app.js", "onLaunch", "onShow", "home.js", "home.onLoad"));
    PageHandle message = s.navigateTo("/pages/message/index");
    s.awaitIdle();
    assertThat(message.data("name")).isEqualTo("ws");
    assertThat(order()).isEqualTo(
        List.of("app.js", "onLaunch", "onShow", "home.js", "home.onLoad", "message.js", "message.onLoad"));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void withoutItEveryMainPackagePageFileRunsAfterOnLaunchAndBeforeTheEntryPageOpens() throws Exception {
    project("{\"pages\": [\"pages/home/index\", \"pages/message/index\"]}");
    s = Sparrow.launch(dir).awaitIdle();
    assertThat(order()).isEqualTo(List.of("app.js", "onLaunch", "onShow", "home.js", "message.js", "home.onLoad"));
    assertThat(s.currentPage().data("name")).isEqualTo("ws");
    assertThat(s.errors()).isEmpty();
  }

  /**
   * tcb-demo-basic lists its chat component as a page and uses it as a component too: one file, one Component()
   * call, whichever way it is reached first.
   */
  private void pageThatIsAlsoAComponent(String lazy) throws Exception {
    Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/home/index\", \"components/chat/index\"]"
        + lazy + "}");
    Files.writeString(dir.resolve("app.js"), "App({});");
    Path home = Files.createDirectories(dir.resolve("pages/home"));
    Files.writeString(home.resolve("index.js"), "Page({});");
    Files.writeString(home.resolve("index.json"), "{\"usingComponents\": {\"chat\": \"/components/chat/index\"}}");
    Files.writeString(home.resolve("index.wxml"), "<chat title=\"on home\"/>");
    Path chat = Files.createDirectories(dir.resolve("components/chat"));
    Files.writeString(chat.resolve("index.js"), """
        Component({ properties: { title: { type: String, value: 'alone' } }, data: { greeting: 'hi' } });
        """);
    Files.writeString(chat.resolve("index.json"), "{\"component\": true}");
    Files.writeString(chat.resolve("index.wxml"), "<text class=\"line\">{{greeting}} {{title}}</text>");
  }

  private void assertBothWaysWork() {
    assertThat(s.currentPage().wxml()).contains(">hi on home</text>");
    PageHandle page = s.navigateTo("/components/chat/index");
    s.awaitIdle();
    assertThat(page.wxml()).contains(">hi alone</text>");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aFileListedAsAPageThatRanFirstServesAsAComponentToo() throws Exception {
    pageThatIsAlsoAComponent("");
    s = Sparrow.launch(dir).awaitIdle();
    assertBothWaysWork();
  }

  @Test
  void aComponentFileThatRanFirstServesAsThePageListedAtItsPath() throws Exception {
    pageThatIsAlsoAComponent(", \"lazyCodeLoading\": \"requiredComponents\"");
    s = Sparrow.launch(dir).awaitIdle();
    assertBothWaysWork();
  }
}
