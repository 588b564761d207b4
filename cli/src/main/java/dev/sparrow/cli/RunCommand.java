package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow run PROJECT} (or {@code --project DIR}): opens the mini program in the browser simulator (served on
 * 127.0.0.1; the URL is printed and a browser opened when there is one), or runs it headless with
 * {@code --headless}. Either way the console and errors stream to the terminal.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a mini program in the browser simulator (or headless with --headless); print its console and errors until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project = new ProjectOptions();
  @picocli.CommandLine.ParentCommand Main main;

  @Mixin Frontends frontend;

  @Override
  public Integer call() throws Exception {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    SessionOptions options = project.toSessionOptions(main).onConsole(t::console).onError(t::error);
    return frontend.show(t, options, main.resources);
  }
}
