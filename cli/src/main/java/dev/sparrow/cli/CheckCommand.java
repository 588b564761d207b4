package dev.sparrow.cli;

import dev.sparrow.apis.ui.HeadlessDialogs;
import dev.sparrow.runtime.ScriptError;
import dev.sparrow.runtime.Session;
import dev.sparrow.runtime.SessionOptions;
import dev.sparrow.runtime.Sparrow;
import dev.sparrow.runtime.WxCallException;
import dev.sparrow.runtime.project.PackIgnore;
import dev.sparrow.runtime.project.ProjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow check PROJECT}: loads the app and opens every page it can (onLoad, onShow, onReady with an
 * empty query), checks the syntax of every script the package holds (not those {@code packOptions.ignore} leaves
 * out), and prints each problem (the project's, a page's, a component's) as {@code file:line: message}. Exit
 * code 0 when clean, 1 otherwise.
 *
 * <p>Work that never ends (a timer chain) is blamed on the page that was current when its first timer was set, not on
 * the page being opened when the wait runs out (WeChat keeps a page's timers after it unloads).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Load the app and every page; print each problem as file:line: message; exit 1 if any.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project = new ProjectOptions();
  @ParentCommand Main main;
  @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "20",
      description = "How long the app and each page may stay busy after opening (default: ${DEFAULT-VALUE}).")
  int settleSeconds;
  @Option(names = "--timer-grace", paramLabel = "MS", defaultValue = "1000",
      description = "Timers the app or a page sets due within this long of its opening run before the next page"
          + " opens (default: ${DEFAULT-VALUE}).")
  long timerGraceMillis;

  @Override
  public Integer call() {
    Terminal t = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    if (main.dataDir == null) {
      main.dataDir = "temp";
    }
    SessionOptions options = project.toSessionOptions(main).dialogs(HeadlessDialogs.Policy.CONFIRM);
    Session session;
    try {
      session = main.resources.hold(Sparrow.launch(options));
    } catch (ProjectException e) {
      e.problems().forEach(t::problem);
      t.fail(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + project.project());
      return 1;
    }
    Set<String> problems = new LinkedHashSet<>();
    session.project().problems().forEach(p -> problems.add(p.toString()));
    settle(session, "launch", problems, session.now());
    List<String> pages = session.project().app().pages();
    for (String route : pages) {
      long opened = session.now();
      try {
        session.callWx("reLaunch", Map.of("url", "/" + route)); // settle() below waits, and says for what
      } catch (WxCallException e) {
        problems.add(route + ": " + e.errMsg());
      }
      settle(session, route, problems, opened);
    }
    problems.addAll(styleProblems(session));
    for (ScriptError e : session.errors()) {
      problems.add(e.toString());
    }
    boolean typescript = session.project().compilerPlugins().contains("typescript");
    PackIgnore left = PackIgnore.read(session.project().dir());
    for (String file : scripts(session.project().files().root(), typescript)) {
      if (left.ignores(file)) {
        continue; // not in the package WeChat runs (Node scripts with a #! line, notes…)
      }
      ScriptError syntax = syntaxOf(session, file);
      if (syntax != null) {
        problems.add(syntax.toString());
      }
    }
    problems.forEach(t::line);
    if (problems.isEmpty()) {
      t.ok(session.appId() + ": app and " + pages.size() + " page" + (pages.size() == 1 ? "" : "s") + " load without errors");
      return 0;
    }
    t.fail(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + project.project());
    return 1;
  }

  /** The WXSS problems of every page (app.wxss once), as {@code file:line: WXSS: message}. */
  static Set<String> styleProblems(Session session) {
    Set<String> problems = new LinkedHashSet<>();
    for (String route : session.project().app().pages()) {
      problems.addAll(session.styleProblems(route));
    }
    return problems;
  }

  /**
   * Waits for the session to be idle and for the timers due within the grace after {@code opened} to run (their
   * errors belong to this page, not to the next); else reports the pages whose timers are due (see {@link
   * Session#busyTimers}), or {@code where} when no timer is (endless work, a network call in flight). A page's
   * report reads the same whichever page's wait ran out, so it is printed once.
   */
  private void settle(Session session, String where, Set<String> problems, long opened) {
    try {
      session.awaitTimersBefore(opened + timerGraceMillis, Duration.ofSeconds(settleSeconds));
    } catch (IllegalStateException e) {
      String late = ": did not settle within " + settleSeconds + " s";
      Set<String> timers = session.busyTimers();
      if (timers.isEmpty()) {
        problems.add(where + late + " (endless work or a pending network call)");
      }
      for (String origin : timers) {
        problems.add(origin + late + " (a timer it set keeps firing: a setTimeout chain or setInterval)");
      }
    }
  }

  private static ScriptError syntaxOf(Session session, String file) {
    return session.checkSyntax(file).orElse(null);
  }

  /** The package's scripts by module path: each {@code .js}, and each {@code .ts} as its {@code .js} (TypeScript). */
  private static List<String> scripts(Path root, boolean typescript) {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().startsWith("node_modules"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .forEach(p -> {
            if (p.endsWith(".js")) {
              out.add(p);
            } else if (typescript && p.endsWith(".ts") && !p.endsWith(".d.ts")) {
              out.add(p.substring(0, p.length() - 3) + ".js");
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(out);
  }
}
