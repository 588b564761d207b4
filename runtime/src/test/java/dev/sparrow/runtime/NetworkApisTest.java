package dev.sparrow.runtime;

import static dev.sparrow.apis.network.LoopbackServer.body;
import static dev.sparrow.apis.network.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.apis.network.Network;
import dev.sparrow.apis.network.TrafficEntry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * wx.request, uploadFile and downloadFile as page code sees them, against a real local server that
 * the session reaches through host mapping ({@code https://api.example.com} → 127.0.0.1), with the
 * project's whitelist switched on.
 */
class NetworkApisTest {
  static LoopbackServer server;
  static Session s;
  static final CountDownLatch release = new CountDownLatch(1);
  static final CountDownLatch reachedNever = new CountDownLatch(2);

  @BeforeAll
  static void launch() {
    server = LoopbackServer.start()
        .route("/user", (rq, rs, cb) -> {
          rs.getHeaders().add("Set-Cookie", "sid=abc; HttpOnly");
          rs.getHeaders().put("X-Request-Id", "r-1");
          respond(rs, cb, 200, "application/json; charset=utf-8", "\uFEFF{\"name\":\"麻雀\",\"age\":3}");
        })
        .route("/echo", (rq, rs, cb) -> {
          rs.getHeaders().put("X-Seen-Referer", String.valueOf(rq.getHeaders().get("Referer")));
          rs.getHeaders().put("X-Seen-Host", String.valueOf(rq.getHeaders().get("Host")));
          rs.getHeaders().put("X-Seen-Type", String.valueOf(rq.getHeaders().get("Content-Type")));
          respond(rs, cb, 200, "text/plain", body(rq));
        })
        .route("/json-echo", (rq, rs, cb) -> respond(rs, cb, 201, "application/json", "{\"ok\":true}"))
        .route("/hold", (rq, rs, cb) -> {
          release.await(20, TimeUnit.SECONDS);
          respond(rs, cb, 200, "text/plain", "late");
        })
        .route("/never", (rq, rs, cb) -> {
          reachedNever.countDown();
          release.await(20, TimeUnit.SECONDS);
          respond(rs, cb, 200, "text/plain", "late");
        })
        .route("/file.txt", (rq, rs, cb) -> respond(rs, cb, 200, "text/plain", "x".repeat(100_000)))
        .route("/gone.png", (rq, rs, cb) -> respond(rs, cb, 404, "text/html", "<h1>gone</h1>"));
    s = Sparrow.launch(SessionOptions.of(Examples.path("network-lab"))
        .allowDomains("request", "api.example.com")
        .allowDomains("uploadFile", "api.example.com")
        .allowDomains("downloadFile", "api.example.com")
        .hostMap("https://api.example.com", "http://127.0.0.1:" + server.httpPort())
        .trust(LoopbackServer.trustingContext()));
    s.awaitIdle();
  }

  @AfterAll
  static void close() {
    release.countDown();
    s.close();
    server.close();
  }

  private static Object page(String call) {
    return s.evaluate("function () { var p = getCurrentPages()[0]; return " + call + " }");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> res(Object seen) {
    return (Map<String, Object>) ((List<Object>) seen).get(1);
  }

  @Test
  void theTaskApisCalledWithANonObjectFailWithAParameterErrorAndReturnUndefined() {
    s.awaitIdle();
    int before = s.console().size();
    for (String api : List.of("request", "uploadFile", "downloadFile", "connectSocket")) {
      for (String arg : List.of("null", "'x'", "3", "")) {
        Object ret = s.evaluate("function () { return String(wx." + api + "(" + arg + ")) }");
        assertThat(ret).as(api + "(" + arg + ")").isEqualTo("undefined");
      }
    }
    s.awaitIdle();
    List<String> shown = s.console().subList(before, s.console().size()).stream()
        .filter(m -> m.level().equals("error")).map(ConsoleMessage::text).toList();
    assertThat(shown).contains("request:fail parameter error: parameter should be Object instead of Null;",
        "uploadFile:fail parameter error: parameter should be Object instead of String;",
        "downloadFile:fail parameter error: parameter should be Object instead of Number;",
        "connectSocket:fail parameter error: parameter should be Object instead of Undefined;");
    Object failed = s.evaluate("function () { return new Promise(function (resolve) { "
        + "wx.request.call(wx, { url: 1, fail: function (e) { resolve([e.errMsg, e.errno]) } }) }) }");
    assertThat(failed).isEqualTo(
        List.of("request:fail parameter error: parameter.url should be String instead of Number;", 1001));
  }

  @Test
  void aJsonResponseIsParsedWithItsBomStrippedAndHeadersKeepTheirCase() {
    Object seen = page("p.request({ url: 'https://api.example.com/user' })");
    assertThat(((List<?>) seen).get(0)).isEqualTo("success");
    Map<String, Object> res = res(seen);
    assertThat(res.get("errMsg")).isEqualTo("request:ok");
    assertThat(res.get("statusCode")).isEqualTo(200);
    assertThat(res.get("data")).isEqualTo(Map.of("name", "麻雀", "age", 3));
    assertThat((Map<String, Object>) res.get("header")).containsEntry("X-Request-Id", "r-1");
    assertThat(res.get("cookies")).isEqualTo(List.of("sid=abc; HttpOnly"));
    assertThat(((List<?>) seen).get(2)).isEqualTo(Map.of("headers", Map.of("header", res.get("header"), "statusCode", 200,
        "cookies", List.of("sid=abc; HttpOnly"))));
  }

  @Test
  void theWireSeesTheFixedRefererThePagesHostAndTheJsonBody() {
    Map<String, Object> res = res(page("p.request({ url: 'https://api.example.com/echo', method: 'POST', data: { a: [1, 2] },"
        + " header: { Referer: 'https://evil.example' } })"));
    assertThat(res.get("data")).isEqualTo(Map.of("a", List.of(1, 2)));
    Map<?, ?> h = (Map<?, ?>) res.get("header");
    assertThat(h.get("X-Seen-Referer")).isEqualTo("https://servicewechat.com/wxnetworklab001/devtools/page-frame.html");
    assertThat(h.get("X-Seen-Host")).isEqualTo("api.example.com");
    assertThat(h.get("X-Seen-Type")).isEqualTo("application/json");
  }

  @Test
  void invalidJsonStaysAStringAndArrayBuffersComeBackAsArrayBuffers() {
    assertThat(res(page("p.request({ url: 'https://api.example.com/echo', method: 'POST', data: 'not json' })")).get("data"))
        .isEqualTo("not json");
    assertThat(s.evaluate("function () { return new Promise(function (r) { wx.request({ url: 'https://api.example.com/echo',"
        + " method: 'POST', data: new Uint8Array([1, 2, 3]).buffer, responseType: 'arraybuffer',"
        + " success: function (res) { r([res.data instanceof ArrayBuffer, res.data.byteLength]) } }) }) }"))
        .isEqualTo(List.of(true, 3));
  }

  @Test
  void requestReturnsATaskNeverAPromise() {
    assertThat(s.evaluate("function () { var t = wx.request({ url: 'https://api.example.com/user' });"
        + " return [t instanceof Promise, typeof t.abort, typeof t.onHeadersReceived, typeof t.offHeadersReceived, typeof t.onChunkReceived] }"))
        .isEqualTo(List.of(false, "function", "function", "function", "function"));
    s.awaitIdle();
  }

  /**
   * On a virtual clock a request's timeout is session time: it elapses through Session.advance, not before, and
   * advance does not wait for a server that never answers. The ten-minute request shows it is not wall time.
   */
  @Test
  void aTimeoutOnTheVirtualClockFailsAfterAdvanceNotBefore() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Session v = Sparrow.launch(SessionOptions.of(Examples.path("network-lab")).virtualClock()
        .allowDomains("request", "api.example.com")
        .hostMap("https://api.example.com", "http://127.0.0.1:" + server.httpPort())
        .trust(LoopbackServer.trustingContext()))) {
      v.awaitIdle();
      v.addBinding("seen", (name, args) -> seen.add(String.valueOf(args.get(0))));
      v.evaluate("function () { for (const [tag, timeout] of [['1s', 1000], ['10min', 600000]]) {"
          + " wx.request({ url: 'https://api.example.com/never?' + tag, timeout: timeout,"
          + " success: () => seen(tag + ' answered'), fail: e => seen(tag + ' ' + e.errMsg) }) } }");
      assertThat(reachedNever.await(20, TimeUnit.SECONDS)).as("the server got both requests").isTrue();
      v.advance(Duration.ofMillis(999)); // advance returns once what the fired timers caused has settled
      assertThat(seen).isEmpty();
      v.advance(Duration.ofMillis(1));
      assertThat(seen).containsExactly("1s request:fail timeout");
      v.advance(Duration.ofMinutes(10));
      assertThat(seen).containsExactly("1s request:fail timeout", "10min request:fail timeout");
    }
  }

  /** SessionOptions.networkRuntime: the handed-in runtime's scheduler times the request (fired here by hand). */
  @Test
  void aHandedInNetworkRuntimeTimesTheDeadlines() throws Exception {
    List<Runnable> deadlines = new CopyOnWriteArrayList<>();
    CountDownLatch armed = new CountDownLatch(1);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Network.Runtime runtime = Network.Runtime.withDeadlines((millis, task) -> {
          deadlines.add(task);
          armed.countDown();
          return () -> deadlines.remove(task);
        }, Clock.system(), "handed-in");
        Session h = Sparrow.launch(SessionOptions.of(Examples.path("network-lab")).networkRuntime(runtime)
            .allowDomains("request", "api.example.com")
            .hostMap("https://api.example.com", "http://127.0.0.1:" + server.httpPort())
            .trust(LoopbackServer.trustingContext()))) {
      h.awaitIdle();
      h.addBinding("seen", (name, args) -> seen.add(String.valueOf(args.get(0))));
      h.evaluate("function () { wx.request({ url: 'https://api.example.com/hold?handed', timeout: 600000,"
          + " success: () => seen('answered'), fail: e => seen(e.errMsg) }) }");
      assertThat(armed.await(20, TimeUnit.SECONDS)).as("the request armed its deadline").isTrue();
      deadlines.get(0).run();
      h.awaitIdle();
      assertThat(seen).containsExactly("request:fail timeout");
    }
  }

  @Test
  void failuresCarryWeChatsErrMsgAndErrno() {
    assertThat(res(page("p.request({ url: 'https://not-listed.example.com/x' })")))
        .isEqualTo(Map.of("errMsg", "request:fail url not in domain list", "errno", 600002));
    assertThat(res(page("p.request({ url: 'http://api.example.com/user' })")).get("errMsg")).isEqualTo("request:fail url not in domain list");
    assertThat(res(page("p.request({})")).get("errMsg"))
        .isEqualTo("request:fail parameter error: parameter.url should be String instead of Undefined;");
    assertThat(res(page("p.request({ url: 'https://api.example.com/hold', timeout: 200 })")).get("errMsg")).isEqualTo("request:fail timeout");
  }

  @Test
  void abortFailsTheRequestWithAbort() {
    Object seen = s.evaluate("function () { var p = getCurrentPages()[0]; var r = p.request({ url: 'https://api.example.com/hold' });"
        + " p.lastTask.abort(); return r }");
    assertThat(res(seen).get("errMsg")).isEqualTo("request:fail abort");
  }

  @Test
  void uploadSendsMultipartAndReportsProgressAndAStringBody() throws Exception {
    Files.writeString(s.network().files().userDir().resolve("note.txt"), "hello upload");
    Object r = s.evaluate("function () { return new Promise(function (resolve) { var progress = [];"
        + " var t = wx.uploadFile({ url: 'https://api.example.com/json-echo', filePath: wx.env.USER_DATA_PATH + '/note.txt', name: 'f',"
        + " formData: { k: 'v' }, success: function (res) { resolve([res.errMsg, res.statusCode, typeof res.data, res.data, progress.pop()]) },"
        + " fail: function (e) { resolve([e.errMsg]) } });"
        + " t.onProgressUpdate(function (p) { progress.push(p) }) }) }");
    List<?> out = (List<?>) r;
    assertThat(out.subList(0, 4)).isEqualTo(List.of("uploadFile:ok", 201, "string", "{\"ok\":true}"));
    assertThat((Map<String, Object>) out.get(4)).containsEntry("progress", 100).containsKeys("totalBytesSent", "totalBytesExpectedToSend");
    assertThat(s.evaluate("function () { return new Promise(function (r) { wx.uploadFile({ url: 'https://api.example.com/echo',"
        + " filePath: 'wxfile://tmp_missing.txt', name: 'f', fail: function (e) { r(e.errMsg) } }) }) }"))
        .isEqualTo("uploadFile:fail no such file or directory wxfile://tmp_missing.txt");
  }

  @Test
  void downloadSavesAnyResponseToATempFileWithProgress() {
    Object r = s.evaluate("function () { return new Promise(function (resolve) { var last;"
        + " var t = wx.downloadFile({ url: 'https://api.example.com/file.txt', success: function (res) { resolve([res.errMsg, res.statusCode,"
        + " res.tempFilePath, last]) } });"
        + " t.onProgressUpdate(function (p) { last = p }) }) }");
    List<?> out = (List<?>) r;
    assertThat(out.get(0)).isEqualTo("downloadFile:ok");
    assertThat((String) out.get(2)).startsWith("wxfile://tmp_").endsWith(".txt");
    assertThat(out.get(3)).isEqualTo(Map.of("progress", 100, "totalBytesWritten", 100000, "totalBytesExpectedToWrite", 100000));
    List<?> gone = (List<?>) s.evaluate("function () { return new Promise(function (resolve) { wx.downloadFile({"
        + " url: 'https://api.example.com/gone.png', success: function (res) { resolve([res.statusCode, res.tempFilePath]) } }) }) }");
    assertThat(gone.get(0)).isEqualTo(404);
    assertThat((String) gone.get(1)).endsWith(".png");
  }

  @Test
  void manyConcurrentRequestsAllFinishInQueueMode() {
    Object r = s.evaluate("function () { var all = []; for (var i = 0; i < 25; i++) {"
        + " all.push(new Promise(function (resolve) { wx.request({ url: 'https://api.example.com/user', complete: function (res) { resolve(res.statusCode) } }) })) }"
        + " return Promise.all(all).then(function (codes) { return codes.filter(function (c) { return c === 200 }).length }) }");
    assertThat(r).isEqualTo(25);
  }

  @Test
  void theSessionKeepsATrafficLogWithThePagesUrls() {
    page("p.request({ url: 'https://api.example.com/user?from=log' })");
    TrafficEntry e = s.traffic().stream().filter(t -> t.url().endsWith("?from=log")).findFirst().orElseThrow();
    assertThat(e.url()).isEqualTo("https://api.example.com/user?from=log");
    assertThat(e.mappedTo()).isEqualTo("127.0.0.1:" + server.httpPort());
    assertThat(e.status()).isEqualTo(200);
  }
}
