package dev.sparrow.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The element and app methods of miniprogram-automator as its client sends them (issue 20): events with the detail
 * and fingers sent, gestures, swiper, scroll-view, movable-view, video context, plugins and pageScrollTo. The page
 * ({@code client-methods}) logs every event it gets as {@code {type, id, detail, touches, changedTouches}}.
 */
class ClientMethodsTest {
  private AutomationServer server;
  private ProtocolClient client;
  private int pageId;

  @BeforeEach
  void start() throws Exception {
    server = AutomationServer.start(SessionOptions.of(project()), 0);
    client = new ProtocolClient(server.endpoint());
    pageId = client.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Path project() throws Exception {
    return Path.of(getClass().getResource("/client-methods/app.json").toURI()).getParent();
  }

  private String element(String selector) throws Exception {
    return client.result("Page.getElement", Map.of("pageId", pageId, "selector", selector)).path("elementId").asText();
  }

  private JsonNode send(String method, String selector, Map<String, Object> params) throws Exception {
    Map<String, Object> p = new HashMap<>(params);
    p.put("pageId", pageId);
    p.put("elementId", element(selector));
    return client.result(method, p);
  }

  private JsonNode events() throws Exception {
    JsonNode events = client.result("Page.getData", Map.of("pageId", pageId, "path", "events")).path("data");
    client.result("Page.callMethod", Map.of("pageId", pageId, "method", "clear", "args", List.of()));
    return events;
  }

  private JsonNode property(String selector, String name) throws Exception {
    return send("Element.getProperties", selector, Map.of("names", List.of(name))).path("properties").get(0);
  }

  @Test
  void dispatchEventKeepsTheClientsDetail() throws Exception {
    send("Element.dispatchEvent", "#box", Map.of("eventName", "custom", "detail", Map.of("answer", 42, "who", "test")));
    JsonNode e = events().get(0);
    assertThat(e.path("type").asText()).isEqualTo("custom");
    assertThat(e.path("detail").size()).isEqualTo(2);
    assertThat(e.path("detail").path("answer").asInt()).isEqualTo(42);
    assertThat(e.path("detail").path("who").asText()).isEqualTo("test");
  }

  @Test
  void touchesArriveWithTheCoordinatesSent() throws Exception {
    Map<String, Object> finger = Map.of("identifier", 7, "pageX", 120, "pageY", 340, "clientX", 120, "clientY", 90);
    send("Element.touchstart", "#box", Map.of("touches", List.of(finger), "changedTouches", List.of(finger)));
    send("Element.touchmove", "#box", Map.of("touches", List.of(Map.of("pageX", 130, "pageY", 350))));
    send("Element.touchend", "#box",
        Map.of("touches", List.of(), "changeTouches", List.of(Map.of("pageX", 130, "pageY", 350))));
    JsonNode events = events();
    assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("touchstart", "touchmove", "touchend");
    assertThat(events.get(0).path("touches").toString())
        .isEqualTo("[{\"identifier\":7,\"pageX\":120,\"pageY\":340,\"clientX\":120,\"clientY\":90}]");
    assertThat(events.get(0).path("detail").toString()).isEqualTo("{\"x\":120,\"y\":340}");
    assertThat(events.get(1).path("changedTouches").toString())
        .isEqualTo("[{\"identifier\":0,\"pageX\":130,\"pageY\":350,\"clientX\":130,\"clientY\":350}]");
    assertThat(events.get(2).path("touches").toString()).isEqualTo("[]");
    assertThat(events.get(2).path("changedTouches").get(0).path("pageY").asInt()).isEqualTo(350);

    send("Element.touchstart", "#pad", Map.of("touches", List.of(Map.of("x", 15, "y", 25))));
    assertThat(events().get(0).path("touches").toString()).isEqualTo("[{\"identifier\":0,\"x\":15,\"y\":25}]");
  }

  @Test
  void theLongPressFiresAt350MsWhileTheFingerRests() throws Exception {
    SessionOptions options = SessionOptions.of(project()).virtualClock();
    try (AutomationServer held = AutomationServer.start(options, 0);
        ProtocolClient c = new ProtocolClient(held.endpoint())) {
      int page = c.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
      String press = c.result("Page.getElement", Map.of("pageId", page, "selector", "#press"))
          .path("elementId").asText();
      Map<String, Object> at = Map.of("pageId", page, "elementId", press);
      c.result("Element.touchstart", at);
      held.session().advance(java.time.Duration.ofMillis(349));
      assertThat(c.result("Page.getData", Map.of("pageId", page, "path", "events")).path("data")).isEmpty();
      held.session().advance(java.time.Duration.ofMillis(1));
      JsonNode resting = c.result("Page.getData", Map.of("pageId", page, "path", "events")).path("data");
      assertThat(resting).extracting(e -> e.path("type").asText()).containsExactly("longpress");
      held.session().advance(java.time.Duration.ofMillis(500));
      c.result("Element.touchend", at);
      JsonNode events = c.result("Page.getData", Map.of("pageId", page, "path", "events")).path("data");
      assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("longpress");
    }
  }

  @Test
  void aPressHeld350MsIsALongPressAndNoTap() throws Exception {
    SessionOptions options = SessionOptions.of(project()).virtualClock();
    try (AutomationServer held = AutomationServer.start(options, 0);
        ProtocolClient c = new ProtocolClient(held.endpoint())) {
      int page = c.result("App.getCurrentPage", Map.of()).path("pageId").asInt();
      String press = c.result("Page.getElement", Map.of("pageId", page, "selector", "#press"))
          .path("elementId").asText();
      c.result("Element.touchstart", Map.of("pageId", page, "elementId", press));
      held.session().advance(java.time.Duration.ofMillis(350));
      c.result("Element.touchend", Map.of("pageId", page, "elementId", press));
      c.result("Element.touchstart", Map.of("pageId", page, "elementId", press));
      held.session().advance(java.time.Duration.ofMillis(100));
      c.result("Element.touchend", Map.of("pageId", page, "elementId", press));
      JsonNode events = c.result("Page.getData", Map.of("pageId", page, "path", "events")).path("data");
      assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("longpress", "tap");
    }
    // on a view without a longpress handler, a long press is still a tap (WeChat's rule)
    send("Element.touchstart", "#plain", Map.of("touches", List.of(Map.of("pageX", 40, "pageY", 20))));
    send("Element.touchend", "#plain", Map.of("changedTouches", List.of(Map.of("pageX", 40, "pageY", 20))));
    assertThat(events()).extracting(e -> e.path("type").asText() + e.path("detail"))
        .containsExactly("tap{\"x\":40,\"y\":20}");
  }

  @Test
  void swipeToChangesCurrentAndFiresChange() throws Exception {
    send("Element.callFunction", "#swiper", Map.of("functionName", "swiper.swipeTo", "args", List.of(2)));
    JsonNode events = events();
    assertThat(events).extracting(e -> e.path("type").asText() + e.path("detail"))
        .containsExactly("change{\"current\":2,\"currentItemId\":\"c\",\"source\":\"touch\"}",
            "animationfinish{\"current\":2,\"currentItemId\":\"c\",\"source\":\"touch\"}");
    assertThat(property("#swiper", "current").asInt()).isEqualTo(2);
  }

  @Test
  void scrollToFiresScrollWithDeltasAndTheEdges() throws Exception {
    send("Element.callFunction", "#list", Map.of("functionName", "scroll-view.scrollTo", "args", List.of(0, 500)));
    send("Element.callFunction", "#list", Map.of("functionName", "scroll-view.scrollTo", "args", List.of(0, 10)));
    JsonNode events = events();
    assertThat(events).extracting(e -> e.path("type").asText() + e.path("detail")).containsExactly(
        "scroll{\"scrollLeft\":0,\"scrollTop\":500,\"scrollHeight\":0,\"scrollWidth\":0,\"deltaX\":0,\"deltaY\":500}",
        "scrolltolower{\"direction\":\"bottom\"}",
        "scroll{\"scrollLeft\":0,\"scrollTop\":10,\"scrollHeight\":0,\"scrollWidth\":0,\"deltaX\":0,\"deltaY\":-490}",
        "scrolltoupper{\"direction\":\"top\"}");
    JsonNode top = send("Element.callFunction", "#list",
        Map.of("functionName", "scroll-view.scrollTop", "args", List.of()));
    assertThat(top.path("result").asInt()).isEqualTo(10);
  }

  @Test
  void moveToMovesTheMovableView() throws Exception {
    send("Element.callFunction", "#mover", Map.of("functionName", "movable-view.moveTo", "args", List.of(50, 60)));
    assertThat(events()).extracting(e -> e.path("type").asText() + e.path("detail"))
        .containsExactly("change{\"x\":50,\"y\":60,\"source\":\"touch\"}");
    assertThat(property("#mover", "_translateX").asInt()).isEqualTo(50);
    assertThat(property("#mover", "_translateY").asInt()).isEqualTo(60);
    assertThat(property("#placed", "_translateX").toString()).isEqualTo("10"); // WXML's x="10", as a number
  }

  @Test
  void touchEventsThroughDispatchEventCarryTheirFingers() throws Exception {
    send("Element.dispatchEvent", "#box", Map.of("eventName", "touchstart",
        "touches", List.of(Map.of("pageX", 5, "pageY", 6)), "changeTouches", List.of(Map.of("pageX", 5, "pageY", 6))));
    JsonNode e = events().get(0);
    assertThat(e.path("touches").toString())
        .isEqualTo("[{\"identifier\":0,\"pageX\":5,\"pageY\":6,\"clientX\":5,\"clientY\":6}]");
    assertThat(e.path("changedTouches")).isEqualTo(e.path("touches"));
  }

  @Test
  void pageScrollToScrollsThePage() throws Exception {
    client.result("App.callWxMethod",
        Map.of("method", "pageScrollTo", "args", List.of(Map.of("scrollTop", 500, "duration", 0))));
    assertThat(client.result("Page.getData", Map.of("pageId", pageId, "path", "scrolled")).path("data").toString())
        .isEqualTo("[500]");
    JsonNode top = client.result("Page.getWindowProperties", Map.of("pageId", pageId, "names",
        List.of("document.documentElement.scrollTop")));
    assertThat(top.path("properties").get(0).asInt()).isEqualTo(500);
  }

  @Test
  void aDeclaredPluginHasItsOwnWxAndAnUndeclaredOneFails() throws Exception {
    client.result("App.mockWxMethod",
        Map.of("method", "getStorageSync", "pluginId", "wxchartplugin0001", "result", "plugin's"));
    assertThat(client.result("App.callWxMethod", Map.of("method", "getStorageSync", "pluginId", "wxchartplugin0001",
        "args", List.of("k"))).path("result").asText()).isEqualTo("plugin's");
    assertThat(client.result("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("k")))
        .path("result").asText()).isEmpty(); // the app's wx is not mocked
    client.result("App.mockWxMethod", Map.of("method", "getStorageSync", "result", "app's"));
    client.result("App.mockWxMethod", Map.of("method", "getStorageSync", "pluginId", "wxchartplugin0001"));
    assertThat(client.result("App.callWxMethod", Map.of("method", "getStorageSync", "pluginId", "wxchartplugin0001",
        "args", List.of("k"))).path("result").asText()).isEmpty(); // restored to the real API, not the app's mock
    JsonNode failed = client.call("App.callWxMethod", Map.of("method", "getStorageSync", "pluginId", "wxnotdeclared01",
        "args", List.of("k")));
    assertThat(failed.path("error").path("message").asText())
        .isEqualTo("plugin wxnotdeclared01 is not declared in app.json plugins");
  }

  @Test
  void callContextMethodDrivesTheVideoPlayer() throws Exception {
    for (List<Object> call : List.<List<Object>>of(List.of("play"), List.of("seek", 12.5), List.of("playbackRate", 1.5),
        List.of("requestFullScreen", Map.of("direction", 90)),
        List.of("sendDanmu", Map.of("text", "hi", "color", "#ff0000")),
        List.of("exitFullScreen"), List.of("pause"), List.of("stop"))) {
      send("Element.callContextMethod", "#player", Map.of("method", call.get(0), "args", call.subList(1, call.size())));
    }
    assertThat(events()).extracting(e -> e.path("type").asText() + e.path("detail")).containsExactly(
        "play{}", "seekcomplete{\"position\":12.5}",
        "fullscreenchange{\"fullScreen\":true,\"direction\":\"horizontal\"}",
        "fullscreenchange{\"fullScreen\":false,\"direction\":\"vertical\"}", "pause{}");
    var player = server.session().currentPage().select("#player").orElseThrow().video();
    assertThat(player).containsEntry("paused", true).containsEntry("currentTime", 0).containsEntry("playbackRate", 1.5);
    assertThat(player.get("danmu").toString()).isEqualTo("[{text=hi, color=#ff0000}]");
    JsonNode unknown = client.call("Element.callContextMethod", Map.of("pageId", pageId,
        "elementId", element("#player"),
        "method", "explode", "args", List.of()));
    assertThat(unknown.path("error").path("message").asText()).isEqualTo("VideoContext.explode is not a function");
  }

  @Test
  void pageCodesVideoContextDrivesTheSamePlayer() throws Exception {
    client.result("Page.callMethod", Map.of("pageId", pageId, "method", "watchFromCode", "args", List.of()));
    assertThat(events()).extracting(e -> e.path("type").asText() + e.path("detail"))
        .containsExactly("play{}", "seekcomplete{\"position\":5}", "pause{}");
    Map<String, Object> player = server.session().currentPage().select("#player").orElseThrow().video();
    assertThat(player).containsEntry("paused", true); // paused where it played on to from 5 s
    assertThat(((Number) player.get("currentTime")).doubleValue()).isGreaterThanOrEqualTo(5);
  }
}
