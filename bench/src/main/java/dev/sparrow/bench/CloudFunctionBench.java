package dev.sparrow.bench;

import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code wx.cloud.callFunction} on the emulator (issue 21): examples/cloud-notes' {@code login} function called
 * from page JS, cold (the first call of a session: a new GraalJS context, the SDK prelude, {@code index.js} loaded)
 * and warm (the same context again). The first cold call of the JVM is reported apart: later sessions share the
 * engine's parsed code. Usage: {@code bench/run CloudFunctionBench [sessions] [warmCalls]}.
 */
public final class CloudFunctionBench {
  private static final String LOGIN = "function () { return wx.cloud.callFunction({ name: 'login' })"
      + ".then(r => r.result.openid) }";

  private CloudFunctionBench() {}

  public static void main(String[] args) throws IOException {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path root = Files.createTempDirectory("cloud-function-bench");
    SessionOptions options = SessionOptions.of(Examples.path("cloud-notes")).dataDir(root);
    double[] cold = new double[sessions];
    double[] warm = new double[calls];
    for (int i = 0; i < sessions; i++) {
      try (Session s = Sparrow.launch(options).awaitIdle()) {
        long t0 = System.nanoTime();
        s.evaluate(LOGIN);
        cold[i] = (System.nanoTime() - t0) / 1e6;
        if (i == sessions - 1) {
          for (int w = 0; w < 50; w++) {
            s.evaluate(LOGIN);
          }
          for (int c = 0; c < calls; c++) {
            long t = System.nanoTime();
            s.evaluate(LOGIN);
            warm[c] = (System.nanoTime() - t) / 1e6;
          }
        }
      }
    }
    System.out.printf("cold, first of the JVM: %.1f ms%n", cold[0]);
    double[] later = Arrays.copyOfRange(cold, 1, sessions);
    report("cold, later sessions", later);
    report("warm", warm);
  }

  private static void report(String name, double[] ms) {
    Arrays.sort(ms);
    System.out.printf("%s: median %.2f ms, p90 %.2f ms (%d calls)%n", name, ms[ms.length / 2],
        ms[ms.length * 9 / 10], ms.length);
  }
}
