package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.time.Duration;
import java.util.Arrays;

/**
 * Canvas, measured from page JS in headless sessions: examples/poster's frame (draw and hand to the canvas) and its
 * draw + 750×1334 PNG export; examples/echarts with a 1,000-point line (run examples/echarts/setup first), time from
 * {@code echarts.init} to its first {@code finished}, each in a fresh session of a warm JVM. Prints medians.
 * The Chromium side of the frame ratio: {@code simulator/src/test/node/run canvas-bench}.
 *
 * <p>{@code bench/run CanvasBench [rounds]}
 */
public final class CanvasBench {
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    boolean chartsOnly = args.length > 1 && args[1].equals("echarts");
    SessionOptions poster = SessionOptions.of(Examples.path("poster")).scriptTimeout(Duration.ofSeconds(60));
    if (!chartsOnly) {
      poster(poster, rounds);
    }
    charts(rounds);
  }

  /** The poster's frame and export medians. */
  private static void poster(SessionOptions poster, int rounds) {
    try (Session s = Sparrow.launch(poster)) {
      s.awaitIdle();
      for (int i = 0; i < 10; i++) {
        time(s, "timeFrame");
        time(s, "timeExport");
      }
      double[] frame = new double[rounds];
      double[] export = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        frame[i] = time(s, "timeFrame");
        export[i] = time(s, "timeExport");
      }
      System.out.printf("poster frame (draw + flush to Java2D), median %.1f ms (p90 %.1f)%n", MediaBench.median(frame), MediaBench.p90(frame));
      System.out.printf("poster draw + 750x1334 PNG export, median %.1f ms (p90 %.1f)%n", MediaBench.median(export), MediaBench.p90(export));
    }
  }

  /** ECharts' 1,000-point line: echarts.init to the first finished, in fresh sessions. */
  private static void charts(int rounds) {
    SessionOptions charts = SessionOptions.of(Examples.path("echarts")).scriptTimeout(Duration.ofSeconds(120))
        .launchUrl("pages/charts/charts?points=1000");
    int chartRounds = Math.max(3, rounds / 4);
    double[] line = new double[chartRounds];
    for (int i = -2; i < chartRounds; i++) {
      try (Session s = Sparrow.launch(charts)) {
        s.awaitUntil(x -> String.valueOf(x.currentPage().data("drawn")).contains("line") || !x.errors().isEmpty(),
            Duration.ofMinutes(5)); // idle between two animation frames is not done
        Object ms = s.evaluate("function () { var p = getCurrentPages()[0]; return p && p.firstDraw ? p.firstDraw.line : -1 }");
        if (!(ms instanceof Number n) || n.doubleValue() < 0) {
          throw new IllegalStateException("the chart did not draw: " + s.errors() + " " + s.console());
        }
        if (i >= 0) {
          line[i] = ((Number) ms).doubleValue();
        }
      }
    }
    System.out.printf("ECharts 1,000-point line, echarts.init to first finished, median %.0f ms (runs %s)%n", MediaBench.median(line),
        Arrays.toString(line));
  }

  private static double time(Session s, String method) {
    Object r = s.evaluate("function (m) { return getCurrentPages()[0][m]() }", method);
    return ((Number) r).doubleValue();
  }
}
