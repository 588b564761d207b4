package dev.sparrow.cli;

import dev.sparrow.automation.AutomationServer;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden: the launcher's class-data-sharing training run. It loads what the common commands load
 * (a headless check of a project, the automation server) so that the archive made from this run
 * serves them all.
 */
@Command(name = "warmup", hidden = true, description = "Training run for the class-data-sharing archive (used by ./sparrow).")
final class WarmupCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROJECT")
  Path project;

  @Override
  public Integer call() throws Exception {
    int code = Main.execute(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
        new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()), "--data-dir", "temp", "check", project.toString());
    try (AutomationServer server = AutomationServer.start(SessionOptions.of(project), 0)) {
      server.session().currentPage().data();
    }
    return code;
  }
}
