package dev.sparrow.bench;

import dev.sparrow.apis.device.Clock;
import dev.sparrow.apis.files.FileOps;
import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.SavedFiles;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The issue-6 numbers, side by side in one run on one disk:
 *
 * <ol>
 *   <li>{@code saveFile} of a 5 MB temp file vs. a plain {@code Files.move} of a 5 MB file between
 *       the same folders (target: within 2×), at the apis level and from page JS through a session;
 *   <li>{@code getSavedFileList} with 1,000 saved files (target: ≤ 20 ms), at the apis level and
 *       from page JS.
 * </ol>
 *
 * <p>{@code bench/run FileBench [rounds]} (default 500). Files go under {@code java.io.tmpdir}.
 */
public final class FileBench {
  private static final int FIVE_MB = 5 * 1024 * 1024;

  private FileBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    Path root = Files.createTempDirectory("sparrow-filebench-");
    try {
      saveVersusMove(root, rounds);
      savedFileList(root);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void saveVersusMove(Path root, int rounds) throws IOException {
    FileSandbox sandbox = new FileSandbox(root.resolve("data/wxbench"), "session-" + ProcessHandle.current().pid() + "-1",
        FileSandbox.Scheme.WXFILE, rel -> Optional.empty(), new FileSandbox.Limits(1L << 40, 1L << 40));
    SavedFiles saved = new SavedFiles(new FileOps(sandbox, Clock.system()), Clock.system());
    Path moveFrom = Files.createDirectories(root.resolve("data/plain/tmp"));
    Path moveTo = Files.createDirectories(root.resolve("data/plain/store"));
    byte[] content = new byte[FIVE_MB];
    Arrays.fill(content, (byte) 7);
    // warm both paths up (JIT) with small files, as in a JVM that has been running sessions; each file
    // gets a name of its own on both sides, so both pairs of folders have seen 20,000 names come and go
    for (int i = 0; i < 20_000; i++) {
      FileSandbox.LocalFile temp = sandbox.newTempFile("bin");
      Files.write(temp.file(), new byte[] {1});
      saved.remove(saved.save(temp.path()));
      Path plain = Files.write(moveFrom.resolve("w" + i + ".bin"), new byte[] {1});
      Files.delete(Files.move(plain, moveTo.resolve("w" + i + ".bin"), StandardCopyOption.ATOMIC_MOVE));
    }
    double[] save = new double[rounds];
    double[] move = new double[rounds];
    for (int i = -20; i < rounds; i++) {
      FileSandbox.LocalFile temp = sandbox.newTempFile("bin");
      Files.write(temp.file(), content);
      Path plain = Files.write(moveFrom.resolve("f" + i + ".bin"), content);
      // alternate which goes first: the first rename after writing 10 MB pays for the page cache
      boolean saveFirst = (i & 1) == 0;
      long t0 = System.nanoTime();
      Path target = saveFirst ? null : Files.move(plain, moveTo.resolve("f" + i + ".bin"), StandardCopyOption.ATOMIC_MOVE);
      long t1 = System.nanoTime();
      String path = saved.save(temp.path());
      long t2 = System.nanoTime();
      target = saveFirst ? Files.move(plain, moveTo.resolve("f" + i + ".bin"), StandardCopyOption.ATOMIC_MOVE) : target;
      long t3 = System.nanoTime();
      if (i >= 0) {
        save[i] = (t2 - t1) / 1e3;
        move[i] = (saveFirst ? t3 - t2 : t1 - t0) / 1e3;
      }
      saved.remove(path);
      Files.delete(target);
    }
    report("saveFile 5 MB (apis)", save, "Files.move 5 MB", move, "µs");

    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(root.resolve("session-data")).fileQuota(1L << 40))) {
      s.awaitIdle();
      for (int i = 0; i < 2_000; i++) {
        FileSandbox.LocalFile temp = s.files().newTempFile("bin");
        Files.write(temp.file(), new byte[] {1});
        s.evaluate("function (p) { return wx.saveFile({ tempFilePath: p }).then(function (r) { return wx.removeSavedFile({ filePath: r.savedFilePath }) }) }",
            temp.path());
      }
      double[] js = new double[rounds];
      for (int i = -20; i < rounds; i++) {
        FileSandbox.LocalFile temp = s.files().newTempFile("bin");
        Files.write(temp.file(), content);
        Path plain = Files.write(moveFrom.resolve("g" + i + ".bin"), content);
        boolean saveFirst = (i & 1) == 0;
        long t0 = System.nanoTime();
        Path target = saveFirst ? null : Files.move(plain, moveTo.resolve("g" + i + ".bin"), StandardCopyOption.ATOMIC_MOVE);
        long t1 = System.nanoTime();
        Object path = s.evaluate("function (p) { return wx.saveFile({ tempFilePath: p }).then(function (r) { return r.savedFilePath }) }", temp.path());
        long t2 = System.nanoTime();
        target = saveFirst ? Files.move(plain, moveTo.resolve("g" + i + ".bin"), StandardCopyOption.ATOMIC_MOVE) : target;
        long t3 = System.nanoTime();
        if (i >= 0) {
          js[i] = (t2 - t1) / 1e3;
          move[i] = (saveFirst ? t3 - t2 : t1 - t0) / 1e3;
        }
        s.evaluate("function (p) { return wx.removeSavedFile({ filePath: p }) }", path);
        Files.delete(target);
      }
      report("wx.saveFile 5 MB from page JS", js, "Files.move 5 MB", move, "µs");
      double[] trip = new double[rounds];
      for (int i = -20; i < rounds; i++) {
        long t0 = System.nanoTime();
        s.evaluate("function () { return wx.getStorageInfo() }");
        if (i >= 0) {
          trip[i] = (System.nanoTime() - t0) / 1e3;
        }
      }
      Arrays.sort(trip);
      System.out.printf("  (a Promise-style wx.getStorageInfo() from page JS, the same bridge round trip: median %.2f µs)%n", trip[rounds / 2]);
    }
    sandbox.close();
  }

  private static void savedFileList(Path root) throws IOException {
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(root.resolve("list-data")).fileQuota(1L << 40))) {
      s.awaitIdle();
      for (int i = 0; i < 1000; i++) {
        FileSandbox.LocalFile temp = s.files().newTempFile("txt");
        Files.writeString(temp.file(), "saved file " + i);
        s.evaluate("function (p) { return wx.saveFile({ tempFilePath: p }) }", temp.path());
      }
      int rounds = 200;
      double[] js = new double[rounds];
      double[] apis = new double[rounds];
      SavedFiles direct = new SavedFiles(new FileOps(s.files(), Clock.system()), Clock.system());
      for (int i = -50; i < rounds; i++) {
        long t0 = System.nanoTime();
        Object n = s.evaluate("function () { return wx.getSavedFileList().then(function (r) { return r.fileList.length }) }");
        long t1 = System.nanoTime();
        int m = direct.list().size();
        long t2 = System.nanoTime();
        if (!Integer.valueOf(1000).equals(n) || m != 1000) {
          throw new IllegalStateException("expected 1000 saved files, got " + n + " / " + m);
        }
        if (i >= 0) {
          js[i] = (t1 - t0) / 1e6;
          apis[i] = (t2 - t1) / 1e6;
        }
      }
      double[] empty = new double[rounds];
      for (int i = -10; i < rounds; i++) {
        long t0 = System.nanoTime();
        s.evaluate("function () { return 0 }");
        if (i >= 0) {
          empty[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      report("wx.getSavedFileList, 1,000 files, from page JS", js, "SavedFiles.list(), 1,000 files (apis)", apis, "ms");
      Arrays.sort(empty);
      System.out.printf("  (an empty evaluate round trip, included in the JS figure: median %.2f ms)%n", empty[rounds / 2]);
    }
  }

  private static void report(String name, double[] a, String reference, double[] b, String unit) {
    Arrays.sort(a);
    Arrays.sort(b);
    int n = a.length;
    System.out.printf("%s: median %.2f %s, p90 %.2f %s%n", name, a[n / 2], unit, a[n * 9 / 10], unit);
    System.out.printf("%s: median %.2f %s, p90 %.2f %s%n", reference, b[n / 2], unit, b[n * 9 / 10], unit);
    System.out.printf("  ratio of medians: %.2f×%n", a[n / 2] / b[n / 2]);
  }
}
