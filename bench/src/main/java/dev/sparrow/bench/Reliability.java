package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Load and soak runs on loopback (docs/benchmarks.md, "Reliability"), reporting what leaked:
 *
 * <ul>
 *   <li>{@code load N}: N {@code wx.request}s from page code through 10 concurrent tasks against a
 *       {@link FaultyServer} (resets, truncation, stalls past the timeout, slow drips): every call must
 *       settle exactly once (one success or fail, one complete) with a WeChat errMsg; after the session
 *       closes no thread, file descriptor or temp folder is left;
 *   <li>{@code soak N}: N sessions opened and closed one after another in this JVM, each doing network,
 *       files, storage and timers: heap, threads and descriptors stay flat, a closed session's timers
 *       never run, and nothing (storage, files, globals, prototypes) reaches the next session.
 * </ul>
 *
 * <p>{@code bench/run Reliability load 10000}, {@code bench/run Reliability soak 500}; {@code
 * ReliabilityTest} runs both with small counts in CI.
 */
public final class Reliability {
  /** The errMsgs a request may end with. */
  static final Pattern WECHAT_ERRMSG = Pattern.compile("request:ok|request:fail (timeout|net::ERR_[A-Z_]+)");

  private Reliability() {}

  /** Threads, open descriptors and Sparrow temp folders of this JVM, and the heap in use after GC. */
  record Usage(int threads, long fds, long tempFolders, long heapBytes, Set<Thread> live) {
    static Usage now(boolean gc) {
      if (gc) {
        for (int i = 0; i < 3; i++) {
          System.gc();
        }
      }
      Runtime rt = Runtime.getRuntime();
      Set<Thread> live = liveThreads();
      return new Usage(live.size(), countFds(), countTempFolders(), rt.totalMemory() - rt.freeMemory(), live);
    }

    /** Live Java threads, without the JVM-wide common pool's workers (they outlive any session by design). */
    private static Set<Thread> liveThreads() {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker")).collect(Collectors.toSet());
    }

    private static long countFds() {
      Path fd = Path.of("/proc/self/fd");
      if (!Files.isDirectory(fd)) {
        return -1;
      }
      try (Stream<Path> s = Files.list(fd)) {
        return s.count();
      } catch (IOException e) {
        return -1;
      }
    }

    private static long countTempFolders() {
      try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
        long pid = ProcessHandle.current().pid();
        return s.filter(p -> p.getFileName().toString().startsWith("sparrow-"))
            .filter(p -> owner(p).startsWith(pid + " ")).count();
      } catch (IOException e) {
        return -1;
      }
    }

    private static String owner(Path dir) {
      try {
        return Files.readString(dir.resolve(".sparrow-owner"));
      } catch (IOException e) {
        return "";
      }
    }
  }

  /** The outcome of a load run. */
  record LoadReport(int requests, Map<String, Long> faults, Map<String, Object> page, Usage before, Usage after,
      double seconds) {
    long settledOnce() {
      return ((Number) page.get("once")).longValue();
    }

    long threadsLeft() {
      return after.threads() - before.threads();
    }

    long fdsLeft() {
      return after.fds() - before.fds();
    }

    long tempLeft() {
      return after.tempFolders() - before.tempFolders();
    }
  }

  /** The outcome of a soak run. */
  record SoakReport(int sessions, Usage warm, Usage end, int lateTimers, List<String> leaks, double seconds) {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "load";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : what.equals("load") ? 10_000 : 500;
    if (what.equals("load")) {
      LoadReport r = load(n, 10, 42);
      System.out.printf("load: %d requests, 10 concurrent, faults %s; settled exactly once: %d; errMsgs %s;"
          + " threads left %d, fds left %d, temp folders left %d; %.1f s%n", r.requests(), r.faults(),
          r.settledOnce(), r.page().get("errMsgs"), r.threadsLeft(), r.fdsLeft(), r.tempLeft(), r.seconds());
    } else {
      SoakReport r = soak(n);
      System.out.printf("soak: %d sessions; heap after GC %.1f MB at %d sessions, %.1f MB at the end; threads %d -> %d;"
          + " fds %d -> %d; temp folders %d -> %d; timers run after close: %d; leaks: %s; %.1f s%n", r.sessions(),
          r.warm().heapBytes() / 1e6, Math.max(3, r.sessions() / 10), r.end().heapBytes() / 1e6, r.warm().threads(),
          r.end().threads(), r.warm().fds(), r.end().fds(), r.warm().tempFolders(), r.end().tempFolders(),
          r.lateTimers(), r.leaks().isEmpty() ? "0" : r.leaks(), r.seconds());
    }
  }

  /** {@code requests} wx.requests through {@code concurrency} tasks against a faulty server. */
  static LoadReport load(int requests, int concurrency, long seed) throws Exception {
    // a first, small run of the same kind opens what the JDK opens once and keeps (its HTTP and crypto resources
    // open descriptors lazily, and which ones differ between JDK releases), so the baseline counts only ours
    faultyRun(Math.min(requests, 20), concurrency, seed + 1, new LinkedHashMap<>());
    Usage before = settled(Usage.now(true), null);
    long t0 = System.nanoTime();
    Map<String, Long> faults = new LinkedHashMap<>();
    Map<String, Object> page = faultyRun(requests, concurrency, seed, faults);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Usage after = settled(Usage.now(true), before);
    return new LoadReport(requests, faults, page, before, after, seconds);
  }

  /** One session's {@code requests} through {@code concurrency} tasks against a faulty server; the page's tally. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> faultyRun(int requests, int concurrency, long seed, Map<String, Long> faults)
      throws Exception {
    try (FaultyServer server = new FaultyServer(seed, 0.5);
        Session s = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")).verifyDomains(false))) {
      s.awaitIdle();
      s.evaluate("function () { var R = globalThis.__rel = { started: 0, done: 0, calls: {}, errMsgs: {} };"
          + " var n = " + requests + ";"
          + " function one() { if (R.started >= n) return; var id = R.started++;"
          + "  R.calls[id] = { result: 0, complete: 0 };"
          + "  wx.request({ url: '" + server.url("/r/") + "' + id, timeout: 300, dataType: 'text',"
          + "   success: function (r) { R.calls[id].result++; R.errMsgs[r.errMsg] = (R.errMsgs[r.errMsg] || 0) + 1 },"
          + "   fail: function (e) { R.calls[id].result++; R.errMsgs[e.errMsg] = (R.errMsgs[e.errMsg] || 0) + 1 },"
          + "   complete: function () { R.calls[id].complete++; R.done++; one() } }) }"
          + " for (var i = 0; i < " + concurrency + "; i++) one() }");
      s.awaitUntil(x -> ((Number) x.evaluate("function () { return globalThis.__rel.done }")).intValue() >= requests,
          Duration.ofMinutes(30));
      s.awaitIdle();
      Map<String, Object> page = (Map<String, Object>) s.evaluate("function () {"
          + " var R = globalThis.__rel, once = 0, ids = Object.keys(R.calls);"
          + " ids.forEach(function (id) { var c = R.calls[id]; if (c.result === 1 && c.complete === 1) once++ });"
          + " return { once: once, calls: ids.length, done: R.done, errMsgs: R.errMsgs } }");
      for (FaultyServer.Fault f : FaultyServer.Fault.values()) {
        faults.put(f.name().toLowerCase(Locale.ROOT), server.count(f));
      }
      return page;
    }
  }

  /** {@code sessions} sessions one after another, each doing network, files, storage and timers. */
  static SoakReport soak(int sessions) throws Exception {
    AtomicInteger late = new AtomicInteger();
    List<String> leaks = new ArrayList<>();
    Usage warm = null;
    long t0 = System.nanoTime();
    try (FaultyServer server = new FaultyServer(7, 1.0)) {
      for (int i = 0; i < sessions; i++) {
        boolean[] closed = {false};
        try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("quickstart")).verifyDomains(false))) {
          s.awaitIdle();
          s.addBinding("lateTimer", (name, args) -> {
            if (closed[0]) {
              late.incrementAndGet();
            }
          });
          Object seen = s.evaluate("function () { var fs = wx.getFileSystemManager(), U = wx.env.USER_DATA_PATH;"
              + " var found = [];"
              + " if (globalThis.__soak !== undefined) found.push('global');"
              + " if (({}).__soakProto !== undefined || [].__soakArray !== undefined) found.push('prototype');"
              + " if (wx.getStorageSync('soak') !== '') found.push('storage');"
              + " if (fs.readdirSync(U).length > 0) found.push('files');"
              + " globalThis.__soak = 1; Object.prototype.__soakProto = 1; Array.prototype.__soakArray = 1;"
              + " wx.setStorageSync('soak', 1);"
              + " return new Promise(function (resolve) {"
              + "  fs.writeFile({ filePath: U + '/s.txt', data: 'soak', success: function () {"
              + "   fs.readFile({ filePath: U + '/s.txt', encoding: 'utf8', success: function (r) {"
              + "    if (r.data !== 'soak') found.push('read');"
              + "    wx.request({ url: '" + server.url("/s") + "', dataType: 'text', complete: function (r) {"
              + "     if (r.errMsg !== 'request:ok') found.push('request ' + r.errMsg);"
              + "     setTimeout(function () { resolve(found) }, 1) } }) } }) } }) }) }");
          if (!(seen instanceof List<?> list) || !list.isEmpty()) {
            leaks.add("session " + i + ": " + seen);
          }
          s.evaluate("function () { setTimeout(function () { lateTimer() }, 5);"
              + " new Promise(function (r) { setTimeout(r, 10) }).then(function () { lateTimer() });"
              + " setInterval(function () { lateTimer() }, 7) }");
        }
        closed[0] = true; // from here on, the closed session's timers and promises must never run
        if (i == Math.max(3, sessions / 10) - 1) {
          warm = settled(Usage.now(true), null);
        }
      }
    }
    Usage end = settled(Usage.now(true), warm);
    return new SoakReport(sessions, warm, end, late.get(), leaks, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Waits for the threads and descriptors of closed sessions to go before measuring again; returns the last
   * measurement. Threads: each thread that was not alive at {@code baseline} is joined (a closed session's loop,
   * network and file threads end once their executors are shut down; thread end is the signal, no polling), within
   * one overall bound so that a real leak is reported rather than waited on forever. Descriptors and temp folders: a
   * descriptor of a closed session is released either by an explicit close (done once its threads have ended) or
   * by a Cleaner after GC, which gives no completion signal to wait on; only for those is a bounded poll the way.
   */
  private static Usage settled(Usage first, Usage baseline) throws InterruptedException {
    if (baseline == null) {
      return first;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (Thread t : first.live()) {
      if (!baseline.live().contains(t)) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    Usage u = Usage.now(true);
    while (System.nanoTime() < deadline && (u.fds() > baseline.fds() || u.tempFolders() > baseline.tempFolders())) {
      Thread.sleep(100); // a Cleaner-released descriptor: see above
      u = Usage.now(true);
    }
    return u;
  }
}
