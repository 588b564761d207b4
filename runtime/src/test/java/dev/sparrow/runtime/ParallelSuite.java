package dev.sparrow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparrow.runtime.junit.MiniProgram;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A suite of page tests as a team writes them, run by {@link ParallelMiniProgramTest} through the JUnit Platform
 * launcher, serially or in parallel ({@code junit.jupiter.execution.parallel.enabled}). Not run on its own (no
 * {@code Test} suffix). Each case drives its own session: taps, page data, storage, navigation.
 */
@MiniProgram("examples/quickstart")
@Execution(ExecutionMode.CONCURRENT)
class ParallelSuite {
  /** How many cases ({@code sparrow.suite.size}). */
  static final int SIZE = Integer.getInteger("sparrow.suite.size", 6);
  static final Set<String> APP_DATA_DIRS = ConcurrentHashMap.newKeySet();
  static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

  static IntStream cases() {
    return IntStream.rangeClosed(1, SIZE);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachCaseHasItsOwnSession(int n, Session s) {
    THREADS.add(Thread.currentThread().getName());
    assertThat(APP_DATA_DIRS.add(s.dataDir().toString())).as("a data folder of its own").isTrue();
    PageHandle index = s.currentPage();
    for (int i = 0; i < n % 5 + 1; i++) {
      index.callMethod("increment");
    }
    assertThat(index.data("count")).isEqualTo(n % 5 + 1);
    s.callWxSync("setStorageSync", "case", n);
    assertThat(s.callWxSync("getStorageSync", "case")).isEqualTo(n);
    index.callMethod("bindViewTap");
    s.awaitIdle();
    assertThat(s.currentPage().route()).isEqualTo("pages/logs/logs");
    assertThat(s.errors()).isEmpty();
    assertThat(s.currentPage().data()).isNotEqualTo(Map.of());
  }
}
