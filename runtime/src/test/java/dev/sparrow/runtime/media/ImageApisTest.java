package dev.sparrow.runtime.media;

import static dev.sparrow.runtime.media.MediaLab.errMsg;
import static dev.sparrow.runtime.media.MediaLab.js;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image APIs and the permission flow, driven through real page JS on the headless album. */
class ImageApisTest {
  @TempDir Path dir;
  private Path project;
  private Path fixtures;
  private Session s;

  @BeforeEach
  void setUp() throws Exception {
    project = MediaLab.copy(dir);
    fixtures = Files.createDirectories(dir.resolve("fixtures"));
    Files.createDirectories(project.resolve("images"));
    MediaFixtures.image(project.resolve("images/pkg.png"), "png", 48, 32);
    MediaFixtures.image(project.resolve("pages/index/near.png"), "png", 16, 8);
  }

  @AfterEach
  void tearDown() {
    if (s != null) {
      s.close();
    }
  }

  private Session launch(SessionOptions o) {
    s = Sparrow.launch(o);
    s.awaitIdle();
    return s;
  }

  @Test
  void chooseImageGivesTempFilesAndCompressedReallyIsSmaller() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    Path big = MediaFixtures.image(fixtures.resolve("big.png"), "png", 900, 700);
    Path small = MediaFixtures.image(fixtures.resolve("small.jpg"), "jpeg", 30, 20);
    s.album().offer(big, small);
    @SuppressWarnings("unchecked")
    Map<String, Object> res = (Map<String, Object>) js(s, "return wx.chooseImage({ count: 2, sizeType: ['compressed'] })");
    assertThat(res.get("errMsg")).isEqualTo("chooseImage:ok");
    @SuppressWarnings("unchecked")
    List<String> paths = (List<String>) res.get("tempFilePaths");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> files = (List<Map<String, Object>>) res.get("tempFiles");
    assertThat(paths).hasSize(2).allMatch(p -> p.startsWith("wxfile://tmp_"));
    assertThat(paths.get(0)).endsWith(".jpg");
    assertThat(files.get(0).get("path")).isEqualTo(paths.get(0));
    assertThat(((Number) files.get(0).get("size")).longValue()).isLessThan(Files.size(big));
    assertThat(((Number) files.get(1).get("size")).longValue()).isLessThanOrEqualTo(Files.size(small));
    assertThat(s.album().requests().get(0).sourceTypes()).containsExactly("album", "camera");

    s.album().offer(big);
    Object original = js(s, "return wx.chooseImage({ sizeType: ['original'], sourceType: ['camera'] })"
        + ".then(function (r) { return r.tempFiles[0].size })");
    assertThat(((Number) original).longValue()).isEqualTo(Files.size(big));
    assertThat(s.album().requests().get(1).sourceTypes()).containsExactly("camera");
  }

  @Test
  void cancelAndAnEmptyAlbumFailWithCancelAndCountIsClampedToNine() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().cancelNext();
    assertThat(errMsg(s, "chooseImage", "{}")).isEqualTo("chooseImage:fail cancel");
    assertThat(errMsg(s, "chooseImage", "{ count: 12 }")).isEqualTo("chooseImage:fail cancel");
    assertThat(s.album().requests().get(1).count()).isEqualTo(9);
    assertThat(errMsg(s, "chooseImage", "{ count: '3' }"))
        .isEqualTo("chooseImage:fail parameter error: parameter.count should be Number instead of String;");
  }

  @Test
  void theAlbumFolderOffersItsFirstImagesByName() throws Exception {
    MediaFixtures.image(fixtures.resolve("b.png"), "png", 20, 20);
    MediaFixtures.image(fixtures.resolve("a.jpg"), "jpeg", 10, 10);
    MediaFixtures.image(fixtures.resolve("c.gif"), "gif", 5, 5);
    Files.writeString(fixtures.resolve("notes.txt"), "not an image");
    launch(SessionOptions.of(project).virtualClock().album(fixtures));
    Object types = js(s, "return wx.chooseImage({ count: 2, sizeType: ['original'] }).then(function (r) {"
        + " return Promise.all(r.tempFilePaths.map(function (p) { return wx.getImageInfo({ src: p }) })) })"
        + ".then(function (infos) { return infos.map(function (i) { return i.type + ' ' + i.width }) })");
    assertThat(types).isEqualTo(List.of("jpeg 10", "png 20"));
  }

  @Test
  void chooseMediaReportsImagesWithTheirSize() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().offer(MediaFixtures.image(fixtures.resolve("m.png"), "png", 64, 48));
    Object r = js(s, "return wx.chooseMedia({ mediaType: ['image'], sizeType: ['original'] }).then(function (r) {"
        + " var f = r.tempFiles[0]; return [r.type, f.fileType, f.width, f.height, f.tempFilePath.indexOf('wxfile://tmp_') === 0] })");
    assertThat(r).isEqualTo(List.of("image", "image", 64, 48, true));
    s.album().cancelNext();
    assertThat(errMsg(s, "chooseMedia", "{}")).isEqualTo("chooseMedia:fail cancel");
  }

  @Test
  void chooseMediaReportsVideosWithTheirSizeLengthAndAPoster() throws Exception {
    Path clip = MediaFixtures.mp4(fixtures.resolve("clip.mp4"), 640, 360, 3_500);
    MediaFixtures.image(fixtures.resolve("a.png"), "png", 8, 8);
    launch(SessionOptions.of(project).virtualClock().album(fixtures));
    Object r = js(s, "return wx.chooseMedia({ mediaType: ['video'] }).then(function (r) {"
        + " var f = r.tempFiles[0]; return wx.getImageInfo({ src: f.thumbTempFilePath }).then(function (t) {"
        + " return [r.type, r.tempFiles.length, f.fileType, f.width, f.height, f.duration, f.size, f.tempFilePath.slice(-4), t.width, t.height] }) })");
    assertThat(r).isEqualTo(List.of("video", 1, "video", 640, 360, 3.5, (int) Files.size(clip), ".mp4", 320, 180));
    Object mixed = js(s, "return wx.chooseMedia({ mediaType: ['mix'] }).then(function (r) {"
        + " return [r.type].concat(r.tempFiles.map(function (f) { return f.fileType })) })");
    assertThat(mixed).isEqualTo(List.of("mix", "image", "video"));
    Object images = js(s, "return wx.chooseImage({}).then(function (r) { return r.tempFilePaths.length })");
    assertThat(images).isEqualTo(1);
  }

  @Test
  void compressImageWritesAJpegOfTheAskedSize() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().offer(MediaFixtures.image(fixtures.resolve("big.png"), "png", 400, 300));
    Object r = js(s, "return wx.chooseImage({ sizeType: ['original'] }).then(function (c) { var src = c.tempFilePaths[0];"
        + " return Promise.all([wx.compressImage({ src: src, quality: 50, compressedWidth: 200 }), wx.compressImage({ src: src })]) })"
        + ".then(function (r) { return Promise.all(r.map(function (x) { return wx.getImageInfo({ src: x.tempFilePath }) })) })"
        + ".then(function (infos) { return infos.map(function (i) { return i.type + ' ' + i.width + 'x' + i.height }) })");
    assertThat(r).isEqualTo(List.of("jpeg 200x150", "jpeg 400x300"));
    assertThat(errMsg(s, "compressImage", "{ src: 'wxfile://tmp_missing.png' }")).isEqualTo("compressImage:fail file not found");
  }

  @Test
  void chooseVideoThenSaveItToTheAlbum() throws Exception {
    MediaFixtures.mp4(fixtures.resolve("clip.mp4"), 320, 240, 2_000);
    launch(SessionOptions.of(project).virtualClock().album(fixtures));
    s.setPermission("scope.writePhotosAlbum", true);
    Object r = js(s, "return wx.chooseVideo({}).then(function (v) { getApp().globalData.video = v.tempFilePath;"
        + " return [v.errMsg, v.width, v.height, v.duration, v.tempFilePath.slice(-4)] })");
    assertThat(r).isEqualTo(List.of("chooseVideo:ok", 320, 240, 2, ".mp4"));
    assertThat(errMsg(s, "saveVideoToPhotosAlbum", "{ filePath: getApp().globalData.video }")).isEqualTo("ok saveVideoToPhotosAlbum:ok");
    assertThat(s.album().savedImages()).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("VID_").endsWith(".mp4"));
    MediaFixtures.image(fixtures.resolve("still.png"), "png", 4, 4);
    Object still = js(s, "return wx.chooseImage({ sizeType: ['original'] }).then(function (r) { return r.tempFilePaths[0] })");
    assertThat(errMsg(s, "saveVideoToPhotosAlbum", "{ filePath: '" + still + "' }")).isEqualTo("saveVideoToPhotosAlbum:fail invalid file type");
    s.album().cancelNext();
    assertThat(errMsg(s, "chooseVideo", "{}")).isEqualTo("chooseVideo:fail cancel");
  }

  @Test
  void previewImageIsRecordedAndHidesThenShowsThePage() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().holdPreviews(true);
    s.album().offer(MediaFixtures.image(fixtures.resolve("p1.png"), "png", 10, 10), MediaFixtures.image(fixtures.resolve("p2.png"), "png", 10, 10));
    s.currentPage().callMethod("pick");
    js(s, "getApp().globalData.log = []; getCurrentPages()[0].preview('https://example.com/x.png'); return null");
    s.awaitIdle();
    assertThat(js(s, "return getApp().globalData.log")).isEqualTo(List.of("index onHide", "preview previewImage:ok"));
    assertThat(s.album().lastPreview().orElseThrow().current()).isEqualTo("https://example.com/x.png");
    assertThat(s.album().lastPreview().orElseThrow().urls()).hasSize(2);
    s.album().closePreview();
    s.awaitIdle();
    assertThat(js(s, "return getApp().globalData.log")).isEqualTo(List.of("index onHide", "preview previewImage:ok", "index onShow"));
    assertThat(errMsg(s, "previewImage", "{}"))
        .isEqualTo("previewImage:fail parameter error: parameter.urls should be Array instead of Undefined;");
  }

  @Test
  void getImageInfoReadsTempSavedUserPackageAndNetworkPaths() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    Path served = Files.createDirectories(dir.resolve("served"));
    MediaFixtures.jpegWithOrientation(served.resolve("rot.jpg"), 120, 80, 6);
    MediaFixtures.webp(served.resolve("w.webp"), 70, 50);
    try (MediaServer server = new MediaServer(served)) {
      Object net = js(s, "return wx.getImageInfo({ src: '" + server.url("/files/rot.jpg") + "' }).then(function (r) {"
          + " return [r.width, r.height, r.orientation, r.type, r.path.indexOf('wxfile://tmp_') === 0] })");
      assertThat(net).isEqualTo(List.of(120, 80, "right", "jpeg", true));
      Object webp = js(s, "return wx.getImageInfo({ src: '" + server.url("/files/w.webp") + "' }).then(function (r) { return [r.width, r.type] })");
      assertThat(webp).isEqualTo(List.of(70, "unknown"));
      assertThat(errMsg(s, "getImageInfo", "{ src: '" + server.url("/files/missing.png") + "' }")).isEqualTo("getImageInfo:fail download image fail");
    }
    assertThat(errMsg(s, "getImageInfo", "{ src: 'http://127.0.0.1:1/nothing-listens.png' }")).isEqualTo("getImageInfo:fail download image fail");

    assertThat(js(s, "return wx.getImageInfo({ src: '/images/pkg.png' }).then(function (r) { return [r.width, r.height, r.type, r.path] })"))
        .isEqualTo(List.of(48, 32, "png", "/images/pkg.png"));
    assertThat(js(s, "return wx.getImageInfo({ src: 'near.png' }).then(function (r) { return [r.width, r.path] })"))
        .isEqualTo(List.of(16, "pages/index/near.png"));
    assertThat(js(s, "return wx.getImageInfo({ src: '../../images/pkg.png' }).then(function (r) { return r.width })")).isEqualTo(48);

    Files.createDirectories(s.dataDir().resolve("usr/pics"));
    MediaFixtures.image(s.dataDir().resolve("usr/pics/u.gif"), "gif", 9, 7);
    assertThat(js(s, "return wx.getImageInfo({ src: wx.env.USER_DATA_PATH + '/pics/u.gif' }).then(function (r) { return [r.width, r.type] })"))
        .isEqualTo(List.of(9, "gif"));

    assertThat(errMsg(s, "getImageInfo", "{ src: 'wxfile://tmp_nothing.png' }")).isEqualTo("getImageInfo:fail file not found");
    assertThat(errMsg(s, "getImageInfo", "{ src: '/images/none.png' }")).isEqualTo("getImageInfo:fail file not found");
    assertThat(errMsg(s, "getImageInfo", "{ src: '/app.js' }")).isEqualTo("getImageInfo:fail invalid image");
  }

  @Test
  void saveImageToPhotosAlbumPromptsOnceThenRemembers() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().offer(MediaFixtures.image(fixtures.resolve("keep.png"), "png", 12, 12));
    js(s, "return wx.chooseImage({ sizeType: ['original'] }).then(function (r) { getApp().globalData.photo = r.tempFilePaths[0];"
        + " wx.saveImageToPhotosAlbum({ filePath: r.tempFilePaths[0] }).then(function (r) { getApp().globalData.saved = r.errMsg }) })");
    s.awaitIdle();
    assertThat(s.pendingPermission()).contains("scope.writePhotosAlbum");
    assertThat(js(s, "return getApp().globalData.saved || 'waiting'")).isEqualTo("waiting");
    s.answerPermission(true);
    assertThat(js(s, "return getApp().globalData.saved")).isEqualTo("saveImageToPhotosAlbum:ok");
    assertThat(s.album().savedImages()).hasSize(1);
    assertThat(errMsg(s, "saveImageToPhotosAlbum", "{ filePath: getApp().globalData.photo }")).isEqualTo("ok saveImageToPhotosAlbum:ok");
    assertThat(s.pendingPermission()).isEmpty();
    assertThat(errMsg(s, "saveImageToPhotosAlbum", "{ filePath: 'https://example.com/a.png' }")).isEqualTo("saveImageToPhotosAlbum:fail file not found");
    assertThat(errMsg(s, "saveImageToPhotosAlbum", "{ filePath: 'wxfile://tmp_gone.png' }")).isEqualTo("saveImageToPhotosAlbum:fail file not found");
  }

  @Test
  void aDeniedScopeFailsAtOnceWithoutAPromptUntilTheSettingsPageAllowsIt() throws Exception {
    launch(SessionOptions.of(project).virtualClock());
    s.album().offer(MediaFixtures.image(fixtures.resolve("deny.png"), "png", 12, 12));
    js(s, "return wx.chooseImage({}).then(function (r) { getApp().globalData.photo = r.tempFilePaths[0] })");
    assertThat(js(s, "return wx.getSetting().then(function (r) { return r.authSetting })")).isEqualTo(Map.of());

    js(s, "wx.authorize({ scope: 'scope.writePhotosAlbum' }).then(null, function (e) { getApp().globalData.auth = e.errMsg }); return null");
    s.awaitIdle();
    assertThat(s.pendingPermission()).contains("scope.writePhotosAlbum");
    s.answerPermission(false);
    assertThat(js(s, "return getApp().globalData.auth")).isEqualTo("authorize:fail auth deny");
    assertThat(errMsg(s, "authorize", "{ scope: 'scope.writePhotosAlbum' }")).isEqualTo("authorize:fail auth deny");
    assertThat(errMsg(s, "saveImageToPhotosAlbum", "{ filePath: getApp().globalData.photo }")).isEqualTo("saveImageToPhotosAlbum:fail auth deny");
    assertThat(s.pendingPermission()).isEmpty();
    assertThat(js(s, "return wx.getSetting().then(function (r) { return r.authSetting })")).isEqualTo(Map.of("scope.writePhotosAlbum", false));

    s.permissions().onNextSettingsPage(Map.of("scope.writePhotosAlbum", true, "scope.record", true));
    assertThat(js(s, "return wx.openSetting().then(function (r) { return r.authSetting })")).isEqualTo(Map.of("scope.writePhotosAlbum", true));
    assertThat(errMsg(s, "saveImageToPhotosAlbum", "{ filePath: getApp().globalData.photo }")).isEqualTo("ok saveImageToPhotosAlbum:ok");
    assertThat(errMsg(s, "authorize", "{ scope: 'scope.nonsense' }")).isEqualTo("authorize:fail invalid scope");
    assertThat(js(s, "return wx.getSetting({ withSubscriptions: true }).then(function (r) { return r.subscriptionsSetting.mainSwitch })")).isEqualTo(true);
  }

  @Test
  void decisionsPersistAcrossSessionsOfTheSameApp() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    launch(SessionOptions.of(project).virtualClock().dataDir(data));
    s.setPermission("scope.record", false);
    s.close();
    launch(SessionOptions.of(project).virtualClock().dataDir(data));
    assertThat(errMsg(s, "authorize", "{ scope: 'scope.record' }")).isEqualTo("authorize:fail auth deny");
  }
}
