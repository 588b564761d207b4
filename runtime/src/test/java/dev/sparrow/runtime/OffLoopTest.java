package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparrow.apis.device.HeadlessPermissions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Async wx APIs do their file work off the event loop: with the file executor held until a timer has fired (or a
 * picked file that blocks until the test feeds it), the timer still fires first, which it could not if the work ran on
 * the loop. The Sync forms keep their place in the call order.
 */
class OffLoopTest {
  @TempDir Path data;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch timerFired = new CountDownLatch(1);
  private final AtomicInteger fileTasks = new AtomicInteger();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private ExecutorService ordered;
  private Session s;

  @BeforeEach
  void launch() {
    ordered = Executors.newSingleThreadExecutor();
    s = Sparrow.launch(SessionOptions.of(Examples.path("files-lab")).dataDir(data)
        .permissions(HeadlessPermissions.Policy.ALLOW)
        .fileIo(task -> ordered.execute(() -> {
          try {
            gate.await(30, TimeUnit.SECONDS); // file work starts only once the timer has fired
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          fileTasks.incrementAndGet();
          task.run();
        })));
    s.awaitIdle();
    s.addBinding("seen", (name, args) -> {
      seen.add(String.valueOf(args.get(0)));
      if ("timer".equals(args.get(0))) {
        gate.countDown();
        timerFired.countDown();
      }
    });
  }

  @AfterEach
  void close() {
    gate.countDown();
    s.close();
    ordered.shutdownNow();
  }

  @Test
  void asyncStorageCallsRunOnTheFileExecutorWhileATimerFires() {
    s.evaluate("function () { wx.setStorage({ key: 'k', data: { n: 1 }, success: function () { seen('set') } });"
        + " wx.getStorage({ key: 'k', success: function (r) { seen('get ' + r.data.n) } });"
        + " wx.getStorageInfo({ success: function (r) { seen('keys ' + r.keys) } });"
        + " wx.removeStorage({ key: 'k', success: function () { seen('removed') } });"
        + " wx.getStorage({ key: 'k', fail: function (e) { seen(e.errMsg) } });"
        + " wx.clearStorage({ success: function () { seen('cleared') } });"
        + " setTimeout(function () { seen('timer') }, 10) }");
    s.awaitIdle();
    assertThat(seen).containsExactly("timer", "set", "get 1", "keys k", "removed", "getStorage:fail data not found",
        "cleared");
    assertThat(fileTasks).hasValueGreaterThanOrEqualTo(6);
  }

  @Test
  void aSyncFormSeesTheAsyncCallsMadeBeforeIt() {
    gate.countDown();
    Object r = s.evaluate("function () { wx.setStorage({ key: 'a', data: 1 }); wx.removeStorage({ key: 'a' });"
        + " wx.setStorage({ key: 'a', data: 2 }); wx.setStorage({ key: 'b', data: 3 });"
        + " var first = wx.getStorageSync('a'); wx.clearStorage();"
        + " return [first, wx.getStorageSync('b'), wx.getStorageInfoSync().keys.length] }");
    assertThat(r).isEqualTo(List.of(2, "", 0));
  }

  @Test
  void getImageInfoOfALocalFileReadsItOnTheFileExecutor() throws IOException {
    ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png",
        s.files().tempDir().resolve("tmp_small.png").toFile());
    s.evaluate("function () { wx.getImageInfo({ src: 'wxfile://tmp_small.png',"
        + " success: function (r) { seen('info ' + r.width + 'x' + r.height + ' ' + r.type) } });"
        + " wx.getImageInfo({ src: 'wxfile://tmp_none.png', fail: function (e) { seen(e.errMsg) } });"
        + " setTimeout(function () { seen('timer') }, 10) }");
    s.awaitIdle();
    assertThat(seen).containsExactly("timer", "info 3x2 png", "getImageInfo:fail file not found");
  }

  @Test
  void aRecordingIsWrittenOnTheFileExecutorAndStopsOnlyOnceItsFileIsComplete() {
    int before = fileTasks.get();
    s.evaluate("function () { var rm = wx.getRecorderManager();"
        + " rm.onStart(function () { rm.stop(); setTimeout(function () { seen('timer') }, 0) });"
        + " rm.onStop(function (r) {"
        + "   seen('stop ' + r.fileSize + ' ' + wx.getFileSystemManager().statSync(r.tempFilePath).size) });"
        + " rm.start({ sampleRate: 8000, numberOfChannels: 1, encodeBitRate: 16000, format: 'wav' }) }");
    s.awaitIdle();
    assertThat(seen).hasSize(2).startsWith("timer");
    assertThat(seen.get(1)).matches("stop (\\d+) \\1");
    assertThat(fileTasks.get() - before).as("open, header, close and the answer ran on the file executor")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void chooseMessageFileCopiesThePickOffTheLoop() throws Exception {
    gate.countDown();
    Path fifo = data.resolve("slow.txt");
    assumeTrue(mkfifo(fifo), "needs mkfifo");
    s.album().offer(fifo);
    boolean fed = false;
    try {
      s.evaluate("function () { wx.chooseMessageFile({ count: 1, success: function (r) {"
          + " seen('file ' + r.tempFiles[0].name + ' ' + r.tempFiles[0].size) } });"
          + " setTimeout(function () { seen('timer') }, 10) }");
      // the copy blocks until the pipe is fed; were it on the loop, the timer could not fire
      assertThat(timerFired.await(30, TimeUnit.SECONDS)).isTrue();
      feed(fifo);
      fed = true;
      s.awaitIdle();
      assertThat(seen).containsExactly("timer", "file slow.txt 5");
    } finally {
      if (!fed) {
        feed(fifo);
      }
    }
  }

  private static boolean mkfifo(Path p) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void feed(Path fifo) throws IOException {
    try (OutputStream out = Files.newOutputStream(fifo)) {
      out.write("hello".getBytes());
    }
  }
}
