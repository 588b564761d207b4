package dev.sparrow.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol layer against a real server on loopback: good calls, and malformed ones that must not hurt the session. */
class ProtocolTest {
  private AutomationServer server;
  private ProtocolClient client;

  @BeforeEach
  void start() throws Exception {
    server = AutomationServer.start(SessionOptions.of(Examples.path("quickstart")), 0);
    client = new ProtocolClient(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void bindsToLoopbackAndReportsAnSdkVersionTheClientAccepts() throws Exception {
    assertThat(server.endpoint()).startsWith("ws://127.0.0.1:");
    assertThat(client.result("Tool.getInfo", Map.of()).path("SDKVersion").asText()).isEqualTo("3.7.12");
  }

  @Test
  void captureScreenshotIsAPngOfThePhoneScreen() throws Exception {
    JsonNode reply = client.call("App.captureScreenshot", Map.of());
    if (dev.sparrow.simulator.Chromium.find().isEmpty()) {
      assertThat(reply.path("error").path("message").asText()).contains("needs Chromium").contains("apt-get install chromium");
      return;
    }
    byte[] png = java.util.Base64.getDecoder().decode(reply.path("result").path("data").asText());
    if (System.getenv("SPARROW_KEEP_SHOT") != null) {
      Files.write(Path.of(System.getenv("SPARROW_KEEP_SHOT")), png);
    }
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(750); // 375 CSS px at the iPhone 6's pixel ratio 2
    assertThat(image.getHeight()).isEqualTo(1334);
    // the navigation bar's title ("Home", black on the configured white) is painted under the status bar
    int dark = 0;
    for (int y = 40; y < 128; y++) {
      for (int x = 280; x < 470; x++) {
        dark += (image.getRGB(x, y) & 0xff) < 80 ? 1 : 0;
      }
    }
    assertThat(dark).isGreaterThan(100);
    assertThat(image.getRGB(10, 1200) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void pagesDataAndMethods() throws Exception {
    JsonNode page = client.result("App.getCurrentPage", Map.of());
    assertThat(page.path("path").asText()).isEqualTo("pages/index/index");
    int id = page.path("pageId").asInt();
    client.result("Page.callMethod", Map.of("pageId", id, "method", "increment", "args", List.of()));
    assertThat(client.result("Page.getData", Map.of("pageId", id, "path", "count")).path("data").asInt()).isEqualTo(1);
    client.result("Page.setData", Map.of("pageId", id, "data", Map.of("motto", "set by test")));
    assertThat(client.result("Page.getData", Map.of("pageId", id)).path("data").path("motto").asText()).isEqualTo("set by test");
    assertThat(client.result("Page.getWindowProperties", Map.of("pageId", id, "names", List.of("document.documentElement.scrollWidth"))).path("properties").get(0).asInt())
        .isEqualTo(375);
  }

  @Test
  void navigationThroughCallWxMethodHasSettledWhenItAnswers() throws Exception {
    JsonNode r = client.result("App.callWxMethod", Map.of("method", "navigateTo", "args", List.of(Map.of("url", "/pages/logs/logs"))));
    assertThat(r.path("result").path("errMsg").asText()).isEqualTo("navigateTo:ok");
    JsonNode stack = client.result("App.getPageStack", Map.of()).path("pageStack");
    assertThat(stack).hasSize(2);
    assertThat(stack.get(1).path("path").asText()).isEqualTo("pages/logs/logs");
    JsonNode failed = client.call("App.callWxMethod", Map.of("method", "navigateTo", "args", List.of(Map.of("url", "/pages/nope/nope"))));
    assertThat(failed.path("error").path("message").asText()).isEqualTo("navigateTo:fail page \"pages/nope/nope\" is not found");
  }

  @Test
  void nullArgumentsPassThroughAsNullAndNoJavaTextReachesTheClient() throws Exception {
    JsonNode got = client.raw("{\"id\":\"n1\",\"method\":\"App.callFunction\",\"params\":"
        + "{\"functionDeclaration\":\"a => 'got ' + a\",\"args\":[null]}}");
    assertThat(got.path("result").path("result").asText()).isEqualTo("got null");
    JsonNode two = client.raw("{\"id\":\"n2\",\"method\":\"App.callFunction\",\"params\":"
        + "{\"functionDeclaration\":\"function (a, b) { return [a, b === null] }\",\"args\":[null, null]}}");
    assertThat(two.path("result").path("result").toString()).isEqualTo("[null,true]");
    for (String method : List.of("App.callWxMethod", "Page.callMethod", "Page.setData")) {
      JsonNode r = client.raw("{\"id\":\"x\",\"method\":\"" + method + "\",\"params\":{\"method\":\"getStorageSync\","
          + "\"pageId\":" + client.result("App.getCurrentPage", Map.of()).path("pageId").asInt() + ",\"args\":[null],"
          + "\"data\":null}}");
      assertThat(r.toString()).as(method).doesNotContain("Exception").doesNotContain("java.");
    }
  }

  @Test
  void pageCodeCannotReachTheAutomationOrSimulatorPortEvenWithoutUrlCheck() throws Exception {
    SessionOptions noUrlCheck = SessionOptions.of(Examples.path("quickstart")).verifyDomains(false);
    try (AutomationServer open = AutomationServer.start(noUrlCheck, 0);
        ProtocolClient c = new ProtocolClient(open.endpoint())) {
      for (int port : List.of(open.port(), open.simulator().port())) {
        String fn = "function () { return new Promise(function (resolve) {"
            + " var t = wx.connectSocket({ url: 'ws://127.0.0.1:" + port + "/' });"
            + " t.onError(function (e) { resolve(e.errMsg) }); t.onOpen(function () { resolve('opened') }) }) }";
        assertThat(c.result("App.callFunction", Map.of("functionDeclaration", fn)).path("result").asText())
            .as("port " + port).isEqualTo("net::ERR_UNSAFE_PORT");
        String get = "function () { return new Promise(function (resolve) { wx.request({ url: 'http://localhost:" + port
            + "/', fail: function (e) { resolve(e.errMsg) }, success: function () { resolve('answered') } }) }) }";
        assertThat(c.result("App.callFunction", Map.of("functionDeclaration", get)).path("result").asText())
            .isEqualTo("request:fail net::ERR_UNSAFE_PORT");
      }
    }
  }

  @Test
  void withATokenOnlyClientsThatKnowItConnect() throws Exception {
    try (AutomationServer guarded = AutomationServer.start(SessionOptions.of(Examples.path("quickstart")), 0,
        "s3cret-token")) {
      assertThat(guarded.endpoint()).endsWith(":" + guarded.port() + "/s3cret-token");
      assertThatThrownBy(() -> new ProtocolClient("ws://127.0.0.1:" + guarded.port()).close()).as("no token");
      assertThatThrownBy(() -> new ProtocolClient("ws://127.0.0.1:" + guarded.port() + "/wrong-token").close());
      try (ProtocolClient c = new ProtocolClient(guarded.endpoint())) {
        assertThat(c.result("Tool.getInfo", Map.of()).path("SDKVersion").asText()).isEqualTo("3.7.12");
      }
    }
  }

  @Test
  void mocksEvaluateAndBindings() throws Exception {
    client.result("App.mockWxMethod", Map.of("method", "getStorageSync", "result", "mocked"));
    assertThat(client.result("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("x"))).path("result").asText()).isEqualTo("mocked");
    client.result("App.mockWxMethod", Map.of("method", "getStorageSync"));
    assertThat(client.result("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("x"))).path("result").asText()).isEmpty();
    assertThat(client.result("App.callFunction", Map.of("functionDeclaration", "function (a, b) { return getApp().globalData.userName + a + b }",
        "args", List.of(1, 2))).path("result").asText()).isEqualTo("sparrow12");
    client.result("App.addBinding", Map.of("name", "tellTest"));
    client.result("App.callFunction", Map.of("functionDeclaration", "function () { tellTest('hi', 2) }", "args", List.of()));
    assertThat(client.events("App.bindingCalled")).hasSize(1);
    assertThat(client.events("App.bindingCalled").get(0).toString()).isEqualTo("{\"name\":\"tellTest\",\"args\":[\"hi\",2]}");
  }

  @Test
  void consoleAfterEnableLogAndExceptionsAreEvents() throws Exception {
    client.result("App.callFunction", Map.of("functionDeclaration", "function () { console.log('before') }", "args", List.of()));
    client.result("App.enableLog", Map.of());
    client.result("App.callFunction", Map.of("functionDeclaration", "function () { console.warn('after', 1); setTimeout(function () { null.x }, 0) }", "args", List.of()));
    assertThat(client.events("App.logAdded")).extracting(JsonNode::toString).containsExactly("{\"type\":\"warn\",\"args\":[\"after 1\"]}");
    assertThat(client.events("App.exceptionThrown")).hasSize(1);
    assertThat(client.events("App.exceptionThrown").get(0).path("message").asText()).contains("TypeError");
  }

  @Test
  void enableLogSentWithoutWaitingCoversTheNextRequest() throws Exception {
    // automator's miniProgram.on('console', …) sends App.enableLog and does not await it; the test's
    // next evaluate must already be logged (they used to race on two pool threads)
    client.sendAndGoOn("App.enableLog", Map.of());
    client.result("App.callFunction", Map.of("functionDeclaration", "function () { console.log('right after') }", "args", List.of()));
    assertThat(client.events("App.logAdded")).extracting(JsonNode::toString).containsExactly("{\"type\":\"log\",\"args\":[\"right after\"]}");
  }

  @Test
  void elementsByCssAndXpathTapInputAndRead() throws Exception {
    int page = client.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
    JsonNode button = client.result("Page.getElement", Map.of("pageId", page, "selector", "#increment"));
    assertThat(button.path("tagName").asText()).isEqualTo("button");
    String buttonId = button.path("elementId").asText();
    client.result("Element.tap", Map.of("pageId", page, "elementId", buttonId));
    client.result("Element.tap", Map.of("pageId", page, "elementId", buttonId));
    assertThat(client.result("Element.getDOMProperties", Map.of("pageId", page, "elementId", buttonId, "names", List.of("innerText")))
        .path("properties").get(0).asText()).isEqualTo("Tapped 2 times");
    String input = client.result("Page.getElement", Map.of("pageId", page, "selector", "input")).path("elementId").asText();
    client.result("Element.callFunction", Map.of("pageId", page, "elementId", input, "functionName", "input.input", "args", List.of("Wren")));
    JsonNode greeting = client.result("Page.getElementByXpath", Map.of("pageId", page, "selector", "//text[@class='greeting']"));
    assertThat(client.result("Element.getWXML", Map.of("pageId", page, "elementId", greeting.path("elementId").asText(), "type", "inner"))
        .path("wxml").asText()).isEqualTo("Hello, Wren");
    assertThat(client.result("Element.getAttributes", Map.of("pageId", page, "elementId", input, "names", List.of("value", "placeholder")))
        .path("attributes").toString()).isEqualTo("[\"Wren\",\"Your name\"]");
    assertThat(client.result("Page.getElements", Map.of("pageId", page, "selector", "text")).path("elements")).hasSize(3);
    JsonNode missing = client.call("Page.getElement", Map.of("pageId", page, "selector", ".nope"));
    assertThat(missing.path("error").path("message").asText()).isEqualTo("element not found: .nope");
    JsonNode badXpath = client.call("Page.getElementsByXpath", Map.of("pageId", page, "selector", "//[["));
    assertThat(badXpath.path("error").path("message").asText()).startsWith("invalid XPath");
    JsonNode wrongElement = client.call("Element.tap", Map.of("pageId", page, "elementId", "99999"));
    assertThat(wrongElement.path("error").path("message").asText()).isEqualTo("element 99999 does not exist");
    client.result("Element.tap", Map.of("pageId", page, "elementId",
        client.result("Page.getElement", Map.of("pageId", page, "selector", ".usermotto")).path("elementId").asText()));
    assertThat(client.result("App.getCurrentPage", Map.of()).path("path").asText()).isEqualTo("pages/logs/logs");
  }

  @Test
  void stylesIncludeWhatAnimationsLeftOnTheElement() throws Exception {
    int page = client.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
    String button = client.result("Page.getElement", Map.of("pageId", page, "selector", "#increment"))
        .path("elementId").asText();
    client.result("App.callFunction", Map.of("functionDeclaration", "function () { getCurrentPages()[0]"
        + ".animate('#increment', [{ opacity: 1 }, { opacity: 0.25, translateX: 5 }], 0) }", "args", List.of()));
    assertThat(client.result("Element.getStyles", Map.of("pageId", page, "elementId", button,
        "names", List.of("opacity", "transform"))).path("styles").toString())
        .isEqualTo("[\"0.25\",\"translateX(5px)\"]");
  }

  @Test
  void malformedMessagesGetErrorRepliesAndTheSessionSurvives() throws Exception {
    assertThat(client.raw("{not json").path("error").path("message").asText()).startsWith("malformed JSON");
    assertThat(client.raw("[1,2]").path("error").path("message").asText()).contains("JSON object");
    assertThat(client.raw("{\"method\":\"App.getCurrentPage\"}").path("error").path("message").asText()).isEqualTo("a request needs an id");
    assertThat(client.raw("{\"id\":7}").path("error").path("message").asText()).isEqualTo("a request needs a method");
    assertThat(client.call("App.nope", Map.of()).path("error").path("message").asText()).isEqualTo("unknown method App.nope");
    assertThat(client.call("Page.getData", Map.of("pageId", 999)).path("error").path("message").asText()).isEqualTo("page 999 does not exist");
    assertThat(client.call("Page.getData", Map.of()).path("error").path("message").asText()).isEqualTo("params.pageId must be a number");
    assertThat(client.call("Tool.native", Map.of("method", "confirmModal")).path("error").path("message").asText())
        .isEqualTo("Tool.native confirmModal: no modal is open");
    assertThat(client.call("App.callFunction", Map.of("functionDeclaration", "function () { throw new Error('in page') }")).path("error").path("message").asText())
        .contains("in page");
    assertThat(client.result("App.getCurrentPage", Map.of()).path("path").asText()).isEqualTo("pages/index/index");
  }

  @Test
  void aModalCanBeAnsweredWhileTheCallThatOpenedItWaits() throws Exception {
    try (ProtocolClient second = new ProtocolClient(server.endpoint())) {
      Thread t = new Thread(() -> {
        try {
          while (server.session().pendingDialog().isEmpty()) {
            Thread.onSpinWait();
          }
          second.result("Tool.native", Map.of("method", "confirmModal"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      JsonNode r = client.result("App.callWxMethod", Map.of("method", "showModal", "args", List.of(Map.of("title", "Sure?"))));
      t.join();
      assertThat(r.path("result").path("confirm").asBoolean()).isTrue();
    }
  }

  @Test
  void aPermissionPromptIsAnsweredThroughNative() throws Exception {
    assertThat(client.call("Tool.native", Map.of("method", "authorizeAllow")).path("error").path("message").asText())
        .isEqualTo("Tool.native authorizeAllow: no permission prompt is open");
    try (ProtocolClient second = new ProtocolClient(server.endpoint())) {
      Thread t = new Thread(() -> {
        try {
          while (server.session().pendingPermission().isEmpty()) {
            Thread.onSpinWait();
          }
          second.result("Tool.native", Map.of("method", "authorizeCancel"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      JsonNode r = client.call("App.callWxMethod", Map.of("method", "authorize", "args", List.of(Map.of("scope", "scope.record"))));
      t.join();
      assertThat(r.path("error").path("message").asText()).startsWith("authorize:fail");
    }
  }

  @Test
  void toolCloseAnswersThenStops() throws Exception {
    assertThat(client.call("Tool.close", Map.of()).has("error")).isFalse();
    server.awaitClosed();
    assertThat(server.session().isClosed()).isTrue();
  }
}
