package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.util.Arrays;

/**
 * Warm session start: in a JVM that already ran sessions of the project, the time from {@code
 * Sparrow.launch} until the first page ran onReady and the session is idle. Prints every round and
 * the median.
 *
 * <p>{@code bench/run WarmLaunch [project] [warmup] [rounds]}
 */
public final class WarmLaunch {
  public static void main(String[] args) {
    String project = args.length > 0 ? args[0] : "quickstart";
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    SessionOptions options = SessionOptions.of(Examples.path(project));
    long first = 0;
    for (int i = 0; i < warmup; i++) {
      long t0 = System.nanoTime();
      try (Session s = Sparrow.launch(options)) {
        s.awaitIdle();
      }
      if (i == 0) {
        first = System.nanoTime() - t0;
      }
    }
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      try (Session s = Sparrow.launch(options)) {
        s.awaitIdle();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        if (s.currentPage() == null || !s.errors().isEmpty()) {
          throw new IllegalStateException("launch failed: " + s.errors());
        }
      }
    }
    Arrays.sort(ms);
    System.out.printf("first launch in this JVM: %.0f ms%n", first / 1e6);
    System.out.printf("warm launch of %s to onReady + idle over %d rounds: median %.1f ms, p10 %.1f ms, p90 %.1f ms%n",
        project, rounds, ms[rounds / 2], ms[rounds / 10], ms[rounds * 9 / 10]);
  }
}
