package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.apis.files.FileSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files outlive a session for the same appid, stay apart between appids, and temp files go with the session. */
class FilePersistenceTest {
  @TempDir Path data;
  @TempDir Path projects;

  private static Object js(Session s, String body) {
    return s.evaluate("function () { var fs = wx.getFileSystemManager(); var U = wx.env.USER_DATA_PATH; " + body + " }");
  }

  /** A copy of files-lab under another appid. */
  private Path otherApp() throws Exception {
    Path copy = projects.resolve("files-lab-other");
    try (var files = Files.walk(Examples.path("files-lab"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(Examples.path("files-lab").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(copy.resolve("project.config.json"), "{ \"appid\": \"wxsparrowfiles02\", \"projectname\": \"other\" }");
    return copy;
  }

  @Test
  void userAndSavedFilesPersistAcrossSessionsOfTheAppidAndNotAcrossAppids() throws Exception {
    String saved;
    String tempPath;
    Path tempFile;
    try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(data))) {
      s.awaitIdle();
      s.currentPage().callMethod("addNote", "note.txt", "remember me");
      FileSandbox.LocalFile temp = s.files().newTempFile("txt");
      Files.writeString(temp.file(), "x");
      saved = (String) js(s, "return fs.saveFileSync('" + temp.path() + "')");
      FileSandbox.LocalFile other = s.files().newTempFile("txt");
      tempPath = other.path();
      tempFile = other.file();
    }
    assertThat(tempFile).as("temp files go when the session ends").doesNotExist();
    try (Session again = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(data))) {
      again.awaitIdle();
      assertThat(js(again, "return fs.readFileSync(U + '/note.txt', 'utf8')")).isEqualTo("remember me");
      assertThat(js(again, "return new Promise(function (r) { fs.getSavedFileList({ success: function (res) { r(res.fileList.map(function (f) { return f.filePath })) } }) })"))
          .isEqualTo(List.of(saved));
      assertThat(js(again, "try { fs.accessSync('" + tempPath + "') } catch (e) { return e.message }"))
          .isEqualTo("accessSync:fail no such file or directory " + tempPath);
    }
    try (Session stranger = Sparrow.launch(SessionOptions.of(otherApp()).dataDir(data))) {
      stranger.awaitIdle();
      assertThat(js(stranger, "return fs.readdirSync(U)")).isEqualTo(List.of());
      assertThat(js(stranger, "try { fs.readFileSync('" + saved + "') } catch (e) { return e.message }"))
          .isEqualTo("readFileSync:fail no such file or directory " + saved);
      assertThat(js(stranger, "try { fs.readFileSync(U + '/../../wxsparrowfiles01/usr/note.txt') } catch (e) { return e.message }"))
          .isEqualTo("readFileSync:fail no such file or directory wxfile://usr/../../wxsparrowfiles01/usr/note.txt");
    }
  }
}
