package dev.sparrow.demo;

import static dev.sparrow.demo.DemoApp.find;
import static dev.sparrow.demo.DemoApp.shows;
import static dev.sparrow.demo.DemoApp.tap;
import static dev.sparrow.demo.DemoApp.text;
import static dev.sparrow.demo.DemoApp.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.network.TrafficEntry;
import dev.sparrow.apis.ui.Toast;
import dev.sparrow.runtime.PageHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network pages driven as a person would, against the real backend through host mapping. */
class NetworkPagesTest extends DemoPagesTest {
  @Test
  void fetchingTheHomePagePutsItsHtmlInTheTextarea() {
    PageHandle page = app.open("request");
    assertThat(find(page, "#html").attribute("value")).isEqualTo("");
    tap(page, "#fetch");
    assertThat(text(page, "#status")).isEqualTo("200");
    assertThat(text(page, "#content-type")).isEqualTo("text/html;charset=utf-8");
    assertThat(text(page, "#title")).isEqualTo("百度一下，你就知道");
    assertThat((String) find(page, "#html").attribute("value")).startsWith("<!DOCTYPE html>").contains("百度一下");
    TrafficEntry entry = app.session.traffic().get(0);
    assertThat(entry.url()).isEqualTo("https://www.baidu.com/");
    assertThat(entry.mappedTo()).isEqualTo("127.0.0.1:" + backend.port());
  }

  @Test
  void aPostcodeQueryByGetShowsALoadingToastThenTheAddresses() {
    PageHandle page = app.open("postcode");
    find(page, "#postcode").input("100080");
    tap(page, "#query-get");
    assertThat(app.session.toastHistory()).extracting(Toast::title, Toast::icon).contains(org.assertj.core.groups.Tuple.tuple("Querying…", "loading"));
    assertThat(app.session.toast()).as("hidden when the answer came").isEmpty();
    assertThat(text(page, "#summary")).isEqualTo("3 addresses for 100080 · GET");
    assertThat(texts(page, ".street")).containsExactly("中关村大街100080", "海淀大街100080", "苏州街100080");
    Received.Query q = backend.received().queries().get(backend.received().queries().size() - 1);
    assertThat(q.method()).isEqualTo("GET");
    assertThat(q.params()).containsEntry("postcode", "100080").containsEntry("key", "3c2f0e6a9b8d4f17a5e2c1b0d9f8e7a6")
        .containsEntry("pagesize", "20").containsEntry("dtype", "json");
  }

  @Test
  void aPostcodeQueryByPostSendsAFormAndReportsUnknownPostcodes() {
    PageHandle page = app.open("postcode");
    tap(page, "#query-post");
    assertThat(text(page, "#summary")).isEqualTo("8 addresses for 215001 · POST");
    assertThat(texts(page, ".place")).hasSize(8).allMatch(p -> p.equals("江苏省 苏州市 姑苏区"));
    assertThat(backend.received().queries()).anySatisfy(q -> {
      assertThat(q.method()).isEqualTo("POST");
      assertThat(q.params()).containsEntry("postcode", "215001");
    });
    find(page, "#postcode").input("999999");
    tap(page, "#query-post");
    assertThat(text(page, "#message")).isEqualTo("查询无结果");
    assertThat(shows(page, "#summary")).isFalse();
    find(page, "#postcode").input("12");
    tap(page, "#query-get");
    assertThat(app.session.toastHistory().get(app.session.toastHistory().size() - 1).title()).isEqualTo("A postcode has 6 digits");
  }

  @Test
  void uploadingAChosenPhotoShowsWhatTheServerReceived() throws Exception {
    Path photo = album.resolve("IMG_0002.jpg");
    app.session.album().offer(photo);
    PageHandle page = app.open("upload");
    assertThat(find(page, "#upload").attribute("disabled")).isEqualTo(true);
    tap(page, "#choose");
    assertThat(shows(page, "#chosen")).isTrue();
    tap(page, "#upload");
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(photo)));
    long size = Files.size(photo);
    assertThat(text(page, "#status")).isEqualTo("200");
    assertThat(text(page, "#file-field")).isEqualTo("photo");
    assertThat(text(page, "#file-name")).matches("tmp_[0-9a-f]{32}\\.jpg");
    assertThat(text(page, "#file-type")).isEqualTo("image/jpeg");
    assertThat(text(page, "#file-size")).startsWith(size + " bytes");
    assertThat(text(page, "#file-md5")).isEqualTo(md5);
    assertThat(text(page, "#md5-check")).isEqualTo("✓ Same bytes as the local file");
    assertThat(page.data("progress")).isEqualTo(100);
    Received.Upload u = backend.received().uploads().get(backend.received().uploads().size() - 1);
    assertThat(u.fields()).isEqualTo(Map.of("user", "sparrow", "album", "Demo"));
    assertThat(u.files()).singleElement().satisfies(f -> {
      assertThat(f.md5()).isEqualTo(md5);
      assertThat(f.size()).isEqualTo(size);
    });
  }

  @Test
  void downloadingThePictureReportsProgressAndShowsIt() {
    PageHandle page = app.open("download");
    tap(page, "#download");
    assertThat(page.data("progress")).isEqualTo(100);
    String path = text(page, "#path");
    assertThat(path).matches("wxfile://tmp_[0-9a-f]{32}\\.jpg");
    assertThat(find(page, "#picture").attribute("src")).isEqualTo(path);
    int expected = backend.cdnBytes("/images/landscape.jpg").length;
    assertThat(app.session.files().readable(path).toFile().length()).isEqualTo(expected);
    assertThat(text(page, "#bytes")).endsWith("of " + String.format("%.1f KB", expected / 1024.0));
    tap(page, "#picture");
    assertThat(app.session.album().previews()).isNotEmpty();
  }

  @Test
  void theEchoChatWorksWithASocketTaskAndWithTheLegacyGlobals() {
    PageHandle page = app.open("socket");
    for (String mode : List.of("task", "legacy")) {
      tap(page, "#mode-" + mode);
      tap(page, "#connect");
      assertThat(text(page, "#state")).isEqualTo("open");
      find(page, "#draft").input("你好 " + mode);
      tap(page, "#send");
      app.until("the echo", () -> texts(page, ".line.echo .bubble").size() == 2);
      assertThat(texts(page, ".line.me .bubble")).containsExactly("你好 " + mode);
      assertThat(texts(page, ".line.echo .bubble")).containsExactly(EchoSocket.GREETING, "你好 " + mode);
      tap(page, "#disconnect");
      assertThat(text(page, "#state")).isEqualTo("closed");
      assertThat(texts(page, ".line.note .bubble")).contains("connected to wss://echo.websocket.org", "closed (1000)");
    }
    assertThat(backend.received().messages()).contains("你好 task", "你好 legacy");
  }
}
