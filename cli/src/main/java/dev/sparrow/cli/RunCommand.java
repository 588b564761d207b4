package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow run PROJECT}: opens the mini program in the browser simulator (served on
 * 127.0.0.1; the URL is printed and a browser opened when there is one), or runs it headless with
 * {@code --headless}. Either way the console and errors stream to the terminal.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a mini program in the browser simulator (or headless with --headless); print its console and errors until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project = new ProjectOptions();
  @picocli.CommandLine.ParentCommand Main main;

  @Option(names = "--exit-when-idle", description = "Stop once the app has launched and nothing is left to do (implies --headless).")
  boolean exitWhenIdle;

  @Option(names = "--log-network", description = "Print every finished network task (method, URL, status, sizes, time).")
  boolean logNetwork;

  @Option(names = "--headless", description = "Run without the browser simulator.")
  boolean headless;

  @Option(names = "--port", paramLabel = "PORT", description = "Port of the simulator on 127.0.0.1 (default 9422; 0 picks a free one).")
  int port = 9422;

  @Option(names = "--no-open", description = "Do not open a browser (just print the simulator's URL).")
  boolean noOpen;

  @Override
  public Integer call() throws Exception {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    SessionOptions options = project.toSessionOptions(main).onConsole(t::console).onError(t::error);
    if (logNetwork) {
      options.onTraffic(e -> t.info("network: " + e));
    }
    if (headless || exitWhenIdle) {
      return Frontends.headless(t, options, exitWhenIdle);
    }
    return Frontends.simulator(t, options, port, noOpen);
  }
}
