package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The project and launch options shared by {@code run}, {@code check} and {@code auto}: the project
 * as the first argument or as {@code --project DIR} (DevTools' CLI form, which automator.launch uses).
 */
final class ProjectOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path positional;

  @Option(names = "--project", paramLabel = "DIR", description = "The mini program folder, instead of PROJECT.")
  Path option;

  @Option(names = "--launch", paramLabel = "URL", description = "Open this page (with query) instead of the entry page, e.g. pages/logs/logs?x=1.")
  String launchUrl;

  /** The project folder, given once either way. */
  Path project() {
    if (positional != null && option != null && !positional.equals(option)) {
      throw new ParameterException(command.commandLine(), "two projects given: " + positional + " and --project " + option);
    }
    if (positional == null && option == null) {
      throw new ParameterException(command.commandLine(), "which project? sparrow " + command.name() + " PROJECT (or --project DIR)");
    }
    return positional != null ? positional : option;
  }

  SessionOptions toSessionOptions(Main main) {
    SessionOptions o = main.sessionOptions(project());
    if (launchUrl != null) {
      o.launchUrl(launchUrl);
    }
    return o;
  }
}
