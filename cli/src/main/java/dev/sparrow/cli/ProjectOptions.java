package dev.sparrow.cli;

import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project argument and launch options shared by {@code run} and {@code check}. */
final class ProjectOptions {
  @Parameters(index = "0", paramLabel = "PROJECT", description = "The mini program folder (the one with project.config.json).")
  Path project;

  @Option(names = "--launch", paramLabel = "URL", description = "Open this page (with query) instead of the entry page, e.g. pages/logs/logs?x=1.")
  String launchUrl;

  SessionOptions toSessionOptions(Main main) {
    SessionOptions o = main.sessionOptions(project);
    if (launchUrl != null) {
      o.launchUrl(launchUrl);
    }
    return o;
  }
}
