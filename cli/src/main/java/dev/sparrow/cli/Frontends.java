package dev.sparrow.cli;

import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.project.ProjectException;
import dev.sparrow.simulator.Simulator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The two ways {@code run} and {@code demo} show a mini program, headless or in the browser
 * simulator, and the options that choose between them (a picocli mixin of both commands).
 */
final class Frontends {
  /** A save is reloaded once the project folder has been quiet this long (editors write in several steps). */
  private static final Duration WATCH_QUIET = Duration.ofMillis(200);

  @Option(names = "--headless", description = "Run without the browser simulator.")
  boolean headless;

  @Option(names = "--exit-when-idle", description = "Stop once the mini program has launched and nothing is left to do (implies --headless).")
  boolean exitWhenIdle;

  @Option(names = "--port", paramLabel = "PORT", description = "Port of the simulator on 127.0.0.1 (default 9422; 0 picks a free one).")
  int port = 9422;

  @Option(names = "--no-open", description = "Do not open a browser (just print the simulator's URL).")
  boolean noOpen;

  @Option(names = "--no-watch", description = "Do not reload the simulator when a project file is saved.")
  boolean noWatch;

  @Option(names = "--log-network", description = "Print every finished network task (method, URL, status, sizes, time).")
  boolean logNetwork;

  /** Live reload: the last good build keeps running when the saved files do not load. */
  private static void reload(Terminal t, Simulator simulator, List<String> files) {
    try {
      List<String> problems = simulator.reload(files);
      if (problems.isEmpty()) {
        t.info("reloaded: " + String.join(", ", files));
      } else {
        problems.forEach(p -> t.print("not reloaded: " + p));
      }
    } catch (RuntimeException e) {
      t.print("not reloaded: " + e.getMessage());
    }
  }

  /** True when the options ask for no simulator. */
  boolean isHeadless() {
    return headless || exitWhenIdle;
  }

  /** Shows the mini program as the options say until it is stopped; returns the command's exit code. */
  int show(Terminal t, SessionOptions options, Resources resources) throws Exception {
    if (logNetwork) {
      options.onTraffic(e -> t.info("network: " + e));
    }
    return isHeadless() ? headless(t, options, resources) : simulator(t, options, resources);
  }

  /**
   * Runs headless, streaming console and errors and printing the WXSS problems {@code check} prints;
   * with {@code --exit-when-idle} returns once launched (1 if it had errors).
   */
  private int headless(Terminal t, SessionOptions options, Resources resources) throws InterruptedException {
    Session session;
    try {
      session = resources.hold(Sparrow.launch(options));
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      return 1;
    }
    session.awaitIdle(Duration.ofMinutes(1));
    t.info("running " + session.appId() + " at " + session.currentPageIfAny().map(Object::toString).orElse("(no page)")
        + (exitWhenIdle ? "" : " — Ctrl-C to stop"));
    CheckCommand.styleProblems(session).forEach(t::line);
    if (exitWhenIdle) {
      return session.errors().isEmpty() ? 0 : 1;
    }
    resources.awaitClosed(); // until Ctrl-C or SIGTERM
    return 0;
  }

  /** Serves the simulator on 127.0.0.1:{@code port}, prints its URL (and opens a browser unless {@code noOpen}) until stopped. */
  private int simulator(Terminal t, SessionOptions options, Resources resources) throws Exception {
    Simulator simulator;
    try {
      simulator = resources.hold(Simulator.start(options, Simulator.Config.DEFAULT.port(port).onListening(url -> {
        t.print("simulator: " + url);
        if (!noOpen) {
          Browser.open(url, t);
        }
      })));
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      return 1;
    } catch (Exception e) {
      throw Ports.explain(e, "the simulator", port, "--port");
    }
    boolean watching = !noWatch;
    if (watching) {
      try {
        resources.hold(new ProjectWatcher(options.projectDir(), WATCH_QUIET, files -> reload(t, simulator, files)));
      } catch (IOException e) {   // e.g. the system's limit of inotify watches
        t.info("live reload off: cannot watch " + options.projectDir() + " (" + e.getMessage() + ")");
        watching = false;
      }
    }
    t.info("running " + simulator.session().appId() + " — Ctrl-C to stop" + (watching ? "; saved files reload" : ""));
    simulator.awaitClosed();
    return 0;
  }
}
