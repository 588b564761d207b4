package dev.sparrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.ScratchDir;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sparrow demo}: the demo and its backend start offline, from any working directory. */
class DemoCommandTest {
  @Test
  void theDemoLaunchesHeadlessWithItsBackendAndLeavesNothing() throws Exception {
    List<Path> before = ScratchDir.held(ScratchDir.systemTemp());
    CliTest.Result r = CliTest.run("demo", "--headless", "--exit-when-idle", "--data-dir", "temp");
    assertThat(ScratchDir.held(ScratchDir.systemTemp())).isEqualTo(before); // data and album folders gone
    assertThat(r.err()).containsPattern("demo backend: http://127\\.0\\.0\\.1:\\d+ serves https://www\\.baidu\\.com, https://v\\.juhe\\.cn,"
        + " https://api\\.example\\.com, https://cdn\\.example\\.com, wss://echo\\.websocket\\.org");
    assertThat(r.err()).contains("running wx7d2c9e4b1a5f3086 at pages/index/index");
    assertThat(r.out()).contains("Sparrow demo launched");
    assertThat(r.code()).isZero();
  }

  @Test
  void aTakenBackendPortIsReportedWithoutAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliTest.Result r = CliTest.run("demo", "--headless", "--exit-when-idle", "--data-dir", "temp", "--backend-port",
          String.valueOf(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("cannot start the demo backend on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
    }
  }
}
