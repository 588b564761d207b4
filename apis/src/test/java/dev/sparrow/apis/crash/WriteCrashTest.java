package dev.sparrow.apis.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.apis.storage.AtomicFiles;
import dev.sparrow.apis.storage.KeyValueStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash consistency of the writers into an appid's data folder other than {@code saveFile} (see
 * SaveCrashTest): {@code downloadFile} with {@code filePath}, {@code writeFile} and {@code setStorage}.
 * A child JVM writes in a loop and is killed with SIGKILL while a write is under way (for a download:
 * once its partial file exists, mid-stream). Afterwards, in a fresh sandbox, no half file is there or
 * listed, every write the child confirmed is whole, and the quota counts exactly the files there.
 */
class WriteCrashTest {
  private static final int SIZE = 2 * 1024 * 1024;
  static LoopbackServer server;
  @TempDir Path root;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start().route("/drip", (rq, rs, cb) -> {
      int i = Integer.parseInt(rq.getHttpURI().getQuery().substring(2));
      byte[] body = WriteCrashChild.content(i, SIZE);
      rs.setStatus(200);
      rs.getHeaders().put("Content-Length", body.length);
      try (OutputStream out = Content.Sink.asOutputStream(rs)) {
        for (int at = 0; at < body.length; at += 16 * 1024) { // slowly, so that a kill lands mid-stream
          out.write(body, at, Math.min(16 * 1024, body.length - at));
          out.flush();
          Thread.sleep(2);
        }
      }
      cb.succeeded();
    });
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"download", "writeFile", "setStorage"})
  void aWriteInterruptedByAKilledJvmIsAllOrNothing(String mode) throws Exception {
    Path appDir = root.resolve("data/wxcrash");
    Set<Integer> confirmed = new HashSet<>();
    int next = 0;
    for (int round = 0; round < 3; round++) {
      int killAt = next + 1 + round;
      runAndKill(mode, appDir, next, killAt, confirmed);
      next = killAt + 1;
    }
    if (mode.equals("setStorage")) {
      checkStorage(appDir.resolve("storage"), confirmed, next);
    } else {
      checkUserFiles(appDir, mode.equals("download") ? "d" : "w", confirmed);
    }
  }

  private static void checkUserFiles(Path appDir, String prefix, Set<Integer> confirmed) throws Exception {
    FileSandbox sandbox = new FileSandbox(appDir, "session-" + ProcessHandle.current().pid() + "-crashcheck",
        FileSandbox.Scheme.WXFILE, rel -> Optional.empty());
    try (sandbox; Stream<Path> files = Files.list(sandbox.userDir())) {
      long total = 0;
      Set<Integer> present = new HashSet<>();
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        assertThat(name).as("no partial file is left").doesNotStartWith(".");
        int i = Integer.parseInt(name.substring(prefix.length(), name.indexOf('.')));
        assertThat(Files.readAllBytes(f)).as("whole file " + name).isEqualTo(WriteCrashChild.content(i, SIZE));
        present.add(i);
        total += Files.size(f);
      }
      assertThat(present).containsAll(confirmed);
      assertThat(present.size()).isBetween(confirmed.size(), confirmed.size() + 3);
      assertThat(sandbox.quota().usedBytes()).as("the quota counts exactly what is there").isEqualTo(total);
    }
  }

  private static void checkStorage(Path dir, Set<Integer> confirmed, int next) throws Exception {
    KeyValueStorage storage = KeyValueStorage.open(dir, new KeyValueStorage.Limits(1L << 30, 1L << 40));
    for (int i = 0; i < next; i++) {
      Optional<KeyValueStorage.Entry> e = storage.get("k" + i);
      if (confirmed.contains(i)) {
        assertThat(e).as("confirmed k" + i).isPresent();
      }
      if (e.isPresent()) {
        assertThat(e.get().json()).as("whole value k" + i).isEqualTo("\"" + WriteCrashChild.text(i, SIZE) + "\"");
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
    }
  }

  private static long partials(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
    }
  }

  /** Starts a child writing from {@code first}; kills it once write {@code killAt} is under way. */
  private static void runAndKill(String mode, Path appDir, int first, int killAt, Set<Integer> confirmed)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        WriteCrashChild.class.getName(), mode, appDir.toString(), String.valueOf(first), String.valueOf(SIZE),
        server.http("/drip"));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    Path watched = mode.equals("setStorage") ? appDir.resolve("storage") : appDir.resolve("usr");
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.equals("writing " + killAt)) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (mode.equals("download") && partials(watched) == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          child.destroyForcibly();
          break;
        }
        if (line.startsWith("written ")) {
          confirmed.add(Integer.parseInt(line.substring(8)));
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
