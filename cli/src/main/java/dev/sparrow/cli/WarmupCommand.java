package dev.sparrow.cli;

import dev.sparrow.automation.AutomationServer;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.simulator.Simulator;
import java.io.OutputStream;
import java.io.PrintWriter;
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
 * Hidden: the launcher's class-data-sharing training run. It loads what the common commands load
 * (a headless check of a project, the simulator serving a client, the automation server) so that
 * the archive made from this run serves them all.
 */
@Command(name = "warmup", hidden = true, description = "Training run for the class-data-sharing archive (used by ./sparrow).")
final class WarmupCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROJECT")
  Path project;

  @Override
  public Integer call() throws Exception {
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    int code = Main.execute(quiet, quiet, "--data-dir", "temp", "check", project.toString());
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
    try (AutomationServer server = AutomationServer.start(SessionOptions.of(project), 0)) {
      server.session().currentPage().data();
    }
    return code;
  }
}
