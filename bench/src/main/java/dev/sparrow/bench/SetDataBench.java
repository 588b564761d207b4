package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code setData} as page code meets it, in examples/sim-lab's 1,000-row page ({@code pages/rows/rows}): page JS
 * calls {@code this.setData(…, callback)} and the time runs until the callback starts (the logic layer, the
 * crossing, the view's update and patches, the callback's task). A global {@code mark()} (a session binding) takes
 * {@code System.nanoTime()} (and the thread's CPU time, which a busy machine does not inflate) on the session thread
 * before the call and inside the callback. Three measures: one row's
 * title ({@code rows[i].title}, a different row each time), the whole 1,000-row list replaced by a fresh one, and in
 * the page of 200 custom components ({@code pages/cards/cards}) one card's {@code value} property
 * ({@code items[i].value}: the page's update, the property passed to the card, its observer's own setData, the card's
 * update). A fourth, {@code cell}: one cell of {@code pages/grid/grid} (50 rows of 20 cells, an imported template
 * with a nested {@code wx:for}), {@code rows[i].cells[j].v}.
 * Run it with the launcher's JIT flags to meet the numbers {@code ./sparrow} gives:
 * {@code BENCH_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bench/run SetDataBench 300}.
 *
 * <p>{@code bench/run SetDataBench [rounds] [row,fill,card,cell] [profile]}: with {@code profile}, the measured
 * rounds also record the runtime's JFR events ({@code dev.sparrow.SetData}, {@code dev.sparrow.SetDataCallback}) and
 * print where the time goes (medians of the session thread's CPU per step).
 */
public final class SetDataBench {
  private static final String ROUNDS = """
      function (kind, n) {
        const page = getCurrentPages()[getCurrentPages().length - 1]
        const fresh = (tag) => {
          const rows = []
          for (let i = 0; i < 1000; i++) {
            rows.push({ id: i, title: tag + ' ' + i, price: i % 50, qty: 2, done: i % 7 == 0 })
          }
          return rows
        }
        // a new text each phase, so that the measured round changes what the warm-up set (one setText per call)
        const turn = globalThis.__benchTurn = (globalThis.__benchTurn || 0) + 1
        return new Promise((resolve) => {
          let i = 0
          const t0 = Date.now()
          const next = () => {
            if (i === n) { resolve(Date.now() - t0); return }
            const change = kind === 'row'
              ? { ['rows[' + ((i * 389) % 1000) + '].title']: 'Tapped ' + i + '.' + turn }
              : kind === 'card'
              ? { ['items[' + ((i * 67) % 200) + '].value']: i + 1000 * turn }
              : kind === 'cell'
              ? { ['rows[' + ((i * 7) % 50) + '].cells[' + ((i * 3) % 20) + '].v']: -i - 1000 * turn }
              : { rows: fresh('R' + i) }
            i++
            mark()
            page.setData(change, () => { mark(); setTimeout(next, 0) })
          }
          next()
        })
      }
      """;

  /** After the fill: CPU time of the page's own JSON.stringify of such payloads, and of setData without a callback. */
  private static final String STRINGIFY = """
      function (n) {
        const page = getCurrentPages()[getCurrentPages().length - 1]
        const fresh = (tag) => {
          const rows = []
          for (let i = 0; i < 1000; i++) {
            rows.push({ id: i, title: tag + ' ' + i, price: i % 50, qty: 2, done: i % 7 == 0 })
          }
          return rows
        }
        const payloads = []
        for (let i = 0; i < n; i++) payloads.push({ rows: fresh('S' + i) })
        let len = 0
        mark()
        for (let i = 0; i < n; i++) len += JSON.stringify(payloads[i]).length
        mark()
        for (let i = 0; i < n; i++) page.setData(payloads[i])
        mark()
        return Math.round(len / n)
      }
      """;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    List<String> kinds = List.of(args.length > 1 ? args[1].split(",") : new String[] {"row", "fill", "card", "cell"});
    boolean profile = args.length > 2 && args[2].equals("profile");
    List<String> rowKinds = kinds.stream().filter(k -> k.equals("row") || k.equals("fill")).toList();
    if (!rowKinds.isEmpty()) {
      run("pages/rows/rows", rowKinds, rounds, profile);
    }
    if (kinds.contains("card")) {
      run("pages/cards/cards", List.of("card"), rounds, profile);
    }
    if (kinds.contains("cell")) {
      run("pages/grid/grid", List.of("cell"), rounds, profile);
    }
  }

  private static void run(String page, List<String> kinds, int rounds, boolean profile) {
    SessionOptions options = SessionOptions.of(Examples.path("sim-lab")).launchUrl(page)
        .scriptTimeout(Duration.ofSeconds(120));
    List<Long> marks = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Session s = Sparrow.launch(options)) {
      s.awaitIdle(Duration.ofMinutes(1));
      s.addBinding("mark", (name, a) -> {
        marks.add(System.nanoTime());
        cpu.add(threads.getCurrentThreadCpuTime());
      });
      for (String kind : kinds) {
        int n = kind.equals("fill") ? Math.max(20, rounds / 5) : rounds;
        s.evaluate(ROUNDS, kind, n);          // warm-up
        marks.clear();
        cpu.clear();
        SetDataSteps steps = profile ? SetDataSteps.start() : null;
        Object total = s.evaluate(ROUNDS, kind, n);
        if (steps != null) {
          steps.stopAndPrint();
        }
        double[] ms = new double[n];
        double[] onThread = new double[n];
        for (int i = 0; i < n; i++) {
          ms[i] = (marks.get(2 * i + 1) - marks.get(2 * i)) / 1e6;
          onThread[i] = (cpu.get(2 * i + 1) - cpu.get(2 * i)) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(onThread);
        String what = switch (kind) {
          case "row" -> "one-row";
          case "card" -> "one card's property (200 components)";
          case "cell" -> "one cell (50 rows × 20 cells, template + nested wx:for)";
          default -> "1,000-row fill";
        };
        System.out.printf("%s setData → callback, %d times: median %.2f ms, p10 %.2f, p90 %.2f"
            + " (page's Date.now: %s ms for all, with a setTimeout between)%n",
            what, n, ms[n / 2], ms[n / 10], ms[n * 9 / 10], total);
        System.out.printf("  CPU time of the session thread over the same span: median %.2f ms, p90 %.2f%n",
            onThread[n / 2], onThread[n * 9 / 10]);
        if (kind.equals("fill")) {
          cpu.clear();
          Object js = s.evaluate(STRINGIFY, n);
          System.out.printf("  JS stringify of the payload (%s chars): %.3f ms CPU;"
              + " setData without callback: %.3f ms%n", js, (cpu.get(1) - cpu.get(0)) / 1e6 / n,
              (cpu.get(2) - cpu.get(1)) / 1e6 / n);
        }
      }
      if (!s.errors().isEmpty()) {
        throw new IllegalStateException("page failed: " + s.errors());
      }
    }
  }
}
