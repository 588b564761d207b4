package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When page files run: all main-package pages after app.js and before App.onLaunch; with
 * {@code "lazyCodeLoading": "requiredComponents"} each page's file when the page first opens, so a file that reads
 * at load time what onLaunch set works (the TDesign starter's message page reads the socket that way).
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
  void withoutItEveryMainPackagePageFileRunsBeforeOnLaunch() throws Exception {
    project("{\"pages\": [\"pages/home/index\", \"pages/message/index\"]}");
    s = Sparrow.launch(dir).awaitIdle();
    // the files threw before Page(): the entry page opens with an empty definition (no onLoad)
    assertThat(order()).isEqualTo(List.of("app.js", "home.js", "message.js", "onLaunch", "onShow"));
    assertThat(s.errors()).isNotEmpty();
    assertThat(s.errors().get(0).toString()).contains("Cannot read property 'name' of null");
  }
}
