package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.junit.MiniProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many sessions side by side in one JVM, each with its own data, clock and pages; the JUnit extension. */
class SessionsTest {
  @Test
  void sessionsAreIsolatedFromEachOther() {
    List<Session> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        sessions.add(Sparrow.launch(Examples.path("quickstart")));
      }
      for (int i = 0; i < sessions.size(); i++) {
        Session s = sessions.get(i).awaitIdle();
        for (int t = 0; t <= i; t++) {
          s.currentPage().callMethod("increment");
        }
        s.evaluate("function (i) { getApp().globalData.mark = i }", i);
      }
      for (int i = 0; i < sessions.size(); i++) {
        Session s = sessions.get(i);
        assertThat(s.currentPage().data("count")).isEqualTo(i + 1);
        assertThat(s.evaluate("function () { return getApp().globalData.mark }")).isEqualTo(i);
        assertThat(s.callWxSync("getStorageSync", "logs")).asList().hasSize(1);
      }
    } finally {
      sessions.forEach(Session::close);
    }
  }

  @Test
  void closingDeletesATemporaryDataFolderButNotAGivenOne(@TempDir Path data) {
    Session temp = Sparrow.launch(Examples.path("quickstart")).awaitIdle();
    Path tempDir = temp.dataDir();
    assertThat(tempDir).isDirectory();
    temp.close();
    assertThat(tempDir).doesNotExist();
    Session kept = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")).dataDir(data)).awaitIdle();
    kept.close();
    assertThat(data.resolve("wxsparrowquick01/storage")).isDirectory();
    assertThat(kept.isClosed()).isTrue();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // ~25 s on an idle machine; CI runners are shared
  void fiveHundredSessionsOpenedAndClosedLeaveNoFolderBehind() throws Exception {
    Path temp = ScratchDir.systemTemp();
    List<Path> before = ScratchDir.held(temp);
    for (int i = 0; i < 500; i++) {
      try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")).virtualClock())) {
        s.awaitIdle();
        assertThat(s.dataDir().getParent().getParent()).isEqualTo(temp);
      }
    }
    assertThat(ScratchDir.held(temp)).isEqualTo(before);
  }

  @Test
  @MiniProgram("examples/quickstart")
  void theJunitExtensionHandsOverAnIdleSession(Session s) {
    assertThat(s.currentPage().route()).isEqualTo("pages/index/index");
    s.currentPage().callMethod("bindViewTap");
    assertThat(s.currentPage().route()).isEqualTo("pages/logs/logs");
    assertThat(s.currentPage().navigationBar()).containsEntry("title", "Launch log");
  }
}
