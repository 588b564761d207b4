package dev.sparrow.runtime;

import static dev.sparrow.apis.network.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer to a wx call that comes after the session closed (a server that replies late, a download still
 * streaming) is dropped quietly: page code has stopped, so nothing runs and nothing is recorded as an error.
 */
class LateAnswersTest {
  @TempDir
  Path project;
  @TempDir
  Path data;
  LoopbackServer server;
  final CountDownLatch arrived = new CountDownLatch(1);
  final CountDownLatch answer = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start()
        .route("/slow", (rq, rs, cb) -> {
          arrived.countDown();
          answer.await(20, TimeUnit.SECONDS);
          respond(rs, cb, 200, "text/plain", "late");
        });
    write("project.config.json", "{\"appid\": \"wxlateanswers01\", \"setting\": {\"urlCheck\": false}}");
    write("app.json", "{\"pages\": [\"pages/index/index\"]}");
    write("app.js", "App({})");
    write("pages/index/index.js", "Page({})");
    write("pages/index/index.wxml", "<view>late</view>");
  }

  @AfterEach
  void stop() {
    answer.countDown();
    server.close();
  }

  private void write(String path, String text) throws IOException {
    TestFiles.write(project.resolve(path), text);
  }

  /** Page code starts {@code call} (with success, fail and complete that log), the session closes mid-flight. */
  private Session closeWhileInFlight(String call) throws InterruptedException {
    Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data)).awaitIdle();
    String url = "http://127.0.0.1:" + server.httpPort() + "/slow";
    s.evaluate("function (url) { const log = what => () => console.log(what);"
        + " wx." + call + "({ url, success: log('success'), fail: log('fail'), complete: log('complete') }) }", url);
    assertThat(arrived.await(20, TimeUnit.SECONDS)).as("%s", s.console()).isTrue();
    s.close();
    answer.countDown();
    return s;
  }

  @Test
  void aRequestAnsweredAfterCloseIsDroppedQuietly() throws InterruptedException {
    Session s = closeWhileInFlight("request");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void onceTheBridgeClosesNeitherAnAnswerNorATaskEventReachesPageCode() throws InterruptedException {
    // the first step of a session's close, alone: what arrives between it and the loop's end is dropped
    try (Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data)).awaitIdle()) {
      s.evaluate("function (url) { const log = what => () => console.log(what);"
          + " const t = wx.request({ url, success: log('success'), fail: log('fail'), complete: log('complete') });"
          + " t.onHeadersReceived(log('headers')) }", "http://127.0.0.1:" + server.httpPort() + "/slow");
      assertThat(arrived.await(20, TimeUnit.SECONDS)).isTrue();
      s.core().loop().call(() -> {
        s.core().bridge().close();
        return null;
      }, Duration.ofSeconds(10));
      answer.countDown();
      s.awaitIdle();
      assertThat(s.console()).isEmpty();
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void aSocketThatTheCloseShutsIsNotHeardByPageCode() {
    Session s = Sparrow.launch(SessionOptions.of(project).dataDir(data)).awaitIdle();
    s.evaluate("function (url) { const t = wx.connectSocket({ url, complete: () => console.log('complete') });"
        + " t.onOpen(() => console.log('open')); t.onClose(() => console.log('closed'));"
        + " t.onError(() => console.log('error')) }", "ws://127.0.0.1:" + server.httpPort() + "/ws/echo");
    s.awaitUntil(x -> x.console().stream().anyMatch(m -> m.text().equals("open")), Duration.ofSeconds(20));
    s.close();
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aDownloadAnsweredAfterCloseIsDroppedQuietly() throws InterruptedException {
    Session s = closeWhileInFlight("downloadFile");
    assertThat(s.errors()).isEmpty();
  }
}
