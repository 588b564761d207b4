package dev.sparrow.cli;

import dev.sparrow.runtime.Sparrow;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sparrow} command. */
@Command(
    name = "sparrow",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Runs WeChat mini programs on the JVM: headless, offline, no login.",
    subcommands = {RunCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output going to {@code out} and {@code err} (tests call this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("sparrow: " + e.getMessage());
          return 2;
        })
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sparrow " + Sparrow.version(), "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
