package dev.sparrow.runtime.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package tarball served by a registry on 127.0.0.1: integrity checked before unpacking, unpacked whole or not at
 * all.
 */
class NpmTarballTest {
  private final Map<String, byte[]> served = new LinkedHashMap<>();
  private final List<String> asked = new ArrayList<>();
  private HttpServer registry;
  private URI root;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws IOException {
    registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        asked.add(path);
        byte[] body = served.get(path);
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    registry.start();
    root = URI.create("http://127.0.0.1:" + registry.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    registry.stop(0);
  }

  @Test
  void aPublishedTarballIsDownloadedCheckedAndUnpackedWithoutItsPackagePrefix() throws Exception {
    byte[] tgz = tgz(Map.of(
        "package/package.json", "{\"name\":\"lib\",\"version\":\"1.0.0\"}",
        "package/LICENSE", "MIT licence text",
        "package/miniprogram_dist/" + "a".repeat(90) + "/" + "b".repeat(60) + ".js", "long path"));
    served.put("/lib/-/lib-1.0.0.tgz", tgz);
    NpmTarball lib = new NpmTarball("lib", "1.0.0", integrity(tgz));

    Path target = dir.resolve("cache/lib@1.0.0");
    lib.download(HttpClient.newHttpClient(), root, Duration.ofSeconds(10), target);

    assertThat(asked).containsExactly("/lib/-/lib-1.0.0.tgz");
    assertThat(Files.readString(target.resolve("LICENSE"))).isEqualTo("MIT licence text");
    assertThat(Files.readString(target.resolve("miniprogram_dist/" + "a".repeat(90) + "/" + "b".repeat(60) + ".js")))
        .isEqualTo("long path");
    try (var left = Files.list(target.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("lib@1.0.0");
    }
  }

  @Test
  void bytesThatDoNotMatchThePublishedIntegrityAreNeverUnpacked() throws Exception {
    byte[] tgz = tgz(Map.of("package/package.json", "{}"));
    served.put("/lib/-/lib-1.0.0.tgz", tgz);
    NpmTarball lib = new NpmTarball("lib", "1.0.0", integrity("other bytes".getBytes(StandardCharsets.UTF_8)));

    Path target = dir.resolve("cache/lib@1.0.0");
    assertThatThrownBy(() -> lib.download(HttpClient.newHttpClient(), root, Duration.ofSeconds(10), target))
        .hasMessageStartingWith("lib@1.0.0 failed its integrity check");
    assertThat(target).doesNotExist();
  }

  @Test
  void aMissingVersionAndAnEntryLeavingThePackageFail() throws Exception {
    NpmTarball missing = new NpmTarball("@scope/none", "2.0.0", integrity(new byte[0]));
    HttpClient http = HttpClient.newHttpClient();
    assertThatThrownBy(() -> missing.download(http, root, Duration.ofSeconds(10), dir.resolve("x")))
        .hasMessageEndingWith("answered HTTP 404");
    assertThat(asked).containsExactly("/@scope/none/-/none-2.0.0.tgz");

    byte[] evil = tgz(Map.of("package/../../escaped.txt", "no"));
    assertThatThrownBy(() -> NpmTarball.unpack(evil, dir.resolve("evil"))).hasMessageContaining("leaves the package");
    assertThat(dir.resolve("evil")).doesNotExist();
    assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
  }

  static String integrity(byte[] bytes) throws Exception {
    return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
  }

  /** A gzipped tar as npm's packer writes it: ustar headers, a path over 100 characters split into prefix and name. */
  static byte[] tgz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        String name = f.getKey();
        String prefix = "";
        if (name.length() > 100) {
          int cut = name.lastIndexOf('/', name.length() - 1);
          while (name.length() - cut - 1 > 100 || cut > 155) {
            cut = name.lastIndexOf('/', cut - 1);
          }
          prefix = name.substring(0, cut);
          name = name.substring(cut + 1);
        }
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 124, String.format("%011o", data.length));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        put(header, 345, prefix);
        gz.write(header);
        gz.write(data);
        gz.write(new byte[(512 - data.length % 512) % 512]);
      }
      gz.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static void put(byte[] header, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, header, at, b.length);
  }
}
