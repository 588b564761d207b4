package dev.sparrow.bench;

import java.util.Arrays;
import java.util.List;

/** Times one step over warm-up and measured rounds and prints its median and p90 (the cloud benches' table rows). */
final class Rounds {
  private Rounds() {}

  /** One round; {@code i} counts measured rounds from 0 and warm-up rounds down from -1. */
  interface Step {
    void run(int i) throws Exception;
  }

  /** Prints the step's median and p90; returns the median in milliseconds. */
  static double time(String name, int warm, int rounds, Step step) {
    return interleaved(List.of(name), warm, rounds, List.of(step))[0];
  }

  /**
   * Times several steps round by round (step 1, step 2, … then the next round), so that a machine whose load drifts
   * weighs on each alike; prints one row per step and returns their medians in milliseconds.
   */
  static double[] interleaved(List<String> names, int warm, int rounds, List<Step> steps) {
    double[][] ms = new double[steps.size()][rounds];
    try {
      for (int i = 0; i < warm; i++) {
        for (Step step : steps) {
          step.run(-1 - i);
        }
      }
      for (int i = 0; i < rounds; i++) {
        for (int s = 0; s < steps.size(); s++) {
          long t0 = System.nanoTime();
          steps.get(s).run(i);
          ms[s][i] = (System.nanoTime() - t0) / 1e6;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(String.join(" / ", names), e);
    }
    double[] medians = new double[steps.size()];
    for (int s = 0; s < steps.size(); s++) {
      Arrays.sort(ms[s]);
      medians[s] = ms[s][rounds / 2];
      System.out.printf("%s: median %.2f ms, p90 %.2f ms (%d rounds)%n", names.get(s), medians[s],
          ms[s][rounds * 9 / 10], rounds);
    }
    return medians;
  }
}
