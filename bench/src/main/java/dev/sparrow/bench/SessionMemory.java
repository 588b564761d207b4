package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.Sparrow;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens N concurrent sessions of a project and keeps them all alive; reports the heap used after a
 * full GC. Run with a capped heap to prove they fit: {@code BENCH_JAVA_OPTS=-Xmx2g bench/run
 * SessionMemory 50}.
 */
public final class SessionMemory {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String project = args.length > 1 ? args[1] : "quickstart";
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    List<Session> sessions = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sessions.add(Sparrow.launch(Examples.path(project)));
    }
    for (Session s : sessions) {
      s.awaitIdle();
      s.currentPage().callMethod("increment");
    }
    long elapsed = System.nanoTime() - t0;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("%d live sessions of %s: heap used %.0f MB (%.1f MB per session beyond the %.0f MB base), max heap %.0f MB, opened in %.1f s%n",
        n, project, after / 1e6, (after - before) / 1e6 / n, before / 1e6, rt.maxMemory() / 1e6, elapsed / 1e9);
    for (Session s : sessions) {
      if (!s.currentPage().data("count").equals(1)) {
        throw new IllegalStateException("session lost its state");
      }
      s.close();
    }
  }
}
