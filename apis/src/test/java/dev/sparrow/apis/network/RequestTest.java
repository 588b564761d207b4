package dev.sparrow.apis.network;

import static dev.sparrow.apis.network.LoopbackServer.body;
import static dev.sparrow.apis.network.LoopbackServer.respond;
import static dev.sparrow.apis.network.NetworkFixture.await;
import static dev.sparrow.apis.network.NetworkFixture.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** wx.request's machinery against a real Jetty on 127.0.0.1: the wire, the rules, the protocols. */
class RequestTest {
  static LoopbackServer server;
  NetworkFixture f;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start()
        .route("/hello", (rq, rs, cb) -> {
          rs.getHeaders().add("Set-Cookie", "a=1; Path=/");
          rs.getHeaders().add("Set-Cookie", "b=2");
          rs.getHeaders().put("X-Mixed-Case", "Yes");
          respond(rs, cb, 200, "application/json", "{\"hello\":\"世界\"}");
        })
        .route("/status", (rq, rs, cb) -> respond(rs, cb, Integer.parseInt(rq.getHttpURI().getQuery().substring(5)), "text/plain", "nope"))
        .route("/echo", (rq, rs, cb) -> respond(rs, cb, 200, "text/plain", body(rq)))
        .route("/bom", (rq, rs, cb) -> respond(rs, cb, 200, "application/json", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'}))
        .route("/html", (rq, rs, cb) -> respond(rs, cb, 200, "text/html", "<p>not json</p>"))
        .route("/to-localhost", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "http://localhost:" + server.httpPort() + "/hello");
          respond(rs, cb, 302, "text/plain", "moved");
        })
        .route("/to-unlisted", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "https://unlisted.example.com/hello");
          respond(rs, cb, 302, "text/plain", "moved");
        })
        .route("/to-plain", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "http://api.example.com/hello");
          respond(rs, cb, 302, "text/plain", "moved");
        })
        .route("/to-listed", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "/hello");
          respond(rs, cb, 307, "text/plain", "moved");
        })
        .route("/loop", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "/loop");
          respond(rs, cb, 301, "text/plain", "again");
        })
        .route("/see-other", (rq, rs, cb) -> {
          rs.getHeaders().put(HttpHeader.LOCATION, "/echo");
          respond(rs, cb, 303, "text/plain", "");
        })
        .route("/cached", (rq, rs, cb) -> {
          rs.getHeaders().put("Cache-Control", "max-age=60");
          respond(rs, cb, 200, "text/plain", "cached body");
        })
        .route("/stream", (rq, rs, cb) -> {
          rs.setStatus(200);
          rs.write(false, ByteBuffer.wrap("part one,".getBytes()), Callback.from(() ->
              rs.write(true, ByteBuffer.wrap("part two".getBytes()), cb), cb::failed));
        })
        .route("/huge-header", (rq, rs, cb) -> {
          rs.getHeaders().put("X-Big", "x".repeat(Integer.parseInt(rq.getHttpURI().getQuery().substring(2))));
          respond(rs, cb, 200, "text/plain", "ok");
        });
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void fixture() throws Exception {
    f = new NetworkFixture(b -> {});
    server.clearRecorded();
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  @Test
  void aGetReturnsStatusHeadersWithTheirCaseCookiesAndJsonText() {
    Request.Result r = f.get(server.http("/hello"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header().toMap()).containsEntry("X-Mixed-Case", "Yes").containsEntry("Set-Cookie", "a=1; Path=/, b=2");
    assertThat(r.cookies()).containsExactly("a=1; Path=/", "b=2");
    assertThat(r.data()).isEqualTo("{\"hello\":\"世界\"}");
    assertThat(r.json()).isTrue();
    assertThat(f.events).containsExactly("headers 200");
  }

  @Test
  void theWireCarriesTheFixedRefererTheDefaultContentTypeAndThePagesHeaderSpelling() {
    await(f.net.request(options(server.http("/echo"), "GET", null, Map.of("X-Trace-Id", "t1", "Referer", "https://evil")), f.recorder));
    LoopbackServer.Recorded seen = server.takeRequest();
    assertThat(seen.header("Referer")).isEqualTo("https://servicewechat.com/wxtest/devtools/page-frame.html");
    assertThat(seen.header("content-type")).isEqualTo("application/json");
    assertThat(seen.headers()).anySatisfy(h -> assertThat(h.getKey()).isEqualTo("X-Trace-Id"));
    assertThat(seen.header("User-Agent")).contains("MicroMessenger");
  }

  @Test
  void anyHttpStatusIsASuccess() {
    for (int status : new int[] {201, 404, 500}) {
      Request.Result r = f.get(server.http("/status?code=" + status));
      assertThat(r.statusCode()).isEqualTo(status);
      assertThat(r.json()).isFalse();
      assertThat(r.data()).isEqualTo("nope");
    }
  }

  @Test
  void bodiesFollowTheSerialisationRules() {
    Request.Result json = await(f.net.request(options(server.http("/echo"), "POST", Map.of("a", 1), Map.of()), f.recorder));
    assertThat(json.data()).isEqualTo("{\"a\":1}");
    Request.Result form = await(f.net.request(options(server.http("/echo"), "put", Map.of("a", "x y"),
        Map.of("Content-Type", "application/x-www-form-urlencoded")), f.recorder));
    assertThat(form.data()).isEqualTo("a=x%20y");
    server.clearRecorded();
    await(f.net.request(options(server.http("/echo?k=v"), "GET", Map.of("q", "1"), Map.of()), f.recorder));
    assertThat(server.takeRequest().target()).isEqualTo("/echo?k=v&q=1");
  }

  @Test
  void oneBomIsStrippedInvalidJsonStaysTextAndArrayBuffersAreBytes() {
    Request.Result bom = f.get(server.http("/bom"));
    assertThat(bom.data()).isEqualTo("[1]");
    assertThat(bom.json()).isTrue();
    Request.Result html = f.get(server.http("/html"));
    assertThat(html.json()).isFalse();
    assertThat(html.data()).isEqualTo("<p>not json</p>");
    Request.Result bytes = await(f.net.request(new Request.Options(server.http("/bom"), null, Map.of(), null, "GET", "json", "arraybuffer",
        false, false, false, "follow"), f.recorder));
    assertThat((byte[]) bytes.data()).hasSize(6);
  }

  @Test
  void tlsWithTheTestCertificateSpeaksHttp11AndH2() {
    assertThat(f.get(server.https("/hello")).statusCode()).isEqualTo(200);
    assertThat(server.takeRequest().protocol()).isEqualTo("HTTP/1.1");
    Request.Result h2 = await(f.net.request(new Request.Options(server.https("/hello"), null, Map.of(), null, "GET", "json", "text",
        true, false, false, "follow"), f.recorder));
    assertThat(h2.statusCode()).isEqualTo(200);
    assertThat(server.takeRequest().protocol()).isEqualTo("HTTP/2.0");
    await(f.net.request(new Request.Options(server.http("/hello"), null, Map.of(), null, "GET", "json", "text", true, false, false, "follow"),
        f.recorder));
    assertThat(server.takeRequest().protocol()).isEqualTo("HTTP/2.0");
  }

  @Test
  void theProfileTellsTheExchangesPhasesInOrder() {
    Map<String, Object> first = f.get(server.https("/hello")).profile();
    assertThat(first).containsEntry("protocol", "http1.1").containsEntry("socketReused", false)
        .containsEntry("peerIP", "127.0.0.1").containsEntry("port", java.net.URI.create(server.https("/")).getPort())
        .containsEntry("receivedBytedCount", 18L); // {"hello":"世界"} in UTF-8
    long[] phases = longs(first, "fetchStart", "queueStart", "queueEnd", "domainLookUpStart", "domainLookUpEnd", "connectStart",
        "SSLconnectionStart", "SSLconnectionEnd", "connectEnd", "requestStart", "requestEnd", "responseStart", "responseEnd");
    assertThat(phases[0]).isPositive();
    for (int i = 1; i < phases.length; i++) {
      assertThat(phases[i]).as("phase %d", i).isGreaterThanOrEqualTo(phases[i - 1]);
    }
    assertThat((long) first.get("sendBytesCount")).isGreaterThan(100); // the request head
    Map<String, Object> second = f.get(server.https("/hello")).profile();
    assertThat(second).containsEntry("socketReused", true).containsEntry("SSLconnectionStart", 0L).containsEntry("rtt", 0L);
    Map<String, Object> h2 = await(f.net.request(new Request.Options(server.https("/hello"), null, Map.of(), null, "GET", "json", "text",
        true, false, false, "follow"), f.recorder)).profile();
    assertThat(h2).containsEntry("protocol", "h2");
  }

  private static long[] longs(Map<String, Object> m, String... keys) {
    long[] out = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = ((Number) m.get(keys[i])).longValue();
    }
    return out;
  }

  @Test
  void anUntrustedCertificateFails() throws Exception {
    try (NetworkFixture plain = new NetworkFixture(b -> b.sslContext(null))) {
      assertThatThrownBy(() -> plain.get(server.https("/hello"))).hasMessage("net::ERR_CERT_AUTHORITY_INVALID");
    }
  }

  @Test
  void redirectsAreFollowedAcrossHostsOrHandedOverWhenManual() {
    Request.Result followed = f.get(server.http("/to-localhost"));
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(server.takeRequest().host()).isEqualTo("127.0.0.1");
    assertThat(server.takeRequest().host()).isEqualTo("localhost");
    Request.Result manual = await(f.net.request(new Request.Options(server.http("/to-localhost"), null, Map.of(), null, "GET", "json", "text",
        false, false, false, "manual"), f.recorder));
    assertThat(manual.statusCode()).isEqualTo(302);
    assertThat(manual.header().get("Location")).endsWith("/hello");
    Request.Result seeOther = await(f.net.request(options(server.http("/see-other"), "POST", "body", Map.of()), f.recorder));
    assertThat(seeOther.data()).isEqualTo("");
  }

  @Test
  void withUrlCheckEveryRedirectHopMustBeInTheDomainList() throws Exception {
    String local = "http://127.0.0.1:" + server.httpPort();
    try (NetworkFixture checked = new NetworkFixture(b -> b.verifyDomains(true)
        .allowDomains(Family.REQUEST, "api.example.com")
        .hostMap(HostMap.EMPTY.with("https://api.example.com", local).with("https://unlisted.example.com", local)))) {
      server.clearRecorded();
      assertThat(checked.get("https://api.example.com/to-listed").statusCode()).isEqualTo(200);
      for (String path : List.of("/to-unlisted", "/to-plain")) {
        server.clearRecorded();
        assertThatThrownBy(() -> checked.get("https://api.example.com" + path)).isInstanceOf(ApiFailure.class)
            .hasMessage("url not in domain list").satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(600002));
        assertThat(server.takeRequest().host()).isEqualTo("api.example.com");
        assertThat(server.recorded()).as("nothing sent to the next hop of " + path).isEmpty();
      }
    }
    assertThat(f.get(server.http("/to-localhost")).statusCode()).as("urlCheck off: followed").isEqualTo(200);
  }

  @Test
  void sparrowsOwnPortsAreRefusedWhateverTheDomainListSays() throws Exception {
    ControlPorts control = new ControlPorts();
    control.add(server.httpPort());
    String local = "http://127.0.0.1:" + server.httpPort();
    try (NetworkFixture guarded = new NetworkFixture(b -> b.controlPorts(control).verifyDomains(true)
        .allowDomains(Family.REQUEST, "api.example.com").allowDomains(Family.SOCKET, "api.example.com")
        .hostMap(HostMap.EMPTY.with("https://api.example.com", local).with("wss://api.example.com", local)))) {
      server.clearRecorded();
      assertThatThrownBy(() -> guarded.get("https://api.example.com/hello")).as("a listed host mapped onto it")
          .hasMessage("net::ERR_UNSAFE_PORT");
      SocketTest.Recorder r = new SocketTest.Recorder();
      guarded.net.sockets().connect(new SocketTask.Options("wss://api.example.com/ws/echo", Map.of(), List.of(), true,
          null), r);
      assertThat(r.next()).isEqualTo("error net::ERR_UNSAFE_PORT");
      assertThat(r.next()).isEqualTo("close 1006 ");
      assertThat(server.recorded()).as("nothing reached the control port").isEmpty();
    }
    try (NetworkFixture off = new NetworkFixture(b -> b.controlPorts(control))) {
      for (String url : List.of(server.http("/hello"), "http://localhost:" + server.httpPort() + "/hello")) {
        assertThatThrownBy(() -> off.get(url)).as("urlCheck off: " + url).hasMessage("net::ERR_UNSAFE_PORT");
      }
      assertThat(server.recorded()).isEmpty();
    }
    assertThat(f.get(server.http("/hello")).statusCode()).as("another session's ports are its own").isEqualTo(200);
  }

  @Test
  void aRedirectLoopFailsWithTooManyRedirects() {
    assertThatThrownBy(() -> f.get(server.http("/loop"))).isInstanceOf(ApiFailure.class).hasMessage("net::ERR_TOO_MANY_REDIRECTS")
        .satisfies(e -> assertThat(((ApiFailure) e).errno().getAsInt()).isEqualTo(600008));
  }

  @Test
  void enableCacheServesAFreshResponseWithoutTheNetwork() {
    Request.Options cached = new Request.Options(server.http("/cached"), null, Map.of(), null, "GET", "text", "text", false, true, false, "follow");
    assertThat(await(f.net.request(cached, f.recorder)).data()).isEqualTo("cached body");
    assertThat(await(f.net.request(cached, f.recorder)).data()).isEqualTo("cached body");
    server.takeRequest();
    assertThat(f.get(server.http("/hello")).statusCode()).isEqualTo(200);
    assertThat(server.takeRequest().target()).isEqualTo("/hello");
  }

  @Test
  void enableChunkedHandsOverPiecesAndKeepsNothing() {
    Request.Result r = await(f.net.request(new Request.Options(server.http("/stream"), null, Map.of(), null, "GET", "text", "text",
        false, false, true, "follow"), f.recorder));
    assertThat(r.data()).isEqualTo("");
    assertThat(f.events.stream().filter(e -> e.startsWith("chunk")).mapToInt(e -> Integer.parseInt(e.substring(6))).sum()).isEqualTo(17);
  }

  @Test
  void hugeHeadersUpToTheLimitArriveAndBeyondItFailCleanly() {
    assertThat(f.get(server.http("/huge-header?n=100000")).header().get("X-Big")).hasSize(100_000);
    assertThatThrownBy(() -> f.get(server.http("/huge-header?n=300000"))).hasMessage("net::ERR_RESPONSE_HEADERS_TOO_BIG");
  }

  @Test
  void connectionRefused() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> f.get("http://127.0.0.1:" + port + "/")).hasMessage("net::ERR_CONNECTION_REFUSED")
        .satisfies(e -> assertThat(((ApiFailure) e).errno().getAsInt()).isEqualTo(600001));
  }

  @Test
  void faultsInTheResponseEachHaveTheirErrMsgAndCloseTheConnection() throws Exception {
    Map<String, FaultServer.Script> faults = Map.of(
        "net::ERR_CONTENT_LENGTH_MISMATCH", (s, out) -> {
          out.write(FaultServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.."));
          out.flush();
          s.shutdownOutput();
        },
        "net::ERR_CONNECTION_RESET", (s, out) -> {
          out.write(FaultServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"));
          out.write(new byte[5000]);
          out.flush();
          s.setSoLinger(true, 0);
          s.close();
        },
        "net::ERR_INVALID_HTTP_RESPONSE", (s, out) -> {
          out.write(FaultServer.ascii("HTTP/1.1 OK maybe\r\n\r\n"));
          out.flush();
        },
        "net::ERR_EMPTY_RESPONSE", (s, out) -> s.shutdownOutput());
    for (var fault : faults.entrySet()) {
      try (FaultServer fs = new FaultServer(fault.getValue())) {
        assertThatThrownBy(() -> f.get(fs.url())).as(fault.getKey()).hasMessage(fault.getKey());
        assertThat(fs.awaitClientClose()).as("client closed after " + fault.getKey()).isTrue();
      }
    }
    assertThat(f.net.idleConnections()).isZero();
  }

  @Test
  void aServerThatNeverAnswersTimesOutOnTheHandedInClockAndTheSocketIsClosed() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ManualScheduler time = new ManualScheduler();
    try (FaultServer fs = new FaultServer((s, out) -> never.await(20, TimeUnit.SECONDS));
        NetworkFixture timed = new NetworkFixture(b -> {}, time.runtime())) {
      HttpTask<Request.Result> task = timed.net.request(new Request.Options(fs.url(), null, Map.of(), 60_000, "GET",
          "json", "text", false, false, false, "follow"), timed.recorder);
      awaitArmed(time);
      time.advance(59_999);
      assertThat(task.result()).as("not yet due").isNotDone();
      time.advance(1);
      assertThatThrownBy(() -> await(task)).hasMessage("timeout");
      never.countDown();
      assertThat(fs.awaitClientClose()).isTrue();
      assertThat(time.pending()).isZero();
    }
  }

  /** Waits until the task left the queue and armed its deadline (bounded; no sleep). */
  private static void awaitArmed(ManualScheduler time) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (time.pending() == 0) {
      assertThat(System.nanoTime()).as("deadline armed").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void theTimeoutCoversTheWholeBodyNotOnlyTheHeaders() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    try (FaultServer fs = new FaultServer((s, out) -> {
      out.write(FaultServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nstart"));
      out.flush();
      never.await(20, TimeUnit.SECONDS);
    })) {
      assertThatThrownBy(() -> await(f.net.request(new Request.Options(fs.url(), null, Map.of(), 300, "GET", "json", "text", false, false, false,
          "follow"), f.recorder))).hasMessage("timeout");
      never.countDown();
      assertThat(fs.awaitClientClose()).isTrue();
    }
  }

  @Test
  void abortWhileWaitingForHeadersAndWhileReadingTheBody() throws Exception {
    for (boolean midBody : new boolean[] {false, true}) {
      CountDownLatch arrived = new CountDownLatch(1);
      CountDownLatch never = new CountDownLatch(1);
      try (FaultServer fs = new FaultServer((s, out) -> {
        if (midBody) {
          out.write(FaultServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nstart"));
          out.flush();
        }
        arrived.countDown();
        never.await(20, TimeUnit.SECONDS);
      })) {
        HttpTask<Request.Result> task = f.net.request(Request.Options.get(fs.url()), f.recorder);
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        task.abort();
        assertThatThrownBy(() -> await(task)).hasMessage("abort");
        never.countDown();
        assertThat(fs.awaitClientClose()).isTrue();
      }
    }
  }

  /** A route that counts arrivals and answers "done" once {@code release} opens. */
  private static String holdRoute(String path, CountDownLatch arrived, CountDownLatch release) {
    server.route(path, (rq, rs, cb) -> {
      arrived.countDown();
      release.await(20, TimeUnit.SECONDS);
      respond(rs, cb, 200, "text/plain", "done");
    });
    return server.http(path);
  }

  @Test
  void theEleventhTaskWaitsInQueueModeAndLeavesTheQueueOnAbort() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch tenArrived = new CountDownLatch(10);
    String url = holdRoute("/hold", tenArrived, release);
    List<HttpTask<Request.Result>> tasks = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      tasks.add(f.net.request(Request.Options.get(url), f.recorder));
    }
    assertThat(tenArrived.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(f.net.running()).isEqualTo(10);
    assertThat(f.net.waiting()).isEqualTo(1);
    HttpTask<Request.Result> queued = f.net.request(Request.Options.get(url), f.recorder);
    queued.abort();
    assertThatThrownBy(() -> await(queued)).hasMessage("abort");
    release.countDown();
    for (var t : tasks) {
      assertThat(await(t).data()).isEqualTo("done");
    }
    assertThat(f.net.traffic().entries()).hasSize(12).filteredOn(e -> e.error() == null).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    assertThat(f.net.traffic().entries()).filteredOn(e -> e.queuedMillis() > 0 && e.error() == null).isNotEmpty();
  }

  @Test
  void theEleventhTaskFailsInLegacyFailMode() throws Exception {
    try (NetworkFixture legacy = new NetworkFixture(b -> b.overLimit(NetworkPolicy.OverLimit.FAIL))) {
      CountDownLatch release = new CountDownLatch(1);
      String url = holdRoute("/hold2", new CountDownLatch(10), release);
      List<HttpTask<Request.Result>> ten = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ten.add(legacy.net.request(Request.Options.get(url), legacy.recorder));
      }
      assertThatThrownBy(() -> legacy.net.request(Request.Options.get(url), legacy.recorder))
          .hasMessage("exceed max task count").satisfies(e -> assertThat(((ApiFailure) e).errno().getAsInt()).isEqualTo(600007));
      release.countDown();
      ten.forEach(NetworkFixture::await);
    }
  }

  @Test
  void theTrafficLogRecordsMethodUrlStatusSizesAndErrors() {
    f.get(server.http("/hello"));
    assertThatThrownBy(() -> f.get(server.http("/loop"))).isInstanceOf(ApiFailure.class);
    List<TrafficEntry> log = f.net.traffic().entries();
    assertThat(log.get(0)).satisfies(e -> {
      assertThat(e.api()).isEqualTo("request");
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.url()).isEqualTo(server.http("/hello"));
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.responseBytes()).isEqualTo("{\"hello\":\"世界\"}".getBytes(StandardCharsets.UTF_8).length);
      assertThat(e.error()).isNull();
      assertThat(e.protocol()).isEqualTo("http1.1");
    });
    assertThat(log.get(1).error()).isEqualTo("net::ERR_TOO_MANY_REDIRECTS");
  }

  @Test
  void closingTheNetworkAndItsRuntimeEndsItsThreads() throws Exception {
    f.get(server.http("/hello"));
    f.net.close();
    f.runtime.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("test-net"))) {
      assertThat(System.nanoTime()).as("network threads still alive").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
