package dev.sparrow.apis.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileSystemManager operations and each of their failures, on real folders. */
class FileOpsTest {
  @TempDir Path root;
  private Fixture f;
  private FileOps ops;

  @BeforeEach
  void open() {
    f = new Fixture(root);
    ops = f.ops;
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static void fails(ThrowingCallable call, String reason, int errno) {
    assertThatThrownBy(call).isInstanceOf(ApiFailure.class).hasMessage(reason)
        .satisfies(e -> assertThat(((ApiFailure) e).errno()).hasValue(errno));
  }

  private String text(String path) throws Exception {
    return new String(ops.readFile(path, null, null), UTF_8);
  }

  @Test
  void writeReadAppendTruncate() throws Exception {
    String p = f.usr("a.txt");
    ops.writeFile(p, "hello".getBytes(UTF_8));
    ops.appendFile(p, " world".getBytes(UTF_8));
    assertThat(text(p)).isEqualTo("hello world");
    assertThat(new String(ops.readFile(p, 6L, 5L), UTF_8)).isEqualTo("world");
    assertThat(new String(ops.readFile(p, 6L, null), UTF_8)).isEqualTo("world");
    ops.truncate(p, 5);
    assertThat(text(p)).isEqualTo("hello");
    ops.truncate(p, 7);
    assertThat(ops.readFile(p, null, null)).containsExactly('h', 'e', 'l', 'l', 'o', 0, 0);
    ops.writeFile(p, new byte[0]);
    assertThat(ops.readFile(p, null, null)).isEmpty();
    assertThat(f.sandbox.quota().usedBytes()).isZero();
  }

  @Test
  void readFailures() {
    fails(() -> ops.readFile(f.usr("none.txt"), null, null), "no such file or directory " + f.usr("none.txt"), 1300002);
    fails(() -> ops.readFile(f.sandbox.userDataPath(), null, null), "illegal operation on a directory, open wxfile://usr", 1301003);
    fails(() -> ops.readFile("/images/logo.txt", 13L, null), "Invalid argument", 1300022);
    fails(() -> ops.readFile("/images/logo.txt", -1L, null), "Invalid argument", 1300022);
    fails(() -> ops.readFile("/images/logo.txt", 2L, 11L), "Invalid argument", 1300022);
    fails(() -> ops.readFile("/images/logo.txt", null, -1L), "Invalid argument", 1300022);
  }

  @Test
  void writeFailures() throws Exception {
    String temp = f.temp("txt", new byte[] {1});
    fails(() -> ops.writeFile(temp, new byte[1]), "permission denied, open " + temp, 1300013);
    fails(() -> ops.writeFile(f.usr("no/such/dir.txt"), new byte[1]), "no such file or directory " + f.usr("no/such/dir.txt"), 1300002);
    ops.writeFile(f.usr("file"), new byte[1]);
    fails(() -> ops.writeFile(f.usr("file/child.txt"), new byte[1]), "not a directory " + f.usr("file/child.txt"), 1300020);
    ops.mkdir(f.usr("dir"), false);
    fails(() -> ops.writeFile(f.usr("dir"), new byte[1]), "illegal operation on a directory, open " + f.usr("dir"), 1301003);
    fails(() -> ops.appendFile(f.usr("missing.txt"), new byte[1]), "no such file or directory " + f.usr("missing.txt"), 1300002);
    fails(() -> ops.truncate(f.usr("missing.txt"), 0), "no such file or directory " + f.usr("missing.txt"), 1300002);
    fails(() -> ops.truncate(f.usr("file"), -1), "Invalid argument", 1300022);
  }

  @Test
  void directories() throws Exception {
    ops.mkdir(f.usr("a"), false);
    fails(() -> ops.mkdir(f.usr("a"), false), "file already exists " + f.usr("a"), 1301005);
    fails(() -> ops.mkdir(f.usr("x/y/z"), false), "no such file or directory " + f.usr("x/y/z"), 1300002);
    ops.mkdir(f.usr("x/y/z"), true);
    ops.writeFile(f.usr("x/y/z/f.txt"), "12345".getBytes(UTF_8));
    ops.writeFile(f.usr("x/top.txt"), "1".getBytes(UTF_8));
    assertThat(ops.readdir(f.sandbox.userDataPath())).containsExactly("a", "x");
    assertThat(ops.readdir(f.usr("x"))).containsExactly("top.txt", "y");
    fails(() -> ops.readdir(f.usr("x/top.txt")), "not a directory " + f.usr("x/top.txt"), 1300020);
    fails(() -> ops.readdir(f.usr("nope")), "no such file or directory " + f.usr("nope"), 1300002);
    fails(() -> ops.mkdir(f.usr("x/top.txt/sub"), true), "not a directory " + f.usr("x/top.txt/sub"), 1300020);
    fails(() -> ops.rmdir(f.usr("x"), false), "directory not empty", 1300066);
    fails(() -> ops.rmdir(f.usr("x/top.txt"), false), "not a directory " + f.usr("x/top.txt"), 1300020);
    fails(() -> ops.rmdir(f.usr("gone"), false), "no such file or directory " + f.usr("gone"), 1300002);
    assertThat(f.sandbox.quota().usedBytes()).isEqualTo(6);
    ops.rmdir(f.usr("x"), true);
    assertThat(f.sandbox.quota().usedBytes()).isZero();
    ops.rmdir(f.usr("a"), false);
    assertThat(ops.readdir(f.sandbox.userDataPath())).isEmpty();
    fails(() -> ops.mkdir("wxfile://tmp_dir", false), "permission denied, open wxfile://tmp_dir", 1300013);
  }

  @Test
  void removingTheUserRootEmptiesItAndKeepsIt() throws Exception {
    ops.writeFile(f.usr("a.txt"), new byte[3]);
    ops.rmdir(f.sandbox.userDataPath(), true);
    assertThat(ops.readdir(f.sandbox.userDataPath())).isEmpty();
    ops.access(f.sandbox.userDataPath());
  }

  @Test
  void statAndRecursiveStat() throws Exception {
    ops.mkdir(f.usr("d/e"), true);
    ops.writeFile(f.usr("d/e/f.txt"), "abc".getBytes(UTF_8));
    ops.writeFile(f.usr("d/b.txt"), "b".getBytes(UTF_8));
    FileStat file = ops.stat(f.usr("d/e/f.txt"));
    assertThat(file.isFile()).isTrue();
    assertThat(file.size()).isEqualTo(3);
    assertThat(file.lastModifiedTime()).isEqualTo(f.clock.epochMillis() / 1000);
    assertThat(ops.stat(f.usr("d")).isDirectory()).isTrue();
    assertThat(ops.stat("/images/logo.txt").isFile()).isTrue();
    assertThat(ops.statTree(f.usr("d/e/f.txt"))).isEmpty();
    List<FileStat.Entry> tree = ops.statTree(f.usr("d")).orElseThrow();
    assertThat(tree).extracting(FileStat.Entry::path).containsExactly("/", "/b.txt", "/e", "/e/f.txt");
    assertThat(tree).extracting(e -> e.stats().isDirectory()).containsExactly(true, false, true, false);
    fails(() -> ops.stat(f.usr("none")), "no such file or directory " + f.usr("none"), 1300002);
    fails(() -> ops.access("wxfile://store_none"), "no such file or directory wxfile://store_none", 1300002);
  }

  @Test
  void unlinkRenameCopy() throws Exception {
    ops.writeFile(f.usr("a.txt"), "A".getBytes(UTF_8));
    ops.copyFile(f.usr("a.txt"), f.usr("b.txt"));
    ops.copyFile("/images/logo.txt", f.usr("logo.txt"));
    assertThat(text(f.usr("logo.txt"))).isEqualTo("package file");
    ops.rename(f.usr("b.txt"), f.usr("c.txt"));
    assertThat(ops.readdir(f.sandbox.userDataPath())).containsExactly("a.txt", "c.txt", "logo.txt");
    String temp = f.temp("txt", "T".getBytes(UTF_8));
    ops.rename(temp, f.usr("t.txt"));
    assertThat(f.sandbox.resolve(temp)).isEmpty();
    assertThat(text(f.usr("t.txt"))).isEqualTo("T");
    ops.unlink(f.usr("a.txt"));
    fails(() -> ops.unlink(f.usr("a.txt")), "no such file or directory " + f.usr("a.txt"), 1300002);
    ops.mkdir(f.usr("d"), false);
    fails(() -> ops.unlink(f.usr("d")), "operation not permitted, unlink " + f.usr("d"), 1300001);
    fails(() -> ops.rename(f.usr("none"), f.usr("x")), "no such file or directory " + f.usr("none"), 1300002);
    fails(() -> ops.rename("/images/logo.txt", f.usr("x")), "permission denied, open /images/logo.txt", 1300013);
    fails(() -> ops.rename(f.usr("c.txt"), "/images/c.txt"), "permission denied, open /images/c.txt", 1300013);
    fails(() -> ops.rename(f.usr("c.txt"), f.usr("d")), "illegal operation on a directory, open " + f.usr("d"), 1301003);
    fails(() -> ops.copyFile(f.usr("d"), f.usr("e")), "illegal operation on a directory, open " + f.usr("d"), 1301003);
    fails(() -> ops.copyFile(f.usr("none"), f.usr("e")), "no such file or directory " + f.usr("none"), 1300002);
    fails(() -> ops.copyFile(f.usr("c.txt"), "wxfile://tmp_x.txt"), "permission denied, open wxfile://tmp_x.txt", 1300013);
    fails(() -> ops.unlink("/images/logo.txt"), "permission denied, open /images/logo.txt", 1300013);
    ops.rename(f.usr("d"), f.usr("d2"));
    assertThat(ops.stat(f.usr("d2")).isDirectory()).isTrue();
    assertThat(f.sandbox.quota().usedBytes()).isEqualTo(1 + 12 + 1);
  }

  @Test
  void fileInfoDigests() throws Exception {
    ops.writeFile(f.usr("abc"), "abc".getBytes(UTF_8));
    assertThat(ops.fileInfo(f.usr("abc"), "md5")).isEqualTo(new FileInfo(3, "900150983cd24fb0d6963f7d28e17f72"));
    assertThat(ops.fileInfo(f.usr("abc"), "sha1")).isEqualTo(new FileInfo(3, "a9993e364706816aba3e25717850c26c9cd0d89d"));
    assertThat(ops.fileInfo(f.usr("abc"), "sha256").digest()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    fails(() -> ops.fileInfo(f.usr("none"), "md5"), "file not exist", 1300002);
    fails(() -> ops.fileInfo(f.sandbox.userDataPath(), "md5"), "file not exist", 1300002);
    fails(() -> FileInfo.checkAlgorithm("sha256", false), "invalid digestAlgorithm", 1001);
    fails(() -> FileInfo.checkAlgorithm("crc32", true), "invalid digestAlgorithm", 1001);
  }

  @Test
  void userWritesCountAgainstTheQuotaAndTheSingleFileLimit() throws Exception {
    try (Fixture small = new Fixture(root, "wxsmall", new FileSandbox.Limits(100, 60))) {
      small.ops.writeFile(small.usr("a"), new byte[60]);
      fails(() -> small.ops.writeFile(small.usr("b"), new byte[61]), FileErrors.STORAGE_EXCEEDED_TEXT, 1300202);
      fails(() -> small.ops.writeFile(small.usr("b"), new byte[41]), FileErrors.STORAGE_EXCEEDED_TEXT, 1300202);
      small.ops.writeFile(small.usr("b"), new byte[40]);
      fails(() -> small.ops.copyFile(small.usr("b"), small.usr("c")), FileErrors.STORAGE_EXCEEDED_TEXT, 1300202);
      small.ops.writeFile(small.usr("a"), new byte[20]);
      small.ops.copyFile(small.usr("b"), small.usr("c"));
      assertThat(small.sandbox.quota().usedBytes()).isEqualTo(100);
    }
  }

  @Test
  void moveInPlacesAHostFileUnderTheQuota() throws Exception {
    Path download = Files.write(root.resolve("download.bin"), new byte[] {1, 2});
    assertThat(ops.moveIn(download, f.usr("dl.bin"))).isEqualTo(f.usr("dl.bin"));
    assertThat(download).doesNotExist();
    assertThat(f.sandbox.quota().usedBytes()).isEqualTo(2);
  }
}
