package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudStorage;
import dev.sparrow.apis.media.MediaFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/cloud-notes' profile page: login through a cloud function, an avatar uploaded to cloud storage and shown
 * by {@code <image src="cloud://…">}, a temp URL served on 127.0.0.1, deletion; the page's storage calls fail as
 * WeChat's do; a server-side tally sees every user's notes.
 */
class CloudStorageTest {
  @TempDir
  Path data;
  @TempDir
  Path photos;

  private Session launch(String openid) {
    return Sparrow.launch(SessionOptions.of(Examples.path("cloud-notes")).dataDir(data).virtualClock()
        .cloudOpenid(openid)).awaitIdle();
  }

  private static String text(PageHandle page, String selector) {
    return page.selectAll(selector).get(0).text();
  }

  private static void tap(Session s, PageHandle page, String selector) {
    page.selectAll(selector).get(0).tap();
    s.awaitIdle();
  }

  private Path photo() throws IOException {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, Color.RED.getRGB());
    Path file = photos.resolve("me.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void loginUploadShowLinkAndDeleteAnAvatar() throws Exception {
    Path png = photo();
    try (Session s = launch("oUserAlice000000000000000001")) {
      PageHandle page = s.navigateTo("/pages/profile/profile");
      s.awaitIdle();
      tap(s, page, "#login");
      assertThat(text(page, ".openid")).isEqualTo("oUserAlice000000000000000001");
      s.album().offer(png);
      tap(s, page, "#upload");
      String fileId = text(page, ".file-id");
      assertThat(fileId).matches("cloud://notes-dev\\.6e6f-notes-dev-13\\d{8}/avatars/oUserAlice000000000000000001"
          + "\\.png");
      assertThat(page.selectAll("image.avatar").get(0).attribute("src")).isEqualTo(fileId);
      assertThat(s.cloudFile(fileId)).hasValueSatisfying(p -> assertThat(p).hasSameBinaryContentAs(png));
      assertThat(s.cloudFiles(10)).containsExactly(new CloudStorage.Stored(fileId, Files.size(png)));
      assertThat(s.cloudFiles(0)).isEmpty();

      Object preview = s.evaluate("function () { return wx.previewImage({ urls: ['" + fileId + "'] })"
          + ".then(r => r.errMsg) }");
      assertThat(preview).isEqualTo("previewImage:ok");
      assertThat(s.album().previews()).singleElement().satisfies(p -> assertThat(p.urls()).containsExactly(fileId));
      s.album().closePreview();
      s.awaitIdle();

      tap(s, page, "#link");
      String link = text(page, ".link");
      assertThat(link).startsWith("http://127.0.0.1:").contains("/avatars/oUserAlice000000000000000001.png?sign=");
      HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(got.body()).isEqualTo(Files.readAllBytes(png));

      Object downloaded = s.evaluate("function () { return wx.cloud.downloadFile({ fileID: '" + fileId + "' })"
          + ".then(r => new Promise(done => wx.getFileSystemManager().readFile({ filePath: r.tempFilePath,"
          + "  success: f => done([r.errMsg, r.statusCode, f.data.byteLength, r.tempFilePath.endsWith('.png')])"
          + " }))) }");
      assertThat(downloaded).isEqualTo(List.of("cloud.downloadFile:ok", 200, (int) Files.size(png), true));
      Object task = s.evaluate("function () { return new Promise(done => { const seen = [];"
          + " const t = wx.cloud.downloadFile({ fileID: '" + fileId + "',"
          + "  success: r => seen.push(Object.keys(r).sort().join()), complete: () => done(seen) });"
          + " t.onProgressUpdate(p => seen.push(p.progress + ' ' + p.totalBytesWritten + ' '"
          + "  + p.totalBytesExpectedToWrite)) }) }");
      assertThat(task).isEqualTo(List.of("100 " + Files.size(png) + " " + Files.size(png),
          "errMsg,statusCode,tempFilePath"));
      Object aborted = s.evaluate("function () { return new Promise(done => wx.cloud.uploadFile({"
          + " cloudPath: 'x.png', filePath: 'wxfile://tmp_none.png',"
          + " fail: e => done(e.errMsg), success: () => done('uploaded') }).abort()) }");
      assertThat(aborted).isEqualTo("cloud.uploadFile:fail abort");

      tap(s, page, "#forget");
      assertThat(text(page, ".link")).isEqualTo("ok");
      assertThat(page.selectAll("image.avatar")).isEmpty();
      assertThat(s.cloudFile(fileId)).isEmpty();
      assertThat(s.cloudFiles(10)).isEmpty();
      HttpResponse<byte[]> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void twoUsersLogInAsThemselvesAndTheServerTallySeesEveryonesNotes() {
    for (String user : List.of("oUserAlice000000000000000001", "oUserBob00000000000000000002")) {
      try (Session s = launch(user)) {
        s.evaluate("async function () { for (let i = 0; i < 12; i++)"
            + " await wx.cloud.database().collection('notes').add({ data: { text: 'n' + i, likes: 0 } }) }");
        Object login = s.evaluate("function () { return wx.cloud.callFunction({ name: 'login' })"
            + ".then(r => r.result) }");
        assertThat(login).isEqualTo(Map.of("openid", user, "appid", "wxsparrowcloud01", "unionid", "",
            "env", "notes-dev", "sameUser", true));
      }
    }
    try (Session bob = launch("oUserBob00000000000000000002")) {
      PageHandle page = bob.navigateTo("/pages/profile/profile");
      bob.awaitIdle();
      tap(bob, page, "#login");
      assertThat(text(page, ".openid")).isEqualTo("oUserBob00000000000000000002");
      tap(bob, page, "#tally");
      tap(bob, page, "#tally");
      assertThat(text(page, ".tally")).isEqualTo("24 notes, visit 2");
      assertThat(bob.errors()).isEmpty();
    }
  }

  @Test
  void anInnerAudioContextPlaysACloudFile() throws IOException {
    Path wav = MediaFixtures.wav(photos.resolve("tone.wav"), 2_000, 8_000, 1);
    try (Session s = launch("oSparrowFakeOpenid0000000000")) {
      Files.copy(wav, s.files().userDir().resolve("tone.wav"));
      Object fileId = s.evaluate("function () { return wx.cloud.uploadFile({ cloudPath: 'sounds/tone.wav',"
          + " filePath: wx.env.USER_DATA_PATH + '/tone.wav' }).then(r => r.fileID) }");
      s.evaluate("function (id) { const a = wx.createInnerAudioContext(); getApp().audio = a; getApp().heard = [];"
          + " a.onCanplay(() => getApp().heard.push('canplay')); a.onError(e => getApp().heard.push(e.errMsg));"
          + " a.src = id; a.play() }", fileId);
      s.awaitIdle();
      assertThat(s.evaluate("function () { return [getApp().heard, getApp().audio.duration] }"))
          .isEqualTo(List.of(List.of("canplay"), 2));
      assertThat(s.errors()).isEmpty();
    }
  }

  @Test
  void storageCallsFailAsWeChatReportsThem() {
    try (Session s = launch("oSparrowFakeOpenid0000000000")) {
      Object out = s.evaluate("async function () {"
          + " const msg = p => p.then(r => 'ok ' + JSON.stringify(r), e => e.errCode + ' ' + e.errMsg);"
          + " const id = 'cloud://notes-dev.' + 'nope/x.png';"
          + " return [await msg(wx.cloud.uploadFile({ cloudPath: 'a.txt', filePath: 'wxfile://tmp_missing.txt' })),"
          + "  await msg(wx.cloud.uploadFile({ cloudPath: '../a.txt', filePath: 'wxfile://tmp_missing.txt' })),"
          + "  await msg(wx.cloud.downloadFile({ fileID: id })),"
          + "  await msg(wx.cloud.getTempFileURL({ fileList: [id] })),"
          + "  await msg(wx.cloud.deleteFile({ fileList: [id] })),"
          + "  await msg(wx.cloud.deleteFile({ fileList: 'x' }))] }");
      assertThat(out).isEqualTo(List.of(
          "-1 cloud.uploadFile:fail no such file or directory wxfile://tmp_missing.txt",
          "-501007 cloud.uploadFile:fail -501007 invalid parameters. cloudPath ../a.txt",
          "-1 cloud.downloadFile:fail STORAGE_FILE_NONEXIST",
          "ok {\"fileList\":[{\"fileID\":\"cloud://notes-dev.nope/x.png\",\"tempFileURL\":\"\",\"maxAge\":86400,"
              + "\"status\":-1,\"errMsg\":\"STORAGE_FILE_NONEXIST\"}],\"errMsg\":\"cloud.getTempFileURL:ok\"}",
          "ok {\"fileList\":[{\"fileID\":\"cloud://notes-dev.nope/x.png\",\"status\":-1,"
              + "\"errMsg\":\"STORAGE_FILE_NONEXIST\"}],\"errMsg\":\"cloud.deleteFile:ok\"}",
          "-501007 cloud.deleteFile:fail -501007 invalid parameters. fileList must be an array"));
      assertThat(s.errors()).isEmpty();
    }
  }
}
