package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparrow.apis.files.FileSandbox;
import dev.sparrow.apis.files.HeadlessDocumentViewer;
import dev.sparrow.runtime.wx.FileApis;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy file APIs and openDocument as page code calls them (examples/files-lab). */
class FileApisTest {
  @TempDir Path data;
  private Session s;

  @BeforeEach
  void launch() {
    s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).virtualClock().dataDir(data).fileQuota(1000));
    s.awaitIdle();
  }

  @AfterEach
  void close() {
    s.close();
  }

  private Object js(String body) {
    return s.evaluate("function () { " + body + " }");
  }

  /** A temp file as chooseImage or downloadFile would leave it. */
  private String temp(String ext, byte[] bytes) throws Exception {
    FileSandbox.LocalFile f = s.files().newTempFile(ext);
    Files.write(f.file(), bytes);
    return f.path();
  }

  private String failure(String call) {
    return (String) js("return " + call + ".then(function () { return 'succeeded' }, function (e) { return e.errMsg + (e.errno ? ' #' + e.errno : '') })");
  }

  /** The I/O runs on the session's ordered file executor: a timer fires first, the calls settle in call order. */
  @Test
  void getFileInfoAndSaveFileRunOffTheLoopInCallOrder() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService ordered = Executors.newSingleThreadExecutor();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Session live = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(data.resolve("live"))
        .fileIo(task -> ordered.execute(() -> {
          try {
            gate.await(30, TimeUnit.SECONDS); // the file work starts only once the timer has fired
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          task.run();
        })))) {
      live.awaitIdle();
      FileSandbox.LocalFile temp = live.files().newTempFile("png");
      Files.write(temp.file(), new byte[] {1, 2, 3});
      live.addBinding("seen", (name, args) -> {
        seen.add(String.valueOf(args.get(0)));
        if ("timer".equals(args.get(0))) {
          gate.countDown();
        }
      });
      live.evaluate("function () { const p = '" + temp.path() + "';"
          + " wx.getFileInfo({ filePath: p, success: r => seen('info ' + r.size) });"
          + " wx.saveFile({ tempFilePath: p,"
          + "   success: r => seen('saved ' + r.savedFilePath.startsWith('wxfile://store_')) });"
          + " wx.getFileInfo({ filePath: p, fail: e => seen(e.errMsg) });"
          + " setTimeout(function () { seen('timer') }, 10) }");
      live.awaitIdle();
      assertThat(seen).containsExactly("timer", "info 3", "saved true", "getFileInfo:fail file not exist");
    } finally {
      gate.countDown();
      ordered.shutdownNow();
    }
  }

  @Test
  void saveFileMovesTheTempFileAndListsIt() throws Exception {
    String temp = temp("png", new byte[] {1, 2, 3});
    @SuppressWarnings("unchecked")
    Map<String, Object> saved = (Map<String, Object>) js("return wx.saveFile({ tempFilePath: '" + temp + "' })");
    String path = (String) saved.get("savedFilePath");
    assertThat(saved.get("errMsg")).isEqualTo("saveFile:ok");
    assertThat(path).matches("wxfile://store_[0-9a-f]{32}\\.png");
    assertThat(failure("wx.saveFile({ tempFilePath: '" + temp + "' })")).isEqualTo("saveFile:fail tempFilePath file not exist #1300002");
    assertThat(failure("wx.getFileInfo({ filePath: '" + temp + "' })")).isEqualTo("getFileInfo:fail file not exist #1300002");
    long seconds = s.now() / 1000;
    assertThat(js("return wx.getSavedFileList()")).isEqualTo(Map.of("errMsg", "getSavedFileList:ok",
        "fileList", List.of(Map.of("filePath", path, "size", 3, "createTime", (int) seconds))));
    assertThat(js("return wx.getSavedFileInfo({ filePath: '" + path + "' })"))
        .isEqualTo(Map.of("errMsg", "getSavedFileInfo:ok", "size", 3, "createTime", (int) seconds));
    assertThat(js("return wx.getFileInfo({ filePath: '" + path + "', digestAlgorithm: 'sha1' })"))
        .isEqualTo(Map.of("errMsg", "getFileInfo:ok", "size", 3, "digest", "7037807198c22a7d2b0807371d763779a84fdfcf"));
    assertThat(js("return wx.getFileInfo({ filePath: '" + path + "' }).then(function (r) { return r.digest })"))
        .isEqualTo("5289df737df57326fcdd22597afb1fac");
    assertThat(js("return wx.removeSavedFile({ filePath: '" + path + "' })")).isEqualTo(Map.of("errMsg", "removeSavedFile:ok"));
    assertThat(failure("wx.removeSavedFile({ filePath: '" + path + "' })")).isEqualTo("removeSavedFile:fail file not exist #1300002");
    assertThat(failure("wx.getSavedFileInfo({ filePath: '" + path + "' })")).isEqualTo("getSavedFileInfo:fail file not exist #1300002");
    assertThat(js("return wx.getSavedFileList().then(function (r) { return r.fileList })")).isEqualTo(List.of());
  }

  @Test
  void theQuotaFailsSaveFileWithWeChatsText() throws Exception {
    js("return wx.saveFile({ tempFilePath: '" + temp("bin", new byte[600]) + "' })");
    String second = temp("bin", new byte[401]);
    assertThat(failure("wx.saveFile({ tempFilePath: '" + second + "' })"))
        .isEqualTo("saveFile:fail the maximum size of the file storage limit is exceeded #1300202");
    assertThat(failure("wx.saveFile({ tempFilePath: '" + temp("bin", new byte[400]) + "' })")).isEqualTo("succeeded");
  }

  @Test
  void parameterAndDigestErrors() {
    assertThat(failure("wx.saveFile({})")).isEqualTo("saveFile:fail parameter error: parameter.tempFilePath should be String instead of Undefined; #1001");
    assertThat(failure("wx.getFileInfo({ filePath: '/images/readme.txt', digestAlgorithm: 'sha256' })"))
        .isEqualTo("getFileInfo:fail invalid digestAlgorithm #1001");
    assertThat(js("return wx.getFileInfo({ filePath: '/images/readme.txt' }).then(function (r) { return r.size })")).isEqualTo(23);
  }

  @Test
  void openDocumentHandsThePdfToTheViewerWhichKeepsAPreview() throws Exception {
    js("var fs = wx.getFileSystemManager(); fs.copyFileSync('/docs/report.pdf', wx.env.USER_DATA_PATH + '/report.pdf')");
    assertThat(js("return wx.openDocument({ filePath: wx.env.USER_DATA_PATH + '/report.pdf', showMenu: true })"))
        .isEqualTo(Map.of("errMsg", "openDocument:ok"));
    HeadlessDocumentViewer.OpenedDocument opened = s.openedDocuments().get(0);
    assertThat(opened.filePath()).isEqualTo("wxfile://usr/report.pdf");
    assertThat(opened.fileType()).isEqualTo("pdf");
    assertThat(opened.showMenu()).isTrue();
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(opened.preview().orElseThrow().data()));
    assertThat(png.getWidth()).isEqualTo(816);
  }

  @Test
  void withoutThePreviewModuleADocumentOpensAndTheConsoleSaysPreviewIsUnavailable() throws Exception {
    try (Session lean = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).virtualClock().dataDir(data)
        .documentViewer(new HeadlessDocumentViewer(Optional.empty())))) {
      lean.awaitIdle();
      for (int i = 0; i < 2; i++) {
        assertThat(lean.evaluate("function () { return wx.openDocument({ filePath: '/docs/report.pdf' }) }"))
            .isEqualTo(Map.of("errMsg", "openDocument:ok"));
      }
      assertThat(lean.evaluate("function () { return wx.openDocument({ filePath: '/docs/broken.pdf' })"
          + ".catch(function (e) { return e.errMsg }) }")).isEqualTo("openDocument:fail filetype not supported");
      lean.awaitIdle();
      assertThat(lean.openedDocuments()).hasSize(2).allSatisfy(d -> assertThat(d.preview()).isEmpty());
      assertThat(lean.console()).filteredOn(m -> m.text().contains("preview unavailable"))
          .containsExactly(new ConsoleMessage("warn", FileApis.PREVIEW_UNAVAILABLE));
    }
  }

  @Test
  void openDocumentTakesTheTypeFromFileTypeOrTheExtension() throws Exception {
    String temp = temp("", Files.readAllBytes(Examples.path("files-lab").resolve("docs/slides.pptx")));
    assertThat(failure("wx.openDocument({ filePath: '" + temp + "' })")).isEqualTo("openDocument:fail filetype not supported");
    assertThat(failure("wx.openDocument({ filePath: '" + temp + "', fileType: 'pptx' })")).isEqualTo("succeeded");
    assertThat(failure("wx.openDocument({ filePath: '/docs/letter.docx' })")).isEqualTo("succeeded");
    assertThat(s.openedDocuments()).extracting(HeadlessDocumentViewer.OpenedDocument::fileType).containsExactly("pptx", "docx");
    assertThat(new String(s.openedDocuments().get(1).preview().orElseThrow().data(), StandardCharsets.UTF_8)).isEqualTo("Dear Sparrow user\n");
  }

  @Test
  void openDocumentFailures() throws Exception {
    assertThat(failure("wx.openDocument({ filePath: '/docs/broken.pdf' })")).isEqualTo("openDocument:fail filetype not supported");
    assertThat(failure("wx.openDocument({ filePath: '/docs/report.pdf', fileType: 'docx' })")).isEqualTo("openDocument:fail filetype not supported");
    assertThat(failure("wx.openDocument({ filePath: '/images/readme.txt' })")).isEqualTo("openDocument:fail filetype not supported");
    assertThat(failure("wx.openDocument({ filePath: '/docs/report.pdf', fileType: 'txt' })")).isEqualTo("openDocument:fail filetype not supported");
    assertThat(failure("wx.openDocument({ filePath: wx.env.USER_DATA_PATH + '/none.pdf' })")).isEqualTo("openDocument:fail file doesn't exist");
    assertThat(failure("wx.openDocument({ filePath: '' })")).isEqualTo("openDocument:fail invalid data");
    assertThat(failure("wx.openDocument({ filePath: 1 })"))
        .isEqualTo("openDocument:fail parameter error: parameter.filePath should be String instead of Number; #1001");
    assertThat(s.openedDocuments()).isEmpty();
  }

  @Test
  void hostCallsWork() throws Exception {
    String temp = temp("txt", new byte[] {9});
    assertThat(s.callWx("saveFile", Map.of("tempFilePath", temp)).get("errMsg")).isEqualTo("saveFile:ok");
    assertThatThrownBy(() -> s.callWx("saveFile", Map.of("tempFilePath", temp))).isInstanceOf(WxCallException.class)
        .hasMessage("saveFile:fail tempFilePath file not exist");
  }
}
