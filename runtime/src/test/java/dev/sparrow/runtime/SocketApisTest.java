package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.apis.network.SilentSocketServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** connectSocket, SocketTask and the legacy socket globals from page JS, on a real WebSocket server. */
class SocketApisTest {
  static LoopbackServer server;
  static Session s;

  @BeforeAll
  static void launch() {
    server = LoopbackServer.start();
    s = Sparrow.launch(SessionOptions.of(Examples.path("network-lab"))
        .allowDomains("socket", "chat.example.com")
        .hostMap("wss://chat.example.com", "http://127.0.0.1:" + server.httpPort()));
    s.awaitIdle();
  }

  @AfterAll
  static void close() {
    s.close();
    server.close();
  }

  private static Object js(String body) {
    return s.evaluate("function () { return new Promise(function (done) { " + body + " }) }");
  }

  @Test
  void aSocketTaskOpensEchoesAndClosesWithCodeAndReason() {
    Object r = js("var seen = []; var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/echo', header: { 'X-Token': 'tk' },"
        + " protocols: ['chat'], success: function (res) { seen.push(res.errMsg) } });"
        + " t.onOpen(function (res) { var p = res.profile; seen.push('open ' + res.header['X-Upgrade-Seen'] + ' ' + p.protocol + ' '"
        + "     + (p.fetchStart > 0 && p.connectStart >= p.fetchStart && p.SSLconnectionEnd >= p.SSLconnectionStart"
        + "        && p.responseStart >= p.requestStart && p.requestStart >= p.connectEnd));"
        + "   t.send({ data: 'hi', success: function (r) { seen.push(r.errMsg) } }); });"
        + " t.onMessage(function (m) { seen.push('message ' + m.data); t.close({ code: 3001, reason: 'bye', success: function (r) { seen.push(r.errMsg) } }) });"
        + " t.onClose(function (res) { seen.push('close ' + res.code + ' ' + res.reason); done(seen) });");
    assertThat(r).isEqualTo(List.of("connectSocket:ok", "open tk http1.1 true", "sendSocketMessage:ok", "message hi", "closeSocket:ok", "close 3001 bye"));
  }

  @Test
  void closeArgumentsAreValidatedAndSendBeforeOpenFails() {
    Object r = js("var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/echo' }); var out = [];"
        + " t.send({ data: 'early', fail: function (e) { out.push(e.errMsg) } });"
        + " t.onOpen(function () { t.close({ code: 1001, fail: function (e) { out.push(e.errMsg); t.close({}) } }) });"
        + " t.onClose(function (res) { out.push(res.code); done(out) });");
    assertThat(r).isEqualTo(List.of("sendSocketMessage:fail WebSocket is not connected",
        "closeSocket:fail The code must be either 1000, or between 3000 and 4999. 1001 is neither.", 1000));
  }

  @Test
  void aPeerThatNeverAnswersTheCloseCannotKeepTheSessionBusy() throws Exception {
    try (SilentSocketServer silent = new SilentSocketServer();
        Session quiet = Sparrow.launch(SessionOptions.of(Examples.path("network-lab")).verifyDomains(false)
            .network(b -> b.closingHandshake(300)))) {
      quiet.awaitIdle();
      quiet.evaluate("function () { var t = globalThis.__t = wx.connectSocket({ url: '" + silent.url() + "' });"
          + " globalThis.__seen = []; t.onOpen(function () { t.close({ code: 1000 }) });"
          + " t.onClose(function (res) { globalThis.__seen.push(res.code) }) }");
      quiet.awaitIdle(); // the bound ends the closing handshake: idle, not "still busy"
      assertThat(quiet.evaluate("function () { return globalThis.__seen }")).isEqualTo(List.of(1006));
      assertThat(silent.clientGone.await(10, TimeUnit.SECONDS)).as("TCP closed").isTrue();
    }
  }

  @Test
  void aServerCloseWithACodeReachesOnClose() {
    assertThat(js("var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/close?code=4002&reason=kicked' });"
        + " t.onClose(function (res) { done([res.code, res.reason]) });")).isEqualTo(List.of(4002, "kicked"));
  }

  @Test
  void aFailedConnectionGivesOnErrorThenOnClose1006() {
    assertThat(js("var out = []; var t = wx.connectSocket({ url: 'wss://chat.example.com/no-socket-here' });"
        + " t.onError(function (e) { out.push(e.errMsg) }); t.onClose(function (res) { out.push(res.code); done(out) });"))
        .isEqualTo(List.of("Error during WebSocket handshake: Unexpected response code: 404", 1006));
  }

  @Test
  void urlsOutsideTheWhitelistFailAtOnce() {
    assertThat(js("wx.connectSocket({ url: 'wss://other.example.com/ws', fail: function (e) { done([e.errMsg, e.errno]) } })"))
        .isEqualTo(List.of("connectSocket:fail url not in domain list", 600002));
  }

  @Test
  void aListenerRegisteredAfterOpenStillLearnsItIsOpen() {
    Object r = js("var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/echo' });"
        + " t.onOpen(function () { setTimeout(function () { t.onOpen(function (res) { t.close({}); done(['late open', typeof res.header]) }) }, 0) });");
    assertThat(r).isEqualTo(List.of("late open", "object"));
    s.awaitIdle();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theLegacyGlobalsActOnTheLatestSocketAndOnSocketMessageReplaces() {
    Object r = js("var out = []; wx.onSocketMessage(function (m) { out.push('first ' + m.data) });"
        + " wx.onSocketMessage(function (m) { out.push('second ' + m.data); wx.closeSocket({ code: 3003 }) });"
        + " wx.sendSocketMessage({ data: 'x', fail: function (e) { out.push(e.errMsg) } });"
        + " wx.connectSocket({ url: 'wss://chat.example.com/ws/echo' });"
        + " wx.onSocketClose(function (res) { out.push('closed ' + res.code); wx.onSocketOpen(); wx.onSocketMessage(); wx.onSocketClose(); done(out) });"
        + " wx.onSocketOpen(function () { wx.sendSocketMessage({ data: 'legacy', success: function (r) { out.push(r.errMsg) } }) });");
    // the send's success and the echo may arrive in either order
    assertThat((List<Object>) r).containsExactlyInAnyOrder("sendSocketMessage:fail WebSocket is not connected", "sendSocketMessage:ok",
        "second legacy", "closed 3003");
    assertThat(((List<?>) r).get(0)).isEqualTo("sendSocketMessage:fail WebSocket is not connected");
    assertThat(((List<?>) r).get(3)).isEqualTo("closed 3003");
  }

  @Test
  void onlyFiveSocketsAtOnce() {
    Object r = js("var tasks = [], opened = 0;"
        + " for (var i = 0; i < 5; i++) { var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/echo' }); tasks.push(t);"
        + "   t.onOpen(function () { if (++opened === 5) {"
        + "     wx.connectSocket({ url: 'wss://chat.example.com/ws/echo', fail: function (e) {"
        + "       var closed = 0; tasks.forEach(function (x) { x.onClose(function () { if (++closed === 5) done(e.errMsg) }); x.close({}) }) } }) } }) }");
    assertThat(r).isEqualTo("connectSocket:fail exceed max task count");
  }

  @Test
  void socketsAppearInTheTrafficLog() {
    js("var t = wx.connectSocket({ url: 'wss://chat.example.com/ws/echo?log=1' }); t.onOpen(function () { t.close({}) });"
        + " t.onClose(function () { done(1) });");
    assertThat(s.traffic()).anySatisfy(e -> {
      assertThat(e.url()).isEqualTo("wss://chat.example.com/ws/echo?log=1");
      assertThat(e.status()).isEqualTo(101);
      assertThat(e.note()).isEqualTo("close 1000");
    });
  }

}
