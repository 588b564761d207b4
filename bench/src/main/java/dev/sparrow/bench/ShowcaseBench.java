package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A UI-library page as a user meets it headless: examples/vant's basic page (26 Vant components, 40 instances with
 * their inner ones) opened by {@code Sparrow.launch} until idle, first in a fresh JVM and then warm; and
 * {@code setData} of one field of that page ({@code PageHandle.setData}: the loop hand-off, the page's re-render
 * with every component in it, the diff). Needs {@code npm install} in examples/vant (build npm runs at launch).
 *
 * <p>{@code bench/run ShowcaseBench [rounds]}
 */
public final class ShowcaseBench {
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path project = Examples.path("vant");
    if (!Files.isDirectory(project.resolve("node_modules/@vant/weapp"))) {
      throw new IllegalStateException("run npm install in " + project + " first");
    }
    SessionOptions options = SessionOptions.of(project).launchUrl("pages/basic/basic").scriptTimeout(Duration.ofSeconds(120));
    double[] open = new double[rounds];
    double first = 0;
    for (int i = -1; i < rounds; i++) {
      long t0 = System.nanoTime();
      try (Session s = Sparrow.launch(options)) {
        s.awaitIdle(Duration.ofMinutes(3));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!s.errors().isEmpty()) {
          throw new IllegalStateException("page failed: " + s.errors());
        }
        if (i < 0) {
          first = ms;
        } else {
          open[i] = ms;
        }
      }
    }
    double[] set = new double[rounds * 10];
    try (Session s = Sparrow.launch(options)) {
      s.awaitIdle(Duration.ofMinutes(3));
      PageHandle page = s.currentPage();
      for (int i = 0; i < 20; i++) {
        page.setData(Map.of("lastTap", "warm " + i));
      }
      for (int i = 0; i < set.length; i++) {
        long t0 = System.nanoTime();
        page.setData(Map.of("lastTap", "tap " + i));
        set[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(open);
    Arrays.sort(set);
    System.out.printf("first open of pages/basic/basic in this JVM: %.0f ms%n", first);
    System.out.printf("warm open over %d rounds: median %.0f ms, p10 %.0f, p90 %.0f%n", rounds, open[rounds / 2], open[rounds / 10],
        open[rounds * 9 / 10]);
    System.out.printf("setData of one field, %d times: median %.2f ms, p90 %.2f%n", set.length, set[set.length / 2], set[set.length * 9 / 10]);
  }
}
