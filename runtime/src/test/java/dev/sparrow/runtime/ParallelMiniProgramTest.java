package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@code @MiniProgram} under JUnit's parallel execution: {@link ParallelSuite} runs with
 * {@code junit.jupiter.execution.parallel.enabled=true} and passes, every case on a session of its own. With
 * {@code -Dsparrow.suite.measure=true} (and {@code -Dsparrow.suite.size=200}) it also runs the suite serially and
 * prints both wall times (docs/benchmarks.md).
 */
class ParallelMiniProgramTest {
  private static TestExecutionSummary run(boolean parallel) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ParallelSuite.class))
        .configurationParameters(Map.of(
            "junit.jupiter.execution.parallel.enabled", String.valueOf(parallel),
            "junit.jupiter.execution.parallel.config.strategy", "dynamic",
            "junit.jupiter.execution.timeout.testable.method.default", "2 m"))
        .build();
    ParallelSuite.APP_DATA_DIRS.clear();
    ParallelSuite.THREADS.clear();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    return listener.getSummary();
  }

  @Test
  void aSuiteOfPageTestsPassesInParallelWithASessionPerTest() {
    if (Boolean.getBoolean("sparrow.suite.measure")) {
      long start = System.nanoTime();
      TestExecutionSummary serial = run(false);
      Duration serialTime = Duration.ofNanos(System.nanoTime() - start);
      assertThat(serial.getTotalFailureCount()).isZero();
      System.out.printf("serial: %d tests in %.1f s%n", serial.getTestsSucceededCount(), serialTime.toMillis() / 1e3);
    }
    long start = System.nanoTime();
    TestExecutionSummary parallel = run(true);
    Duration parallelTime = Duration.ofNanos(System.nanoTime() - start);
    parallel.getFailures().forEach(f -> f.getException().printStackTrace());
    assertThat(parallel.getTotalFailureCount()).isZero();
    assertThat(parallel.getTestsSucceededCount()).isEqualTo(ParallelSuite.SIZE);
    assertThat(ParallelSuite.APP_DATA_DIRS).hasSize(ParallelSuite.SIZE);
    System.out.printf("parallel: %d tests in %.1f s on threads %s (%d cores)%n", parallel.getTestsSucceededCount(),
        parallelTime.toMillis() / 1e3, ParallelSuite.THREADS, Runtime.getRuntime().availableProcessors());
  }
}
