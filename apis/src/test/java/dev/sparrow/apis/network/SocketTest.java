package dev.sparrow.apis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SocketTask on a real WebSocket server: open/message/close, codes, limits, faults, mapping. */
class SocketTest {
  static LoopbackServer server;
  NetworkFixture f;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void fixture() throws Exception {
    f = new NetworkFixture(b -> {});
    server.socketEvents.clear();
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  /** Records events as text. */
  static final class Recorder implements SocketEvents {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void open(Headers header, String protocol) {
      events.add("open " + header.get("X-Upgrade-Seen") + " " + protocol + " " + header.fields().stream().anyMatch(h -> h.name().equals("X-Upgrade-Seen")));
    }

    @Override
    public void message(Object data) {
      events.add(data instanceof byte[] b ? "binary " + b.length : "text " + data);
    }

    @Override
    public void error(String errMsg) {
      events.add("error " + errMsg);
    }

    @Override
    public void close(int code, String reason) {
      events.add("close " + code + " " + reason);
    }

    String next() throws InterruptedException {
      String e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("an event").isNotNull();
      return e;
    }
  }

  private SocketTask connect(String url, Recorder r, List<String> protocols) {
    return f.net.sockets().connect(new SocketTask.Options(url, Map.of("X-Token", "t-1"), protocols, true, null), r);
  }

  @Test
  void sendingBeforeTheHandshakeIsAnsweredFails() throws Exception {
    // the kernel accepts the connection into the backlog; nobody ever answers the upgrade request
    try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      SocketTask s = connect("ws://127.0.0.1:" + mute.getLocalPort() + "/", new Recorder(), List.of());
      assertThatThrownBy(() -> s.send("too early")).hasMessage("WebSocket is not connected");
    }
  }

  @Test
  void echoesTextAndBinaryAndClosesWithCodeAndReason() throws Exception {
    Recorder r = new Recorder();
    SocketTask s = connect(server.ws("/ws/echo"), r, List.of("chat", "v2"));
    assertThat(r.next()).isEqualTo("open t-1 chat true");
    s.send("你好");
    assertThat(r.next()).isEqualTo("text 你好");
    s.send(new byte[300_000]);
    assertThat(r.next()).isEqualTo("binary 300000");
    assertThatThrownBy(() -> s.close(1001, "")).hasMessageContaining("1001 is neither");
    s.close(3000, "done");
    assertThat(r.next()).isEqualTo("close 3000 done");
    assertThat(server.socketEvents).contains("close 3000 done");
    assertThat(f.net.sockets().open()).isZero();
    TrafficEntry e = f.net.traffic().entries().get(0);
    assertThat(e.status()).isEqualTo(101);
    assertThat(e.note()).isEqualTo("close 3000 done");
  }

  @Test
  void aServerClosingWithACodeIsReported() throws Exception {
    Recorder r = new Recorder();
    connect(server.ws("/ws/close?code=4001&reason=bye"), r, List.of());
    assertThat(r.next()).startsWith("open");
    assertThat(r.next()).isEqualTo("close 4001 bye");
  }

  @Test
  void theSixthSocketFailsAndAClosedOneFreesItsPlace() throws Exception {
    Recorder r = new Recorder();
    SocketTask first = null;
    for (int i = 0; i < 5; i++) {
      SocketTask s = connect(server.wss("/ws/echo"), r, List.of());
      first = first == null ? s : first;
      assertThat(r.next()).startsWith("open");
    }
    assertThatThrownBy(() -> connect(server.ws("/ws/echo"), r, List.of())).hasMessage("exceed max task count");
    first.close(null, null);
    assertThat(r.next()).isEqualTo("close 1000 ");
    connect(server.ws("/ws/echo"), r, List.of());
    assertThat(r.next()).startsWith("open");
    assertThat(f.net.sockets().legacy()).isNotSameAs(first);
  }

  @Test
  void aRefusedConnectionGivesErrorThenClose1006() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Recorder r = new Recorder();
    connect("ws://127.0.0.1:" + port + "/", r, List.of());
    assertThat(r.next()).isEqualTo("error net::ERR_CONNECTION_REFUSED");
    assertThat(r.next()).isEqualTo("close 1006 ");
    Recorder notFound = new Recorder();
    connect(server.ws("/nothing-here"), notFound, List.of());
    assertThat(notFound.next()).isEqualTo("error Error during WebSocket handshake: Unexpected response code: 404");
    assertThat(notFound.next()).isEqualTo("close 1006 ");
  }

  @Test
  void aServerThatNeverAnswersTheCloseFrameIsDroppedAfterTheBoundWith1006() throws Exception {
    ManualScheduler time = new ManualScheduler();
    try (NetworkFixture timed = new NetworkFixture(b -> b.closingHandshake(5_000), time.runtime());
        SilentSocketServer silent = new SilentSocketServer()) {
      Recorder r = new Recorder();
      SocketTask s = timed.net.sockets().connect(new SocketTask.Options(silent.url(), Map.of(), List.of(), true, null),
          r);
      assertThat(r.next()).startsWith("open");
      s.close(1000, "bye");
      assertThat(silent.closeFrame.await(10, TimeUnit.SECONDS)).as("the close frame was sent").isTrue();
      time.advance(4_999);
      assertThat(r.events.poll(100, TimeUnit.MILLISECONDS)).as("still closing").isNull();
      assertThat(s.state()).isEqualTo(SocketTask.State.CLOSING);
      time.advance(1);
      assertThat(r.next()).isEqualTo("close 1006 ");
      assertThat(s.state()).isEqualTo(SocketTask.State.CLOSED);
      assertThat(silent.clientGone.await(10, TimeUnit.SECONDS)).as("the TCP connection is closed").isTrue();
      assertThat(timed.net.sockets().open()).isZero();
      assertThat(time.pending()).isZero();
    }
  }

  @Test
  void invalidUtf8InATextFrameFailsTheConnectionWith1007() throws Exception {
    byte[] bad = {(byte) 0x81, 4, 'o', 'k', (byte) 0xC3, 0x28};
    try (SilentSocketServer peer = new SilentSocketServer(bad)) {
      Recorder r = new Recorder();
      SocketTask s = connect(peer.url(), r, List.of());
      assertThat(r.next()).startsWith("open");
      assertThat(r.next()).isEqualTo("error Could not decode a text frame as UTF-8.");
      assertThat(r.next()).isEqualTo("close 1006 ");
      assertThat(peer.closeFrame.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(peer.closeCode).as("the close frame the server got").isEqualTo(1007);
      assertThat(peer.clientGone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(s.state()).isEqualTo(SocketTask.State.CLOSED);
    }
  }

  @Test
  void closingWhileConnectingReportsTheCloseAtOnce() throws Exception {
    Recorder r = new Recorder();
    try (FaultServer silent = new FaultServer((s, out) -> Thread.sleep(200))) {
      SocketTask s = connect(silent.url().replace("http", "ws"), r, List.of());
      s.close(4000, "changed my mind");
      assertThat(r.next()).isEqualTo("close 4000 changed my mind");
      assertThat(r.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aMappedWssOriginReachesTheLocalServer() throws Exception {
    try (NetworkFixture mapped = new NetworkFixture(b -> b.verifyDomains(true).allowDomains(Family.SOCKET, "chat.example.com")
        .hostMap(HostMap.EMPTY.with("wss://chat.example.com", "http://127.0.0.1:" + server.httpPort())))) {
      Recorder r = new Recorder();
      SocketTask s = mapped.net.sockets().connect(new SocketTask.Options("wss://chat.example.com/ws/echo", Map.of(), List.of(), false, null), r);
      assertThat(r.next()).startsWith("open");
      s.send("mapped");
      assertThat(r.next()).isEqualTo("text mapped");
      assertThatThrownBy(() -> mapped.net.sockets().connect(new SocketTask.Options("ws://chat.example.com/ws/echo", Map.of(), List.of(), false,
          null), r)).hasMessage("url not in domain list");
    }
  }
}
