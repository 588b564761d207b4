package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.simulator.Simulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sparrow warmup PROJECT} (hidden): the launcher's class-data-sharing training run. It does
 * what a cold start does — {@code check} the project, then serve it in the simulator and let a
 * client load the page and connect — so that the archive holds the classes of both.
 */
@Command(name = "warmup", hidden = true, description = "Training run for the launcher's class-data-sharing archive.")
final class WarmupCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROJECT")
  Path project;

  @Override
  public Integer call() throws Exception {
    StringWriter quiet = new StringWriter();
    int checked = Main.execute(new PrintWriter(quiet), new PrintWriter(quiet), "--data-dir", "temp", "check", project.toString());
    try (Simulator sim = Simulator.start(SessionOptions.of(project), Simulator.Config.DEFAULT)) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      for (String path : new String[] {"", "sim/js/main.js", "sim/pages.css"}) {
        http.send(HttpRequest.newBuilder(URI.create(sim.url() + path)).build(), HttpResponse.BodyHandlers.discarding());
      }
      WebSocket ws = http.newWebSocketBuilder().header("Origin", sim.url().substring(0, sim.url().length() - 1))
          .buildAsync(URI.create(sim.url().replace("http:", "ws:") + "ws"), new WebSocket.Listener() {}).join();
      sim.session().awaitIdle(Duration.ofSeconds(30));
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
    return checked;
  }
}
