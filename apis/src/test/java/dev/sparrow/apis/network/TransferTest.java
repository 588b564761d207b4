package dev.sparrow.apis.network;

import static dev.sparrow.apis.network.LoopbackServer.body;
import static dev.sparrow.apis.network.LoopbackServer.respond;
import static dev.sparrow.apis.network.NetworkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.FileOps;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** uploadFile and downloadFile on real servers: multipart, streaming, limits, aborts, host mapping. */
class TransferTest {
  static final long GIB = 1L << 30;
  static LoopbackServer server;
  NetworkFixture f;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start()
        .route("/echo", (rq, rs, cb) -> {
          rs.getHeaders().put("X-Upload-Type", String.valueOf(rq.getHeaders().get("Content-Type")));
          respond(rs, cb, 200, "text/plain", body(rq));
        })
        .route("/count", LoopbackServer.countingSink())
        .route("/bytes", LoopbackServer.zeros())
        .route("/chunked", (rq, rs, cb) -> {
          long n = Long.parseLong(rq.getHttpURI().getQuery().substring(2));
          rs.setStatus(200);
          byte[] chunk = new byte[1 << 16];
          try (OutputStream out = Content.Sink.asOutputStream(rs)) {
            for (long left = n; left > 0; left -= chunk.length) {
              out.write(chunk, 0, (int) Math.min(chunk.length, left));
              out.flush();
            }
          }
          cb.succeeded();
        })
        .route("/missing.png", (rq, rs, cb) -> respond(rs, cb, 404, "text/html", "<h1>404</h1>"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void fixture() throws Exception {
    f = new NetworkFixture(b -> b.downloadLimit(2 * GIB));
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private Path tempFile(String name, byte[] content) throws Exception {
    Path p = f.files.tempDir().resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void uploadSendsFormFieldsThenTheFileWithItsContentType() throws Exception {
    Path file = tempFile("tmp_abc.png", "PNGDATA".getBytes());
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("user", "喵");
    form.put("n", 3);
    UploadFile.Result r = await(f.net.uploadFile(new UploadFile.Options(server.http("/echo"), file, "tmp_abc.png", "photo",
        Map.of("Content-Type", "text/plain", "X-Page", "1"), form, null, false), f.recorder));
    assertThat(r.statusCode()).isEqualTo(200);
    String type = r.header().get("X-Upload-Type");
    assertThat(type).startsWith("multipart/form-data; boundary=");
    String boundary = type.substring(type.indexOf('=') + 1);
    assertThat(r.data()).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\n喵\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n3\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"tmp_abc.png\"\r\nContent-Type: image/png\r\n\r\n"
        + "PNGDATA\r\n--" + boundary + "--\r\n");
    assertThat(f.events).contains("headers 200").anyMatch(e -> e.startsWith("progress 100 "));
  }

  @Test
  void aGibibyteUploadIsStreamedWithProgress() throws Exception {
    Path big = f.files.tempDir().resolve("tmp_big.bin");
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[1]), GIB - 1);
    }
    UploadFile.Result r = await(f.net.uploadFile(new UploadFile.Options(server.http("/count"), big, "tmp_big.bin", "file", Map.of(), Map.of(),
        null, false), f.recorder));
    long received = Long.parseLong(r.data().replaceAll("\\D", ""));
    assertThat(received).isGreaterThan(GIB).isLessThan(GIB + 1024);
    assertThat(f.events.stream().filter(e -> e.startsWith("progress")).count()).isBetween(50L, 102L);
  }

  @Test
  void downloadStreamsToANewTempFileEvenForA404() throws Exception {
    DownloadFile.Result r = await(f.net.downloadFile(new DownloadFile.Options(server.http("/missing.png"), Map.of(), null, null, false),
        f.recorder));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.tempFilePath()).startsWith("wxfile://tmp_").endsWith(".png");
    assertThat(Files.readString(f.files.readable(r.tempFilePath()))).isEqualTo("<h1>404</h1>");
  }

  @Test
  void aGibibyteDownloadIsStreamedToDisk() throws Exception {
    Runtime rt = Runtime.getRuntime();
    DownloadFile.Result r = await(f.net.downloadFile(new DownloadFile.Options(server.http("/bytes?n=" + GIB), Map.of(), null, null, false),
        f.recorder));
    assertThat(Files.size(f.files.readable(r.tempFilePath()))).isEqualTo(GIB);
    assertThat(rt.totalMemory()).as("heap stays small").isLessThan(GIB);
    assertThat(f.events.stream().filter(e -> e.startsWith("progress")).count()).isBetween(50L, 102L);
    Files.delete(f.files.readable(r.tempFilePath()));
  }

  @Test
  void aDownloadToFilePathLandsAtomicallyInTheUserFolder() throws Exception {
    DownloadFile.Result r = await(f.net.downloadFile(new DownloadFile.Options(server.http("/bytes?n=1000"), Map.of(), null,
        "wxfile://usr/data.bin", false), f.recorder));
    assertThat(r.filePath()).isEqualTo("wxfile://usr/data.bin");
    assertThat(r.tempFilePath()).isNull();
    assertThat(Files.size(f.files.userDir().resolve("data.bin"))).isEqualTo(1000);
    try (var listing = Files.list(f.files.userDir())) {
      assertThat(listing).hasSize(1);
    }
    assertThatThrownBy(() -> f.net.downloadFile(new DownloadFile.Options(server.http("/bytes?n=1"), Map.of(), null, "wxfile://tmp_x", false),
        f.recorder)).hasMessageStartingWith("permission denied");
  }

  @Test
  void aDownloadToFilePathStaysWithinTheUserDataQuotaWhileStreaming() throws Exception {
    long mib = 1 << 20;
    FileOps ops = new FileOps(f.files, Clock.system());
    ops.writeFile("wxfile://usr/nine.bin", new byte[(int) (9 * mib)]);
    for (String url : new String[] {server.http("/bytes?n=" + 5 * mib), server.http("/chunked?n=" + 50 * mib)}) {
      assertThatThrownBy(() -> await(f.net.downloadFile(new DownloadFile.Options(url, Map.of(), null,
          "wxfile://usr/x.bin", false), f.recorder)))
          .hasMessage("the maximum size of the file storage limit is exceeded")
          .satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(1300202));
      try (var listing = Files.list(f.files.userDir())) {
        assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("nine.bin");
      }
    }
    assertThat(f.files.quota().usedBytes()).isEqualTo(9 * mib);
    DownloadFile.Result r = await(f.net.downloadFile(new DownloadFile.Options(server.http("/chunked?n=" + 512 * 1024),
        Map.of(), null, "wxfile://usr/half.bin", false), f.recorder));
    assertThat(r.size()).isEqualTo(512 * 1024);
    assertThat(f.files.quota().usedBytes()).as("the download is charged").isEqualTo(9 * mib + 512 * 1024);
    assertThatThrownBy(() -> ops.writeFile("wxfile://usr/more.bin", new byte[(int) mib]))
        .hasMessage("the maximum size of the file storage limit is exceeded");
    await(f.net.downloadFile(new DownloadFile.Options(server.http("/bytes?n=" + 1024), Map.of(), null,
        "wxfile://usr/half.bin", false), f.recorder));
    assertThat(f.files.quota().usedBytes()).as("a replaced file gives its room back").isEqualTo(9 * mib + 1024);
  }

  @Test
  void overTheSizeLimitNothingIsKept() throws Exception {
    try (NetworkFixture small = new NetworkFixture(b -> b.downloadLimit(1000))) {
      assertThatThrownBy(() -> await(small.net.downloadFile(new DownloadFile.Options(server.http("/bytes?n=5000"), Map.of(), null, null, false),
          small.recorder))).hasMessage("exceed max file size");
      try (var listing = Files.list(small.files.tempDir())) {
        assertThat(listing).isEmpty();
      }
    }
  }

  @Test
  void abortMidDownloadRemovesThePartialFile() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    try (FaultServer fs = new FaultServer((s, out) -> {
      out.write(FaultServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"));
      out.write(new byte[4000]);
      out.flush();
      started.countDown();
      never.await(20, TimeUnit.SECONDS);
    })) {
      HttpTask<DownloadFile.Result> task = f.net.downloadFile(new DownloadFile.Options(fs.url() + "file.zip", Map.of(), null, null, false),
          f.recorder);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      task.abort();
      assertThatThrownBy(() -> await(task)).hasMessage("abort");
      never.countDown();
      try (var listing = Files.list(f.files.tempDir())) {
        assertThat(listing).isEmpty();
      }
    }
  }

  @Test
  void hostMappingIsAResolverWhitelistHostRefererAndLogKeepThePagesUrl() throws Exception {
    try (NetworkFixture mapped = new NetworkFixture(b -> b.verifyDomains(true)
        .allowDomains(Family.REQUEST, "api.example.com", "secure.example.com", "other.example.org")
        .hostMap(HostMap.EMPTY.with("https://api.example.com", "http://127.0.0.1:" + server.httpPort())
            .with("https://secure.example.com", "https://127.0.0.1:" + server.tlsPort())
            .with("https://other.example.org", "https://127.0.0.1:" + server.tlsPort())))) {
      server.clearRecorded();
      Request.Result r = mapped.get("https://api.example.com/echo?x=1");
      assertThat(r.statusCode()).isEqualTo(200);
      LoopbackServer.Recorded seen = server.takeRequest();
      assertThat(seen.header("Host")).isEqualTo("api.example.com");
      assertThat(seen.target()).isEqualTo("/echo?x=1");
      assertThat(mapped.get("https://secure.example.com/echo").statusCode()).isEqualTo(200);
      assertThat(server.takeRequest().header("Host")).isEqualTo("secure.example.com");
      assertThatThrownBy(() -> mapped.get("https://other.example.org/echo")).hasMessage("net::ERR_CERT_COMMON_NAME_INVALID");
      assertThatThrownBy(() -> mapped.get("https://unlisted.example.com/echo")).hasMessage("url not in domain list");
      TrafficEntry e = mapped.net.traffic().entries().get(0);
      assertThat(e.url()).isEqualTo("https://api.example.com/echo?x=1");
      assertThat(e.mappedTo()).isEqualTo("127.0.0.1:" + server.httpPort());
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
