package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.apis.network.LoopbackServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What this.data keeps and what the framework copies, as glass-easel does (examples/semantics): API objects stored
 * in data work later; objects in a page definition are copied per instance (simpleDeepCopy) and API objects survive
 * that copy; setData callbacks run with the page or component as {@code this}.
 */
class DataSemanticsTest {
  @TempDir Path dir;
  private Session s;

  @BeforeEach
  void launch() throws IOException {
    Path project = Examples.copy("semantics", dir.resolve("project"));
    Files.createDirectories(project.resolve("audio"));
    MediaFixtures.wav(project.resolve("audio/track.wav"), 3_000, 16_000, 1);
    s = Sparrow.launch(SessionOptions.of(project).virtualClock()).awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void aPageKeepsTheAudioContextItStoredInDataAndATapPlaysIt() {
    PageHandle page = s.currentPage();
    page.select("#play").orElseThrow().tap();
    s.advance(Duration.ofMillis(500));
    assertThat(page.data("state")).isEqualTo("playing");
    page.select("#pause").orElseThrow().tap();
    s.advance(Duration.ofMillis(100));
    assertThat(page.data("state")).isEqualTo("paused");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aComponentKeepsTheAudioContextItStoredInDataAndATapPlaysIt() {
    PageElement card = s.currentPage().select("#card").orElseThrow();
    card.select(".card-play").orElseThrow().tap();
    s.advance(Duration.ofMillis(500));
    assertThat(card.data("state")).isEqualTo("playing");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void aRequestTaskKeptInDataIsAbortedThroughThisData() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LoopbackServer server = LoopbackServer.start().route("/slow", (rq, rs, cb) -> {
      arrived.countDown();
      release.await(20, TimeUnit.SECONDS);
      LoopbackServer.respond(rs, cb, 200, "text/plain", "late");
    })) {
      String url = URLEncoder.encode("http://127.0.0.1:" + server.httpPort() + "/slow", StandardCharsets.UTF_8);
      s.callWx("reLaunch", Map.of("url", "/pages/task/task?url=" + url));
      assertThat(arrived.await(20, TimeUnit.SECONDS)).isTrue();
      PageHandle page = s.currentPage();
      page.select("#cancel").orElseThrow().tap();
      s.awaitIdle();
      assertThat(page.data("result")).isEqualTo("request:fail abort");
      release.countDown();
    }
  }

  @Test
  void thisDataKeepsTheValuesStoredWhileTheViewGetsTheirJson() {
    PageHandle page = s.reLaunch("/pages/copies/copies");
    Object same = s.evaluate("function () { var p = getCurrentPages()[0]; var d = new Date(5); var o = { v: 1 };"
        + " p.setData({ d: d, o: o, 'o2.inner': o }); o.v = 2;"
        + " return [p.data.d === d, p.data.d.getTime(), p.data.o === o, p.data.o.v, p.data.o2.inner === o] }");
    assertThat(same).isEqualTo(List.of(true, 5, true, 2, true));
    assertThat(page.callMethod("keep", Map.of("a", 1))).isEqualTo(true);
  }

  @Test
  void definitionObjectsAreCopiedPerInstanceAsGlassEaselsSimpleDeepCopyDoes() {
    s.reLaunch("/pages/copies/copies");
    assertThat(s.currentPage().callMethod("describe")).isEqualTo(Map.of(
        "when", "[object Object] {}",
        "point", "undefined 2",
        "nothing", "undefined",
        "list", "[1,{\"deep\":true}]",
        "format", "#1",
        "fs", "function",
        "audio", "function"));
    assertThat(s.currentPage().select(".list").orElseThrow().text()).isEqualTo("true");
  }

  @Test
  void everyApiObjectKeepsWorkingMethodsWhenCopied() {
    Object missing = s.evaluate("function () {"
        + " function copy(v) { if (typeof v !== 'object' || v === null) return v; if (Array.isArray(v)) return v.map(copy);"
        + "   var o = {}; Object.keys(v).forEach(function (k) { o[k] = copy(v[k]) }); return o }"
        + " var objects = { RequestTask: wx.request({ url: 'http://127.0.0.1:9/x' }),"
        + "   DownloadTask: wx.downloadFile({ url: 'http://127.0.0.1:9/x' }),"
        + "   SocketTask: wx.connectSocket({ url: 'ws://127.0.0.1:9/x' }),"
        + "   InnerAudioContext: wx.createInnerAudioContext(), RecorderManager: wx.getRecorderManager(),"
        + "   BackgroundAudioManager: wx.getBackgroundAudioManager(), FileSystemManager: wx.getFileSystemManager(),"
        + "   UpdateManager: wx.getUpdateManager(), EventChannel: getCurrentPages()[0].getOpenerEventChannel(),"
        + "   SelectorQuery: wx.createSelectorQuery(), NodesRef: wx.createSelectorQuery().select('.state'),"
        + "   Animation: wx.createAnimation(), MediaQueryObserver: wx.createMediaQueryObserver(),"
        + "   IntersectionObserver: wx.createIntersectionObserver(getCurrentPages()[0]) };"
        + " var out = [];"
        + " Object.keys(objects).forEach(function (name) { var o = objects[name]; var c = copy(o);"
        + "   for (var k in o) if (typeof o[k] === 'function' && typeof c[k] !== 'function') out.push(name + '.' + k) });"
        + " return out }");
    assertThat(missing).isEqualTo(List.of());
  }

  @Test
  void aCopiedEventChannelAndFileManagerActOnTheOriginal() {
    Object r = s.evaluate("function () {"
        + " var ch = getCurrentPages()[0].getOpenerEventChannel(); var seen = [];"
        + " var copy = {}; Object.keys(ch).forEach(function (k) { copy[k] = ch[k] });"
        + " copy.on('hello', function (v) { seen.push(v) }); ch.emit('hello', 1); copy.emit('hello', 2);"
        + " var fs = wx.getFileSystemManager(); var fsCopy = {}; Object.keys(fs).forEach(function (k) { fsCopy[k] = fs[k] });"
        + " fsCopy.writeFileSync(wx.env.USER_DATA_PATH + '/a.txt', 'kept', 'utf8');"
        + " return seen.concat([fs.readFileSync(wx.env.USER_DATA_PATH + '/a.txt', 'utf8')]) }");
    assertThat(r).isEqualTo(List.of(1, 2, "kept"));
  }

  @Test
  void setDataCallbacksRunWithThePageOrComponentAsThis() {
    PageHandle page = s.reLaunch("/pages/calendar/calendar");
    PageElement calendar = page.select("#cal").orElseThrow();
    calendar.select(".next").orElseThrow().tap();
    s.awaitIdle();
    assertThat(calendar.data("label")).isEqualTo("month 2");
    assertThat(page.data("confirmed")).isEqualTo("page saw 2-1");
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void topLevelDeclarationsNamedLikeHiddenGlobalsWork() {
    assertThat(s.evaluate("function () { return getApp().globalData.commons }")).isEqualTo(Map.of(
        "self", "object", "window", "bundle window", "document", "null", "location", "here", "navigator", "class"));
    assertThat(s.errors()).isEmpty();
  }
}
