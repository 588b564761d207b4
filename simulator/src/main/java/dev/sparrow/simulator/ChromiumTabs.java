package dev.sparrow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.runtime.ScratchDir;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One headless Chromium for the layout of headless sessions ({@code Layout.BROWSER}): started on first use with a
 * DevTools port on loopback and a throw-away profile, each session's page a tab of it opened and closed through the
 * DevTools HTTP endpoints ({@code /json/new}, {@code /json/close}). One per JVM ({@link #shared()}), ended by a
 * shutdown hook; a tab costs a renderer process, the browser is started once.
 */
final class ChromiumTabs {
  /** The JVM's browser, started on first use (null until then, or after it failed to start). */
  private static ChromiumTabs shared;

  private final Process process;
  private final ScratchDir work;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ChromiumTabs(Process process, ScratchDir work, int port) {
    this.process = process;
    this.work = work;
    this.port = port;
  }

  /** The JVM's layout browser, started now if it is not running. */
  static synchronized ChromiumTabs shared() throws IOException {
    if (shared == null || !shared.process.isAlive()) {
      shared = start();
      ChromiumTabs started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sparrow-layout-chromium-stop"));
    }
    return shared;
  }

  /** Ends the JVM's layout browser now if it runs (tests that count browser processes); the next use starts one. */
  static synchronized void stopShared() {
    if (shared != null) {
      shared.stop();
      shared = null;
    }
  }

  private static ChromiumTabs start() throws IOException {
    Path browser = Chromium.find().orElseThrow(() -> new IOException(
        "needs Chromium, which is not installed (apt-get install chromium, or set SPARROW_CHROMIUM)"));
    ScratchDir work = ScratchDir.create("layout");
    Path profile = work.path().resolve("profile");
    Path tmp = Files.createDirectory(work.path().resolve("tmp"));
    List<String> cmd = new ArrayList<>();
    cmd.add(browser.toString());
    cmd.addAll(Chromium.QUIET_FLAGS);
    cmd.add("--user-data-dir=" + profile);
    cmd.add("--remote-debugging-address=127.0.0.1");
    cmd.add("--remote-debugging-port=0");
    cmd.add("--window-size=1280,1000");
    cmd.add("about:blank");
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.path().resolve("chromium.log").toFile());
    builder.environment().put("TMPDIR", tmp.toString());
    Process p = builder.start();
    Path active = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try {
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (Files.isRegularFile(active)) {
          List<String> lines = Files.readAllLines(active);
          if (!lines.isEmpty() && lines.get(0).matches("\\d{1,5}")) {
            return new ChromiumTabs(p, work, Integer.parseInt(lines.get(0)));
          }
        }
        p.waitFor(20, TimeUnit.MILLISECONDS); // the browser writes its port file once
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    end(p);
    String log = Files.readString(work.path().resolve("chromium.log"));
    work.close();
    throw new IOException("Chromium did not open its DevTools port within 30 s: " + log.lines().limit(5).toList());
  }

  /** Opens {@code url} in a new tab; returns the tab's id. */
  String open(String url) throws IOException {
    JsonNode target = call("/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8), "PUT");
    String id = target.path("id").asText("");
    if (id.isEmpty()) {
      throw new IOException("Chromium opened no tab: " + target);
    }
    return id;
  }

  /** Closes tab {@code id} (nothing if it is gone). */
  void close(String id) {
    try {
      call("/json/close/" + URLEncoder.encode(id, StandardCharsets.UTF_8), "GET");
    } catch (IOException e) {
      // the browser or the tab is gone already
    }
  }

  private JsonNode call(String path, String method) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("Chromium answered " + response.statusCode() + " to " + path + ": " + response.body());
      }
      String body = response.body();
      return body.startsWith("{") ? Browsers.JSON.readTree(body) : Browsers.JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while talking to Chromium");
    }
  }

  private void stop() {
    end(process);
    work.close();
  }

  /** Ends the browser and every process it started. */
  private static void end(Process p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a process that will not die is the system's to reap
      }
    }
  }
}
