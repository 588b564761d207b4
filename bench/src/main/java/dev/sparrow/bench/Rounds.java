package dev.sparrow.bench;

import java.util.Arrays;

/** Times one step over warm-up and measured rounds and prints its median and p90 (the cloud benches' table rows). */
final class Rounds {
  private Rounds() {}

  /** One round; {@code i} counts measured rounds from 0 and warm-up rounds down from -1. */
  interface Step {
    void run(int i) throws Exception;
  }

  /** Prints the step's median and p90; returns the median in milliseconds. */
  static double time(String name, int warm, int rounds, Step step) {
    double[] ms = new double[rounds];
    try {
      for (int i = 0; i < warm; i++) {
        step.run(-1 - i);
      }
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        step.run(i);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    } catch (Exception e) {
      throw new IllegalStateException(name, e);
    }
    Arrays.sort(ms);
    System.out.printf("%s: median %.2f ms, p90 %.2f ms (%d rounds)%n", name, ms[rounds / 2], ms[rounds * 9 / 10],
        rounds);
    return ms[rounds / 2];
  }
}
