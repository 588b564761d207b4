package dev.sparrow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend on the wire: each site by its Host, ranges, uploads, the inspection endpoint. */
class DemoBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static DemoBackend backend;
  static int port;

  @BeforeAll
  static void start() {
    backend = DemoBackend.start();
    port = backend.port();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void itListensOnLoopbackOnly() {
    assertThat(backend.address()).isEqualTo("http://127.0.0.1:" + port);
  }

  @Test
  void theHomePageIsHtmlForItsHostOnly() throws Exception {
    Wire.Answer home = Wire.get(port, "www.baidu.com", "/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(home.text()).contains("<title>百度一下，你就知道</title>");
    assertThat(Wire.get(port, "www.baidu.com", "/nothing").status()).isEqualTo(404);
    assertThat(Wire.get(port, "unknown.example.org", "/").status()).isEqualTo(421);
  }

  @Test
  void thePostcodeServiceReadsTheQueryOrAFormBody() throws Exception {
    JsonNode get = JSON.readTree(Wire.get(port, "v.juhe.cn", "/postcode/query?postcode=200030&key=k&dtype=json").body());
    assertThat(get.path("error_code").asInt()).isEqualTo(0);
    assertThat(get.path("result").path("list").get(0).path("Address").asText()).isEqualTo("华山路");

    byte[] form = "postcode=100871&key=k&page=1&pagesize=20".getBytes(StandardCharsets.UTF_8);
    Wire.Answer post = Wire.exchange(port, "POST", "v.juhe.cn", "/postcode/query",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    assertThat(post.header("Content-Type")).startsWith("application/json");
    assertThat(JSON.readTree(post.body()).path("result").path("list").get(0).path("District").asText()).isEqualTo("海淀区");

    Wire.Answer json = Wire.exchange(port, "POST", "v.juhe.cn", "/postcode/query", Map.of("Content-Type", "application/json"),
        "{\"postcode\":\"100871\",\"key\":\"k\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.readTree(json.body()).path("error_code").asInt()).as("a JSON body is not read").isEqualTo(10001);
    assertThat(backend.received().queries()).contains(new Received.Query("POST", Map.of("postcode", "100871", "key", "k", "page", "1",
        "pagesize", "20")));
  }

  @Test
  void uploadsAreReportedWithFieldsFileNamesSizesTypesAndMd5() throws Exception {
    byte[] photo = new byte[70_000];
    new java.util.Random(7).nextBytes(photo);
    String boundary = "----sparrow-test";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n麻雀\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"tmp_1.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(photo);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Wire.Answer a = Wire.exchange(port, "POST", "api.example.com", "/upload",
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body.toByteArray());
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(photo));
    JsonNode report = JSON.readTree(a.body());
    assertThat(report.path("code").asInt()).isEqualTo(0);
    assertThat(report.path("fields").path("user").asText()).isEqualTo("麻雀");
    assertThat(JSON.convertValue(report.path("files").get(0), Map.class)).isEqualTo(Map.of("field", "photo", "fileName", "tmp_1.jpg",
        "contentType", "image/jpeg", "size", 70_000, "md5", md5));
    assertThat(backend.received().uploads()).contains(new Received.Upload(Map.of("user", "麻雀"),
        List.of(new Received.UploadedFile("photo", "tmp_1.jpg", "image/jpeg", 70_000, md5))));

    assertThat(Wire.exchange(port, "POST", "api.example.com", "/upload", Map.of("Content-Type", "text/plain"), new byte[3]).status())
        .isEqualTo(400);
    assertThat(Wire.get(port, "api.example.com", "/upload").status()).isEqualTo(405);
  }

  @Test
  void theCdnServesRangesAndRevalidates() throws Exception {
    byte[] song = backend.cdnBytes("/music/sparrow-song.mp3");
    Wire.Answer whole = Wire.get(port, "cdn.example.com", "/music/sparrow-song.mp3");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(whole.body()).isEqualTo(song);

    Wire.Answer part = Wire.exchange(port, "GET", "cdn.example.com", "/music/sparrow-song.mp3", Map.of("Range", "bytes=1000-1999"), null);
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/" + song.length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(song, 1000, 2000));

    Wire.Answer tail = Wire.exchange(port, "GET", "cdn.example.com", "/music/sparrow-song.mp3", Map.of("Range", "bytes=-10"), null);
    assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(song, song.length - 10, song.length));

    Wire.Answer beyond = Wire.exchange(port, "GET", "cdn.example.com", "/music/sparrow-song.mp3",
        Map.of("Range", "bytes=" + song.length + "-"), null);
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + song.length);

    Wire.Answer head = Wire.exchange(port, "HEAD", "cdn.example.com", "/docs/field-guide.pdf", Map.of(), null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(backend.cdnBytes("/docs/field-guide.pdf").length));
    assertThat(head.body()).isEmpty();

    String etag = whole.header("ETag");
    assertThat(Wire.exchange(port, "GET", "cdn.example.com", "/music/sparrow-song.mp3", Map.of("If-None-Match", etag), null).status())
        .isEqualTo(304);
    assertThat(Wire.get(port, "cdn.example.com", "/music/missing.mp3").status()).isEqualTo(404);
    assertThat(backend.received().fetches()).contains(new Received.Fetch("GET", "/music/sparrow-song.mp3", "bytes=1000-1999", 206));
  }

  @Test
  void everyCdnFileIsWhatItsTypeSays() throws Exception {
    assertThat(backend.cdnPaths()).contains("/images/landscape.jpg", "/music/cover.jpg", "/docs/quarterly-report.docx");
    for (String path : backend.cdnPaths()) {
      byte[] b = backend.cdnBytes(path);
      String start = new String(b, 0, 4, StandardCharsets.ISO_8859_1);
      if (path.endsWith(".jpg")) {
        assertThat(b[0] & 0xff).as(path).isEqualTo(0xff);
        assertThat(b[1] & 0xff).as(path).isEqualTo(0xd8);
      } else if (path.endsWith(".png")) {
        assertThat(start).as(path).isEqualTo("\u0089PNG");
      } else if (path.endsWith(".pdf")) {
        assertThat(start).as(path).isEqualTo("%PDF");
      } else if (path.endsWith(".docx")) {
        assertThat(start).as(path).isEqualTo("PK\u0003\u0004");
      } else if (path.endsWith(".mp3")) {
        assertThat(b[0] & 0xff).as(path + " starts with a frame").isEqualTo(0xff);
      }
    }
    assertThat(backend.cdnBytes("/images/landscape.jpg")).as("made once, then kept").isSameAs(backend.cdnBytes("/images/landscape.jpg"));
  }

  @Test
  void itsOwnAddressListsTheSitesAndWhatWasReceived() throws Exception {
    JsonNode index = JSON.readTree(Wire.get(port, "127.0.0.1:" + port, "/").body());
    assertThat(index.path("sites").path("https://v.juhe.cn").asText()).isEqualTo("request");
    JsonNode received = JSON.readTree(Wire.get(port, "127.0.0.1:" + port, "/_received").body());
    assertThat(received.has("uploads") && received.has("queries") && received.has("fetches") && received.has("messages")).isTrue();
  }
}
