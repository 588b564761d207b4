package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.files.internal.HostNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No path a page can write escapes the sandbox. The {@link FuzzTest} runs its seed corpus
 * ({@code src/test/resources/.../PathFuzzTestInputs}) in every build and fuzzes with {@code
 * JAZZER_FUZZ=1 ./mvnw -pl apis test -Dtest=PathFuzzTest -Djazzer.hooks=true} (the regression run
 * switches Jazzer's hooks off in {@code junit-platform.properties}: they cost ~30 s and find
 * nothing in seeds); {@link #generatedPaths()} checks the same
 * properties on 3,000 paths built from tricky pieces in every build.
 *
 * <p>Properties: parsing throws nothing but {@code File name too long}; a parsed path maps to a
 * host file inside its area; reads and writes through {@link FileOps} either work inside the user
 * folder or fail with an {@link ApiFailure}; nothing outside the sandbox changes; host names
 * round-trip.
 */
class PathFuzzTest {
  private static final String[] PIECES = {"wxfile://", "http://", "usr", "usr/", "tmp_", "store_", "/", "//", ".", "..", "../",
      "%2e", "%2f", "%2e%2e", "\\", "\0", "a", "b.txt", "中文", "\ud800", "~", "file://", "C:", "\n", " ", "x".repeat(120)};
  private static Path root;
  private static Path sentinelDir;
  private static Fixture fixture;

  @BeforeAll
  static void open() throws IOException {
    root = Files.createTempDirectory("sparrow-pathfuzz-");
    sentinelDir = Files.createDirectories(root.resolve("outside"));
    Files.writeString(sentinelDir.resolve("secret.txt"), "host secret");
    fixture = new Fixture(root, "wxfuzz", FileSandbox.Limits.DEFAULT);
    Files.createSymbolicLink(fixture.sandbox.userDir().resolve("link"), sentinelDir);
  }

  @AfterAll
  static void close() throws IOException {
    fixture.close();
    FileSandbox.deleteTree(root);
  }

  @FuzzTest(maxDuration = "60s")
  void pathsStayInTheSandbox(byte[] data) {
    if (data.length == 0) {
      return;
    }
    FileSandbox.Scheme scheme = (data[0] & 1) == 0 ? FileSandbox.Scheme.WXFILE : FileSandbox.Scheme.HTTP;
    check(scheme, new String(data, 1, data.length - 1, StandardCharsets.UTF_8));
  }

  @Test
  void generatedPaths() {
    Random random = new Random(20261125);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder path = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int j = 0; j < n; j++) {
        path.append(PIECES[random.nextInt(PIECES.length)]);
      }
      check(FileSandbox.Scheme.WXFILE, path.toString());
    }
  }

  private static void check(FileSandbox.Scheme scheme, String path) {
    Optional<LocalPath> local;
    try {
      local = PathRules.parse(scheme, path);
    } catch (ApiFailure tooLong) {
      assertThat(tooLong.reason()).isEqualTo("File name too long");
      return;
    }
    if (local.isPresent()) {
      LocalPath l = local.get();
      assertThat(l.relative().split("/")).doesNotContain("..", ".");
      if (l.area() != LocalPath.Area.PACKAGE && scheme == fixture.sandbox.scheme()) {
        hostPath(l).ifPresent(host -> assertThat(host.normalize().startsWith(areaRoot(l.area()))).as(path).isTrue());
        assertThat(PathRules.parse(scheme, PathRules.format(scheme, l.area(), l.relative()))).map(LocalPath::relative).contains(l.relative());
      }
      if (!l.relative().contains("\ud800")) {
        for (String seg : l.relative().split("/")) {
          String host;
          try {
            host = HostNames.encode(seg);
          } catch (ApiFailure tooLong) {
            assertThat(tooLong.reason()).isEqualTo("File name too long");
            continue;
          }
          assertThat(HostNames.decode(host)).isEqualTo(seg);
          assertThat(host.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HostNames.MAX_HOST_NAME);
          assertThat(host).doesNotContain("/");
        }
      }
    }
    if (scheme != fixture.sandbox.scheme()) {
      return;
    }
    byte[] data = {1};
    try {
      fixture.ops.writeFile(path, data);
      assertThat(fixture.sandbox.writable(path).normalize().startsWith(fixture.sandbox.userDir())).as(path).isTrue();
    } catch (ApiFailure expected) {
      // refused as WeChat refuses it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      fixture.ops.readFile(path, null, null);
    } catch (ApiFailure expected) {
      // fine
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> outside = Files.list(sentinelDir)) {
      assertThat(outside.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
      assertThat(Files.readString(sentinelDir.resolve("secret.txt"))).isEqualTo("host secret");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> hostPath(LocalPath l) {
    try {
      return fixture.sandbox.hostPath(l);
    } catch (ApiFailure tooLong) {
      assertThat(tooLong.reason()).isEqualTo("File name too long");
      return Optional.empty();
    }
  }

  private static Path areaRoot(LocalPath.Area area) {
    return switch (area) {
      case TEMP -> fixture.sandbox.tempDir();
      case STORE -> fixture.sandbox.storeDir();
      default -> fixture.sandbox.userDir();
    };
  }
}
