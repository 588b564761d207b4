package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throw-away folders: gone on close; after a crash, a later sweep removes them and nothing else. */
class ScratchDirTest {
  @TempDir Path tmp;

  @Test
  void aFolderIsMarkedWithItsProcessAndGoesOnClose() throws IOException {
    ScratchDir dir = ScratchDir.create(tmp, "data");
    assertThat(dir.path().getParent()).isEqualTo(tmp);
    assertThat(dir.path().getFileName().toString()).startsWith("sparrow-data-");
    Files.createDirectories(dir.path().resolve("wx123/tmp"));
    Files.writeString(dir.path().resolve("wx123/tmp/a.txt"), "a");
    assertThat(ScratchDir.held(tmp)).containsExactly(dir.path());
    dir.close();
    dir.close();
    assertThat(dir.path()).doesNotExist();
  }

  @Test
  void aSweepRemovesTheFoldersOfEndedProcessesAndNothingElse() throws Exception {
    Path ended = marked("sparrow-data-1", endedProcess());
    Path endedAndFull = marked("sparrow-simulator-2", endedProcess());
    Files.createDirectories(endedAndFull.resolve("media/cache"));
    Files.writeString(endedAndFull.resolve("media/cache/x.part"), "partial");
    Path reused = marked("sparrow-shot-3", new ScratchDir.Owner(ProcessHandle.current().pid(), 1_000)); // this pid, started in 1970
    Path live = ScratchDir.create(tmp, "data").path();
    Path unmarked = Files.createDirectory(tmp.resolve("sparrow-data-4"));
    Path notOurs = marked("other-tool-5", endedProcess());
    Path file = Files.writeString(tmp.resolve("sparrow-notes.txt"), "a file, not a folder");

    assertThat(ScratchDir.sweep(tmp)).isEqualTo(3);

    assertThat(ended).doesNotExist();
    assertThat(endedAndFull).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(unmarked).isDirectory();
    assertThat(notOurs).isDirectory();
    assertThat(file).isRegularFile();
  }

  @Test
  void aSweepLeavesOtherUsersFolders() throws Exception {
    UserPrincipal nobody;
    try {
      nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    } catch (IOException e) {
      nobody = null;
    }
    Path theirs = marked("sparrow-data-6", endedProcess());
    boolean chowned = nobody != null && chown(theirs, nobody);
    assumeTrue(chowned, "changing a folder's owner needs root");
    assertThat(ScratchDir.sweep(tmp)).isZero();
    assertThat(theirs).isDirectory();
  }

  private Path marked(String name, ScratchDir.Owner owner) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve(name));
    ScratchDir.mark(dir, owner);
    return dir;
  }

  /** A process that ran and ended (its pid names nothing now, or something started later). */
  private static ScratchDir.Owner endedProcess() throws Exception {
    Process p = new ProcessBuilder("true").start();
    ScratchDir.Owner owner = ScratchDir.Owner.of(p.toHandle());
    p.waitFor();
    return owner;
  }

  private static boolean chown(Path dir, UserPrincipal user) {
    try {
      Files.setOwner(dir, user);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
