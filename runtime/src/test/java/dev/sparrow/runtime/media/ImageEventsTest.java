package dev.sparrow.runtime.media;

import static dev.sparrow.apis.network.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Screen;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <image>} elements fire {@code load} (natural width and height) and {@code error} (errMsg) headless, once per
 * src value, for package files, data URIs, temp files and network images; not when a browser shows the page.
 */
class ImageEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String WXML = """
      <image data-k="local" src="/images/a.png" bindload="loaded" binderror="failed"/>
      <image data-k="near" src="{{near}}" bindload="loaded" binderror="failed"/>
      <image data-k="missing" src="/images/none.png" bindload="loaded" binderror="failed"/>
      <image data-k="data" src="{{dataUri}}" bindload="loaded" binderror="failed"/>
      <image data-k="net" src="{{net}}" bindload="loaded" binderror="failed"/>
      <image data-k="empty" src="" bindload="loaded" binderror="failed"/>
      <card bind:pic="fromCard"/>
      <image wx:for="{{many}}" wx:key="index" data-k="many" src="{{item}}" bindload="loaded" binderror="failed"/>
      """;
  private static final String JS = """
      Page({
        data: { log: [], near: 'near.png', dataUri: '', net: '', many: [] },
        loaded(e) { this.setData({ log: this.data.log.concat([[e.currentTarget.dataset.k, e.type,
          e.detail.width, e.detail.height]]) }) },
        fromCard(e) { this.setData({ log: this.data.log.concat([['card', e.detail.type, e.detail.width,
          e.detail.height]]) }) },
        failed(e) { this.setData({ log: this.data.log.concat([[e.currentTarget.dataset.k, e.type,
          e.detail.errMsg]]) }) }
      })
      """;

  @TempDir Path dir;
  private Path project;
  private Session s;
  private LoopbackServer server;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
    Files.writeString(project.resolve("app.js"), "App({ onLaunch() { wx.cloud.init({ env: 'images-dev' }) } })");
    Path page = Files.createDirectories(project.resolve("pages/index"));
    Files.writeString(page.resolve("index.js"), JS);
    Files.writeString(page.resolve("index.json"), "{\"usingComponents\": {\"card\": \"/components/card/card\"}}");
    Path card = Files.createDirectories(project.resolve("components/card"));
    Files.writeString(card.resolve("card.json"), "{\"component\": true}");
    Files.writeString(card.resolve("card.wxml"), "<image src=\"pic.png\" bindload=\"done\" binderror=\"done\"/>");
    Files.writeString(card.resolve("card.js"), "Component({ methods: { done(e) {"
        + " this.triggerEvent('pic', { type: e.type, width: e.detail.width, height: e.detail.height }) } } })");
    MediaFixtures.image(card.resolve("pic.png"), "png", 12, 6);
    Files.writeString(page.resolve("index.wxml"), WXML);
    Files.createDirectories(project.resolve("images"));
    MediaFixtures.image(project.resolve("images/a.png"), "png", 48, 32);
    MediaFixtures.image(project.resolve("images/b.jpg"), "jpeg", 20, 10);
    MediaFixtures.image(page.resolve("near.png"), "png", 16, 8);
    byte[] served = Files.readAllBytes(MediaFixtures.image(dir.resolve("served.png"), "png", 64, 40));
    server = LoopbackServer.start()
        .route("/pic.png", (rq, rs, cb) -> respond(rs, cb, 200, "image/png", served))
        .route("/gone.png", (rq, rs, cb) -> respond(rs, cb, 404, "text/plain", "gone"));
  }

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
    server.close();
  }

  @SuppressWarnings("unchecked")
  private List<List<Object>> log() {
    return (List<List<Object>>) s.currentPage().data("log");
  }

  private List<List<Object>> logUntil(int size) {
    s.awaitUntil(x -> log().size() >= size, WAIT).awaitIdle();
    return log();
  }

  @Test
  void packageFilesLoadWithTheirNaturalSizeAndAMissingOneErrs() {
    s = Sparrow.launch(SessionOptions.of(project)).awaitIdle();
    assertThat(logUntil(4)).containsExactlyInAnyOrder(
        List.of("local", "load", 48, 32),
        List.of("near", "load", 16, 8),
        List.of("missing", "error", "GET /images/none.png 404 (Not Found)"),
        List.of("card", "load", 12, 6));
  }

  @Test
  void dataUrisAndNetworkImagesLoadAndEachSrcFiresOnce() throws Exception {
    s = Sparrow.launch(SessionOptions.of(project).verifyDomains(false))
        .awaitIdle();
    logUntil(4);
    PageHandle page = s.currentPage();
    String png = Base64.getEncoder().encodeToString(
        Files.readAllBytes(MediaFixtures.image(dir.resolve("d.png"), "png", 5, 3)));
    page.setData(Map.of("dataUri", "data:image/png;base64," + png, "net", server.http("/pic.png")));
    assertThat(logUntil(6).subList(4, 6)).containsExactlyInAnyOrder(
        List.of("data", "load", 5, 3), List.of("net", "load", 64, 40));

    page.setData(Map.of("near", "near.png", "dataUri", "data:image/png;base64," + png)); // same values: no event
    page.setData(Map.of("net", server.http("/gone.png"), "near", "../../images/b.jpg"));
    assertThat(logUntil(8).subList(6, 8)).containsExactlyInAnyOrder(
        List.of("net", "error", "GET " + server.http("/gone.png") + " 404 (Not Found)"),
        List.of("near", "load", 20, 10));
    assertThat(log()).hasSize(8);
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void networkImagesFollowTheSessionsDomainList() {
    s = Sparrow.launch(SessionOptions.of(project)).awaitIdle();
    logUntil(4);
    s.currentPage().setData(Map.of("net", server.http("/pic.png")));
    assertThat(logUntil(5).get(4)).isEqualTo(List.of("net", "error", "GET " + server.http("/pic.png")
        + " 404 (Not Found)"));
    assertThat(server.recorded()).isEmpty();
  }

  @Test
  void aUserFileLoads() throws Exception {
    s = Sparrow.launch(SessionOptions.of(project)).awaitIdle();
    userFileLoads("wxfile://usr/pic.png");
    s.album().offer(project.resolve("images/b.jpg"));
    Object temp = s.evaluate("function () { return wx.chooseImage({ count: 1, sizeType: ['original'] })"
        + ".then(r => r.tempFilePaths[0]) }");
    assertThat(temp).asString().startsWith("wxfile://tmp_");
    s.currentPage().setData(Map.of("near", temp));
    assertThat(logUntil(6).get(5)).isEqualTo(List.of("near", "load", 20, 10));
  }

  @Test
  void aUserFileInDevToolsHttpFormLoadsFromDiskNotTheNetwork() throws Exception {
    s = Sparrow.launch(SessionOptions.of(project).pathScheme(FileSandbox.Scheme.HTTP)).awaitIdle();
    userFileLoads("http://usr/pic.png");
  }

  private void userFileLoads(String expected) {
    logUntil(4);
    Object temp = s.evaluate("function () { var fs = wx.getFileSystemManager();"
        + " var p = wx.env.USER_DATA_PATH + '/pic.png';"
        + " fs.copyFileSync('/images/a.png', p); return p }");
    assertThat(temp).isEqualTo(expected);
    s.currentPage().setData(Map.of("near", temp));
    assertThat(logUntil(5).get(4)).isEqualTo(List.of("near", "load", 48, 32));
  }

  @Test
  void aPageOfTwoHundredImagesLoadsThemAll() {
    s = Sparrow.launch(SessionOptions.of(project)).awaitIdle();
    logUntil(4);
    s.currentPage().setData(Map.of("many", Collections.nCopies(200, "/images/b.jpg")));
    assertThat(logUntil(204).subList(4, 204)).hasSize(200).allMatch(e -> e.equals(List.of("many", "load", 20, 10)));
  }

  @Test
  void aCloudFileIdLoads() throws Exception {
    s = Sparrow.launch(SessionOptions.of(project)).awaitIdle();
    logUntil(4);
    Files.copy(project.resolve("images/b.jpg"), s.files().userDir().resolve("b.jpg"));
    Object fileId = s.evaluate("function () { return wx.cloud.uploadFile({ cloudPath: 'pics/b.jpg',"
        + " filePath: wx.env.USER_DATA_PATH + '/b.jpg' }).then(r => r.fileID) }");
    assertThat(fileId).asString().startsWith("cloud://");
    s.currentPage().setData(Map.of("near", fileId));
    assertThat(logUntil(5).get(4)).isEqualTo(List.of("near", "load", 20, 10));
  }

  @Test
  void aBrowserShowingThePageFiresThemItselfSoTheSessionDoesNot() {
    Screen playing = new Screen() {
      @Override
      public boolean playsAnimations() {
        return true;
      }
    };
    assertNoEventsWith(playing);
  }

  @Test
  void aSimulatorWaitingForItsTabLeavesThemToTheTab() {
    Screen simulator = new Screen() { // reports, no tab connected yet: the tab fires them when it paints
      @Override
      public boolean firesImageEvents() {
        return true;
      }
    };
    assertNoEventsWith(simulator);
  }

  private void assertNoEventsWith(Screen screen) {
    s = Sparrow.launch(SessionOptions.of(project).verifyDomains(false).screen(screen)).awaitIdle();
    s.currentPage().setData(Map.of("net", server.http("/pic.png"), "dataUri", "data:image/png;base64,AAAA"));
    s.awaitIdle();
    assertThat(log()).isEmpty();
    assertThat(server.recorded()).isEmpty();
  }

}
