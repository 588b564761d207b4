package dev.sparrow.cli;

import dev.sparrow.demo.Demo;
import dev.sparrow.demo.DemoBackend;
import dev.sparrow.demo.DemoSite;
import dev.sparrow.runtime.ScratchDir;
import dev.sparrow.runtime.SessionOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow demo}: the bundled demo mini program ({@code examples/demo}) with its backend in
 * this process, in the browser simulator (or headless with {@code --headless}). The pages' public
 * URLs (www.baidu.com, v.juhe.cn, api.example.com, cdn.example.com, echo.websocket.org) are mapped
 * to the backend on 127.0.0.1 and whitelisted, with the project's {@code urlCheck} on: it needs no
 * network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Open the bundled demo mini program, with its local backend (offline), in the browser simulator (or headless with"
        + " --headless); print its console and errors until stopped (Ctrl-C).")
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand Main main;

  @Mixin Frontends frontend;

  @Option(names = "--backend-port", paramLabel = "PORT", description = "Port of the demo backend on 127.0.0.1 (default: a free one).")
  int backendPort;

  @Option(names = "--project", paramLabel = "DIR", description = "The demo project (default: examples/demo of this Sparrow).")
  Path project;

  @Override
  public Integer call() throws Exception {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    Path dir = project != null ? project : Demo.project();
    Resources resources = main.resources;
    DemoBackend backend;
    try {
      backend = resources.hold(DemoBackend.open(backendPort));
    } catch (RuntimeException e) {
      throw Ports.explain(e, "the demo backend", backendPort, "--backend-port");
    }
    serveMeanwhile(backend, t); // Jetty starts on the other core while the session launches
    t.info("demo backend: " + backend.address() + " serves "
        + Arrays.stream(DemoSite.values()).map(DemoSite::origin).collect(Collectors.joining(", ")));
    SessionOptions options = Demo.configure(main.sessionOptions(dir), backend).onConsole(t::console).onError(t::error);
    if (frontend.isHeadless() && main.album == null) {
      // headless, chooseImage would be cancelled without an album; in the simulator the browser picks files
      options.album(Demo.writeAlbum(resources.hold(ScratchDir.create("demo-album")).path()));
    }
    return frontend.show(t, options, resources);
  }

  private static void serveMeanwhile(DemoBackend backend, Terminal t) {
    Thread serving = new Thread(() -> {
      try {
        backend.serve();
      } catch (RuntimeException e) {
        t.line("sparrow: " + e.getMessage());
      }
    }, "sparrow-demo-backend-start");
    serving.setDaemon(true);
    serving.start();
  }
}
