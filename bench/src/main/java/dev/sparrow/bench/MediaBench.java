package dev.sparrow.bench;

import com.sun.net.httpserver.HttpServer;
import dev.sparrow.apis.media.AudioDuration;
import dev.sparrow.apis.media.ImageHeaders;
import dev.sparrow.apis.media.ImageInfo;
import dev.sparrow.apis.media.MediaFixtures;
import dev.sparrow.apis.media.internal.MediaWorkers;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * The media numbers of issue 7, side by side with their references:
 *
 * <ol>
 *   <li>{@code getImageInfo} of a 6000×4000 JPEG with EXIF: header read (apis) and the whole wx call
 *       from page JS, warm, beside a full {@code ImageIO.read} decode of the same file;
 *   <li>the duration of a ~10 MB VBR MP3 streamed from a 127.0.0.1 HTTP server through the media
 *       fetch, against the PCM length it was encoded from, with the peak heap of the run.
 * </ol>
 *
 * {@code bench/run MediaBench [images|mp3|all] [workDir]} — run the MP3 part with a small heap to show
 * the stream is not held: {@code BENCH_JAVA_OPTS=-Xmx32m bench/run MediaBench mp3 /tmp/media-bench}.
 */
public final class MediaBench {
  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sparrow-media-bench");
    Files.createDirectories(work);
    if (!what.equals("mp3")) {
      imageInfo(work);
    }
    if (!what.equals("images")) {
      mp3Duration(work);
    }
  }

  private static void imageInfo(Path work) throws Exception {
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve("pages/index"));
    Files.writeString(project.resolve("project.config.json"), "{\"appid\":\"wxsparrowbench01\"}");
    Files.writeString(project.resolve("app.json"), "{\"pages\":[\"pages/index/index\"]}");
    Files.writeString(project.resolve("app.js"), "App({})");
    Files.writeString(project.resolve("pages/index/index.js"), "Page({})");
    Files.writeString(project.resolve("pages/index/index.wxml"), "<view/>");
    Path jpeg = project.resolve("big.jpg");
    if (!Files.exists(jpeg)) {
      MediaFixtures.jpegWithOrientation(jpeg, 6000, 4000, 6);
    }
    System.out.printf("fixture: 6000x4000 JPEG, %.1f MB, EXIF orientation 6%n", Files.size(jpeg) / 1e6);

    long t0 = System.nanoTime();
    ImageInfo info = ImageHeaders.read(jpeg, "unknown").orElseThrow();
    double cold = (System.nanoTime() - t0) / 1e6;
    double[] headers = new double[300];
    for (int i = 0; i < headers.length; i++) {
      long t = System.nanoTime();
      ImageHeaders.read(jpeg, "unknown");
      headers[i] = (System.nanoTime() - t) / 1e6;
    }
    double[] decode = new double[8];
    for (int i = 0; i < decode.length; i++) {
      long t = System.nanoTime();
      ImageIO.read(jpeg.toFile());
      decode[i] = (System.nanoTime() - t) / 1e6;
    }
    double[] wx = new double[200];
    try (Session s = Sparrow.launch(SessionOptions.of(project))) {
      s.awaitIdle();
      for (int i = 0; i < 50; i++) {
        s.callWx("getImageInfo", Map.of("src", "/big.jpg"));
      }
      for (int i = 0; i < wx.length; i++) {
        long t = System.nanoTime();
        Map<String, Object> r = s.callWx("getImageInfo", Map.of("src", "/big.jpg"));
        wx[i] = (System.nanoTime() - t) / 1e6;
        if (!"right".equals(r.get("orientation"))) {
          throw new IllegalStateException("wrong result " + r);
        }
      }
    }
    System.out.printf("getImageInfo %s: header read cold %.1f ms, warm median %.2f ms (p90 %.2f)%n", info, cold, median(headers), p90(headers));
    System.out.printf("  wx.getImageInfo from page JS (bridge + header read), warm median %.2f ms (p90 %.2f)%n", median(wx), p90(wx));
    System.out.printf("  reference ImageIO.read full decode, median %.0f ms → header read is %.0fx faster%n", median(decode), median(decode) / median(headers));
  }

  private static void mp3Duration(Path work) throws Exception {
    Path mp3 = work.resolve("long-vbr.mp3");
    long pcmMillis = 640_000;
    if (!Files.exists(mp3)) {
      long t = System.nanoTime();
      MediaFixtures.mp3(mp3, pcmMillis, 44_100, "-V", "0");
      System.out.printf("fixture: encoded %d s of 44.1 kHz stereo to VBR -V 0 in %.1f s%n", pcmMillis / 1000, (System.nanoTime() - t) / 1e9);
    }
    System.out.printf("fixture: %.1f MB VBR MP3, %.3f s of PCM%n", Files.size(mp3) / 1e6, pcmMillis / 1000.0);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        ex.sendResponseHeaders(200, Files.size(mp3));
        try (OutputStream out = ex.getResponseBody()) {
          Files.copy(mp3, out);
        }
      }
    });
    server.start();
    try (MediaWorkers workers = new MediaWorkers()) {
      HttpMediaFetch fetch = new HttpMediaFetch(workers);
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/long.mp3";
      var memory = ManagementFactory.getMemoryMXBean();
      double[] ms = new double[5];
      long duration = 0;
      AtomicLong peakHeap = new AtomicLong();
      for (int i = 0; i < ms.length; i++) {
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long t = System.nanoTime();
        OptionalLong d = fetch.fetch(url, (type, length, body) -> {
          OptionalLong r = AudioDuration.ofStream(body, work.resolve("spool.m4a"));
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - before, Math::max);
          return r;
        }).get();
        ms[i] = (System.nanoTime() - t) / 1e6;
        duration = d.orElseThrow();
      }
      System.out.printf("MP3 duration over HTTP: %d ms vs %d ms of PCM (error %d ms); stream scan median %.0f ms (%.0f MB/s)%n",
          duration, pcmMillis, Math.abs(duration - pcmMillis), median(ms), Files.size(mp3) / 1e6 / (median(ms) / 1000));
      System.out.printf("  heap growth while scanning (incl. garbage) at most %.1f MB; max heap %.0f MB; file %.1f MB%n",
          peakHeap.get() / 1e6, Runtime.getRuntime().maxMemory() / 1e6, Files.size(mp3) / 1e6);
    } finally {
      server.stop(0);
    }
  }

  /** Median of a sample (shared by the harnesses). */
  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  /** 90th percentile of a sample. */
  static double p90(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length * 9 / 10];
  }
}
