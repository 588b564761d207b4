package dev.sparrow.cli;

import dev.sparrow.automation.AutomationServer;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.project.ProjectException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow auto --project DIR --auto-port PORT}: what {@code automator.launch({cliPath})}
 * runs. Launches the project and serves DevTools' automation protocol on {@code
 * ws://127.0.0.1:PORT} until a client sends {@code Tool.close}. Accepts the DevTools CLI's other
 * arguments and ignores them.
 */
@Command(name = "auto", mixinStandardHelpOptions = true,
    description = "Serve WeChat DevTools' automation protocol (miniprogram-automator, minium) on ws://127.0.0.1:PORT.")
final class AutoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand Main main;

  @Option(names = "--project", required = true, paramLabel = "DIR", description = "The mini program folder.")
  Path project;

  @Option(names = "--auto-port", paramLabel = "PORT", description = "Port of the automation WebSocket (default 9420).")
  int port = 9420;

  @Option(names = "--auto-account", hidden = true, description = "Ignored (DevTools: the WeChat account to log in with).")
  String account;

  @Option(names = "--ticket", hidden = true, description = "Ignored (DevTools: login ticket).")
  String ticket;

  @Option(names = "--trust-project", hidden = true, description = "Ignored (DevTools: trust the project).")
  boolean trustProject;

  @Option(names = "--port", hidden = true, description = "Ignored (DevTools: its HTTP service port).")
  Integer httpPort;

  @Option(names = "--lang", hidden = true, description = "Ignored (DevTools: UI language).")
  String lang;

  @Override
  public Integer call() throws Exception {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    SessionOptions options = main.sessionOptions(project).onError(t::error);
    AutomationServer server;
    try {
      server = AutomationServer.start(options, port);
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      return 1;
    }
    try (server) {
      t.info("automation: " + server.endpoint() + " (" + server.session().appId() + ")");
      server.awaitClosed();
    }
    return 0;
  }
}
