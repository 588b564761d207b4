package dev.sparrow.bench;

import dev.sparrow.apis.network.LoopbackServer;
import dev.sparrow.runtime.Examples;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network numbers of issue 5, side by side in one run against one local Jetty server:
 *
 * <ol>
 *   <li>{@code wx.request} from page JS at concurrency 10 vs a raw JDK HttpClient with 10 threads;
 *   <li>{@code wx.downloadFile} / {@code wx.uploadFile} of 1 GiB vs {@code curl}, with the heap's
 *       peak growth during the transfer;
 *   <li>WebSocket echo of 100,000 × 1 KB messages from page JS vs a raw JDK WebSocket client.
 * </ol>
 *
 * <p>{@code bench/run NetworkBench [requests] [gib] [messages]}
 */
public final class NetworkBench {
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long bytes = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 1.0) * (1L << 30));
    int messages = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    LoopbackServer.recordMessages = false;
    try (LoopbackServer server = server()) {
      Path dir = Files.createTempDirectory("sparrow-bench-net");
      try (Session s = Sparrow.launch(SessionOptions.of(Examples.path("network-lab")).verifyDomains(false)
          .network(b -> b.downloadLimit(Long.MAX_VALUE)))) {
        s.awaitIdle();
        System.out.printf("network benchmark: %d requests, %.2f GiB transfers, %d WebSocket messages; %d cores, %s%n", requests,
            bytes / (double) (1L << 30), messages, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        requests(s, server, requests);
        download(s, server, bytes, dir);
        upload(s, server, bytes, dir);
        sockets(s, server, messages);
      } finally {
        try (var walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static LoopbackServer server() {
    byte[] small = "{\"id\":1,\"name\":\"sparrow\",\"tags\":[\"a\",\"b\"]}".getBytes();
    return LoopbackServer.start()
        .route("/small", (rq, rs, cb) -> LoopbackServer.respond(rs, cb, 200, "application/json", small))
        .route("/bytes", LoopbackServer.zeros())
        .route("/count", LoopbackServer.countingSink());
  }

  // ---- 1. requests at concurrency 10 --------------------------------------------------------------

  private static void requests(Session s, LoopbackServer server, int n) throws Exception {
    String url = server.http("/small");
    double[] raw = new double[3];
    double[] wx = new double[3];
    rawRequests(url, n / 4);
    wxRequests(s, url, n / 4);
    for (int round = 0; round < 3; round++) {
      raw[round] = rawRequests(url, n);
      wx[round] = wxRequests(s, url, n);
    }
    System.out.printf("wx.request, concurrency 10: %.0f req/s; raw JDK HttpClient, 10 threads: %.0f req/s; ratio %.2f (medians of 3 alternating rounds)%n",
        median(wx), median(raw), median(wx) / median(raw));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double rawRequests(String url, int n) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
    AtomicInteger left = new AtomicInteger(n);
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      Thread t = new Thread(() -> {
        try {
          while (left.getAndDecrement() > 0) {
            client.send(req, HttpResponse.BodyHandlers.ofString());
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static double wxRequests(Session s, String url, int n) {
    long t0 = System.nanoTime();
    Object ok = s.evaluate("function (url, n) { return new Promise(function (done) { var started = 0, finished = 0, good = 0;"
        + " function next() { if (started >= n) return; started++;"
        + "   wx.request({ url: url, success: function (res) { if (res.statusCode === 200 && res.data.id === 1) good++ },"
        + "     complete: function () { finished++; if (finished === n) done(good); else next() } }) }"
        + " for (var i = 0; i < 10; i++) next() }) }", url, n);
    double rate = n / ((System.nanoTime() - t0) / 1e9);
    if (((Number) ok).intValue() != n) {
      throw new IllegalStateException("only " + ok + " of " + n + " requests succeeded");
    }
    return rate;
  }

  // ---- 2. 1 GiB transfers ---------------------------------------------------------------------------

  private static void download(Session s, LoopbackServer server, long bytes, Path dir) throws Exception {
    String url = server.http("/bytes?n=" + bytes);
    Path curlOut = dir.resolve("curl.bin");
    double curl = timed(() -> run("curl", "-sS", "-o", curlOut.toString(), url), bytes);
    Files.delete(curlOut);
    HeapPeak peak = new HeapPeak();
    Object[] path = new Object[1];
    double wx = timed(() -> path[0] = s.evaluate("function (url) { return new Promise(function (done, fail) { wx.downloadFile({ url: url,"
        + " success: function (res) { done(res.tempFilePath) }, fail: fail }) }) }", url), bytes);
    long growth = peak.stop();
    Files.delete(s.network().files().readable((String) path[0]));
    System.out.printf("wx.downloadFile 1 GiB: %.0f MB/s; curl: %.0f MB/s; ratio %.2f; heap peak growth %.1f MB%n", wx / 1e6, curl / 1e6,
        wx / curl, growth / 1e6);
  }

  private static void upload(Session s, LoopbackServer server, long bytes, Path dir) throws Exception {
    Path file = s.network().files().userDir().resolve("upload.bin");
    try (var ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 7);
      for (long left = bytes; left > 0; left -= block.length) {
        ch.write(ByteBuffer.wrap(block, 0, (int) Math.min(block.length, left)));
      }
    }
    String url = server.http("/count");
    double curl = timed(() -> run("curl", "-sS", "-o", "/dev/null", "-F", "file=@" + file, url), bytes);
    HeapPeak peak = new HeapPeak();
    double wx = timed(() -> s.evaluate("function (url) { return new Promise(function (done, fail) { wx.uploadFile({ url: url, name: 'file',"
        + " filePath: wx.env.USER_DATA_PATH + '/upload.bin', success: function (res) { done(res.data) }, fail: fail }) }) }", url), bytes);
    long growth = peak.stop();
    Files.delete(file);
    System.out.printf("wx.uploadFile 1 GiB: %.0f MB/s; curl -F: %.0f MB/s; ratio %.2f; heap peak growth %.1f MB%n", wx / 1e6, curl / 1e6,
        wx / curl, growth / 1e6);
  }

  // ---- 3. WebSocket echo --------------------------------------------------------------------------

  private static void sockets(Session s, LoopbackServer server, int n) throws Exception {
    String url = server.ws("/ws/echo");
    String message = "m".repeat(1024);
    double[] raw = new double[3];
    double[] wx = new double[3];
    rawEcho(url, message, n / 4);
    wxEcho(s, url, message, n / 4);
    for (int round = 0; round < 3; round++) {
      raw[round] = rawEcho(url, message, n);
      wx[round] = wxEcho(s, url, message, n);
    }
    System.out.printf("WebSocket echo of %d x 1 KB from page JS: %.0f msg/s; raw JDK WebSocket: %.0f msg/s; ratio %.2f (medians of 3 alternating rounds)%n",
        n, median(wx), median(raw), median(wx) / median(raw));
  }

  private static double rawEcho(String url, String message, int n) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && received.incrementAndGet() == n) {
          done.countDown();
        }
        webSocket.request(1);
        return null;
      }
    }).join();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ws.sendText(message, true).join();
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("raw echo stalled at " + received.get());
    }
    double rate = n / ((System.nanoTime() - t0) / 1e9);
    ws.sendClose(1000, "").join();
    return rate;
  }

  private static double wxEcho(Session s, String url, String message, int n) {
    long t0 = System.nanoTime();
    Object got = s.evaluate("function (url, msg, n) { return new Promise(function (done) { var t = wx.connectSocket({ url: url }), got = 0;"
        + " var sent = 0; function burst() { for (var i = 0; i < 1000 && sent < n; i++, sent++) t.send({ data: msg });"
        + "   if (sent < n) setTimeout(burst, 0) }"
        + " t.onOpen(burst);"
        + " t.onMessage(function (m) { if (m.data.length === 1024 && ++got === n) { t.close({}); done(got) } }) }) }", url, message, n);
    double rate = n / ((System.nanoTime() - t0) / 1e9);
    s.awaitIdle();
    if (((Number) got).intValue() != n) {
      throw new IllegalStateException("echo got " + got);
    }
    return rate;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  interface Work {
    void run() throws Exception;
  }

  /** Bytes per second of {@code work} moving {@code bytes}. */
  private static double timed(Work work, long bytes) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return bytes / ((System.nanoTime() - t0) / 1e9);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  /** Samples the heap every 5 ms from a GC'd baseline; {@link #stop} returns the peak growth. */
  private static final class HeapPeak {
    private final AtomicLong peak = new AtomicLong();
    private final long base;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak() {
      System.gc();
      var mem = ManagementFactory.getMemoryMXBean();
      base = mem.getHeapMemoryUsage().getUsed();
      sampler = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      return Math.max(0, peak.get() - base);
    }
  }

}
