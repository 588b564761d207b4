package dev.sparrow.apis.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.ApiFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths in and out of the sandbox: forms, escapes, isolation, temp lifetime. */
class FileSandboxTest {
  @TempDir Path root;

  @Test
  void tempFilesHaveThePhoneFormAndGoWhenTheSessionEnds() throws Exception {
    Fixture f = new Fixture(root);
    String path = f.temp("jpg", new byte[] {1, 2, 3});
    assertThat(path).matches("wxfile://tmp_[0-9a-f]{32}\\.jpg");
    Path host = f.sandbox.readable(path);
    assertThat(Files.readAllBytes(host)).containsExactly(1, 2, 3);
    f.close();
    assertThat(host).doesNotExist();
    assertThat(f.sandbox.tempDir()).doesNotExist();
  }

  @Test
  void theDevToolsSchemeHandsOutHttpPaths() {
    FileSandbox s = new FileSandbox(root.resolve("app"), "s1", FileSandbox.Scheme.HTTP, rel -> java.util.Optional.empty());
    assertThat(s.newTempFile("png").path()).matches("http://tmp/[0-9a-f]{32}\\.png");
    assertThat(s.userDataPath()).isEqualTo("http://usr");
    s.close();
  }

  @Test
  void escapesNameNothingWhenReadingAndAreRefusedWhenWriting() throws Exception {
    Fixture f = new Fixture(root);
    Files.writeString(root.resolve("secret.txt"), "host secret");
    Files.writeString(f.appDir.resolve("storage-like.txt"), "app private");
    for (String path : new String[] {
        "wxfile://usr/../storage-like.txt", "wxfile://usr/../../../secret.txt", "/../secret.txt", "../secret.txt",
        root.resolve("secret.txt").toString(), "file://" + root.resolve("secret.txt"), "wxfile://tmp_../../secret.txt",
        "wxfile://usr/a\\..\\..\\secret.txt", "wxfile://usr/../../wxother/usr/x.txt"}) {
      assertThat(f.sandbox.resolve(path)).as(path).isEmpty();
      assertThatThrownBy(() -> f.sandbox.readable(path)).as(path).isInstanceOf(ApiFailure.class)
          .hasMessage("no such file or directory " + path);
      assertThatThrownBy(() -> f.ops.writeFile(path, new byte[] {1})).as(path).isInstanceOf(ApiFailure.class)
          .hasMessage("permission denied, open " + path);
    }
    assertThat(Files.readString(root.resolve("secret.txt"))).isEqualTo("host secret");
    f.close();
  }

  @Test
  void percentEncodedDotsAreLiteralNamesInsideTheUserFolder() throws Exception {
    Fixture f = new Fixture(root);
    assertThatThrownBy(() -> f.ops.readFile(f.usr("%2e%2e/%2e%2e/secret.txt"), null, null))
        .hasMessage("no such file or directory " + f.usr("%2e%2e/%2e%2e/secret.txt"));
    f.ops.mkdir(f.usr("%2e%2e"), false);
    f.ops.writeFile(f.usr("%2e%2e/x.txt"), "inside".getBytes(StandardCharsets.UTF_8));
    assertThat(f.ops.readdir(f.sandbox.userDataPath())).containsExactly("%2e%2e");
    assertThat(new String(f.ops.readFile(f.usr("%2e%2e/x.txt"), null, null), StandardCharsets.UTF_8)).isEqualTo("inside");
    try (var files = Files.walk(f.sandbox.userDir())) {
      assertThat(files.allMatch(p -> p.startsWith(f.sandbox.userDir()))).isTrue();
    }
    f.close();
  }

  @Test
  void symbolicLinksLeadingOutAreNotFollowed() throws Exception {
    Fixture f = new Fixture(root);
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "host secret");
    Files.createSymbolicLink(f.sandbox.userDir().resolve("link"), outside);
    Files.createSymbolicLink(f.sandbox.userDir().resolve("file-link"), outside.resolve("secret.txt"));
    assertThatThrownBy(() -> f.ops.readFile(f.usr("link/secret.txt"), null, null)).hasMessage("no such file or directory " + f.usr("link/secret.txt"));
    assertThatThrownBy(() -> f.ops.readFile(f.usr("file-link"), null, null)).hasMessage("no such file or directory " + f.usr("file-link"));
    assertThatThrownBy(() -> f.ops.writeFile(f.usr("link/new.txt"), new byte[] {1})).hasMessage("permission denied, open " + f.usr("link/new.txt"));
    assertThatThrownBy(() -> f.ops.readdir(f.usr("link"))).hasMessage("no such file or directory " + f.usr("link"));
    assertThat(outside.resolve("new.txt")).doesNotExist();
    Files.createSymbolicLink(f.sandbox.tempDir().resolve("link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(f.sandbox.storeDir().resolve("link.txt"), outside.resolve("secret.txt"));
    for (String linked : new String[] {"wxfile://tmp_link.txt", "wxfile://store_link.txt"}) {
      assertThat(f.sandbox.resolve(linked)).as(linked).isEmpty();
      assertThatThrownBy(() -> f.ops.readFile(linked, null, null)).hasMessage("no such file or directory " + linked);
      assertThatThrownBy(() -> f.ops.copyFile(linked, f.usr("copy.txt"))).hasMessage("no such file or directory " + linked);
      assertThatThrownBy(() -> f.ops.fileInfo(linked, "md5")).hasMessage("file not exist");
    }
    assertThatThrownBy(() -> f.saved.save("wxfile://tmp_link.txt")).hasMessage("tempFilePath file not exist");
    assertThatThrownBy(() -> f.ops.rename("wxfile://tmp_link.txt", f.usr("moved.txt"))).hasMessage("no such file or directory wxfile://tmp_link.txt");
    assertThat(f.saved.list()).isEmpty();
    f.close();
  }

  @Test
  void anotherAppidsFilesAndAnotherSessionsTempFilesAreUnreachable() throws Exception {
    Fixture a = new Fixture(root, "wxaaa", FileSandbox.Limits.DEFAULT);
    Fixture b = new Fixture(root, "wxbbb", FileSandbox.Limits.DEFAULT);
    a.ops.writeFile(a.usr("mine.txt"), "a".getBytes(StandardCharsets.UTF_8));
    String aTemp = a.temp("txt", new byte[] {1});
    String aSaved = a.saved.save(a.temp("txt", new byte[] {2}));
    assertThat(b.sandbox.resolve(b.usr("mine.txt"))).isEmpty();
    assertThat(b.sandbox.resolve(aTemp)).isEmpty();
    assertThat(b.sandbox.resolve(aSaved)).isEmpty();
    assertThat(b.saved.list()).isEmpty();
    assertThat(b.sandbox.resolve("wxfile://usr/../../wxaaa/usr/mine.txt")).isEmpty();
    // a second session of the same appid sees saved and user files, not the first session's temp files
    Fixture a2 = new Fixture(root, "wxaaa", FileSandbox.Limits.DEFAULT);
    assertThat(a2.sandbox.resolve(a2.usr("mine.txt"))).isPresent();
    assertThat(a2.sandbox.resolve(aSaved)).isPresent();
    assertThat(a2.sandbox.resolve(aTemp)).isEmpty();
    a.close();
    b.close();
    a2.close();
  }

  @Test
  void namesThatAreNotAsciiAreStoredEncodedAndComeBackAsWritten() throws Exception {
    Fixture f = new Fixture(root);
    f.ops.writeFile(f.usr("笔记 100%.txt"), "你好".getBytes(StandardCharsets.UTF_8));
    assertThat(f.ops.readdir(f.sandbox.userDataPath())).containsExactly("笔记 100%.txt");
    try (var names = Files.list(f.sandbox.userDir())) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("%E7%AC%94%E8%AE%B0 100%25.txt");
    }
    // 85 CJK characters are 255 UTF-8 bytes: allowed on the device, too long once escaped; kept as UTF-8
    String longName = "中".repeat(85);
    f.ops.writeFile(f.usr(longName), new byte[] {1});
    assertThat(f.ops.readdir(f.sandbox.userDataPath())).contains(longName);
    f.close();
  }

  @Test
  void packageFilesAreReadableAndNotWritable() throws Exception {
    Fixture f = new Fixture(root);
    assertThat(new String(f.ops.readFile("/images/logo.txt", null, null), StandardCharsets.UTF_8)).isEqualTo("package file");
    assertThat(new String(f.ops.readFile("images/logo.txt", null, null), StandardCharsets.UTF_8)).isEqualTo("package file");
    assertThatThrownBy(() -> f.ops.readFile("./images/logo.txt", null, null)).hasMessage("no such file or directory ./images/logo.txt");
    assertThatThrownBy(() -> f.ops.writeFile("/images/logo.txt", new byte[] {1})).hasMessage("permission denied, open /images/logo.txt");
    f.close();
  }

  @Test
  void tempFoldersOfDeadProcessesAreRemovedByTheNextSession() throws Exception {
    Path stale = Files.createDirectories(root.resolve("data/wxapp/tmp/session-2147480000-1"));
    Files.writeString(stale.resolve("tmp.bin"), "left by a crash");
    Fixture f = new Fixture(root);
    assertThat(stale).doesNotExist();
    f.close();
  }
}
