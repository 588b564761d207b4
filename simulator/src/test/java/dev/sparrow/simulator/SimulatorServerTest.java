package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparrow.runtime.SessionOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's server on a real port with a real session of examples/sim-lab: who may connect
 * (Host, Origin), what files it serves (only the sandbox and the package), and the protocol a tab
 * sees (hello, the first page, patches after a tap).
 */
class SimulatorServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Simulator sim;
  @TempDir static Path data;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulator.start(SessionOptions.of(Path.of("../examples/sim-lab")).dataDir(data).verifyDomains(false), Simulator.Config.DEFAULT);
    sim.session().awaitIdle();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  // ---- who may talk to it ------------------------------------------------------------------------

  @Test
  void servesTheClientOnLoopbackOnly() throws Exception {
    assertThat(sim.url()).startsWith("http://127.0.0.1:");
    assertThat(get("/", "127.0.0.1:" + sim.port()).status).isEqualTo(200);
    assertThat(get("/", "localhost:" + sim.port()).status).isEqualTo(200);
    assertThat(get("/", "evil.example:" + sim.port()).status).isEqualTo(403); // DNS rebinding
    assertThat(get("/files?path=" + enc("/app.json"), "evil.example:" + sim.port()).status).isEqualTo(403);
  }

  @Test
  void theWebSocketRefusesOtherOrigins() throws Exception {
    assertThat(upgrade("http://evil.example")).startsWith("HTTP/1.1 403");
    assertThat(upgrade("http://127.0.0.1:" + (sim.port() + 1))).startsWith("HTTP/1.1 403");
    assertThat(upgrade(null)).startsWith("HTTP/1.1 403");
    assertThat(upgrade("http://127.0.0.1:" + sim.port())).startsWith("HTTP/1.1 101");
  }

  @Test
  void uploadsNeedTheSimulatorsOrigin() throws Exception {
    String body = "not really a photo";
    assertThat(post("/upload?name=a.jpg", "http://evil.example", body).status).isEqualTo(403);
    assertThat(post("/upload?name=a.jpg", null, body).status).isEqualTo(403);
    Response ok = post("/upload?name=a.jpg", "http://127.0.0.1:" + sim.port(), body);
    assertThat(ok.status).isEqualTo(200);
    assertThat(ok.text()).matches("\\{\"upload\":\"u\\d+\"}");
  }

  // ---- what it serves ------------------------------------------------------------------------------

  @Test
  void servesPackageAndSandboxFiles() throws Exception {
    Response png = get("/files?path=" + enc("/images/sunset.png"), host());
    assertThat(png.status).isEqualTo(200);
    assertThat(png.header("content-type")).isEqualTo("image/png");
    assertThat(png.body).isEqualTo(Files.readAllBytes(Path.of("../examples/sim-lab/images/sunset.png")));
    Files.writeString(sim.session().files().userDir().resolve("note.txt"), "hello");
    Response note = get("/files?path=" + enc("wxfile://usr/note.txt"), host());
    assertThat(note.text()).isEqualTo("hello");
  }

  @Test
  void servesCloudStorageFilesByTheirFileId() throws Exception {
    Files.writeString(sim.session().files().userDir().resolve("cloud.txt"), "in the cloud");
    Object fileId = sim.session().evaluate("function () { return wx.cloud.uploadFile({ cloudPath: 'sim/cloud.txt',"
        + " filePath: wx.env.USER_DATA_PATH + '/cloud.txt' }).then(r => r.fileID) }");
    assertThat(fileId.toString()).startsWith("cloud://").endsWith("/sim/cloud.txt");
    assertThat(get("/files?path=" + enc(fileId.toString()), host()).text()).isEqualTo("in the cloud");
    assertThat(get("/files?path=" + enc(fileId + ".nope"), host()).status).isEqualTo(404);
  }

  @Test
  void servesTheFilesOfAnExtendedLibrary(@TempDir Path weuiData) throws Exception {
    SessionOptions options = SessionOptions.of(Path.of("../examples/extended-lib")).dataDir(weuiData);
    try (Simulator weui = Simulator.start(options, Simulator.Config.DEFAULT)) {
      String icon = "/miniprogram_npm/weui-miniprogram/_assets/loading-icon.1d274d77.svg";
      HttpRequest request = HttpRequest.newBuilder(URI.create(weui.url() + "files?path=" + enc(icon))).build();
      HttpResponse<byte[]> got = HttpClient.newHttpClient().send(request, BodyHandlers.ofByteArray());
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(Files.readAllBytes(weui.session().project().files().file(icon).orElseThrow()));
    }
  }

  @Test
  void rangesLetAudioSeek() throws Exception {
    Response part = request("GET /files?path=" + enc("/tone.wav") + " HTTP/1.1\r\nHost: " + host() + "\r\nRange: bytes=44-99\r\nConnection: close\r\n\r\n");
    assertThat(part.status).isEqualTo(206);
    assertThat(part.header("content-range")).isEqualTo("bytes 44-99/" + Files.size(Path.of("../examples/sim-lab/tone.wav")));
    assertThat(part.body).hasSize(56);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "../todo/app.json", "/../todo/app.json", "../../pom.xml", "/etc/passwd", "file:///etc/passwd",
      "wxfile://usr/../../../../etc/passwd", "wxfile://usr/../store/x", "wxfile://tmp_../../x", "wxfile://store_/../../x",
      "wxfile://usr/%2e%2e/%2e%2e/x", "http://127.0.0.1/etc/passwd", "", "wxfile://"})
  void nothingOutsideTheSandboxAndPackage(String path) throws Exception {
    assertThat(get("/files?path=" + enc(path), host()).status).isEqualTo(404);
  }

  @Test
  void symbolicLinksInTheSandboxDoNotLeadOut() throws Exception {
    Path outside = Files.writeString(data.resolve("secret.txt"), "secret");
    Path link = sim.session().files().userDir().resolve("link.txt");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, outside);
    assertThat(get("/files?path=" + enc("wxfile://usr/link.txt"), host()).status).isEqualTo(404);
  }

  @Test
  void onlyTheClientsOwnResources() throws Exception {
    assertThat(get("/sim/js/main.js", host()).status).isEqualTo(200);
    assertThat(get("/sim/../SimulatorServer.class", host()).status).isEqualTo(404);
    assertThat(get("/sim/nope.js", host()).status).isEqualTo(404);
    assertThat(get("/screen?key=guess", host()).status).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/sim/%2e%2e/%2e%2e/etc/passwd", "/files?path=" + "..%2F..%2Fetc%2Fpasswd", "/nope",
      "/media?url=file:///etc/passwd", "/screen?key=guess"})
  void anErrorAnnouncesTheCloseWithAOneLineReasonSoAKeepAliveClientCanGoOn(String bad) throws Exception {
    try (Socket s = new Socket("127.0.0.1", sim.port())) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      out.write(("GET " + bad + " HTTP/1.1\r\nHost: " + host() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Response first = readOne(in);
      assertThat(first.status()).as(bad).isBetween(400, 499);
      assertThat(first.header("Connection")).as(bad + " announces the close").isEqualToIgnoringCase("close");
      assertThat(first.header("Content-Type")).startsWith("text/plain");
      assertThat(first.text()).as("a one-line reason").doesNotContain("<").endsWith("\n").hasLineCount(1);
      assertThat(in.read()).as("then the server closes").isEqualTo(-1);
    }
    try (Socket s = new Socket("127.0.0.1", sim.port())) { // the client's next request, on a new connection
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("GET /sim/js/main.js HTTP/1.1\r\nHost: " + host() + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(readOne(s.getInputStream()).status()).isEqualTo(200);
    }
  }

  /** One response read by its Content-Length (the connection may stay open). */
  private static Response readOne(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed before a response: " + head);
      }
      head.write(c);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1).trim();
    Response r = new Response(Integer.parseInt(h.substring(9, 12)), h, new byte[0]);
    String length = r.header("Content-Length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Response(r.status(), h, body);
  }

  // ---- the protocol ------------------------------------------------------------------------------

  @Test
  void aFontTheAppLoadedReachesTabsThatConnectLater(@TempDir Path fontData) throws Exception {
    SessionOptions options = SessionOptions.of(Path.of("../examples/device-apis")).dataDir(fontData)
        .launchUrl("pages/device/device");
    try (Simulator fonts = Simulator.start(options, Simulator.Config.DEFAULT)) {
      fonts.session().awaitIdle();
      try (Tab tab = new Tab(fonts.port())) {
        JsonNode font = tab.next("font");
        assertThat(font.path("family").asText()).isEqualTo("Bitter");
        assertThat(font.path("source").asText()).isEqualTo("url(\"https://example.com/bitter.woff\")");
      }
    }
  }

  @Test
  void aTabGetsHelloTheFirstPageAndPatchesAfterATap() throws Exception {
    try (Tab tab = new Tab()) {
      JsonNode hello = tab.next("hello");
      assertThat(hello.path("device").path("screenWidth").asInt()).isEqualTo(375);
      assertThat(hello.path("app").path("tabBar").path("list")).hasSize(2);
      assertThat(hello.path("localPrefixes").get(0).asText()).isEqualTo("wxfile://");
      JsonNode open = tab.next("page.open");
      assertThat(open.path("route").asText()).isEqualTo("pages/index/index");
      assertThat(open.path("css").asText()).contains("wx-navigator").contains("background: #f6f6f6");
      assertThat(open.path("bar").path("title").asText()).isEqualTo("Home");
      JsonNode route = tab.next("route");
      int page = open.path("page").asInt();
      assertThat(route.path("stack").get(0).path("page").asInt()).isEqualTo(page);

      int button = find(open.path("tree"), "id", "title");
      tab.send("{\"t\":\"event\",\"page\":" + page + ",\"node\":" + button + ",\"type\":\"tap\",\"x\":10,\"y\":20}");
      JsonNode bar = tab.next("navbar");
      assertThat(bar.path("bar").path("title").asText()).isEqualTo("Renamed");
    }
  }

  @Test
  void aModalWaitsForTheTabOrTheHost() throws Exception {
    try (Tab tab = new Tab()) {
      JsonNode open = tab.next("page.open");
      int page = open.path("page").asInt();
      tab.send("{\"t\":\"event\",\"page\":" + page + ",\"node\":" + find(open.path("tree"), "id", "modal") + ",\"type\":\"tap\"}");
      JsonNode modal = tab.next("modal");
      assertThat(modal.path("title").asText()).isEqualTo("Delete?");
      assertThat(sim.session().pendingDialog()).isPresent(); // the host sees it too
      tab.send("{\"t\":\"modal.answer\",\"id\":" + modal.path("id").asInt() + ",\"confirm\":true}");
      assertThat(tab.next("modal.close").path("id").asInt()).isEqualTo(modal.path("id").asInt());
      JsonNode patch = tab.next("page.patch");
      assertThat(patch.toString()).contains("confirmed");
    }
  }

  @Test
  void theConsoleReachesTheTab() throws Exception {
    try (Tab tab = new Tab()) {
      tab.next("route");
      sim.session().evaluate("function () { console.warn('from the page', 42) }");
      JsonNode line = tab.next("console");
      assertThat(line.path("level").asText()).isEqualTo("warn");
      assertThat(line.path("text").asText()).contains("from the page");
    }
  }

  @Test
  void networkImagesComeThroughTheSessionsNetworkAndShowInTheNetworkPanel() throws Exception {
    byte[] png = Files.readAllBytes(Path.of("../examples/sim-lab/images/sea.png"));
    com.sun.net.httpserver.HttpServer backend = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/sea.png", x -> {
      x.getResponseHeaders().add("Content-Type", "image/png");
      x.sendResponseHeaders(200, png.length);
      x.getResponseBody().write(png);
      x.close();
    });
    backend.start();
    try (Tab tab = new Tab()) {
      tab.next("route");
      String url = "http://127.0.0.1:" + backend.getAddress().getPort() + "/sea.png";
      Response r = get("/media?url=" + enc(url), host());
      assertThat(r.status).isEqualTo(200);
      assertThat(r.header("content-type")).isEqualTo("image/png");
      assertThat(r.body).isEqualTo(png);
      JsonNode traffic = tab.next("traffic");
      assertThat(traffic.path("entry").path("url").asText()).isEqualTo(url);
      assertThat(traffic.path("entry").path("status").asInt()).isEqualTo(200);
      assertThat(get("/media?url=" + enc("http://127.0.0.1:1/nothing.png"), host()).status).isEqualTo(502);
      assertThat(get("/media?url=" + enc("file:///etc/passwd"), host()).status).isEqualTo(404);
    } finally {
      backend.stop(0);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------

  /** The node id of the first element whose attribute {@code name} is {@code value}. */
  static int find(JsonNode node, String name, String value) {
    if (value.equals(node.path("attr").path(name).asText(null))) {
      return node.path("id").asInt();
    }
    for (JsonNode c : node.path("children")) {
      int found = find(c, name, value);
      if (found > 0) {
        return found;
      }
    }
    return -1;
  }

  /** A browser tab as the JDK's WebSocket client, with the simulator's own Origin. */
  private static final class Tab implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    Tab() {
      this(sim.port());
    }

    Tab(int port) {
      socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + port)
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
              buffer.append(text);
              if (last) {
                try {
                  JsonNode m = JSON.readTree(buffer.toString());
                  if (m.isArray()) {
                    m.forEach(messages::add);
                  } else {
                    messages.add(m);
                  }
                } catch (IOException e) {
                  throw new CompletionException(e);
                }
                buffer.setLength(0);
              }
              ws.request(1);
              return null;
            }
          }).join();
    }

    /** The next message of {@code type}, skipping others. */
    JsonNode next(String type) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
        if (m != null && m.path("t").asText().equals(type)) {
          return m;
        }
      }
      throw new AssertionError("no " + type + " message");
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
  }

  private static String host() {
    return "127.0.0.1:" + sim.port();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private record Response(int status, String head, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private static Response get(String path, String host) throws IOException {
    return request("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  private static Response post(String path, String origin, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return request("POST " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
  }

  private static String upgrade(String origin) throws IOException {
    try (Socket s = new Socket("127.0.0.1", sim.port())) {
      s.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      s.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: " + host() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }

  /** A raw HTTP/1.1 exchange, so that Host and Origin are exactly what the test says. */
  private static Response request(String raw) throws IOException {
    try (Socket s = new Socket("127.0.0.1", sim.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.UTF_8));
      out.flush();
      byte[] all = s.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      int status = Integer.parseInt(head.substring(9, 12));
      byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
      if ("chunked".equalsIgnoreCase(new Response(status, head, body).header("transfer-encoding"))) {
        body = dechunk(body);
      }
      return new Response(status, head, body);
    }
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int eol = i;
      while (eol + 1 < body.length && !(body[eol] == '\r' && body[eol + 1] == '\n')) {
        eol++;
      }
      int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.US_ASCII).trim().split(";")[0], 16);
      if (size == 0) {
        break;
      }
      out.write(body, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
