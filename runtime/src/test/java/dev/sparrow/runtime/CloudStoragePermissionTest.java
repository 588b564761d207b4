package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.cloud.CloudPermission;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloud storage's permission modes between two users of examples/cloud-notes (a copy with one more function):
 * the uploader recorded per file, page calls refused as WeChat refuses them, cloud functions not bound; temp URLs
 * that expire by the session's clock; the file list limit.
 */
class CloudStoragePermissionTest {
  private static final String ALICE = "oUserAlice000000000000000001";
  private static final String BOB = "oUserBob00000000000000000002";
  private static final String MSG = "const msg = p => p.then(r => 'ok ' + JSON.stringify(r), e => e.errCode + ' '"
      + " + e.errMsg);";

  @TempDir
  Path data;
  @TempDir
  Path project;

  @BeforeEach
  void copyExample() throws IOException {
    Path example = Examples.path("cloud-notes");
    try (Stream<Path> all = Files.walk(example)) {
      for (Path from : all.toList()) {
        Path to = project.resolve(example.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Path app = project.resolve("app.json");
    Files.writeString(app, Files.readString(app).replace("\"pages/profile/profile\"",
        "\"pages/profile/profile\", \"pages/shown/shown\""));
    Path shown = Files.createDirectories(project.resolve("pages/shown"));
    Files.writeString(shown.resolve("shown.wxml"), "<image wx:if=\"{{src}}\" src=\"{{src}}\" bindload=\"loaded\""
        + " binderror=\"failed\"></image><text class=\"seen\">{{seen}}</text>");
    Files.writeString(shown.resolve("shown.js"), "Page({ data: { src: '', seen: '' },"
        + " loaded(e) { this.setData({ seen: 'load ' + e.detail.width }) },"
        + " failed(e) { this.setData({ seen: 'error' }) } })");
    Path peek = Files.createDirectories(project.resolve("cloudfunctions/peek"));
    Files.writeString(peek.resolve("index.js"), """
        const cloud = require('wx-server-sdk')
        cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
        exports.main = async (event) => {
          if (event.put) {
            return (await cloud.uploadFile({ cloudPath: event.put, fileContent: 'from the server' })).fileID
          }
          const got = await cloud.downloadFile({ fileID: event.id })
          const urls = await cloud.getTempFileURL({ fileList: [event.id, event.id + '.none'] })
          return [got.fileContent.toString(), urls.fileList.map(f => f.status + ' ' + f.errMsg)]
        }
        """);
  }

  private Session launch(String openid, CloudPermission storage) {
    SessionOptions options = SessionOptions.of(project).dataDir(data).virtualClock().cloudOpenid(openid);
    return Sparrow.launch(storage == null ? options : options.cloudStorage(storage)).awaitIdle();
  }

  /** Uploads {@code text} as {@code cloudPath}; the file ID, or the failure's errCode and errMsg. */
  private static Object upload(Session s, String cloudPath, String text) {
    return s.evaluate("function (path, text) { const fs = wx.getFileSystemManager();"
        + " const local = wx.env.USER_DATA_PATH + '/up.txt'; fs.writeFileSync(local, text, 'utf8');"
        + " return wx.cloud.uploadFile({ cloudPath: path, filePath: local })"
        + "  .then(r => r.fileID, e => e.errCode + ' ' + e.errMsg) }", cloudPath, text);
  }

  private static Object download(Session s, Object fileId) {
    return s.evaluate("function (id) { return wx.cloud.downloadFile({ fileID: id }).then(r =>"
        + " wx.getFileSystemManager().readFileSync(r.tempFilePath, 'utf8'), e => e.errCode + ' ' + e.errMsg) }",
        fileId);
  }

  /** What {@code <image src="…">} on a page of {@code s} does with {@code src}: "load <width>" or "error". */
  private static String shown(Session s, Object src) {
    PageHandle page = s.navigateTo("/pages/shown/shown");
    s.awaitIdle();
    s.evaluate("function (src) { getCurrentPages().pop().setData({ src: src }) }", src);
    s.awaitUntil(x -> !page.selectAll(".seen").get(0).text().isEmpty(), Duration.ofSeconds(20));
    return page.selectAll(".seen").get(0).text();
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void privateFilesAreTheUploadersAloneAndFunctionsReadThemAll() throws IOException {
    Object secret;
    Object face;
    try (Session alice = launch(ALICE, CloudPermission.PRIVATE)) {
      secret = upload(alice, "diary/alice.txt", "dear diary");
      BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
      ImageIO.write(image, "png", alice.files().userDir().resolve("face.png").toFile());
      face = alice.evaluate("function () { return wx.cloud.uploadFile({ cloudPath: 'diary/face.png',"
          + " filePath: wx.env.USER_DATA_PATH + '/face.png' }).then(r => r.fileID) }");
      assertThat(shown(alice, face)).isEqualTo("load 4");
      assertThat(download(alice, secret)).isEqualTo("dear diary");
      assertThat(alice.cloudFileForUser((String) secret)).isPresent();
    }
    try (Session bob = launch(BOB, CloudPermission.PRIVATE)) {
      assertThat(download(bob, secret)).isEqualTo("-503002 cloud.downloadFile:fail Have no access right to the"
          + " storage");
      assertThat(bob.evaluate("async function (id) { " + MSG
          + " return [await msg(wx.cloud.getTempFileURL({ fileList: [id] })),"
          + "  await msg(wx.cloud.deleteFile({ fileList: [id] }))] }", secret)).isEqualTo(List.of(
              "ok {\"fileList\":[{\"fileID\":\"" + secret + "\",\"tempFileURL\":\"\",\"maxAge\":86400,"
                  + "\"status\":-503002,\"errMsg\":\"STORAGE_EXCEED_AUTHORITY\"}],"
                  + "\"errMsg\":\"cloud.getTempFileURL:ok\"}",
              "ok {\"fileList\":[{\"fileID\":\"" + secret + "\",\"status\":-503002,"
                  + "\"errMsg\":\"STORAGE_EXCEED_AUTHORITY\"}],\"errMsg\":\"cloud.deleteFile:ok\"}"));
      assertThat(upload(bob, "diary/alice.txt", "overwritten")).isEqualTo("-503002 cloud.uploadFile:fail Have no"
          + " access right to the storage");
      assertThat(bob.cloudFileForUser((String) secret)).isEmpty(); // what <image src> loads: nothing
      assertThat(shown(bob, face)).isEqualTo("error");
      assertThat(bob.cloudFile((String) secret)).isPresent();
      Object own = upload(bob, "diary/bob.txt", "bob's");
      assertThat(download(bob, own)).isEqualTo("bob's");

      Object peek = bob.evaluate("function (id) { return wx.cloud.callFunction({ name: 'peek', data: { id: id } })"
          + ".then(r => r.result, e => e.errMsg) }", secret);
      assertThat(peek).isEqualTo(List.of("dear diary", List.of("0 ok", "-503003 storage file not exists")));
      assertThat(bob.errors()).isEmpty();
    }
    try (Session alice = launch(ALICE, CloudPermission.PRIVATE)) {
      assertThat(download(alice, secret)).isEqualTo("dear diary"); // Bob's upload over it was refused
      assertThat(alice.evaluate("function (id) { return wx.cloud.deleteFile({ fileList: [id] })"
          + ".then(r => r.fileList[0].status) }", secret)).isEqualTo(0);
    }
  }

  @Test
  void byDefaultEveryoneReadsAndOnlyTheUploaderWrites() {
    Object photo;
    try (Session alice = launch(ALICE, null)) {
      photo = upload(alice, "shared/photo.txt", "a view");
    }
    try (Session bob = launch(BOB, null)) {
      assertThat(download(bob, photo)).isEqualTo("a view");
      assertThat(bob.cloudFileForUser((String) photo)).isPresent();
      assertThat(bob.evaluate("function (id) { return wx.cloud.deleteFile({ fileList: [id] })"
          + ".then(r => r.fileList[0].status + ' ' + r.fileList[0].errMsg) }", photo))
          .isEqualTo("-503002 STORAGE_EXCEED_AUTHORITY");
      assertThat(upload(bob, "shared/photo.txt", "mine now")).isEqualTo("-503002 cloud.uploadFile:fail Have no"
          + " access right to the storage");
      assertThat(download(bob, photo)).isEqualTo("a view");
      assertThat(bob.errors()).isEmpty();
    }
  }

  @Test
  void adminModesRefuseClientWritesAndAdminOnlyRefusesReads() {
    try (Session alice = launch(ALICE, CloudPermission.ADMINWRITE)) {
      assertThat(upload(alice, "banner.txt", "x")).isEqualTo("-503002 cloud.uploadFile:fail Have no access right"
          + " to the storage");
      Object banner = alice.evaluate("function () { return wx.cloud.callFunction({ name: 'peek',"
          + " data: { put: 'banner.txt' } }).then(r => r.result) }");
      assertThat(download(alice, banner)).isEqualTo("from the server");
      assertThat(alice.evaluate("function (id) { return wx.cloud.deleteFile({ fileList: [id] })"
          + ".then(r => r.fileList[0].status) }", banner)).isEqualTo(-503002);
    }
    try (Session bob = launch(BOB, CloudPermission.ADMINONLY)) {
      Object banner = bob.evaluate("function () { return wx.cloud.callFunction({ name: 'peek',"
          + " data: { put: 'banner.txt' } }).then(r => r.result) }");
      assertThat(download(bob, banner)).isEqualTo("-503002 cloud.downloadFile:fail Have no access right to the"
          + " storage");
      assertThat(bob.cloudFileForUser((String) banner)).isEmpty();
      assertThat(bob.errors()).isEmpty();
    }
  }

  @Test
  void tempUrlsExpireByTheSessionsClockAndTheListHoldsFiftyAtMost() throws Exception {
    try (Session s = launch(ALICE, null)) {
      Object id = upload(s, "links/a.txt", "linked");
      Object urls = s.evaluate("function (id) { return wx.cloud.getTempFileURL({ fileList: [{ fileID: id,"
          + " maxAge: 60 }, id, { fileID: id, maxAge: 999999 }] }).then(r => r.fileList.map(f => [f.maxAge,"
          + " f.tempFileURL])) }", id);
      @SuppressWarnings("unchecked")
      List<List<Object>> list = (List<List<Object>>) urls;
      assertThat(list).extracting(e -> e.get(0)).containsExactly(60, 86400, 86400);
      String shortLived = (String) list.get(0).get(1);
      String dayLong = (String) list.get(1).get(1);
      assertThat(shortLived).startsWith("http://127.0.0.1:").contains("/links/a.txt?sign=");
      assertThat(get(shortLived).body()).isEqualTo("linked");
      s.advance(Duration.ofSeconds(60));
      assertThat(get(shortLived).statusCode()).isEqualTo(200);
      s.advance(Duration.ofSeconds(1));
      assertThat(get(shortLived).statusCode()).isEqualTo(403);
      assertThat(get(dayLong).statusCode()).isEqualTo(200);
      assertThat(get(dayLong.substring(0, dayLong.indexOf('?'))).statusCode()).isEqualTo(403); // unsigned
      assertThat(get(dayLong.replace("links/a.txt", "links/b.txt")).statusCode()).isEqualTo(404);
      s.advance(Duration.ofDays(1));
      assertThat(get(dayLong).statusCode()).isEqualTo(403);

      assertThat(s.evaluate("function (id) { return wx.cloud.getTempFileURL({ fileList: Array(51).fill(id) })"
          + ".then(r => r.fileList.length, e => e.errCode + ' ' + e.errMsg) }", id))
          .isEqualTo("-501007 cloud.getTempFileURL:fail -501007 invalid parameters. fileList must not hold more"
              + " than 50 file IDs");
      assertThat(s.evaluate("function (id) { return wx.cloud.getTempFileURL({ fileList: Array(50).fill(id) })"
          + ".then(r => r.fileList.length) }", id)).isEqualTo(50);
      assertThat(s.errors()).isEmpty();
    }
  }
}
