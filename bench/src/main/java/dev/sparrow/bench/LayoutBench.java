package dev.sparrow.bench;

import dev.sparrow.runtime.Layout;
import dev.sparrow.runtime.PageElement;
import dev.sparrow.runtime.PageHandle;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless layout's costs: for each mode given ({@code none} or {@code browser}, in order), a session's launch until
 * idle and the mean {@code Session.measure} round trip of one element over 200 calls. The first {@code browser}
 * launch of the JVM includes starting Chromium; a {@code none} first warms the JVM.
 *
 * <p>{@code bench/run LayoutBench [project] [modes]}, e.g. {@code bench/run LayoutBench
 * simulator/src/test/resources/layout-lab none,none,browser,browser,browser}
 */
public final class LayoutBench {
  private static final int QUERIES = 200;

  public static void main(String[] args) {
    Path project = Path.of(args.length > 0 ? args[0] : "simulator/src/test/resources/layout-lab");
    String modes = args.length > 1 ? args[1] : "none,none,browser,browser,browser";
    for (String mode : modes.split(",")) {
      long t0 = System.nanoTime();
      try (Session s = Sparrow.launch(SessionOptions.of(project).layout(Layout.parse(mode))).awaitIdle()) {
        long launched = System.nanoTime() - t0;
        PageHandle page = s.currentPage();
        List<Integer> nodes = page.selectAll("view").stream().map(PageElement::nodeId).toList();
        long q0 = System.nanoTime();
        for (int i = 0; i < QUERIES; i++) {
          s.measure(page.id(), List.of(nodes.get(i % nodes.size())));
        }
        double perQuery = (System.nanoTime() - q0) / 1e6 / QUERIES;
        System.out.printf("%-8s launch to idle %6d ms   measure %6.2f ms%n", mode, launched / 1_000_000, perQuery);
      }
    }
    System.exit(0); // the layout browser's shutdown hook ends Chromium
  }
}
