package dev.sparrow.cli;

import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.project.ProjectException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sparrow run PROJECT}: runs a mini program and streams its console and errors. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a mini program headless; print its console and errors until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project = new ProjectOptions();
  @picocli.CommandLine.ParentCommand Main main;

  @Option(names = "--exit-when-idle", description = "Stop once the app has launched and nothing is left to do.")
  boolean exitWhenIdle;

  @Option(names = "--log-network", description = "Print every finished network task (method, URL, status, sizes, time).")
  boolean logNetwork;

  @Option(names = "--headless", description = "Run without the browser simulator (currently the only mode).")
  boolean headless;

  @Override
  public Integer call() throws Exception {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    SessionOptions options = project.toSessionOptions(main).onConsole(t::console).onError(t::error);
    if (logNetwork) {
      options.onTraffic(e -> t.info("network: " + e));
    }
    Session session;
    try {
      session = Sparrow.launch(options);
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      return 1;
    }
    try (session) {
      session.awaitIdle(Duration.ofMinutes(1));
      t.info("running " + session.appId() + " at " + session.currentPageIfAny().map(Object::toString).orElse("(no page)")
          + (exitWhenIdle ? "" : " — Ctrl-C to stop"));
      if (exitWhenIdle) {
        return session.errors().isEmpty() ? 0 : 1;
      }
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
      return 0;
    }
  }
}
