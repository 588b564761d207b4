package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.ScratchDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sparrow command: exit codes and what it prints. */
class CliTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  static String example(String name) {
    return Examples.path(name).toString();
  }

  @Test
  void checkPassesOnACleanProject() {
    Result r = run("check", example("quickstart"));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("wxsparrowquick01: app and 2 pages load without errors");
    assertThat(r.code()).isZero();
  }

  @Test
  void layoutIsBrowserOrNone() {
    Result r = run("--layout", "flexbox", "check", example("quickstart"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("layout must be browser or none, not flexbox");
    assertThat(run("check", example("quickstart"), "--layout", "none").code()).isZero();
  }

  @Test
  void checkListsEachProblemAsFileLineMessageAndFails() {
    Result r = run("check", example("broken/syntax-error"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pages/index/index.js:4:22: SyntaxError: Expected ) but found {");
    assertThat(r.err().lines().filter(l -> l.startsWith("pages/index/index.js:4")).count()).isEqualTo(1);
  }

  @Test
  void checkLeavesOutWhatPackOptionsIgnoreLeavesOutOfThePackage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("app.json"), "{\"pages\":[\"pages/index/index\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    Files.createDirectories(dir.resolve("pages/index"));
    Files.writeString(dir.resolve("pages/index/index.js"), "Page({})");
    Files.writeString(dir.resolve("pages/index/index.wxml"), "<view>hi</view>");
    Files.createDirectories(dir.resolve("tools"));
    Files.writeString(dir.resolve("tools/release.js"), "#!/usr/bin/env node\nrequire('fs')\n");
    Files.writeString(dir.resolve("project.config.json"), "{\"appid\":\"wxclipack000001\"}");
    assertThat(run("check", dir.toString()).err()).as("a Node script in the package").contains("tools/release.js:1");
    Files.writeString(dir.resolve("project.config.json"),
        "{\"appid\":\"wxclipack000001\",\"packOptions\":{\"ignore\":[{\"type\":\"folder\",\"value\":\"tools\"}]}}");
    Result r = run("check", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void checkBlamesEndlessTimersOnThePageThatStartedThemNotOnTheNextOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("project.config.json"), "{\"appid\":\"wxclitimer00001\"}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\":[\"pages/a/a\",\"pages/b/b\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    for (String page : List.of("a", "b")) {
      Files.createDirectories(dir.resolve("pages/" + page));
      Files.writeString(dir.resolve("pages/" + page + "/" + page + ".wxml"), "<view>" + page + "</view>");
    }
    // page a's timer outlives it and then never lets the loop rest; it comes due while page b's own (finite) work
    // runs, so b is open when the wait runs out
    Files.writeString(dir.resolve("pages/a/a.js"),
        "Page({ onLoad() { setTimeout(function later() {"
            + " setTimeout(function spin() { setTimeout(spin, 0) }, 0) }, 200) } })");
    Files.writeString(dir.resolve("pages/b/b.js"), "Page({ onLoad() { const end = Date.now() + 500;"
        + " (function poll() { if (Date.now() < end) setTimeout(poll, 0) })() } })");
    Result r = run("check", dir.toString(), "--settle-timeout", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pages/a/a: did not settle within 1 s (a timer it set keeps firing")
        .doesNotContain("pages/b/b: did not settle").doesNotContain("Exception");
  }

  @Test
  void checkRunsTheShortTimersAPageSetsAsItOpensBeforeTheNextPage(@TempDir Path dir) throws Exception {
    // a mock's setTimeout(…, 300) on the last page: its error used to be lost when check finished first
    Files.writeString(dir.resolve("project.config.json"), "{\"appid\":\"wxclitimer00002\"}");
    Files.writeString(dir.resolve("app.json"), "{\"pages\":[\"pages/a/a\",\"pages/b/b\"]}");
    Files.writeString(dir.resolve("app.js"), "App({})");
    for (String page : List.of("a", "b")) {
      Files.createDirectories(dir.resolve("pages/" + page));
      Files.writeString(dir.resolve("pages/" + page + "/" + page + ".wxml"), "<view>" + page + "</view>");
      Files.writeString(dir.resolve("pages/" + page + "/" + page + ".js"), "Page({ onLoad() { setTimeout(() => {"
          + " getCurrentPages().pop().data.missing.length }, 300) } })");
    }
    Result r = run("check", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("pages/a/a.js:1").contains("pages/b/b.js:1");
  }

  @Test
  void checkReportsProjectProblemsWithoutAStackTrace() {
    Result r = run("check", example("broken/missing-page"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("app.json:4: page \"pages/gone/gone\" is listed but pages/gone/gone.js is missing");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void checkOpensEveryPageItCanAndReportsEveryBrokenPageAndComponent() {
    Result r = run("check", example("broken/partly-broken"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(
        "app.json:4: page \"pages/nofiles/nofiles\" is listed but pages/nofiles/nofiles.js is missing",
        "pages/index/index.json:4: Component is not found in path \"components/good-crad/good-card\" (using by \"pages/index/index\")",
        "components/bad-card/bad-card.js:1:1: ReferenceError: undefinedHelper is not defined",
        "pages/throws/throws.js:1:16: Error: module \"config/missing\" is not defined");
    assertThat(r.err()).doesNotContain("did not settle").doesNotContain("Exception");
  }

  @Test
  void runLaunchesAnAppWhoseComponentPathsAreBrokenAndPrintsTheProblems(@TempDir Path data) {
    Result r = run("run", example("broken/missing-component"), "--headless", "--exit-when-idle", "--data-dir", data.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out() + r.err()).contains("app.json:4: Component is not found in path \"components/gone/gone\" (using by \"app.json\")")
        .contains("running wxbroken1 at pages/index/index");
  }

  @Test
  void checkReportsStyleProblemsWithTheirLine() {
    Result r = run("check", example("broken/bad-wxss"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pages/index/index.wxss:4: WXSS: block is not closed");
  }

  @Test
  void checkReportsRuntimeErrorsOfEveryPage() {
    Result r = run("check", example("broken/throws-on-load"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pages/index/index.js:3:10: TypeError");
  }

  @Test
  void runStreamsConsoleAndExitsWhenIdle(@TempDir Path data) {
    Result r = run("run", example("quickstart"), "--headless", "--exit-when-idle", "--data-dir", data.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("launched at pages/index/index scene 1001");
    assertThat(data.resolve("wxsparrowquick01/storage")).isDirectory();
  }

  /** A writer that opens a latch once its text contains a marker (the server announcing itself). */
  static final class Announcing extends StringWriter {
    final java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
    private final String marker;

    Announcing(String marker) {
      this.marker = marker;
    }

    @Override
    public void write(String str, int off, int len) {
      super.write(str, off, len);
      if (toString().contains(marker)) {
        seen.countDown();
      }
    }
  }

  @Test
  void autoAcceptsLauncherArgumentsOnEitherSideAndServesUntilToolClose() throws Exception {
    List<Path> before = ScratchDir.held(ScratchDir.systemTemp());
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Announcing err = new Announcing("automation: ws://127.0.0.1:" + port);
    // Its own thread, not the common pool: with two CPUs the pool has one worker, which the
    // command (serving until Tool.close) would hold while the client's handshake waits for it.
    java.util.concurrent.FutureTask<Integer> done = new java.util.concurrent.FutureTask<>(() ->
        Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "--data-dir", "temp", "auto", "--project", example("quickstart"), "--auto-port", String.valueOf(port),
            "--auto-account", "someone", "--trust-project", "--device", "iPhone X"));
    Thread command = new Thread(done, "sparrow-auto");
    command.setDaemon(true);
    command.start();
    assertThat(err.seen.await(60, TimeUnit.SECONDS)).as("announced: %s", err).isTrue();
    BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            replies.add(data.toString());
            w.request(1);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
    ws.sendText("{\"id\":1,\"method\":\"App.callWxMethod\",\"params\":{\"method\":\"getSystemInfoSync\",\"args\":[]}}", true)
        .get(30, TimeUnit.SECONDS);
    assertThat(replies.poll(30, TimeUnit.SECONDS)).contains("\"model\":\"iPhone X\"");
    ws.sendText("{\"id\":2,\"method\":\"Tool.close\",\"params\":{}}", true).get(30, TimeUnit.SECONDS);
    assertThat(replies.poll(30, TimeUnit.SECONDS)).isEqualTo("{\"id\":2,\"result\":{}}");
    assertThat(done.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(ScratchDir.held(ScratchDir.systemTemp())).isEqualTo(before); // Tool.close left no throw-away folder
  }

  @Test
  void versionNamesTheBaseLibraryTheJdkAndTheJsEngine() {
    assertThat(run("--version").out().lines().toList()).satisfiesExactly(
        l -> assertThat(l).matches("sparrow \\S+"),
        l -> assertThat(l).isEqualTo("base library " + dev.sparrow.apis.system.DeviceProfile.DEFAULT_SDK_VERSION + " (emulated)"),
        l -> assertThat(l).startsWith("JDK " + Runtime.version()),
        l -> assertThat(l).matches("JS engine GraalJS \\d+\\.\\d+\\.\\d+ \\(ECMAScript \\d{4}\\)"));
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Result help = run("--help");
    assertThat(help.out()).contains("run", "check", "Exit codes:", "130   stopped by Ctrl-C (SIGINT)", "143   stopped by SIGTERM");
    assertThat(run("check", "--help").out()).contains("file:line: message", "Exit codes:");
    assertThat(run("auto", "--help").out()).contains("2     Sparrow could not start");
  }

  @Test
  void runAndAutoTakeTheProjectAsArgumentOrOption() throws Exception {
    List<Path> before = ScratchDir.held(ScratchDir.systemTemp());
    assertThat(run("run", "--project", example("quickstart"), "--exit-when-idle", "--data-dir", "temp").err())
        .contains("running wxsparrowquick01 at pages/index/index");
    Result twice = run("auto", example("quickstart"), "--project", example("todo"));
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("two projects given");
    Result none = run("run", "--headless");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("which project? sparrow run PROJECT (or --project DIR)");
    assertThat(ScratchDir.held(ScratchDir.systemTemp())).isEqualTo(before);
  }

  @Test
  void aPortInUseSaysHowToPickAnotherAndLeavesNothing() throws Exception {
    List<Path> before = ScratchDir.held(ScratchDir.systemTemp());
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      Result simulator = run("run", example("quickstart"), "--no-open", "--port", port, "--data-dir", "temp");
      assertThat(simulator.code()).isEqualTo(2);
      assertThat(simulator.err()).isEqualTo("sparrow: cannot start the simulator on 127.0.0.1:" + port
          + ": the port is in use; choose another with --port PORT, or --port 0 for a free one (it is printed)" + System.lineSeparator());
      Result auto = run("auto", "--project", example("quickstart"), "--auto-port", port, "--data-dir", "temp");
      assertThat(auto.code()).isEqualTo(2);
      assertThat(auto.err()).contains("choose another with --auto-port PORT, or --auto-port 0 for a free one");
    }
    assertThat(ScratchDir.held(ScratchDir.systemTemp())).isEqualTo(before);
  }

  @Test
  void runHeadlessPrintsStyleProblemsAsCheckDoes() {
    Result check = run("check", example("broken/bad-wxss"));
    Result headless = run("run", example("broken/bad-wxss"), "--exit-when-idle", "--data-dir", "temp");
    String problem = "pages/index/index.wxss:4: WXSS: block is not closed";
    assertThat(check.err()).contains(problem);
    assertThat(headless.err()).contains(problem);
  }

  @Test
  void anUnknownDeviceIsAClearError() {
    Result r = run("run", example("quickstart"), "--device", "nokia", "--exit-when-idle", "--data-dir", "temp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown device \"nokia\"");
  }

  @Test
  void hostMapRoutesThePagesOriginToALocalServerAndLogNetworkPrintsIt(@TempDir Path dir) throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/hello", ex -> {
      byte[] body = ("{\"host\":\"" + ex.getRequestHeaders().getFirst("Host") + "\"}").getBytes();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      Files.writeString(dir.resolve("project.config.json"), "{\"appid\":\"wxclinet0000001\",\"setting\":{\"urlCheck\":true}}");
      Files.writeString(dir.resolve("app.json"), "{\"pages\":[\"pages/index/index\"]}");
      Files.writeString(dir.resolve("app.js"), "App({ onLaunch() { wx.request({ url: 'https://www.baidu.com/hello',"
          + " success: (res) => console.log('host ' + res.data.host), fail: (e) => console.log(e.errMsg) }) } })");
      Files.createDirectories(dir.resolve("pages/index"));
      Files.writeString(dir.resolve("pages/index/index.js"), "Page({})");
      Files.writeString(dir.resolve("pages/index/index.wxml"), "<view/>");
      String port = String.valueOf(server.getAddress().getPort());
      Result r = run("run", dir.toString(), "--exit-when-idle", "--data-dir", "temp", "--log-network", "--domain", "request=www.baidu.com",
          "--host-map", "https://www.baidu.com=http://127.0.0.1:" + port);
      assertThat(r.out()).contains("host www.baidu.com");
      assertThat(r.err()).contains("network: request GET https://www.baidu.com/hello [via 127.0.0.1:" + port + "] -> 200");
      Result blocked = run("run", dir.toString(), "--exit-when-idle", "--data-dir", "temp", "--host-map", "https://www.baidu.com=http://127.0.0.1:" + port);
      assertThat(blocked.out()).contains("request:fail url not in domain list");
      Result unchecked = run("run", dir.toString(), "--exit-when-idle", "--data-dir", "temp", "--url-check", "false",
          "--host-map", "https://www.baidu.com=http://127.0.0.1:" + port);
      assertThat(unchecked.out()).contains("host www.baidu.com");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMalformedHostMapIsAClearError() {
    Result r = run("run", example("quickstart"), "--host-map", "nonsense", "--exit-when-idle", "--data-dir", "temp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--host-map needs FROM=TO");
  }
}
