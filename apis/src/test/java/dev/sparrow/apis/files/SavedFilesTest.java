package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wx.saveFile and friends on real folders: move semantics, listing, quota edges, concurrency, persistence. */
class SavedFilesTest {
  private static final long MB = 1024 * 1024;
  @TempDir Path root;

  @Test
  void savingMovesTheTempFileIntoTheStore() throws Exception {
    try (Fixture f = new Fixture(root)) {
      String temp = f.temp("png", new byte[] {7, 8, 9});
      String saved = f.saved.save(temp);
      assertThat(saved).matches("wxfile://store_[0-9a-f]{32}\\.png");
      assertThat(f.sandbox.resolve(temp)).isEmpty();
      assertThat(Files.readAllBytes(f.sandbox.readable(saved))).containsExactly(7, 8, 9);
      assertThatThrownBy(() -> f.saved.save(temp)).isInstanceOf(ApiFailure.class).hasMessage("tempFilePath file not exist");
    }
  }

  @Test
  void onlyTempFilesCanBeSaved() throws Exception {
    try (Fixture f = new Fixture(root)) {
      f.ops.writeFile(f.usr("a.txt"), new byte[] {1});
      String saved = f.saved.save(f.temp("txt", new byte[] {1}));
      for (String notTemp : new String[] {f.usr("a.txt"), saved, "/images/logo.txt", "wxfile://tmp_missing.txt", ""}) {
        assertThatThrownBy(() -> f.saved.save(notTemp)).as(notTemp).hasMessage("tempFilePath file not exist");
      }
    }
  }

  @Test
  void theListHasPathSizeInBytesAndCreateTimeInSecondsFromTheSessionClock() throws Exception {
    try (Fixture f = new Fixture(root)) {
      long t0 = f.clock.epochMillis();
      String first = f.saved.save(f.temp("txt", new byte[10]));
      f.clock.moveTo(t0 + 5_500);
      String second = f.saved.save(f.temp("txt", new byte[20]));
      assertThat(f.saved.list()).containsExactly(
          new SavedFiles.SavedFile(first, 10, t0 / 1000), new SavedFiles.SavedFile(second, 20, (t0 + 5_500) / 1000));
      assertThat(f.saved.info(second)).isEqualTo(new SavedFiles.SavedFile(second, 20, (t0 + 5_500) / 1000));
    }
  }

  @Test
  void removingAMissingFileFailsAndNeverReportsSuccess() throws Exception {
    try (Fixture f = new Fixture(root)) {
      String saved = f.saved.save(f.temp("txt", new byte[4]));
      f.saved.remove(saved);
      assertThat(f.saved.list()).isEmpty();
      assertThatThrownBy(() -> f.saved.remove(saved)).isInstanceOf(ApiFailure.class).hasMessage("file not exist")
          .satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(1300002));
      assertThatThrownBy(() -> f.saved.info(saved)).hasMessage("file not exist");
      String temp = f.temp("txt", new byte[1]);
      assertThatThrownBy(() -> f.saved.info(temp)).as("temp files are not saved files").hasMessage("file not exist");
      assertThatThrownBy(() -> f.saved.remove(temp)).hasMessage("file not exist");
      assertThat(f.sandbox.resolve(temp)).isPresent();
    }
  }

  @Test
  void theQuotaAllowsExactlyFullAndRefusesOneByteOver() throws Exception {
    try (Fixture f = new Fixture(root, "wxquota", new FileSandbox.Limits(10 * MB, 100 * MB))) {
      f.saved.save(f.temp("bin", new byte[(int) (6 * MB)]));
      f.ops.writeFile(f.usr("user.bin"), new byte[(int) (4 * MB - 100)]);
      String exact = f.temp("bin", new byte[100]);
      f.saved.save(exact);
      assertThat(f.sandbox.quota().usedBytes()).isEqualTo(10 * MB);
      String over = f.temp("bin", new byte[1]);
      assertThatThrownBy(() -> f.saved.save(over)).isInstanceOf(ApiFailure.class)
          .hasMessage("the maximum size of the file storage limit is exceeded")
          .satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(1300202));
      assertThat(f.sandbox.resolve(over)).as("a refused save leaves the temp file").isPresent();
      assertThatThrownBy(() -> f.ops.appendFile(f.usr("user.bin"), new byte[1])).hasMessage("the maximum size of the file storage limit is exceeded");
      f.saved.remove(f.saved.list().get(0).filePath());
      f.saved.save(over);
    }
  }

  @Test
  void theQuotaIsConfigurable() throws Exception {
    try (Fixture f = new Fixture(root, "wxsmall", new FileSandbox.Limits(1000, 100 * MB))) {
      f.saved.save(f.temp("bin", new byte[1000]));
      assertThatThrownBy(() -> f.saved.save(f.temp("bin", new byte[1]))).hasMessage("the maximum size of the file storage limit is exceeded");
    }
  }

  @Test
  void concurrentSavesFromTwoSessionsCannotBeatTheQuota() throws Exception {
    FileSandbox.Limits limits = new FileSandbox.Limits(1000 * 1000, 100 * MB);
    try (Fixture a = new Fixture(root, "wxrace", limits); Fixture b = new Fixture(root, "wxrace", limits)) {
      List<Callable<Boolean>> saves = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Fixture f = i % 2 == 0 ? a : b;
        String temp = f.temp("bin", new byte[100 * 1000]);
        saves.add(() -> {
          try {
            f.saved.save(temp);
            return true;
          } catch (ApiFailure full) {
            return false;
          }
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> save : saves) {
        results.add(pool.submit(() -> {
          go.await();
          return save.call();
        }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Boolean> r : results) {
        ok += r.get() ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ok).isEqualTo(10);
      assertThat(a.saved.list()).hasSize(10);
      assertThat(a.saved.list().stream().mapToLong(SavedFiles.SavedFile::size).sum()).isEqualTo(1000 * 1000);
    }
  }

  @Test
  void savedFilesPersistAcrossSessionsOfTheAppid() throws Exception {
    String saved;
    try (Fixture f = new Fixture(root)) {
      saved = f.saved.save(f.temp("txt", new byte[] {42}));
    }
    try (Fixture f = new Fixture(root)) {
      assertThat(f.saved.list()).extracting(SavedFiles.SavedFile::filePath).containsExactly(saved);
      assertThat(f.sandbox.quota().usedBytes()).isEqualTo(1);
    }
  }

  @Test
  void fileSystemManagerSaveFileCanTargetAUserPath() throws Exception {
    try (Fixture f = new Fixture(root)) {
      String temp = f.temp("txt", new byte[] {5});
      assertThat(f.saved.save(temp, f.usr("kept.txt"))).isEqualTo(f.usr("kept.txt"));
      assertThat(f.sandbox.resolve(temp)).isEmpty();
      assertThat(f.ops.readFile(f.usr("kept.txt"), null, null)).containsExactly(5);
      String t2 = f.temp("txt", new byte[] {6});
      assertThatThrownBy(() -> f.saved.save(t2, f.usr("no/dir/x.txt")))
          .hasMessage("no such file or directory \"" + f.usr("no/dir/x.txt") + "\"");
      assertThatThrownBy(() -> f.saved.save(t2, "/images/x.txt")).hasMessage("permission denied, open \"/images/x.txt\"");
      f.ops.mkdir(f.usr("d"), false);
      assertThatThrownBy(() -> f.saved.save(t2, f.usr("d"))).hasMessage("illegal operation on a directory, open \"" + f.usr("d") + "\"");
    }
  }
}
