package dev.sparrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparrow.runtime.ScratchDir;
import dev.sparrow.runtime.SessionOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the simulator: tabs are told, the session and running screenshots end, no throw-away folder stays. */
class SimulatorStopTest {
  private static final Path TEMP = ScratchDir.systemTemp();

  @Test
  void closingTellsTheTabsAndLeavesNoFolderBehind() throws Exception {
    List<Path> before = ScratchDir.held(TEMP);
    Simulator sim = Simulator.start(SessionOptions.of(Path.of("../examples/sim-lab")), Simulator.Config.DEFAULT);
    assertThat(ScratchDir.held(TEMP)).hasSize(before.size() + 2); // the session's data and the simulator's uploads
    CompletableFuture<String> told = new CompletableFuture<>();
    HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + sim.port())
        .buildAsync(URI.create("ws://127.0.0.1:" + sim.port() + "/ws"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            told.complete(code + " " + reason);
            return null;
          }
        }).join();
    sim.session().awaitIdle();

    sim.close();

    assertThat(told.get(10, TimeUnit.SECONDS)).isEqualTo("1001 sparrow stopped");
    assertThat(sim.session().isClosed()).isTrue();
    assertThat(ScratchDir.held(TEMP)).isEqualTo(before);
  }

  @Test
  void closingEndsAScreenshotInProgressWithItsBrowserProcesses() throws Exception {
    assumeTrue(Chromium.find().isPresent(), "needs Chromium");
    List<Path> before = ScratchDir.held(TEMP);
    Chromium chromium = new Chromium();
    // a page that never answers keeps the shot running; the browser connecting shows it has started
    try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> shot = CompletableFuture.supplyAsync(() -> {
        try {
          return chromium.screenshot("http://127.0.0.1:" + stalled.getLocalPort() + "/", 375, 667, 2);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      try (Socket browser = stalled.accept()) {
        List<ProcessHandle> processes = ProcessHandle.current().descendants().filter(SimulatorStopTest::isChromium).toList();
        assertThat(processes).isNotEmpty();
        assertThat(ScratchDir.held(TEMP)).hasSize(before.size() + 1);

        chromium.close();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> shot.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .hasMessageContaining("the simulator is closed");
        assertThat(ScratchDir.held(TEMP)).isEqualTo(before);
      }
    }
  }

  private static boolean isChromium(ProcessHandle p) {
    return p.info().command().map(c -> c.contains("chrom")).orElse(false);
  }
}
