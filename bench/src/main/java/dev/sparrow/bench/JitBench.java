package dev.sparrow.bench;

import com.sun.management.OperatingSystemMXBean;
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
 * How a JIT configuration serves a long session: examples/sim-lab's 1,000-row page driven in phases, each phase 300
 * one-row {@code setData}s, 30 whole-list fills and a JS-heavy handler (a page function summing over the rows 200
 * times), and per phase the session thread's CPU medians (what a busy machine does not inflate) and the whole
 * process's CPU seconds (the JIT's compiler threads included). Run it under each configuration, e.g.
 * {@code BENCH_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bench/run JitBench 8}; docs/benchmarks.md,
 * "Launcher JIT", has the table.
 *
 * <p>{@code bench/run JitBench [phases]}
 */
public final class JitBench {
  private static final String SET_DATA = """
      function (kind, n, phase) {
        const page = getCurrentPages()[getCurrentPages().length - 1]
        const fresh = (tag) => {
          const rows = []
          for (let i = 0; i < 1000; i++) {
            rows.push({ id: i, title: tag + ' ' + i, price: i % 50, qty: 2, done: i % 7 == 0 })
          }
          return rows
        }
        return new Promise((resolve) => {
          let i = 0
          const next = () => {
            if (i === n) { resolve(n); return }
            const change = kind === 'row'
              ? { ['rows[' + ((i * 389 + phase) % 1000) + '].title']: 'Tapped ' + phase + ' ' + i }
              : { rows: fresh('R' + phase + ' ' + i) }
            i++
            mark()
            page.setData(change, () => { mark(); setTimeout(next, 0) })
          }
          next()
        })
      }
      """;
  private static final String COMPUTE = """
      function (n) {
        const rows = getCurrentPages()[getCurrentPages().length - 1].data.rows
        let total = 0
        for (let k = 0; k < n; k++) {
          mark()
          for (const r of rows) { total += r.price * r.qty + (r.done ? 1 : 0) + r.title.length }
          mark()
        }
        return total
      }
      """;

  private JitBench() {}

  public static void main(String[] args) {
    int phases = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    long start = System.nanoTime();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> cpu = new ArrayList<>();
    SessionOptions options = SessionOptions.of(Examples.path("sim-lab")).launchUrl("pages/rows/rows")
        .scriptTimeout(Duration.ofSeconds(120));
    try (Session s = Sparrow.launch(options)) {
      s.awaitIdle(Duration.ofMinutes(1));
      System.out.printf("launched: %.2f s wall, process CPU %.2f s%n", (System.nanoTime() - start) / 1e9,
          os.getProcessCpuTime() / 1e9);
      s.addBinding("mark", (name, a) -> cpu.add(threads.getCurrentThreadCpuTime()));
      System.out.println("phase  wall s  process CPU s  | session-thread CPU medians, ms: one row, fill, JS loop");
      for (int phase = 1; phase <= phases; phase++) {
        cpu.clear();
        s.evaluate(SET_DATA, "row", 300, phase);
        double row = median(cpu);
        cpu.clear();
        s.evaluate(SET_DATA, "fill", 30, phase);
        double fill = median(cpu);
        cpu.clear();
        s.evaluate(COMPUTE, 200);
        double loop = median(cpu);
        System.out.printf("%5d  %6.1f  %13.2f  | %.3f  %.2f  %.3f%n", phase, (System.nanoTime() - start) / 1e9,
            os.getProcessCpuTime() / 1e9, row, fill, loop);
      }
      if (!s.errors().isEmpty()) {
        throw new IllegalStateException("page failed: " + s.errors());
      }
    }
  }

  /** Median of the spans between successive pairs of marks, in ms. */
  private static double median(List<Long> marks) {
    double[] spans = new double[marks.size() / 2];
    for (int i = 0; i < spans.length; i++) {
      spans[i] = (marks.get(2 * i + 1) - marks.get(2 * i)) / 1e6;
    }
    Arrays.sort(spans);
    return spans.length == 0 ? Double.NaN : spans[spans.length / 2];
  }
}
