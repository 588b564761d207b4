package dev.sparrow.runtime;

import static dev.sparrow.apis.network.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.network.LoopbackServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The background rule (spec network.md §1): after the app has been in the background for 5 s, an
 * unfinished request fails {@code interrupted}, and network calls fail until the app is shown again.
 */
class BackgroundNetworkTest {
  static LoopbackServer server;
  static final CountDownLatch arrived = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void start() {
    server = LoopbackServer.start()
        .route("/fast", (rq, rs, cb) -> respond(rs, cb, 200, "text/plain", "fast"))
        .route("/hold", (rq, rs, cb) -> {
          arrived.countDown();
          release.await(30, TimeUnit.SECONDS);
          respond(rs, cb, 200, "text/plain", "late");
        });
  }

  @AfterAll
  static void stop() {
    release.countDown();
    server.close();
  }

  static Session launch(SessionOptions options) {
    return Sparrow.launch(options.allowDomains("request", "api.example.com")
        .allowDomains("downloadFile", "api.example.com")
        .hostMap("https://api.example.com", "http://127.0.0.1:" + server.httpPort())).awaitIdle();
  }

  /** Starts wx.<api> on {@code path}; its outcome lands in globalData.out. */
  static void call(Session s, String api, String path) {
    s.evaluate("function (api, url) { var g = getApp().globalData; g.out = g.out || [];"
        + " wx[api]({ url: url, success: function (r) { g.out.push(api + ' ok ' + (r.data || r.statusCode)) },"
        + " fail: function (e) { g.out.push(e.errMsg + ' ' + e.errno) } }); return null }", api, "https://api.example.com" + path);
  }

  static Object out(Session s) {
    return s.evaluate("function () { var g = getApp().globalData, o = g.out || []; g.out = []; return o }");
  }

  @Test
  void aRequestStillRunningWhenTheGraceEndsFailsInterrupted() throws Exception {
    // the session's real clock with a short grace: the request is held by the server, so time must pass for real
    try (Session s = launch(SessionOptions.of(Examples.path("network-lab")).backgroundGrace(Duration.ofMillis(200)))) {
      call(s, "request", "/hold");
      assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
      s.hideApp();
      s.awaitIdle(); // the interruption ends the request
      assertThat(out(s)).isEqualTo(List.of("request:fail interrupted 600003"));
    }
  }

  @Test
  void callsFailAtOnceWhileInterruptedAndWorkAgainOnceShown() {
    try (Session s = launch(SessionOptions.of(Examples.path("network-lab")).virtualClock())) {
      s.hideApp();
      s.advance(Duration.ofMillis(4_999));
      call(s, "request", "/fast");
      s.awaitIdle();
      assertThat(out(s)).isEqualTo(List.of("request ok fast"));

      s.advance(Duration.ofMillis(1));
      call(s, "request", "/fast");
      call(s, "downloadFile", "/fast");
      s.awaitIdle();
      assertThat(out(s)).isEqualTo(List.of("request:fail interrupted 600003", "downloadFile:fail interrupted 600003"));

      s.showApp();
      call(s, "request", "/fast");
      s.awaitIdle();
      assertThat(out(s)).isEqualTo(List.of("request ok fast"));
    }
  }

  @Test
  void comingBackWithinTheGraceCancelsTheInterruption() {
    try (Session s = launch(SessionOptions.of(Examples.path("network-lab")).virtualClock())) {
      s.hideApp();
      s.advance(Duration.ofSeconds(4));
      s.showApp();
      s.advance(Duration.ofSeconds(10));
      call(s, "request", "/fast");
      s.awaitIdle();
      assertThat(out(s)).isEqualTo(List.of("request ok fast"));
    }
  }
}
