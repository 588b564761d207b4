package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@code @MiniProgram} under JUnit's parallel execution: {@link ParallelSuite} runs with
 * {@code junit.jupiter.execution.parallel.enabled=true} and passes, every case on a session of its own. With
 * {@code -Dsparrow.suite.measure=true} (and {@code -Dsparrow.suite.size=200}) it runs the suite serially (to warm
 * up), in parallel, serially, in parallel, and prints the wall times (docs/benchmarks.md).
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

  private static Duration timed(boolean parallel) {
    long start = System.nanoTime();
    TestExecutionSummary summary = run(parallel);
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    summary.getFailures().forEach(f -> f.getException().printStackTrace());
    assertThat(summary.getTotalFailureCount()).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(ParallelSuite.SIZE);
    assertThat(ParallelSuite.APP_DATA_DIRS).as("a session per test").hasSize(ParallelSuite.SIZE);
    System.out.printf("%s: %d tests in %.1f s on %d thread(s), %d cores%n", parallel ? "parallel" : "serial",
        summary.getTestsSucceededCount(), time.toMillis() / 1e3, ParallelSuite.THREADS.size(),
        Runtime.getRuntime().availableProcessors());
    return time;
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)   // the measuring runs; the everyday run is six tests
  void aSuiteOfPageTestsPassesInParallelWithASessionPerTest() {
    if (Boolean.getBoolean("sparrow.suite.measure")) {
      timed(false);   // warms the engine up: the serial and parallel runs after it are comparable
      timed(true);
      timed(false);
    }
    timed(true);
  }
}
