package dev.sparrow.cli;

import dev.sparrow.automation.AutomationServer;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.project.ProjectException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow auto --project DIR --auto-port PORT} (or {@code sparrow auto DIR}): what {@code
 * automator.launch({cliPath})} runs. Launches the project and serves DevTools' automation protocol on {@code
 * ws://127.0.0.1:PORT} until a client sends {@code Tool.close}. Accepts the DevTools CLI's other
 * arguments and ignores them.
 */
@Command(name = "auto", mixinStandardHelpOptions = true,
    description = "Serve WeChat DevTools' automation protocol (miniprogram-automator, minium) on ws://127.0.0.1:PORT.")
final class AutoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand Main main;

  @Mixin ProjectOptions project = new ProjectOptions();

  @Option(names = "--auto-port", paramLabel = "PORT", description = "Port of the automation WebSocket (default 9420; 0 picks a free one).")
  int port = 9420;

  @Option(names = "--auto-token", paramLabel = "TOKEN",
      description = "Only clients connecting to ws://127.0.0.1:PORT/TOKEN may drive the session (shared machines; "
          + "DevTools has no token, so none by default).")
  String token;

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
    SessionOptions options = project.toSessionOptions(main).onError(t::error);
    AutomationServer server;
    try {
      server = main.resources.hold(AutomationServer.start(options, port, token));
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      return 1;
    } catch (Exception e) {
      throw Ports.explain(e, "the automation server", port, "--auto-port");
    }
    t.info("automation: " + server.endpoint() + " (" + server.session().appId() + ")");
    server.awaitClosed(); // until a client sends Tool.close, or Ctrl-C / SIGTERM
    return 0;
  }
}
