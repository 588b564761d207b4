package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.junit.MiniProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/** Each test's session from the JUnit extension has a throw-away data folder, gone when the test ends. */
@MiniProgram("examples/quickstart")
class MiniProgramCleanupTest {
  private static List<Path> before;

  @BeforeAll
  static void countFolders() throws Exception {
    before = ScratchDir.held(ScratchDir.systemTemp());
  }

  @RepeatedTest(3)
  void theSessionHasItsOwnFolderWhileTheTestRuns(Session s) throws Exception {
    List<Path> now = ScratchDir.held(ScratchDir.systemTemp());
    assertThat(now).hasSize(before.size() + 1).contains(s.dataDir().getParent());
  }

  @AfterAll
  static void noneIsLeftAfterwards() throws Exception {
    assertThat(ScratchDir.held(ScratchDir.systemTemp())).isEqualTo(before);
  }
}
