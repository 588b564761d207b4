package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.device.Clock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash consistency of {@code saveFile}: a child JVM saves files in a loop and is killed with
 * SIGKILL right after it announces a save. Afterwards every listed file is whole, every save the
 * child confirmed is listed, no partial file is left or counted, and the dead session's temp folder
 * goes with the next session. Run with plain renames and with the copy path (different file
 * systems), where a save has a long window to die in.
 */
class SaveCrashTest {
  private static final int SIZE = 3 * 1024 * 1024;
  @TempDir Path root;

  @ParameterizedTest(name = "copyMoves={0}")
  @ValueSource(booleans = {false, true})
  void aSaveInterruptedByAKilledJvmIsAllOrNothing(boolean copyMoves) throws Exception {
    Path appDir = root.resolve("data/wxcrash");
    Map<String, Integer> confirmed = new HashMap<>();
    int next = 0;
    long partialsLeft = 0;
    for (int round = 0; round < 3; round++) {
      int killAt = next + 2 + round;
      runAndKill(appDir, next, killAt, copyMoves, confirmed);
      next = killAt + 1;
      partialsLeft += partials(appDir.resolve("store"));
    }
    FileSandbox sandbox = new FileSandbox(appDir, "session-" + ProcessHandle.current().pid() + "-crashcheck", FileSandbox.Scheme.WXFILE,
        rel -> Optional.empty());
    try {
      SavedFiles saved = new SavedFiles(new FileOps(sandbox, Clock.system()), Clock.system());
      List<SavedFiles.SavedFile> list = saved.list();
      long total = 0;
      List<String> listed = new ArrayList<>();
      for (SavedFiles.SavedFile f : list) {
        byte[] bytes = Files.readAllBytes(sandbox.readable(f.filePath()));
        assertThat(bytes).as("whole file " + f.filePath()).hasSize(SIZE);
        int index = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        assertThat(bytes).as("content of " + f.filePath()).isEqualTo(SaveCrashChild.content(index, SIZE));
        total += f.size();
        listed.add(f.filePath());
      }
      if (copyMoves) {
        assertThat(partialsLeft).as("kills landed mid-copy").isPositive();
      }
      assertThat(listed).containsAll(confirmed.keySet());
      assertThat(listed.size()).isBetween(confirmed.size(), confirmed.size() + 3);
      assertThat(sandbox.quota().usedBytes()).isEqualTo(total);
      try (Stream<Path> store = Files.list(sandbox.storeDir())) {
        assertThat(store.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
      }
      try (Stream<Path> tmp = Files.list(appDir.resolve("tmp"))) {
        assertThat(tmp.map(p -> p.getFileName().toString())).containsExactly(sandbox.tempDir().getFileName().toString());
      }
    } finally {
      sandbox.close();
    }
  }

  private static long partials(Path store) throws Exception {
    try (Stream<Path> files = Files.list(store)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
    }
  }

  /**
   * Starts a child saving from {@code first}; kills it once it announces save {@code killAt} — with
   * copy moves, as soon as that save's partial file shows up in the store (mid-copy).
   */
  private static void runAndKill(Path appDir, int first, int killAt, boolean copyMoves, Map<String, Integer> confirmed) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-Dsparrow.files.copyMoves=" + copyMoves,
        "-cp", System.getProperty("java.class.path"), SaveCrashChild.class.getName(),
        appDir.toString(), String.valueOf(first), String.valueOf(SIZE));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.equals("saving " + killAt)) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (copyMoves && partials(appDir.resolve("store")) == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          child.destroyForcibly();
          break;
        }
        if (line.startsWith("saved ")) {
          String[] parts = line.split(" ");
          confirmed.put(parts[2], Integer.parseInt(parts[1]));
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
